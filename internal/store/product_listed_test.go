package store_test

import (
	"context"
	"maps"
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestListingReads: which retailers are listed, and which products a listed retailer sells (a
// gone offer counts: the retailer still described the product).
func TestListingReads(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, created_at, listed) VALUES (1, 'feed', 'Feed', 0, 1), (2, 'page-example', 'page.example', 0, 0)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (10, 'k10', 'Both', 0, 0), (11, 'k11', 'Page only', 0, 0),
				(12, 'k12', 'Feed, gone', 0, 0), (13, 'k13', 'No offers', 0, 0)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at, gone_at)
				VALUES (100, 1, 10, 'f-1', 'EUR', 1, 1, 0, 0, 0, NULL), (101, 2, 10, 'p-1', 'EUR', 1, 1, 0, 0, 0, NULL),
				(110, 2, 11, 'p-2', 'EUR', 1, 1, 0, 0, 0, NULL), (120, 1, 12, 'f-2', 'EUR', 1, 1, 0, 0, 0, 5)`,
		)
		err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			listed, err := tx.ListedRetailers(ctx, []int64{1, 2, 3})
			if err != nil {
				return err
			}
			if got := slices.Sorted(maps.Keys(listed)); !slices.Equal(got, []int64{1}) {
				t.Errorf("listed retailers %v, want [1]", got)
			}
			sold, err := tx.ProductsWithListedOffers(ctx, []int64{10, 11, 12, 13, 14})
			if err != nil {
				return err
			}
			if got := slices.Sorted(maps.Keys(sold)); !slices.Equal(got, []int64{10, 12}) {
				t.Errorf("products with listed offers %v, want [10 12]", got)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}
