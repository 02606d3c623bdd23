package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/trends"
)

// TestTrendStore: products are counted in the week their first listed offer was seen and in the
// weeks one of their offers went on sale, once each however many sizes; offers of unlisted
// shops count for nothing; reconciling twice changes nothing; TrendWeeks returns the series of
// the terms with enough support in the last week only; the cursor moves only when asked.
func TestTrendStore(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC) // a Thursday
		f := browseFixture{db: db, now: now, tb: t}
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		hidden := f.id(`INSERT INTO retailers (slug, name, listed, tracked_host, created_at) VALUES ('h', 'h.example', 0, 'h.example', 1)`)
		staud := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('staud', 'Staud', 1)`)

		product := func(key, title string) int64 {
			return f.id(`INSERT INTO products (product_key, brand_id, title, color, color_family, created_at, updated_at)
				VALUES ($1, $2, $3, 'Lime Green', 'green', 1, 1)`, key, staud, title)
		}
		offer := func(shop, product int64, item string, seenDaysAgo int) int64 {
			return f.id(`INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
				VALUES ($1, $2, $3, 'EUR', 100, 100, $4, $4, $4)`, shop, product, item, f.ago(seenDaysAgo))
		}
		onSale := func(offer int64, daysAgo int) {
			f.exec(`INSERT INTO sale_events (offer_id, kind, at, price, regular_price) VALUES ($1, 'on_sale', $2, 50, 100)`, offer, f.ago(daysAgo))
		}
		// Last week (Mon 16 – Sun 22 Nov): three micro bags listed, two of them in two sizes.
		var ids []int64
		for i, key := range []string{"m1", "m2", "m3"} {
			p := product(key, "Micro Bag")
			ids = append(ids, p)
			o := offer(shop, p, key+"-s", 5+i)
			offer(shop, p, key+"-m", 4)
			if i == 0 {
				onSale(o, 4) // on sale last week in both sizes: counted once
				onSale(offer(shop, p, key+"-l", 4), 5)
			}
		}
		// A tote listed three weeks ago; a bag only an unlisted shop has.
		tote := product("t1", "Canvas Tote")
		offer(shop, tote, "t1", 20)
		only := product("h1", "Micro Bag")
		onSale(offer(hidden, only, "h1", 5), 5)
		ids = append(ids, tote, only, 99999) // and a product that does not exist

		for range 2 {
			if err := db.UpdateTrends(ctx, ids, -1); err != nil {
				t.Fatal(err)
			}
		}
		if seq, computed, err := db.TrendCursor(ctx); err != nil || computed || seq != 0 {
			t.Fatalf("cursor = %d %v %v, want never computed", seq, computed, err)
		}
		last := trends.Week(now).AddDate(0, 0, -7)
		got, err := db.TrendWeeks(ctx, store.TrendNew, last.AddDate(0, 0, -21), last, 3)
		if err != nil {
			t.Fatal(err)
		}
		series := map[string]int{}
		for _, w := range got {
			series[w.Term.Key+" "+w.Week.Format("01-02")] = w.Count
			if w.Term.Key == "phrase:micro bag" && w.Term.Label != "micro bag" {
				t.Errorf("label = %q", w.Term.Label)
			}
			if w.Term.Key == "colour:green" && (w.Term.Kind != trends.Colour || w.Term.Value != "green") {
				t.Errorf("colour term = %+v", w.Term)
			}
		}
		want := map[string]int{"phrase:micro bag 11-16": 3, "colour:lime green 11-16": 3, "colour:green 11-16": 3,
			"brand:staud 11-16": 3, "colour:green 11-02": 1, "phrase:bag 11-16": 3, "phrase:micro 11-16": 3}
		for k, n := range want {
			if series[k] != n {
				t.Errorf("%s = %d, want %d (all: %v)", k, series[k], n, series)
			}
		}
		if n := series["phrase:tote 11-02"]; n != 0 {
			t.Errorf("the tote has 1 in its week, below the support of 3, and no count in the last week; got %d", n)
		}
		sale, err := db.TrendWeeks(ctx, store.TrendSale, last, last, 1)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range sale {
			if w.Count != 1 {
				t.Errorf("sale %s = %d, want 1 (one product, whichever sizes, never the unlisted shop's)", w.Term.Key, w.Count)
			}
		}
		if len(sale) == 0 {
			t.Error("no sale counts")
		}
		if first, err := db.TrendHistory(ctx); err != nil || !first.Equal(last.AddDate(0, 0, -14)) {
			t.Errorf("history starts %v (%v), want %v", first, err, last.AddDate(0, 0, -14))
		}

		// Listing the hidden shop and reconciling counts its bag.
		f.exec(`UPDATE retailers SET listed = 1 WHERE id = $1`, hidden)
		if err := db.UpdateTrends(ctx, []int64{only}, 42); err != nil {
			t.Fatal(err)
		}
		if seq, computed, err := db.TrendCursor(ctx); err != nil || !computed || seq != 42 {
			t.Fatalf("cursor = %d %v %v, want 42", seq, computed, err)
		}
		got, err = db.TrendWeeks(ctx, store.TrendNew, last, last, 4)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, w := range got {
			if w.Term.Key == "phrase:micro bag" {
				found = w.Count == 4
			}
		}
		if !found {
			t.Errorf("after listing the shop, micro bag should count 4 last week: %+v", got)
		}
	})
}
