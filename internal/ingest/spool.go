package ingest

import (
	"bufio"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// spool holds a run's normalised items between reading the feed and applying it, so that
// nothing is written before the feed has been read whole and passed the size check. Items stay
// in memory up to a byte budget; past it the spool moves to an unnamed temporary file (created
// and unlinked at once where the system allows, so a crash leaves nothing behind) and memory
// stays flat however big the feed.
type spool struct {
	budget int // bytes of items kept in memory before spilling
	dir    string

	mem  []listing
	size int // estimated bytes in mem
	n    int

	f   *os.File
	w   *bufio.Writer
	enc *gob.Encoder
}

// defaultSpoolBudget keeps a typical shop's feed (tens of thousands of items) in memory.
const defaultSpoolBudget = 64 << 20

func newSpool(budget int) *spool { return &spool{budget: budget} }

// spooled is a listing in the spool file: gob writes exported fields only.
type spooled struct {
	Line     int
	Brand    string
	Category []string
	KeyParts catalog.KeyParts
	Product  catalog.Product
	Offer    catalog.Offer
}

// add appends one item.
func (s *spool) add(l listing) error {
	s.n++
	if s.f == nil {
		s.mem = append(s.mem, l)
		s.size += footprint(l)
		if s.size <= s.budget {
			return nil
		}
		return s.spill()
	}
	return s.encode(l)
}

// len is how many items the spool holds.
func (s *spool) len() int { return s.n }

// spill moves the items in memory to a temporary file; later items go straight to it.
func (s *spool) spill() error {
	f, err := os.CreateTemp(s.dir, "tagdrop-import-*.spool")
	if err != nil {
		return fmt.Errorf("spool feed items: %w", err)
	}
	_ = os.Remove(f.Name()) // unlinked: the open file lives on until closed (not on Windows, see close)
	s.f, s.w = f, bufio.NewWriterSize(f, 1<<20)
	s.enc = gob.NewEncoder(s.w)
	for _, l := range s.mem {
		if err := s.encode(l); err != nil {
			return err
		}
	}
	s.mem, s.size = nil, 0
	return nil
}

func (s *spool) encode(l listing) error {
	err := s.enc.Encode(spooled{Line: l.line, Brand: l.brand, Category: l.category, KeyParts: l.keyParts, Product: l.product, Offer: l.offer})
	if err != nil {
		return fmt.Errorf("spool feed items: %w", err)
	}
	return nil
}

// batches hands the items to fn in feed order, size at a time. The slice is reused between
// calls.
func (s *spool) batches(size int, fn func([]listing) error) error {
	if s.f == nil {
		for start := 0; start < len(s.mem); start += size {
			if err := fn(s.mem[start:min(len(s.mem), start+size)]); err != nil {
				return err
			}
		}
		return nil
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("spool feed items: %w", err)
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return fmt.Errorf("spool feed items: %w", err)
	}
	dec := gob.NewDecoder(bufio.NewReaderSize(s.f, 1<<20))
	batch := make([]listing, 0, size)
	for {
		var sp spooled
		err := dec.Decode(&sp)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("read spooled feed items: %w", err)
		}
		batch = append(batch, listing{line: sp.Line, brand: sp.Brand, category: sp.Category, keyParts: sp.KeyParts,
			product: sp.Product, offer: sp.Offer})
		if len(batch) == size {
			if err := fn(batch); err != nil {
				return err
			}
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		return fn(batch)
	}
	return nil
}

// close releases the spool's file, if any.
func (s *spool) close() {
	if s.f != nil {
		s.f.Close()
		_ = os.Remove(s.f.Name()) // where the early unlink failed
		s.f = nil
	}
	s.mem = nil
}

// footprint estimates the bytes a listing holds.
func footprint(l listing) int {
	n := 400 // the structs themselves
	for _, c := range l.category {
		n += len(c)
	}
	p, o := &l.product, &l.offer
	return n + len(l.brand) + len(p.Title) + len(p.Description) + len(p.ImageURL) + len(p.Color) + len(p.Material) +
		len(p.GTIN) + len(p.MPN) + len(o.ItemID) + len(o.URL) + len(o.Size) + len(o.Color) + len(l.keyParts.Title)
}
