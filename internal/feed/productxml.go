package feed

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// productXMLReader reads XML product feeds that are not Merchant Center's RSS or Atom: a root
// holding one element per product (<product>, <offer>, <item>, <produkt>, <article>…) whose
// child elements are its fields, named as delimited feeds name their columns (PriceRunner's
// ProductName and Price, a shop's <title> and <price currency="EUR">). A product's elements,
// nested ones by their own names (<price><buynow>), and the product element's own attributes
// (<offer id="12">) are read as one row under a header of their names, which the column names
// of delimited feeds (mapColumns) resolve; products of the same element names share the
// resolution. The column map applies too.
type productXMLReader struct {
	dec  *xml.Decoder
	src  *bufio.Reader // what dec reads, byte by byte
	opts Options
	// outer are the local names of the elements open around the products, root first, and ns
	// the namespace of the last one: a decoder restarted after a broken product is primed with
	// them (see skipBroken).
	outer []string
	ns    string
	// transcoded is set when a declared encoding put a transcoder between src and dec.
	transcoded bool
	// lineBase is the feed's lines before what the current decoder reads; skipped counts the
	// broken products skipped.
	lineBase, skipped int
	// record is the local name of the products' element, settled by the first one seen that
	// holds fields (settled is set then).
	record  string
	settled bool
	// byHeader holds a row reader per list of element names seen; last is the one used last,
	// under lastHeader (products of a feed nearly all share one list of names).
	byHeader   map[string]*delimitedReader
	last       *delimitedReader
	lastHeader []string
	err        error
}

// recordNames are the element names of one product in XML product feeds, compared in lower case.
var recordNames = map[string]bool{"product": true, "offer": true, "item": true, "produkt": true, "artikel": true, "article": true,
	"produit": true, "producto": true, "prodotto": true, "record": true, "prod": true}

func newProductXMLReader(r io.Reader, opts Options) *productXMLReader {
	pr := &productXMLReader{opts: opts, byHeader: map[string]*delimitedReader{}}
	pr.newDecoder(utf8Fallback(r))
	return pr
}

// Next returns the next product's item; see Reader.
func (r *productXMLReader) Next() (Item, error) {
	if r.err != nil {
		return Item{}, r.err
	}
	for {
		tok, err := r.dec.Token()
		if err == io.EOF {
			if r.record == "" {
				r.err = errors.New("product-xml: no product elements (<product>, <offer>, <item>…) in the feed")
			} else {
				r.err = io.EOF
			}
			return Item{}, r.err
		}
		if err != nil {
			r.err = r.feedError(err)
			return Item{}, r.err
		}
		if ee, ok := tok.(xml.EndElement); ok && len(r.outer) > 0 && ee.Name.Local == r.outer[len(r.outer)-1] {
			r.outer = r.outer[:len(r.outer)-1]
			continue
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		name := strings.ToLower(se.Name.Local)
		if r.record == "" && recordNames[name] {
			r.record = name
		}
		if name != r.record {
			r.outer, r.ns = append(r.outer, se.Name.Local), se.Name.Space
			continue
		}
		line := r.line()
		header, rec, err := r.readRecord(se)
		var tooLong errProductTooLong
		if errors.As(err, &tooLong) {
			return Item{Line: line}, &RowError{Line: line, Reason: err.Error()}
		}
		if err != nil {
			if re := r.skipBroken(se, line, err); re != nil {
				return Item{Line: line}, re
			}
			r.err = r.feedError(err)
			return Item{}, r.err
		}
		if len(header) == 0 && !r.settled {
			// text alone (a menu's <item>Home</item> above the products): no product, and the
			// products' element is still to be found
			r.record = ""
			continue
		}
		r.settled = true
		rr, err := r.rowReader(header)
		if err != nil {
			return Item{Line: line}, &RowError{Line: line, Reason: err.Error()}
		}
		return rr.rowItem(rec, line)
	}
}

// readRecord reads a product element up to its end: the names and texts of the elements in it
// that hold text, and of its own attributes.
func (r *productXMLReader) readRecord(se xml.StartElement) (header, rec []string, err error) {
	for _, a := range se.Attr {
		if a.Name.Space != "xmlns" && a.Name.Local != "xmlns" {
			header, rec = append(header, a.Name.Local), append(rec, strings.TrimSpace(a.Value))
		}
	}
	var stack []xml.StartElement
	var text strings.Builder
	var nestedHeader, nestedRec []string // elements inside a child element, after the children's own
	skip := 0                            // 1 inside a child whose elements are no product fields (shipping, tax)
	size, tooLong := 0, false
	limit := r.opts.MaxRecordBytes
	if limit <= 0 {
		limit = DefaultMaxRecordBytes
	}
	for {
		tok, err := r.dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t)
			if len(stack) == 1 && skip == 0 && notProductField(t.Name.Local) {
				skip = 1
			}
			text.Reset()
		case xml.CharData:
			if size += len(t); size > limit {
				tooLong = true // read on to its end, keeping none of it
			}
			if !tooLong {
				text.Write(t)
			}
		case xml.EndElement:
			if len(stack) == 0 {
				if tooLong {
					return nil, nil, errProductTooLong{limit}
				}
				return append(header, nestedHeader...), append(rec, nestedRec...), nil
			}
			el := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if cur := currencyAttr(el); cur != "" && strings.TrimSpace(text.String()) == "" && skip == 0 {
				// a price element holding the amounts (Awin's <price curr="EUR"><buynow>):
				// its currency is theirs
				header, rec = append(header, "currency"), append(rec, cur)
			}
			if v := strings.TrimSpace(text.String()); v != "" && (skip == 0 || len(stack) == 0) {
				cur := currencyAttr(el)
				v = withCurrency(el.Name.Local, v, cur)
				names, cells := &header, &rec
				if len(stack) > 0 {
					names, cells = &nestedHeader, &nestedRec
				}
				*names, *cells = append(*names, el.Name.Local), append(*cells, v)
				if cur != "" && isPriceName(el.Name.Local) {
					*names, *cells = append(*names, "currency"), append(*cells, cur)
				}
			}
			if len(stack) == 0 {
				skip = 0
			}
			text.Reset()
		}
	}
}

// errProductTooLong is a product whose text is longer than Options.MaxRecordBytes: it is
// read to its end, keeping none of it, and is a row error; the products after it are read.
type errProductTooLong struct{ limit int }

func (e errProductTooLong) Error() string {
	return fmt.Sprintf("the product is longer than %d bytes; it is skipped", e.limit)
}

// notProductField reports a child element of a product whose elements are about something else
// than the product, with names of their own that product fields have: shipping's and tax's
// price, country and rate.
func notProductField(name string) bool {
	k := headerKey(name)
	for _, p := range []string{"shipping", "tax", "installment", "loyalty", "subscription", "versand"} {
		if strings.HasPrefix(k, p) {
			return true
		}
	}
	return false
}

// currencyAttr is the currency attribute of an element, or "".
func currencyAttr(el xml.StartElement) string {
	for _, a := range el.Attr {
		if isCurrencyAttr(a.Name.Local) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// isPriceName reports an element name that is one of the price columns' names.
func isPriceName(name string) bool {
	k := headerKey(name)
	for _, f := range []string{"price", "sale_price", FieldRegularPrice} {
		for _, n := range defaultColumns[f] {
			if n == k {
				return true
			}
		}
	}
	return false
}

// rowReader is the reader of rows under header, made once per list of names.
func (r *productXMLReader) rowReader(header []string) (*delimitedReader, error) {
	if r.last != nil && slices.Equal(header, r.lastHeader) {
		return r.last, nil
	}
	key := strings.Join(header, "\x00")
	if rr := r.byHeader[key]; rr != nil {
		r.last, r.lastHeader = rr, slices.Clone(header)
		return rr, nil
	}
	cols, err := mapColumns(header, r.opts.ColumnMap)
	if err != nil {
		return nil, err
	}
	rr := &delimitedReader{cols: cols, parse: r.opts.ParsePrice, currency: r.opts.Currency, encoding: "UTF-8", columns: len(header)}
	if rr.parse == nil {
		rr.parse = DefaultParsePrice
	}
	for _, f := range fieldOrder {
		if idx := cols.byField[f]; len(idx) > 0 {
			rr.fields = append(rr.fields, boundField{name: f, set: fieldSetters[f], cols: idx})
		}
	}
	if len(r.byHeader) >= 64 {
		clear(r.byHeader)
	}
	r.byHeader[key] = rr
	r.last, r.lastHeader = rr, slices.Clone(header)
	return rr, nil
}

// productXML reports XML that is a product feed productXMLReader reads: not RSS or Atom, with
// an element named as one product (see recordNames) and an element whose name says price. The
// products may be written with a namespace prefix (<cat:product>). An order, invoice or cart
// that lists what was bought as <item> or <product> elements is no product feed: the first
// such element inside one (see insideTransaction) refuses the XML.
func productXML(peek []byte) bool {
	peek = withoutQuotedText(peek)
	if feedRoot.Match(peek) {
		return false
	}
	tags := xmlStartTag.FindAllSubmatchIndex(peek, -1)
	for i, m := range tags {
		if recordNames[strings.ToLower(string(peek[m[2]:m[3]]))] {
			return !insideTransaction(peek, tags[:i], m[0]) && xmlPriceTag.Match(peek)
		}
	}
	return false
}

// insideTransaction reports a start tag among tags, all before offset at in peek, that names an
// order, an invoice, a cart or a shipment (see transactionNames) and is still open at at: the
// element there is a line of it, not a product on sale.
func insideTransaction(peek []byte, tags [][]int, at int) bool {
	for _, m := range tags {
		name := string(peek[m[2]:m[3]])
		if !transactionNames[strings.ToLower(strings.ReplaceAll(name, "_", ""))] {
			continue
		}
		if end := bytes.IndexByte(peek[m[0]:at], '>'); end > 0 && peek[m[0]+end-1] == '/' {
			continue // <order/>: empty, open around nothing
		}
		if !closes(peek[m[1]:at], name) {
			return true
		}
	}
	return false
}

// closes reports an end tag of the element name in b ("</order>", not "</order_id>").
func closes(b []byte, name string) bool {
	end := []byte("</" + name)
	for {
		i := bytes.Index(b, end)
		if i < 0 {
			return false
		}
		b = b[i+len(end):]
		if len(b) > 0 && (b[0] == '>' || isSpace(b[0])) {
			return true
		}
	}
}

// transactionNames are element names, in lower case without underscores, of a sale made rather
// than a product offered: orders, invoices, carts, receipts, shipments and returns.
var transactionNames = map[string]bool{"order": true, "orders": true, "salesorder": true, "salesorders": true, "purchaseorder": true,
	"purchaseorders": true, "invoice": true, "invoices": true, "cart": true, "basket": true, "shoppingcart": true, "checkout": true,
	"receipt": true, "receipts": true, "shipment": true, "shipments": true, "transaction": true, "transactions": true,
	"creditmemo": true, "refund": true, "refunds": true, "quote": true, "bestellung": true, "bestellungen": true, "commande": true,
	"commandes": true, "pedido": true, "pedidos": true, "ordine": true, "ordini": true, "rechnung": true, "facture": true, "factura": true}

var (
	// xmlStartTag is a start tag; its group is the element's local name, after any prefix.
	xmlStartTag = regexp.MustCompile(`<(?:[A-Za-z][A-Za-z0-9_.-]*:)?([A-Za-z][A-Za-z0-9_]*)[\s>/]`)
	xmlPriceTag = regexp.MustCompile(`(?i)<[a-z0-9_:]*(price|preis|prix|precio|prezzo|prijs|cena|pris)[a-z0-9_]*[\s>]`)
	// feedRoot is the start tag of RSS, Atom or HTML, and rssOrAtomRoot of RSS or Atom, not of
	// an element whose name merely begins so (<feed_id>, <rss_link>, <feed_export>).
	feedRoot      = regexp.MustCompile(`<(rss|feed|html)[\s>]`)
	rssOrAtomRoot = regexp.MustCompile(`<(rss|feed)[\s>]`)
)
