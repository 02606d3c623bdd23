package feed

import (
	"sort"
	"strings"
)

// maxHeldBytes bounds what a Shopify export's reader holds to put a product's rows together:
// the product-level cells of the products read so far and the rows waiting for their product's
// title. Past it the oldest products are let go, their waiting rows read as they are.
const maxHeldBytes = 32 << 20

// sortedHeldBytes bounds what is held while the export is in Handle order (Shopify's own), in
// which a product's rows stand together and the products read before are not needed again.
const sortedHeldBytes = 1 << 20

// exportProduct is one product of a Shopify admin export as its rows have given it so far.
type exportProduct struct {
	// cells are its product-level cells, by column: each the first non-empty one its rows gave.
	cells []string
	// waiting are its rows read before the row that gives its title, with the lines they start
	// on: a file sorted by another column (SKU, price, inventory) puts a product's rows apart,
	// its variants before its first row.
	waiting []heldRow
	bytes   int
}

// heldRow is a row of a Shopify export put aside until its product's title is known.
type heldRow struct {
	rec  []string
	line int
}

// arrange takes a row of a Shopify export read on line and returns the rows that are ready to
// read as items, completed from their product's cells (see fill), in the order of their lines:
// none for an image row, a row that is no item on sale, or a row whose product has not yet
// given its title (the Handle groups a product's rows wherever they stand in the file); the
// rows of the product waiting for it as well as this one once it does. rec is reused by the
// caller: a row put aside is copied. The slice returned is reused by the next call.
func (s *shopifyExport) arrange(rec []string, line int) []heldRow {
	handle := cellAt(rec, s.handle)
	if cellAt(rec, s.price) == "" && cellAt(rec, s.sku) == "" && !s.hasOptionValue(rec) {
		return nil // another image of the product: its image is not the product's first
	}
	p := s.products[handle]
	if p != nil && handle != s.lastHandle {
		s.shuffled = true // a product whose rows stand apart
	}
	s.lastHandle = handle
	if p == nil {
		p = &exportProduct{}
		s.products[handle] = p
		s.order = append(s.order, handle)
		// the product's entry itself: its handle, its place in the map and in order
		p.bytes += len(handle) + productOverhead
		s.held += len(handle) + productOverhead
	}
	for len(p.cells) < len(rec) {
		p.cells = append(p.cells, "")
		p.bytes += cellOverhead
		s.held += cellOverhead
	}
	for _, i := range s.product {
		if i < len(rec) && strings.TrimSpace(p.cells[i]) == "" && strings.TrimSpace(rec[i]) != "" {
			// a copy: the cell may share its memory with the whole row's
			p.cells[i] = strings.Clone(rec[i])
			p.bytes += len(rec[i])
			s.held += len(rec[i])
		}
	}
	if s.title >= 0 && s.title < len(p.cells) && strings.TrimSpace(p.cells[s.title]) == "" {
		s.shuffled = true // a row before its product's title
		held := heldRow{rec: append([]string(nil), rec...), line: line}
		p.waiting = append(p.waiting, held)
		n := rowBytes(held.rec)
		p.bytes += n
		s.held += n
		return s.letGo()
	}
	// Products read in full are held too, for rows of theirs further down a re-sorted file:
	// in a file sorted by Handle (Shopify's own order) they are never needed again, so the
	// bound lets the oldest go and the reader streams.
	ready := s.readyBuf[:0]
	for _, w := range p.waiting {
		if !s.fill(w.rec, p) {
			ready = append(ready, w)
		}
		n := rowBytes(w.rec)
		p.bytes -= n
		s.held -= n
	}
	p.waiting = nil
	if !s.fill(rec, p) {
		ready = append(ready, heldRow{rec: rec, line: line})
	}
	s.readyBuf = ready
	// after p's own rows are taken: letting p go now returns none of them twice
	if gone := s.letGo(); len(gone) > 0 {
		return append(gone, ready...)
	}
	return ready
}

// rest returns the rows still waiting at the end of the file, whose products never gave a
// title, completed as far as their products' cells go, in the order of their lines.
func (s *shopifyExport) rest() []heldRow {
	var out []heldRow
	for _, h := range s.order {
		out = append(out, s.release(h)...)
	}
	s.order = nil
	sortHeld(out)
	return out
}

// letGo lets the oldest products go while more than maxHeldBytes is held (sortedHeldBytes
// while the file is in Handle order), returning their waiting rows.
func (s *shopifyExport) letGo() []heldRow {
	limit := maxHeldBytes
	if !s.shuffled {
		limit = sortedHeldBytes
	}
	var out []heldRow
	for s.held > limit && len(s.order) > 1 {
		out = append(out, s.release(s.order[0])...)
		s.order = s.order[1:]
	}
	return out
}

// release forgets the product of handle and returns its waiting rows, completed from its cells.
func (s *shopifyExport) release(handle string) []heldRow {
	p := s.products[handle]
	if p == nil {
		return nil
	}
	delete(s.products, handle)
	s.held -= p.bytes
	var out []heldRow
	for _, w := range p.waiting {
		if !s.fill(w.rec, p) {
			out = append(out, w)
		}
	}
	return out
}

// sortHeld puts rows in the order of their lines.
func sortHeld(rows []heldRow) {
	sort.SliceStable(rows, func(i, j int) bool { return rows[i].line < rows[j].line })
}

// productOverhead and cellOverhead are what a held product costs beside its cells' text: its
// entry in products and order, and a string header per cell.
const (
	productOverhead = 128
	cellOverhead    = 16
)

func rowBytes(rec []string) int {
	n := 24
	for _, v := range rec {
		n += len(v) + cellOverhead
	}
	return n
}
