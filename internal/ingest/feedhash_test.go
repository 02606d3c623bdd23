package ingest_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// hashFields are the Merchant Center fields of hashFeed's items, in the order the tests change
// them, with a first and a second value for each.
var hashFields = []struct{ name, first, second string }{
	{"title", "Silk Midi Dress", "Silk Midi Dress (new season)"},
	{"description", "A silk dress.", "A silk dress, lined."},
	{"link", "https://shop.example.com/p/ITEM", "https://shop.example.com/p/ITEM?v=2"},
	{"image_link", "https://shop.example.com/i/ITEM.jpg", "https://shop.example.com/i/ITEM-2.jpg"},
	{"additional_image_link", "https://shop.example.com/i/ITEM-b.jpg", "https://shop.example.com/i/ITEM-c.jpg"},
	{"brand", "Ganni", "GANNI"},
	{"gtin", "4006381333931", "5901234123457"},
	{"mpn", "GD-100", "GD-101"},
	{"price", "200.00 EUR", "210.00 EUR"},
	{"sale_price", "150.00 EUR", "140.00 EUR"},
	{"sale_price_effective_date", "2020-01-01T00:00+0000/2030-01-01T00:00+0000", "2020-01-02T00:00+0000/2030-01-01T00:00+0000"},
	{"availability", "in stock", "in_stock"},
	{"google_product_category", "Apparel & Accessories > Clothing > Dresses", "2271"},
	{"product_type", "Women > Dresses", "Women > Dresses > Midi"},
	{"color", "Black", "Black/Ivory"},
	{"size", "38", "38 EU"},
	{"size_type", "regular", "petite"},
	{"size_system", "EU", "FR"},
	{"gender", "female", "Female"},
	{"age_group", "adult", "Adult"},
	{"material", "Silk", "Mulberry silk"},
	{"pattern", "solid", "plain"},
	{"item_group_id", "GD-100", "GD-100-B"},
	{"condition", "new", "New"},
}

// hashFeed writes a feed of items A, B and C with every field of hashFields; B's first
// `changed` fields have their second value.
func hashFeed(changed int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0"><channel><title>Hashes</title>
`)
	for _, id := range []string{"A", "B", "C"} {
		b.WriteString("<item>\n<g:id>" + id + "</g:id>\n")
		for i, f := range hashFields {
			v := f.first
			if id == "B" && i < changed {
				v = f.second
			}
			v = strings.ReplaceAll(v, "ITEM", id)
			if f.name == "gtin" && id != "B" {
				v = "" // one product per GTIN: only B has one
			}
			if v != "" {
				fmt.Fprintf(&b, "<g:%s>%s</g:%s>\n", f.name, strings.ReplaceAll(strings.ReplaceAll(v, "&", "&amp;"), ">", "&gt;"), f.name)
			}
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// tamper overwrites every offer's URL, as if an older normaliser had written something else:
// an import that re-applies an item writes its URL back; one that skips it leaves the mark.
func tamper(t *testing.T, db *store.DB) {
	t.Helper()
	if _, err := db.SQL().ExecContext(context.Background(), `UPDATE offers SET url = 'tampered'`); err != nil {
		t.Fatal(err)
	}
}

// tampered says, per item id, whether its offer still has the mark.
func tampered(t *testing.T, db *store.DB) map[string]bool {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT item_id, url = 'tampered' FROM offers ORDER BY item_id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		var mark bool
		if err := rows.Scan(&id, &mark); err != nil {
			t.Fatal(err)
		}
		out[id] = mark
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestReimportSkipsOnlyUnchangedRecords changes one field of one item at a time, each change on
// top of the last: the changed item is re-applied (its offer's URL is written back), the two
// others are only marked seen (the mark stays). A field the feed hash missed would leave B's
// mark in place for that field.
func TestReimportSkipsOnlyUnchangedRecords(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		opts := func(d int) ingest.Options { return ingest.Options{Retailer: "Hashes", ObservedAt: day(d), Full: true} }
		rep := mustImport(t, im, hashFeed(0), opts(0))
		if rep.New != 3 || rep.Rejected != 0 {
			t.Fatalf("first import: %+v", rep)
		}
		tamper(t, db)
		rep = mustImport(t, im, hashFeed(0), opts(1))
		if got := tampered(t, db); !got["A"] || !got["B"] || !got["C"] || rep.Unchanged != 3 {
			t.Fatalf("the same feed again re-applied items: tampered %v, report %+v", got, rep)
		}
		for i, f := range hashFields {
			tamper(t, db)
			rep := mustImport(t, im, hashFeed(i+1), opts(2+i))
			if rep.Rejected != 0 || rep.Read != 3 {
				t.Fatalf("%s: report %+v", f.name, rep)
			}
			if got := tampered(t, db); got["B"] || !got["A"] || !got["C"] {
				t.Errorf("B's %s changed from %q to %q: tampered marks %v, want only B's written back", f.name, f.first, f.second, got)
			}
		}
	})
}

// TestReimportAfterNormaliserChange: records hashed under one normaliser version do not match
// under the next, so every item is normalised and compared again.
func TestReimportAfterNormaliserChange(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		opts := func(d int) ingest.Options { return ingest.Options{Retailer: "Hashes", ObservedAt: day(d), Full: true} }
		mustImport(t, im, hashFeed(0), opts(0))
		tamper(t, db)
		mustImport(t, im, hashFeed(0), opts(1))
		if got := tampered(t, db); !got["A"] || !got["B"] || !got["C"] {
			t.Fatalf("same version: tampered %v, want every item skipped", got)
		}
		ingest.SetNormaliserVersion(im, 1000)
		rep := mustImport(t, im, hashFeed(0), opts(2))
		if got := tampered(t, db); got["A"] || got["B"] || got["C"] {
			t.Fatalf("new normaliser version: tampered %v, want every item re-normalised and written back", got)
		}
		if rep.Changed != 3 {
			t.Fatalf("new normaliser version: report %+v, want the 3 rewritten offers changed", rep)
		}
		// Options that normalising reads count as the normaliser too.
		tamper(t, db)
		o := opts(3)
		o.Currency = "USD"
		mustImport(t, im, hashFeed(0), o)
		if got := tampered(t, db); got["A"] || got["B"] || got["C"] {
			t.Fatalf("another default currency: tampered %v, want every item re-applied", got)
		}
	})
}

// TestReimportWhenSaleWindowOpens: the same record gives another price once its sale window
// has opened, so it is applied again although not a byte of it changed.
func TestReimportWhenSaleWindowOpens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		im := ingest.New(db, nil)
		window := day(1).Format("2006-01-02T15:04-0700") + "/" + day(30).Format("2006-01-02T15:04-0700")
		feed := []byte(strings.Replace(string(hashFeed(0)), "2020-01-01T00:00+0000/2030-01-01T00:00+0000", window, 1))
		rep := mustImport(t, im, feed, ingest.Options{Retailer: "Hashes", ObservedAt: day(0), Full: true})
		if rep.New != 3 {
			t.Fatalf("first import: %+v", rep)
		}
		rep = mustImport(t, im, feed, ingest.Options{Retailer: "Hashes", ObservedAt: day(2), Full: true})
		if rep.Changed != 1 || rep.Unchanged != 2 {
			t.Fatalf("after the sale window opened: %+v, want A changed (now on sale), B and C unchanged", rep)
		}
		var price int64
		if err := db.SQL().QueryRowContext(context.Background(), `SELECT price FROM offers WHERE item_id = 'A'`).Scan(&price); err != nil {
			t.Fatal(err)
		}
		if price != 15000 {
			t.Fatalf("A's price = %d, want the sale price 15000", price)
		}
	})
}
