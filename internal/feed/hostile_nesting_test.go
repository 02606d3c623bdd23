package feed

import (
	"strings"
	"testing"
)

// The Atom path and Shopify JSON meet the same hostile inputs as the RSS path
// (hostile_xml_test.go): a million-deep document and, for XML, entity expansion. Each must end
// in a clear error or a skipped element, never a panic, in bounded memory. No timing is asserted.

const millionDeep = 1_000_000

// TestAtomDeepNestingIsBounded puts a million nested elements inside an Atom entry: both entries
// are read (unknown elements are skipped however deep) in bounded memory.
func TestAtomDeepNestingIsBounded(t *testing.T) {
	feed := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
<entry><g:id>a</g:id><title>Deep</title><g:price>10.00 EUR</g:price>` +
		strings.Repeat("<x>", millionDeep) + strings.Repeat("</x>", millionDeep) + `</entry>
<entry><g:id>b</g:id><title>Plain bag</title><g:price>10.00 EUR</g:price><link href="https://shop.example/b"/></entry>
</feed>`
	var items []Item
	var format string
	var stop error
	n := allocated(func() { items, _, format, stop = readAll(t, strings.NewReader(feed)) })
	if format != GMCXML {
		t.Fatalf("format %q, want %q", format, GMCXML)
	}
	if n > 512<<20 {
		t.Errorf("reading allocated %d MiB for a %d-deep entry", n>>20, millionDeep)
	}
	if stop != nil || len(items) != 2 || items[1].Title != "Plain bag" {
		t.Errorf("%d items, stop %v: want both entries", len(items), stop)
	}
}

// TestAtomEntityExpansionIsRefused: a "billion laughs" document type on an Atom feed is never
// expanded; the reader stops at the entity's first use with an error naming it and its line.
func TestAtomEntityExpansionIsRefused(t *testing.T) {
	checkLaughsRefused(t, billionLaughs("feed")+`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
<entry><g:id>a</g:id><title>&lol9;</title><g:price>10.00 EUR</g:price></entry>
<entry><g:id>b</g:id><title>Plain bag</title><g:price>10.00 EUR</g:price></entry>
</feed>`)
}

// TestShopifyDeepNestingIsAnError puts a million nested arrays in a Shopify product: the products
// before it are read, and the deep one ends in an error that says why, in bounded memory.
func TestShopifyDeepNestingIsAnError(t *testing.T) {
	good := func(id string) string {
		return `{"id":` + id + `,"title":"Coat ` + id + `","vendor":"Ganni","product_type":"Coats","handle":"coat-` + id + `",` +
			`"options":[{"name":"Size","position":1}],"variants":[{"id":` + id + `0,"option1":"S","price":"100.00","available":true}]}`
	}
	feed := `{"products":[` + good("1") + `,{"id":2,"title":"Deep","tags":` +
		strings.Repeat("[", millionDeep) + strings.Repeat("]", millionDeep) + `,"variants":[]},` + good("3") + `]}`
	var items []Item
	var rows []RowError
	var stop error
	n := allocated(func() {
		items, rows, _, stop = readAllWith(t, strings.NewReader(feed), Options{Format: Shopify, Currency: "EUR"})
	})
	if n > 512<<20 {
		t.Errorf("reading allocated %d MiB for a %d-deep product", n>>20, millionDeep)
	}
	if len(items) == 0 || items[0].ID != "10" {
		t.Errorf("items %+v: want the product before the deep one", items)
	}
	var msgs []string
	for _, r := range rows {
		msgs = append(msgs, r.Error())
	}
	if stop != nil {
		msgs = append(msgs, stop.Error())
	}
	t.Logf("%d items; errors %q", len(items), msgs)
	if !strings.Contains(strings.Join(msgs, "\n"), "depth") {
		t.Errorf("errors %q (stop %v): want one naming the nesting depth", msgs, stop)
	}
}
