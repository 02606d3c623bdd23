package feed

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// delimitedReader reads a feed of delimited text with a header row: affiliate CSV/TSV (Awin,
// CJ, Rakuten, Impact) and Merchant Center's tab-separated text. Quoting follows RFC 4180 as
// encoding/csv reads it, leniently: a stray quote inside a field is kept as a character, a
// cell that starts with a quote and goes on after closing it is read as written rather than
// taking the rows after it (quoteLines), and rows may have fewer or more cells than the header
// (missing cells are empty, extra ones are ignored). Rakuten's HDR record above the column
// names and its TRL trailer (TRL|row count) are skipped. One record at a time is in memory,
// bounded by Options.MaxRecordBytes; a Shopify admin export's reader also holds its products'
// cells and rows waiting for their product's title, bounded by maxHeldBytes, and a Magento
// export's (one with configurable_variations) the ids of its rows and its configurable rows
// waiting for a child (see configurableRows).
type delimitedReader struct {
	csv      *csv.Reader
	bound    *boundedReader
	cols     columns
	fields   []boundField
	parse    func(s, defaultCurrency string) (int64, string, error)
	currency string // Options.Currency
	encoding string
	columns  int   // the header's columns, by which swallowedRows tells a swallowed row
	err      error // sticky: io.EOF or what broke the feed
	// recLast is the line on which the record read last ends.
	recLast int
	// pending is the first row of a file without column names (Rakuten's), read before the
	// reader knew it was data; pendingLine is its first line and pendingLast its last.
	pending                  []string
	pendingLine, pendingLast int
	// ready are rows of a Shopify export that are ready to read, put together by their Handle
	// (see shopifyExport.arrange).
	ready []heldRow
	// configurables are a Magento export's configurable rows and the ids they wait for (see
	// configurableRows); unused in files without configurable_variations.
	configurables configurableRows
}

// boundField is a field with the columns that hold it, resolved once for every row.
type boundField struct {
	name string
	set  func(*Item, string) // nil for currency, regular_price and in_stock
	cols []int
}

func newDelimitedReader(br *bufio.Reader, format string, opts Options) (*delimitedReader, error) {
	text, encoding := decodeText(br)
	tb := bufio.NewReaderSize(text, 64<<10)
	head, _ := tb.Peek(peekSize)
	comma := sniffDelimiter(firstLine(head))
	excelSep, _ := excelSeparator(head)
	if excelSep != 0 {
		comma = excelSep // the "sep=" line is read, and dropped, as the first record below
	}
	if format == GMCTSV {
		comma = '\t'
	}
	if comma == 0 {
		return nil, fmt.Errorf("%s: the header line has no comma, semicolon, tab or pipe between column names: %s", format, describe(head))
	}
	limit := opts.MaxRecordBytes
	if limit <= 0 {
		limit = DefaultMaxRecordBytes
	}
	lines := newQuoteLines(tb, comma, limit, excelSep != 0)
	bound := newBoundedReader(bufio.NewReaderSize(lines, 64<<10), limit)
	cr := csv.NewReader(bound)
	cr.Comma = comma
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if excelSep != 0 && err == nil {
		header, err = cr.Read()
	}
	if err == nil && amazonTemplateRow(header) {
		// Amazon's flat-file template: a row of labels, then the column names (see amazon.go)
		for range 2 {
			if header, err = cr.Read(); err != nil {
				break
			}
		}
		if err == io.EOF {
			return nil, fmt.Errorf("%s: the file is an Amazon flat-file template (its first line starts TemplateType=) that ends before its column names on line 3", format)
		}
	}
	hdr := err == nil && isRakutenHDR(header)
	var pending []string // a row of data read in place of the header
	pendingLine, pendingLast := 0, 0
	if hdr { // a line of column names under Rakuten's header record is the header
		bound.reset()
		header, err = cr.Read()
		if err == io.EOF {
			err = nil
		}
		if err == nil && dataLike(header) && rakutenRow(header) {
			// Rakuten's product files as the network delivers them: no column names, the
			// fields in the order of its specification.
			pending = append([]string(nil), header...)
			pendingLine, _ = cr.FieldPos(0)
			pendingLast, _ = cr.FieldPos(len(header) - 1)
			pendingLast += strings.Count(header[len(header)-1], "\n")
			header = rakutenLayout
		}
	}
	bound.reset()
	switch {
	case err == io.EOF:
		return nil, fmt.Errorf("%s: the feed is empty", format)
	case errors.Is(err, errRecordTooLong):
		return nil, fmt.Errorf("%s: the header line is longer than %d bytes", format, limit)
	case err != nil:
		return nil, fmt.Errorf("%s: read header: %w", format, err)
	}
	header = append([]string(nil), header...)
	for i, h := range header {
		if !utf8.ValidString(h) {
			return nil, fmt.Errorf("%s: header column %d is not valid %s", format, i+1, encoding)
		}
	}
	cols, err := mapColumns(header, opts.ColumnMap)
	if err != nil {
		if hdr {
			return nil, fmt.Errorf("%s: the first line is a Rakuten header record (HDR), and the line under it is not column names: the file has no header row; add a line of column names under the HDR line", format)
		}
		return nil, fmt.Errorf("%s: %w", format, err)
	}
	r := rowReaderFor(cols, opts, encoding)
	r.csv, r.bound, r.pending, r.pendingLine, r.pendingLast = cr, bound, pending, pendingLine, pendingLast
	return r, nil
}

// rowReaderFor is the part of a delimited feed's reader that turns the rows under cols into
// items as opts say, without a source of rows: product-xml's readers of rows are these.
func rowReaderFor(cols columns, opts Options, encoding string) *delimitedReader {
	r := &delimitedReader{cols: cols, parse: opts.ParsePrice, currency: opts.Currency, encoding: encoding, columns: len(cols.header)}
	if r.parse == nil {
		r.parse = DefaultParsePrice
	}
	for _, f := range fieldOrder {
		if idx := cols.byField[f]; len(idx) > 0 {
			r.fields = append(r.fields, boundField{name: f, set: fieldSetters[f], cols: idx})
		}
	}
	return r
}

// Next returns the next row's item; see Reader.
func (r *delimitedReader) Next() (Item, error) {
	if r.err != nil {
		return Item{}, r.err
	}
	for {
		if len(r.ready) > 0 {
			row := r.ready[0]
			r.ready = r.ready[1:]
			return r.rowItem(row.rec, row.line)
		}
		rec, line, err := r.read()
		if err == io.EOF {
			if s := r.cols.shopify; s != nil {
				if r.ready = s.rest(); len(r.ready) > 0 {
					continue
				}
			}
			if r.ready = r.configurables.orphans(); len(r.ready) > 0 {
				continue // configurable rows none of whose children was in the file
			}
			r.err = io.EOF
			return Item{}, io.EOF
		}
		last := r.recLast
		if err == nil && isRakutenTRL(rec) {
			continue // Rakuten's trailer: a count, not an item
		}
		if errors.Is(err, errRecordTooLong) {
			return Item{}, &RowError{Line: line, Item: r.idOf(rec),
				Reason: fmt.Sprintf("row is longer than %d bytes (a runaway field or a quote that never closes); skipped to the next line", r.bound.limit)}
		}
		if err != nil {
			r.err = fmt.Errorf("line %d: %w", line, err)
			return Item{}, r.err
		}
		if blank(rec) || r.repeatsHeader(rec) {
			continue
		}
		if i := swallowedRows(rec, r.csv.Comma, r.columns); i >= 0 {
			// The row ends where its last field does: that field's first line plus the
			// line breaks in it (the swallowing field may be the last one).
			return Item{}, &RowError{Line: line, Item: r.idOf(rec), Reason: fmt.Sprintf(
				"column %q starts with a quote that does not close at the end of the field, so lines %d-%d were read as one row; they are skipped (double the quotes inside the field, or quote the whole field)",
				r.cols.name(i), line, last)}
		}
		if r.amazonParentRow(rec) {
			continue // the product its children share, no offer
		}
		if s := r.cols.shopify; s != nil {
			// an image row, a draft, a gift card are no items on sale; a variant may wait
			// for its product's title
			r.ready = s.arrange(rec, line)
			continue
		}
		if v := r.cols.variants.variations; v >= 0 {
			if r.containerRow(rec) {
				// a product whose variants' rows are its items, unless none is in the file
				r.configurables.hold(rec, line, rec[v])
				continue
			}
			r.configurables.read(r.idOf(rec))
		}
		return r.rowItem(rec, line)
	}
}

// rowItem is the item of the row read on line, or a *RowError saying why it cannot be used.
func (r *delimitedReader) rowItem(rec []string, line int) (Item, error) {
	it, reason := r.item(rec)
	it.Line = line
	if reason != "" {
		return it, &RowError{Line: line, Item: it.ID, Reason: reason}
	}
	return it, nil
}

// item fills an Item from one row and parses its prices, returning why it cannot be used, or "".
func (r *delimitedReader) item(rec []string) (Item, string) {
	var it Item
	var currency, regular, inStock, attrs, saleStart, saleEnd string
	vatCol := -1 // a price column whose cell is the VAT in the price beside it
	for _, f := range r.fields {
		for _, i := range f.cols {
			if i >= len(rec) {
				continue
			}
			v := strings.TrimSpace(rec[i])
			if v == "" || v == "0" && r.cols.zeroIsNone[i] {
				continue
			}
			if !utf8.ValidString(v) {
				return it, fmt.Sprintf("column %q is not valid %s (re-export the feed as UTF-8)", r.cols.name(i), r.encoding)
			}
			if j, ok := r.cols.vatTwin[i]; ok && j < len(rec) && vatBelowTwin(v, rec[j]) {
				if f.name == "price" {
					vatCol = i
				}
				continue // the VAT in the price beside it, not the price
			}
			if f.name == "product_type" && storeProductKind(v) {
				continue // Magento's or WooCommerce's product kind ("simple"), not a category
			}
			if conv := r.cols.availCodes[i]; conv != nil {
				if v = conv(v); v == "" {
					continue // a code saying nothing of stock (Ceneo's 99)
				}
			}
			switch f.name {
			case FieldCurrency:
				currency = v
			case FieldRegularPrice:
				regular = v
			case FieldInStock:
				inStock = v
			case FieldAttributes:
				attrs = v
			case FieldSaleStart:
				saleStart = v
			case FieldSaleEnd:
				saleEnd = v
			default:
				f.set(&it, v)
			}
			if f.name != "additional_image_link" {
				break
			}
		}
	}
	if it.ItemGroupID == "" {
		it.ItemGroupID = r.cols.variants.parentGroup(rec)
	}
	if it.SalePriceEffectiveDate == "" && (saleStart != "" || saleEnd != "") {
		it.SalePriceEffectiveDate = saleDate(saleStart, r.cols.monthFirst) + "/" + saleEndDate(saleEnd, r.cols.monthFirst)
	}
	if attrs != "" {
		fillFromAttributes(&it, attrs)
	}
	for _, p := range r.cols.attrPairs {
		if p[0] < len(rec) && p[1] < len(rec) && utf8.ValidString(rec[p[1]]) {
			fillAttribute(&it, rec[p[0]], rec[p[1]])
		}
	}
	if r.cols.kelkoo {
		it.Availability = kelkooAvailability(it.Availability)
	}
	if s := r.cols.shopify; s != nil {
		if it.Availability == "" {
			it.Availability = s.availability(rec)
		}
		if it.Gender == "" {
			it.Gender = s.gender(rec)
		}
	}
	if it.Price == "" && r.cols.netVAT != nil {
		cur := currency
		if cur == "" {
			cur = r.currency
		}
		var reason string
		if it.Price, reason = r.netPlusVAT(rec, cur); reason != "" {
			return it, reason
		}
	}
	if it.Price == "" && it.SalePrice != "" { // only a sale price given: it is the price
		it.Price, it.SalePrice = it.SalePrice, ""
	}
	for _, f := range []struct{ name, v string }{{"id", it.ID}, {"title", it.Title}, {"price", it.Price}} {
		if f.v == "" && f.name == "price" && vatCol >= 0 {
			return it, fmt.Sprintf("missing price (column %q is lower than %q beside it: the VAT in the price, not the price with it)",
				r.cols.name(vatCol), r.cols.name(r.cols.vatTwin[vatCol]))
		}
		if f.v == "" {
			return it, fmt.Sprintf("missing %s (column %q is empty)", f.name, r.cols.name(r.cols.byField[f.name][0]))
		}
	}
	if it.Availability == "" && inStock != "" {
		it.Availability = stockFlag(inStock)
	}
	if currency == "" {
		currency = r.currency
	} else if code, ok := currencyCell(currency); ok {
		currency = code
	} else {
		return it, fmt.Sprintf("column %q holds %q, not a currency (an ISO 4217 code such as EUR)", r.cols.name(r.cols.byField[FieldCurrency][0]), currency)
	}
	return it, parsePrices(&it, r.parse, strings.ToUpper(currency), regular)
}

// currencyCell reads a currency column's cell: an ISO 4217 code in any case ("eur"), a code
// retired but still written by feed software (Yandex's "RUR" for the rouble), or a sign or
// name the price parser knows ("€", "Euro").
func currencyCell(v string) (string, bool) {
	up := strings.ToUpper(strings.TrimSpace(v))
	if code, ok := retiredCurrencies[up]; ok {
		return code, true
	}
	if pricing.IsCurrencyCode(up) {
		return up, true
	}
	if p, err := pricing.Parse("1 "+v, pricing.ParseOptions{}); err == nil && p.Currency != "" {
		return p.Currency, true
	}
	return "", false
}

// retiredCurrencies maps retired codes that feed software still writes for today's currency
// to its code: Yandex's YML format and the networks that copy it name the rouble "RUR".
var retiredCurrencies = map[string]string{"RUR": "RUB"}

// idOf is the id cell of a (possibly partial) row, when it has one that is short and valid.
func (r *delimitedReader) idOf(rec []string) string {
	for _, i := range r.cols.byField["id"] {
		if i < len(rec) {
			v := strings.TrimSpace(rec[i])
			if v == "" || v == "0" && r.cols.zeroIsNone[i] {
				continue // no variant id: the product id behind it
			}
			if len(v) <= 200 && utf8.ValidString(v) {
				return v
			}
		}
	}
	return ""
}

// stockFlag turns a yes/no stock column into availability words.
func stockFlag(v string) string {
	switch strings.ToLower(v) {
	case "1", "y", "yes", "true", "t":
		return "in stock"
	case "0", "n", "no", "false", "f":
		return "out of stock"
	}
	return v
}

// repeatsHeader reports a row that is the header again: a file concatenated from several
// exports, or from the pages of one, repeats the column names above each part. Its non-empty
// cells, two at least, are the header's column names in their places, in any case.
func (r *delimitedReader) repeatsHeader(rec []string) bool {
	n := 0
	for i, v := range rec {
		v = strings.TrimSpace(strings.TrimPrefix(v, "\ufeff")) // each part's own byte order mark
		if v == "" {
			continue
		}
		if i >= len(r.cols.header) || !strings.EqualFold(v, strings.TrimSpace(r.cols.header[i])) {
			return false
		}
		n++
	}
	return n >= 2
}

func blank(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// firstLine is b up to its first line break.
func firstLine(b []byte) []byte {
	for i, c := range b {
		if c == '\n' || c == '\r' {
			return b[:i]
		}
	}
	return b
}

// delimiters are the separators tagdrop recognises, in order of preference when a header has
// as many of one as of another.
var delimiters = []byte{'\t', ',', ';', '|'}

// sniffDelimiter picks the separator used most often outside quotes in a header line, or 0.
func sniffDelimiter(line []byte) rune {
	var counts [4]int
	quoted := false
	for _, c := range line {
		if c == '"' {
			quoted = !quoted
			continue
		}
		if quoted {
			continue
		}
		for i, d := range delimiters {
			if c == d {
				counts[i]++
			}
		}
	}
	best := -1
	for i, n := range counts {
		if n > 0 && (best < 0 || n > counts[best]) {
			best = i
		}
	}
	if best < 0 {
		return 0
	}
	return rune(delimiters[best])
}
