package store_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestMergeProducts folds one product into another in a catalogue transaction: the offer moves,
// the merged product is gone, both are in the change log; a merge of a product into itself or
// into nothing is refused and changes nothing.
func TestMergeProducts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (10, 'k10', 'Old', 0, 0), (11, 'k11', 'New', 0, 0)`,
			`INSERT INTO product_keys (key, product_id) VALUES ('k10', 10), ('k11', 11), ('gtin:1', 11)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
				VALUES (110, 1, 11, 'a-1', 'EUR', 1, 1, 0, 0, 0)`,
		)
		for _, bad := range [][2]int64{{10, 10}, {11, 0}, {-1, 10}} {
			err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
				return tx.MergeProducts(ctx, []store.ProductMerge{{From: bad[0], Into: bad[1]}})
			})
			if err == nil {
				t.Errorf("merge %d into %d: no error", bad[0], bad[1])
			}
		}
		var seq int64
		scanOne(t, db, `SELECT COALESCE(MAX(seq), 0) FROM changes`, &seq)
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			return tx.MergeProducts(ctx, []store.ProductMerge{{From: 11, Into: 10}})
		}); err != nil {
			t.Fatal(err)
		}
		for query, want := range map[string]int64{
			`SELECT COUNT(*) FROM products WHERE id = 11`:                                                                    0,
			`SELECT product_id FROM offers WHERE id = 110`:                                                                   10,
			`SELECT product_id FROM product_keys WHERE key = 'gtin:1'`:                                                       10,
			`SELECT COUNT(*) FROM product_keys WHERE product_id = 10`:                                                        3,
			`SELECT COUNT(DISTINCT entity_id) FROM changes WHERE entity = 'product' AND seq > ` + strconv.FormatInt(seq, 10): 2,
		} {
			var got int64
			scanOne(t, db, query, &got)
			if got != want {
				t.Errorf("%s = %d, want %d", query, got, want)
			}
		}
	})
}
