package extract

import (
	"strings"
	"testing"
)

// TestMillionDeepJSONLD: a JSON-LD block nested a million arrays deep (2 MB, inside the block
// limit, so the parser meets it) costs one error naming the depth limit; the page's other block
// is still read. No timing is asserted.
func TestMillionDeepJSONLD(t *testing.T) {
	const depth = 1_000_000
	deep := `<script type="application/ld+json">` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `</script>`
	good := `<script type="application/ld+json">{"@type":"Product","name":"Good Coat","offers":{"price":"10.00","priceCurrency":"EUR"}}</script>`
	res, err := Page(strings.NewReader(`<html><body>`+deep+good+`</body></html>`), "")
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, e := range res.Errors {
		msgs = append(msgs, e.Error())
	}
	if !strings.Contains(strings.Join(msgs, "\n"), "nested deeper than") {
		t.Errorf("errors %q, want one naming the depth limit", msgs)
	}
	if len(res.Products) != 1 || res.Products[0].Title != "Good Coat" {
		t.Errorf("products %+v, want the good block's", res.Products)
	}
}

// TestMillionDeepMarkup: a page of a million nested elements (5 MB, inside the page limit) ends
// in a clear error, not a panic: golang.org/x/net/html refuses more than 512 open elements, and
// the page is then refused whole (its JSON-LD too). Should extract ever read such a page in
// part, the JSON-LD product must be among what it finds.
func TestMillionDeepMarkup(t *testing.T) {
	const depth = 1_000_000
	page := `<html><body><script type="application/ld+json">{"@type":"Product","name":"Good Coat","offers":{"price":"10.00","priceCurrency":"EUR"}}</script>` +
		strings.Repeat(`<div itemscope itemtype="https://schema.org/Product">`, depth/10) + strings.Repeat("<b>", depth-depth/10) + `</body></html>`
	res, err := Page(strings.NewReader(page), "")
	if err != nil {
		if !strings.Contains(err.Error(), "open stack of elements exceeds") {
			t.Errorf("Page: %v, want an error naming the nesting limit", err)
		}
		return
	}
	found := false
	for _, p := range res.Products {
		found = found || p.Title == "Good Coat"
	}
	if !found {
		t.Errorf("products %+v, want the JSON-LD product", res.Products)
	}
}
