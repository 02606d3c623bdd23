// Package feed reads retailers' product feeds, one streaming reader per format, all yielding the
// same Item plus per-row errors. Readers never hold more than one item in memory, so a feed of
// any size reads in flat memory.
//
// Use Open, then call Next until it returns io.EOF:
//
//	r, format, err := feed.Open(src, "auto")
//	for {
//		it, err := r.Next()
//		if err == io.EOF { break }
//		var row *feed.RowError
//		if errors.As(err, &row) { continue } // one broken item; the feed goes on
//		if err != nil { return err }         // the feed itself is broken; items so far stand
//		use(it)
//	}
package feed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
)

// Formats a reader exists for. Detect and Open speak these names, as does `tagdrop import --format`.
const (
	// GMCXML is Google Merchant Center product data in XML: RSS 2.0 or Atom with g: fields.
	// Facebook/Meta catalogue feeds use the same shape and read the same way.
	GMCXML = "gmc-xml"
	// GMCTSV is Google Merchant Center product data as tab-separated text with a header row of
	// attribute names.
	GMCTSV = "gmc-tsv"
	// CSV is delimited text with a header row (comma, semicolon, tab or pipe): affiliate networks'
	// product exports (Awin, CJ, Rakuten, Impact) and spreadsheets.
	CSV = "csv"
	// Shopify is a page of a Shopify storefront's /products.json.
	Shopify = "shopify"
	// ProductXML is XML with one element per product (<product>, <offer>…) whose child
	// elements are named as delimited feeds' columns: price-comparison sites' XML (PriceRunner)
	// and shops' own XML exports.
	ProductXML = "product-xml"
)

// Formats lists the format names Open reads, for messages and flag help.
var Formats = []string{GMCXML, GMCTSV, CSV, Shopify, ProductXML}

// Reader yields a feed's items one at a time. Next returns io.EOF after the last item; a
// *RowError for an item that cannot be used (reading may go on); any other error ends the feed.
type Reader interface {
	Next() (Item, error)
}

// RowError is one item the feed could not give: the rest of the feed is unaffected.
type RowError struct {
	// Line is the line of the file on which the item starts.
	Line int
	// Item is the item's id when the feed gave one.
	Item string
	// Reason says what is wrong, for the retailer to fix.
	Reason string
}

// Error says where the item is and what is wrong with it.
func (e *RowError) Error() string {
	if e.Item != "" {
		return fmt.Sprintf("line %d: item %s: %s", e.Line, e.Item, e.Reason)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// peekSize is how much of a feed Detect sees: enough for an XML declaration, a comment or two
// and the root element with its namespace declarations.
const peekSize = 4096

// Open prepares src for reading in format ("auto" or "" detects it) with default options; see
// OpenWith.
func Open(src io.Reader, format string) (Reader, string, error) {
	return OpenWith(src, Options{Format: format})
}

// OpenWith prepares src for reading: gzip and zip input (recognised by their magic bytes,
// whatever the file is called) is decompressed, text with a UTF-16 byte order mark is decoded, and format
// "auto" (or "") is settled by Detect. It returns the reader and the format name. Errors here
// concern the whole feed: unknown format, a CSV header without the needed columns, a bad
// column map.
func OpenWith(src io.Reader, opts Options) (Reader, string, error) {
	r, err := Decompress(src)
	if err != nil {
		return nil, "", err
	}
	br := decodeUTF16(bufio.NewReaderSize(r, 64<<10))
	format := opts.Format
	if format == "" || format == "auto" {
		peek, err := br.Peek(peekSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, "", fmt.Errorf("read feed: %w", err)
		}
		if format = Detect(peek); format == "" {
			return nil, "", fmt.Errorf("feed format not recognised: %s (supported: %s)", describe(peek), strings.Join(Formats, ", "))
		}
	}
	switch format {
	case GMCXML:
		gr := newGMCFastReader(br)
		gr.currency = strings.ToUpper(strings.TrimSpace(opts.Currency))
		return gr, format, nil
	case GMCTSV, CSV:
		dr, err := newDelimitedReader(br, format, opts)
		if err != nil {
			return nil, format, err
		}
		return dr, format, nil
	case ProductXML:
		return newProductXMLReader(br, opts), format, nil
	case Shopify:
		sr, err := newShopifyReader(br, opts)
		if err != nil {
			return nil, format, err
		}
		return sr, format, nil
	}
	return nil, "", fmt.Errorf("feed format %q is not supported (supported: auto, %s)", format, strings.Join(Formats, ", "))
}

// Decompress returns r itself, a gunzipping reader when r starts with gzip's magic bytes, or
// the one file of a zip archive (see unzip).
func Decompress(r io.Reader) (io.Reader, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	magic, err := br.Peek(len(zipMagic))
	if err != nil && err != io.EOF {
		return nil, fmt.Errorf("read feed: %w", err)
	}
	if string(magic) == zipMagic {
		if f, ok := r.(fileReader); ok {
			return unzip(f)
		}
		return unzip(br)
	}
	if len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("feed looks gzip-compressed but is not readable: %w", err)
		}
		return zr, nil
	}
	return br, nil
}

// describe says in a few words what an unrecognised feed starts with.
func describe(peek []byte) string {
	s := strings.TrimSpace(string(bytes.TrimPrefix(peek, []byte("\xef\xbb\xbf"))))
	switch {
	case s == "":
		return "the input is empty"
	case strings.HasPrefix(strings.ToLower(s), "<!doctype html"), strings.HasPrefix(strings.ToLower(s), "<html"):
		return "the input is an HTML page"
	case strings.HasPrefix(s, "<"):
		return "XML without Google Merchant (g:) fields"
	case strings.HasPrefix(s, "{"), strings.HasPrefix(s, "["):
		return "JSON that is not a Shopify products.json page"
	}
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return fmt.Sprintf("the input starts %q", s)
}
