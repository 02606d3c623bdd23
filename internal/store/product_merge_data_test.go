package store_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// mergeOne folds product from into product into in a catalogue transaction.
func mergeOne(t *testing.T, db *store.DB, from, into int64) {
	t.Helper()
	ctx := context.Background()
	if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
		return tx.MergeProducts(ctx, []store.ProductMerge{{From: from, Into: into}})
	}); err != nil {
		t.Fatal(err)
	}
}

// TestMergeProductsKeepsLovesWhole: a shopper who loved both products (same size and colour)
// keeps one love, and it keeps what the other held: the alerts already decided on it (one of
// them delivered: the record that stops a second mail about the same change), the tracked page
// that pointed at it, the target price and the purchase it lacked. An alert both loves hold
// (same kind and basis) stays once.
func TestMergeProductsKeepsLovesWhole(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		mustExecAll(t, db,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (10, 'k10', 'Loafer', 0, 0), (11, 'k11', 'Loafer', 0, 0)`,
			`INSERT INTO users (id, email, created_at, updated_at) VALUES (901, 'ann@example.com', 0, 0)`,
			`INSERT INTO loves (id, user_id, product_id, size, created_at) VALUES (1, 901, 10, 'EU 38', 0)`,
			`INSERT INTO loves (id, user_id, product_id, size, target_price, bought_at, bought_price, protect_days, created_at)
				VALUES (2, 901, 11, 'EU 38', 30000, 5, 39000, 14, 0)`,
			`INSERT INTO love_alerts (id, love_id, user_id, kind, currency, price, basis_at, created_at, delivered_at) VALUES
				(21, 1, 901, 'price_drop', 'EUR', 35000, 100, 100, NULL),
				(22, 2, 901, 'price_drop', 'EUR', 35000, 100, 100, NULL),
				(23, 2, 901, 'price_drop', 'EUR', 33000, 200, 200, 210),
				(24, 2, 901, 'back_in_stock', 'EUR', 33000, 300, 300, NULL)`,
			`INSERT INTO love_alert_deliveries (alert_id, channel, delivered_at) VALUES (23, 'email', 210)`,
			`INSERT INTO tracked_pages (user_id, url, product_id, love_id, created_at, checked_at, next_check_at)
				VALUES (901, 'https://b.example/loafer', 11, 2, 0, 0, 0)`,
		)
		mergeOne(t, db, 11, 10)
		for _, c := range []struct {
			query string
			want  int64
		}{
			{`SELECT COUNT(*) FROM loves WHERE user_id = 901`, 1},
			{`SELECT COUNT(*) FROM love_alerts WHERE love_id = 1`, 3},
			{`SELECT COUNT(*) FROM love_alerts WHERE love_id = 1 AND kind = 'price_drop' AND basis_at = 100`, 1},
			{`SELECT COUNT(*) FROM love_alert_deliveries WHERE alert_id = 23`, 1},
			{`SELECT COALESCE(love_id, 0) FROM tracked_pages WHERE url = 'https://b.example/loafer'`, 1},
			{`SELECT product_id FROM tracked_pages WHERE url = 'https://b.example/loafer'`, 10},
			{`SELECT COALESCE(target_price, 0) FROM loves WHERE id = 1`, 30000},
			{`SELECT COALESCE(bought_price, 0) FROM loves WHERE id = 1`, 39000},
			{`SELECT COALESCE(bought_at, 0) FROM loves WHERE id = 1`, 5},
			{`SELECT protect_days FROM loves WHERE id = 1`, 14},
		} {
			var got int64
			scanOne(t, db, c.query, &got)
			if got != c.want {
				t.Errorf("%s = %d, want %d", c.query, got, c.want)
			}
		}
	})
}

// TestMergeProductsFillsEmptyFields: the survivor keeps its own fields and takes the merged
// product's where its own are empty (imports skip unchanged records, so nothing else would fill
// them); a merged product whose source is an unlisted shop (a pasted page) gives nothing.
func TestMergeProductsFillsEmptyFields(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, listed, created_at) VALUES (1, 'a', 'A', 1, 0), (2, 'p', 'p.example', 0, 0)`,
			`INSERT INTO brands (id, slug, name, created_at) VALUES (5, 'toteme', 'Totême', 0)`,
			`INSERT INTO products (id, product_key, title, description, image_url, source_retailer_id, created_at, updated_at) VALUES
				(10, 'k10', 'Loafer', 'Mine', '', 1, 0, 0),
				(11, 'k11', 'The Loafer', 'Theirs', 'https://a.example/l.jpg', 1, 0, 0),
				(12, 'k12', 'Loafer', '', '', 1, 0, 0),
				(13, 'k13', 'Page Loafer', 'From a page', 'https://p.example/l.jpg', 2, 0, 0)`,
			`UPDATE products SET brand_id = 5, mpn = 'T-2' WHERE id IN (11, 13)`,
		)
		mergeOne(t, db, 11, 10)
		mergeOne(t, db, 13, 12)
		var got string
		scanOne(t, db, `SELECT title || '|' || description || '|' || image_url || '|' || mpn || '|' || COALESCE(brand_id, 0) FROM products WHERE id = 10`, &got)
		if want := "Loafer|Mine|https://a.example/l.jpg|T-2|5"; got != want {
			t.Errorf("survivor = %q, want %q: its own title and description, the other's image, MPN and brand", got, want)
		}
		var page string
		scanOne(t, db, `SELECT description || image_url || mpn || COALESCE(brand_id, 0) FROM products WHERE id = 12`, &page)
		if page != "0" {
			t.Errorf("a pasted page's product filled the survivor's fields: %q", page)
		}
	})
}

// trendRows is every trend count that is not zero and every product's counted terms and weeks,
// one line each, in order: two databases with the same trends give the same text.
func trendRows(t *testing.T, db *store.DB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		`SELECT list || ' ' || week || ' ' || term || ' ' || count FROM trend_counts WHERE count <> 0 ORDER BY list, week, term`,
		`SELECT 'terms ' || product_id || ' ' || term FROM trend_product_terms ORDER BY product_id, term`,
		`SELECT 'marks ' || product_id || ' ' || list || ' ' || week FROM trend_marks ORDER BY product_id, list, week`,
	} {
		rows, err := db.SQL().QueryContext(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			b.WriteString(s + "\n")
		}
		rows.Close()
	}
	return b.String()
}

// TestMergeProductsMovesTrends: the trends counted two products; once one is merged into the
// other, with no trends job round in between, the trend tables hold no row of the merged-away
// product and equal a full recompute: the survivor counts once, in the week the first of its
// offers was seen and in the weeks either product went on sale. Merging through a brand merge
// does the same.
func TestMergeProductsMovesTrends(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
		f := browseFixture{db: db, now: now, tb: t}
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		staud := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('staud', 'Staud', 1)`)
		staudx := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('staud-x', 'Staud X', 1)`)
		product := func(key, title string, brand int64) int64 {
			return f.id(`INSERT INTO products (product_key, brand_id, title, color, color_family, created_at, updated_at)
				VALUES ($1, $2, $3, 'Lime Green', 'green', 1, 1)`, key, brand, title)
		}
		offer := func(product int64, item string, seenDaysAgo int) int64 {
			return f.id(`INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
				VALUES ($1, $2, $3, 'EUR', 100, 100, $4, $4, $4)`, shop, product, item, f.ago(seenDaysAgo))
		}
		older := product("mpn:staud:m1:lime-green", "Micro Bag", staud)
		younger := product("mpn:staud:m1b:lime-green", "Micro Shoulder Bag", staud)
		offer(older, "o1", 5)
		f.exec(`INSERT INTO sale_events (offer_id, kind, at, price, regular_price) VALUES ($1, 'on_sale', $2, 50, 100)`, offer(younger, "y1", 20), f.ago(12))
		// A brand spelt two ways: merging the brands merges the products (same title key).
		a := product("title:staud:tote:lime-green", "Tote", staud)
		b := product("title:staud-x:tote:lime-green", "Tote", staudx)
		mustExecAll(t, db, fmt.Sprintf(`INSERT INTO product_keys (key, product_id) VALUES ('title:staud:tote:lime-green', %d), ('title:staud-x:tote:lime-green', %d)`, a, b))
		offer(a, "a1", 3)
		offer(b, "b1", 30)
		if _, err := db.RecomputeTrends(ctx); err != nil {
			t.Fatal(err)
		}

		mergeOne(t, db, younger, older)
		if _, err := db.MergeBrands(ctx, "Staud X", "Staud"); err != nil {
			t.Fatal(err)
		}
		after := trendRows(t, db)
		for _, gone := range []int64{younger, b} {
			if strings.Contains(after, fmt.Sprintf(" %d ", gone)) {
				t.Errorf("merged-away product %d still has trend rows:\n%s", gone, after)
			}
		}
		if _, err := db.RecomputeTrends(ctx); err != nil {
			t.Fatal(err)
		}
		if want := trendRows(t, db); after != want {
			t.Errorf("trends after the merges:\n%s\nwant (a recompute):\n%s", after, want)
		}
		if !strings.Contains(after, fmt.Sprintf("marks %d sale", older)) {
			t.Errorf("the survivor did not take the merged product's sale week:\n%s", after)
		}
	})
}
