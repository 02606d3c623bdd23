// Package extract reads product pages (HTML) into products and offers: schema.org Product,
// ProductGroup and Offer/AggregateOffer in JSON-LD and microdata, OpenGraph product tags as a
// last resort, and the price shown to the shopper beside the product title, which wins when the
// markup disagrees with it or has none. It is pure: the caller fetches the page.
package extract

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"
)

// Limits bound what one page may cost, so hostile markup (JSON-LD cycles via @id, huge arrays,
// deep nesting) ends in a per-block error, never in a hang or a memory blow-up.
const (
	MaxPageBytes   = 10 << 20 // a page is read up to this size; the rest is ignored with an error
	MaxBlockBytes  = 2 << 20  // a bigger JSON-LD block is skipped with an error
	maxJSONDepth   = 64
	maxArrayItems  = 10000  // elements kept per JSON array
	maxBlockValues = 200000 // values kept per JSON-LD block
	maxVisits      = 200000 // schema.org nodes visited per page while following @id references
	maxItems       = 5000   // microdata items per page
	maxOffers      = 5000   // offers kept per product
)

// BlockError is a problem with one part of a page: a JSON-LD block, a microdata item, the page
// itself. It names the part and, where known, the line of the page it starts on.
type BlockError struct {
	Where string // "json-ld block 2", "microdata", "page"
	Line  int    // 1-based line of the page, 0 when unknown
	Err   error
}

func (e *BlockError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s (line %d): %v", e.Where, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Where, e.Err)
}

func (e *BlockError) Unwrap() error { return e.Err }

// Options change how a page is read. The zero value is the default.
type Options struct {
	// ParsePrice reads a price as shown to shoppers ("$1,299.00", "1.299,00 €") into a plain
	// decimal amount ("1299.00") and an ISO 4217 code ("" when the text does not say). hint is
	// the currency the page's markup names, if any, for ambiguous symbols such as "$" or "kr".
	// Nil uses pricing.Parse.
	ParsePrice func(text, hint string) (amount, currency string, ok bool)
	// ContentType is the Content-Type header the page came with, for its charset. Without it
	// the charset comes from a byte-order mark or <meta charset>, else UTF-8 is assumed.
	ContentType string
}

// Page reads one product page. pageURL is where it came from (it resolves relative links; it may
// be empty for a file). The error is for an unreadable input only: problems with parts of the page
// are in Result.Errors and cost only their own part.
func Page(r io.Reader, pageURL string) (Result, error) {
	return Options{}.Page(r, pageURL)
}

// Page reads one product page with these options; see the package-level Page.
func (o Options) Page(r io.Reader, pageURL string) (Result, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxPageBytes+1))
	if err != nil {
		return Result{URL: pageURL}, fmt.Errorf("read page: %w", err)
	}
	x := &extraction{opts: o, raw: raw}
	if len(raw) > MaxPageBytes {
		x.raw = raw[:MaxPageBytes]
		x.errorf("page", 0, "larger than %d MiB: read the first %d MiB only", MaxPageBytes>>20, MaxPageBytes>>20)
	}
	if x.opts.ParsePrice == nil {
		x.opts.ParsePrice = pricingParse
	}
	root, err := html.Parse(x.utf8())
	if err != nil {
		return Result{URL: pageURL}, fmt.Errorf("parse page: %w", err)
	}
	x.doc = newDocument(root)
	x.base = x.doc.baseURL(pageURL)
	res := x.run()
	res.URL = pageURL
	if res.URL == "" {
		res.URL = x.doc.canonical(x.base)
	}
	return res, nil
}

// extraction is the state of reading one page.
type extraction struct {
	opts   Options
	raw    []byte
	doc    *document
	base   string // absolute URL relative links resolve against, "" when unknown
	errors []*BlockError
}

func (x *extraction) errorf(where string, line int, format string, args ...any) {
	x.errors = append(x.errors, &BlockError{Where: where, Line: line, Err: fmt.Errorf(format, args...)})
}

// utf8 is the page as UTF-8: pages in Shift_JIS, Windows-1252 or another declared charset are
// converted; a UTF-8 page is read as it is.
func (x *extraction) utf8() io.Reader {
	if x.opts.ContentType == "" && utf8.Valid(x.raw) {
		return bytes.NewReader(x.raw)
	}
	enc, name, _ := charset.DetermineEncoding(x.raw, x.opts.ContentType)
	if name == "utf-8" {
		return bytes.NewReader(x.raw)
	}
	decoded, err := io.ReadAll(transform.NewReader(bytes.NewReader(x.raw), enc.NewDecoder()))
	if err != nil {
		x.errorf("page", 0, "decoding %s: %v: read as UTF-8", name, err)
		return bytes.NewReader(x.raw)
	}
	x.raw = decoded
	return bytes.NewReader(decoded)
}

// anyPriced reports whether a found product that is not a list's item has a price.
func anyPriced(found []*candidate) bool {
	for _, c := range found {
		if !c.listed && anyPrice(c.offers) {
			return true
		}
	}
	return false
}

// lineOf is the 1-based line of the page where text first occurs, 0 when it cannot be found.
func (x *extraction) lineOf(text string) int {
	if len(text) > 64 {
		text = text[:64]
	}
	if text == "" {
		return 0
	}
	i := bytes.Index(x.raw, []byte(text))
	if i < 0 {
		return 0
	}
	return bytes.Count(x.raw[:i], []byte("\n")) + 1
}

// run reads every source of the page and merges them, the main product first.
func (x *extraction) run() Result {
	var found []*candidate
	found = append(found, x.jsonLD()...)
	found = append(found, x.microdata()...)
	og := x.openGraph()
	// A page drawn by a script may price its product only in its state blob.
	if !anyPriced(found) && (og == nil || !anyPrice(og.offers)) {
		if c := x.stateProduct(); c != nil {
			found = append(found, c)
		}
	}
	products := x.merge(found, og)
	return Result{Products: products, Errors: x.errors}
}
