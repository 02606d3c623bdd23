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
// resolution. The column map applies too. Properties given as name/value pairs and variants
// given as elements of their own are read too (see productxml_variants.go).
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
	// variants are the last product's variants still to be read.
	variants *xmlVariants
	// keys are the header keys of the element names seen (see keyOf); stack is readRecord's,
	// kept for the next product.
	keys  map[string]string
	stack []xmlFrame
	err   error
}

// recordNames are the element names of one product in XML product feeds, compared in lower case:
// Heureka's, Zboží's and Shoptet's SHOPITEM and Ceneo's <o> among them.
var recordNames = map[string]bool{"product": true, "shopitem": true, "o": true, "offer": true, "item": true, "produkt": true, "artikel": true, "article": true,
	"produit": true, "producto": true, "prodotto": true, "record": true, "prod": true}

func newProductXMLReader(r io.Reader, opts Options) *productXMLReader {
	pr := &productXMLReader{opts: opts, byHeader: map[string]*delimitedReader{}}
	pr.newDecoder(utf8Fallback(r))
	return pr
}

// Next returns the next product's item; see Reader.
func (r *productXMLReader) Next() (Item, error) {
	if xv := r.variants; xv != nil {
		if xv.next == len(xv.variants)-1 {
			r.variants = nil
		}
		return r.item(xv.variantRecord(r.opts.ColumnMap), xv.line)
	}
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
		product, variants, err := r.readRecord(se)
		var tooLong errProductTooLong
		if errors.As(err, &tooLong) {
			return Item{Line: line}, &RowError{Line: line, Reason: err.Error()}
		}
		if err != nil {
			if re := r.skipBroken(se, line, err); re != nil {
				re.Item = recordID(product)
				return Item{Line: line}, re
			}
			r.err = r.feedError(err)
			return Item{}, r.err
		}
		if len(product.header) == 0 && len(product.props) == 0 && len(variants) == 0 && !r.settled {
			// text alone (a menu's <item>Home</item> above the products): no product, and the
			// products' element is still to be found
			r.record = ""
			continue
		}
		r.settled = true
		product.propertyFields()
		product.shopifyInventory()
		if len(variants) == 0 {
			return r.item(product, line)
		}
		for i := range variants {
			variants[i].propertyFields()
			variants[i].optionProps(product.options)
			variants[i].shopifyInventory()
		}
		r.variants = newXMLVariants(product, variants, line, r.opts.ColumnMap)
		return r.Next()
	}
}

// item is the item of one product's or variant's record.
func (r *productXMLReader) item(x xmlRecord, line int) (Item, error) {
	rr, err := r.rowReader(x.header)
	if err != nil {
		return Item{Line: line}, &RowError{Line: line, Item: recordID(x), Reason: err.Error()}
	}
	it, err := rr.rowItem(x.rec, line)
	if err == nil {
		fillProperties(&it, x.props)
	}
	return it, err
}

// errProductTooLong is a product whose text is longer than Options.MaxRecordBytes: it is
// read to its end, keeping none of it, and is a row error; the products after it are read.
type errProductTooLong struct{ limit int }

func (e errProductTooLong) Error() string {
	return fmt.Sprintf("the product is longer than %d bytes; it is skipped", e.limit)
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
	rr := rowReaderFor(cols, r.opts, "UTF-8")
	if len(r.byHeader) >= 64 {
		clear(r.byHeader)
	}
	r.byHeader[key] = rr
	r.last, r.lastHeader = rr, slices.Clone(header)
	return rr, nil
}

// productXML reports XML that is a product feed productXMLReader reads: not RSS or Atom, with
// an element named as one product (see recordNames) and an element or attribute whose name says
// price. The
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
			return !insideTransaction(peek, tags[:i], m[0]) && (xmlPriceTag.Match(peek) || xmlPriceAttr.Match(peek))
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
	// xmlPriceAttr is a start tag giving a price as an attribute (Ceneo's <o id="1" price="59.00">).
	xmlPriceAttr = regexp.MustCompile(`(?i)<[a-z][a-z0-9_:]*\s[^<>]*\bprice\s*=\s*["']`)
	// feedRoot is the start tag of RSS, Atom or HTML, and rssOrAtomRoot of RSS or Atom, not of
	// an element whose name merely begins so (<feed_id>, <rss_link>, <feed_export>).
	feedRoot      = regexp.MustCompile(`<(rss|feed|html)[\s>]`)
	rssOrAtomRoot = regexp.MustCompile(`<(rss|feed)[\s>]`)
)
