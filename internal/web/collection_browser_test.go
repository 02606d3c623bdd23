package web_test

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// entryLayoutJS measures each piece of a collection: the lines its "Shop at" button's words take.
const entryLayoutJS = `(() => [...document.querySelectorAll("li.entry")].map(li => {
	const shop = li.querySelector(".entry-shop");
	let lines = 0;
	if (shop) { const r = document.createRange(); r.selectNodeContents(shop); lines = new Set([...r.getClientRects()].map(c => Math.round(c.top))).size; }
	return {shop: shop ? shop.textContent.trim() : "", lines};
}))()`

type entryLayout struct {
	Shop  string `json:"shop"`
	Lines int    `json:"lines"`
}

// TestBrowserCollectionFitsPhone gives a shop a long name and opens the published collection on
// a 390 px phone: each "Shop at …" button must keep its words on one line, not pile them up in a
// pill two or three lines tall beside the picture.
func TestBrowserCollectionFitsPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	db := storetest.SQLite(t)
	f := seed(t, db)
	exec(t, db, `UPDATE retailers SET name = 'Northbound Store' WHERE name = 'North & Tailor'`)
	ts := newSite(t, db, web.Config{})
	b := browsertest.Start(t)
	p := b.NewPage(t, browsertest.Phone)
	p.Open(ts.URL + "/collections/" + f.Collection)
	entries := browsertest.Eval[[]entryLayout](p, entryLayoutJS)
	shops := 0
	for _, e := range entries {
		if e.Shop == "" {
			continue
		}
		shops++
		if e.Lines != 1 {
			t.Errorf("%q takes %d lines on a phone, want 1", e.Shop, e.Lines)
		}
	}
	if shops < 3 {
		t.Fatalf("%d pieces with a shop button (%+v), want the collection's pieces on sale", shops, entries)
	}
	p.Screenshot("tagdrop-collection-phone.png")
	p.CheckNoProblems()
}
