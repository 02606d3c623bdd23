package feed

import (
	"strings"
	"testing"
)

// TestEntityExpansionIsRefused feeds a "billion laughs" document type to the Merchant Center XML
// reader: entities are never expanded, so the feed is read in bounded memory, no item gets a
// title of 10^9 "lol"s, and the reader stops with an error naming the entity and its line.
func TestEntityExpansionIsRefused(t *testing.T) {
	checkLaughsRefused(t, billionLaughs("rss")+`<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
<item><g:id>a</g:id><g:title>&lol9;</g:title><g:price>10.00 EUR</g:price><g:link>https://shop.example/a</g:link></item>
<item><g:id>b</g:id><g:title>Plain bag</g:title><g:price>10.00 EUR</g:price><g:link>https://shop.example/b</g:link></item>
</channel></rss>`)
}

// billionLaughs is an XML declaration and a document type for root whose entity lol9 would
// expand to 10^9 "lol"s.
func billionLaughs(root string) string {
	var dtd strings.Builder
	dtd.WriteString(`<?xml version="1.0"?><!DOCTYPE ` + root + ` [<!ENTITY lol "lol">`)
	prev := "lol"
	for i := 1; i <= 9; i++ {
		name := "lol" + string(rune('0'+i))
		dtd.WriteString(`<!ENTITY ` + name + ` "` + strings.Repeat("&"+prev+";", 10) + `">`)
		prev = name
	}
	dtd.WriteString(`]>`)
	return dtd.String()
}

// checkLaughsRefused reads a feed whose first item's title is &lol9; (line 2): nothing is
// expanded, memory stays bounded, and the reader stops with an error naming the entity and its
// line (earlier items are kept, TestReadSyntaxErrorKeepsEarlierItems).
func checkLaughsRefused(t *testing.T, feed string) {
	t.Helper()
	var items []Item
	var stop error
	n := allocated(func() { items, _, _, stop = readAll(t, strings.NewReader(feed)) })
	if n > 64<<20 {
		t.Errorf("reading allocated %d MiB: entities were expanded", n>>20)
	}
	for _, it := range items {
		if len(it.Title) > 1000 {
			t.Errorf("item %s has a %d-byte title: an entity was expanded", it.ID, len(it.Title))
		}
	}
	if stop == nil || !strings.Contains(stop.Error(), "entity") || !strings.Contains(stop.Error(), "line 2") {
		t.Errorf("stop = %v, want a syntax error naming the entity and line 2", stop)
	}
}

// TestDeepNestingIsBounded puts a million nested elements inside an item: the readers finish in
// bounded memory, with that item refused or the feed stopped with an error, never a crash.
func TestDeepNestingIsBounded(t *testing.T) {
	const depth = 1_000_000
	feed := `<?xml version="1.0"?><rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel>
<item><g:id>a</g:id><g:title>Deep</g:title><g:price>10.00 EUR</g:price>` +
		strings.Repeat("<x>", depth) + strings.Repeat("</x>", depth) + `</item>
<item><g:id>b</g:id><g:title>Plain bag</g:title><g:price>10.00 EUR</g:price><g:link>https://shop.example/b</g:link></item>
</channel></rss>`
	var items []Item
	var stop error
	n := allocated(func() { items, _, _, stop = readAll(t, strings.NewReader(feed)) })
	if n > 512<<20 {
		t.Errorf("reading allocated %d MiB for a %d-deep item", n>>20, depth)
	}
	if stop != nil || len(items) != 2 {
		t.Errorf("%d items, stop %v: want both items (unknown elements are skipped, however deep)", len(items), stop)
	}
}
