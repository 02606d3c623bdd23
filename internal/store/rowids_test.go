package store_test

import (
	"context"
	"fmt"
	"maps"
	"math"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestInsertOffersIDs: InsertOffers returns each new offer's id, over more rows than one
// statement takes, and still when SQLite cannot number the rows from the largest id (an offer
// holds the largest id there is, so SQLite picks ids at random and the ids must be read back).
func TestInsertOffersIDs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, listed, created_at) VALUES (1, 'a', 'A', 1, 0)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (10, 'k10', 'Coat', 0, 0)`)
		at := time.UnixMilli(1_800_000_000_000).UTC()
		insert := func(prefix string, n int) {
			t.Helper()
			os := make([]store.NewOffer, n)
			for i := range os {
				os[i] = store.NewOffer{Offer: catalog.Offer{ProductID: 10, ItemID: fmt.Sprintf("%s-%04d", prefix, i), Currency: "EUR",
					Price: int64(100 + i), RegularPrice: 200, Availability: catalog.InStock},
					Figures: pricing.Figures{Lowest30d: int64(100 + i), AllTimeLow: int64(100 + i), Until: at.Add(time.Hour)}, FeedHash: uint64(i)}
			}
			var ids []int64
			if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) (err error) {
				ids, err = tx.InsertOffers(ctx, 1, os, at)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			got := map[string]int64{}
			for i, id := range ids {
				got[os[i].ItemID] = id
			}
			want := offerIDs(t, db, prefix)
			if len(want) != n || !maps.Equal(got, want) {
				t.Errorf("%s: InsertOffers returned %d ids, %d differ from the %d stored", prefix, len(got), differing(got, want), len(want))
			}
		}
		insert("a", 1001) // a full statement and one row more
		mustExecAll(t, db, fmt.Sprintf(`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price,
			first_seen_at, last_seen_at, updated_at) VALUES (%d, 1, 10, 'max', 'EUR', 1, 1, 0, 0, 0)`, int64(math.MaxInt64)))
		insert("b", 5)
		var last, feedHash, until int64
		scanOne(t, db, `SELECT last_seen_at FROM offers WHERE item_id = 'b-0003'`, &last)
		scanOne(t, db, `SELECT feed_hash FROM offers WHERE item_id = 'b-0003'`, &feedHash)
		scanOne(t, db, `SELECT figures_until FROM offers WHERE item_id = 'b-0003'`, &until)
		if last != at.UnixMilli() || feedHash != 3 || until != at.Add(time.Hour).UnixMilli() {
			t.Errorf("b-0003: last_seen_at, feed_hash, figures_until = %d, %d, %d", last, feedHash, until)
		}
	})
}

// TestCreateProductsIDs: CreateProducts returns the new products' ids and, for a key that
// names a product already, that product's (whose row it leaves as it is).
func TestCreateProductsIDs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustExecAll(t, db, `INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (50, 'k-old', 'Old', 0, 0)`)
		var ps []store.StoredProduct
		for _, k := range []string{"k-a", "k-b", "k-old", "k-z"} {
			ps = append(ps, store.StoredProduct{Product: catalog.Product{Key: k, Title: "T " + k}})
		}
		var got map[string]int64
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) (err error) {
			got, err = tx.CreateProducts(ctx, ps, time.UnixMilli(1_800_000_000_000))
			return err
		}); err != nil {
			t.Fatal(err)
		}
		want := map[string]int64{}
		rows, err := db.SQL().QueryContext(ctx, `SELECT id, product_key FROM products`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var k string
			if err := rows.Scan(&id, &k); err != nil {
				t.Fatal(err)
			}
			want[k] = id
		}
		if !maps.Equal(got, want) || got["k-old"] != 50 {
			t.Errorf("CreateProducts = %v, stored %v", got, want)
		}
		var title string
		scanOne(t, db, `SELECT title FROM products WHERE id = 50`, &title)
		if title != "Old" {
			t.Errorf("existing product's title = %q, want it kept", title)
		}
	})
}

// offerIDs returns the stored offers whose item id starts with prefix + "-", by item id.
func offerIDs(t *testing.T, db *store.DB, prefix string) map[string]int64 {
	t.Helper()
	rows, err := db.SQL().QueryContext(context.Background(), `SELECT id, item_id FROM offers WHERE item_id LIKE '`+prefix+`-%'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var id int64
		var item string
		if err := rows.Scan(&id, &item); err != nil {
			t.Fatal(err)
		}
		out[item] = id
	}
	return out
}

func differing(got, want map[string]int64) int {
	n := 0
	for k, v := range want {
		if got[k] != v {
			n++
		}
	}
	return n
}
