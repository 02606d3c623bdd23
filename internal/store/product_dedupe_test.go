package store_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestDuplicateProducts: products that share a GTIN (however written) or a brand + MPN +
// colour are found and merged into the oldest, whether another of them owns the key (what two
// racing imports leave) or none does (older data); a title in common, or a product whose source
// is an unlisted shop (a pasted page), merges nothing. afterID limits the search to newer
// products, the survivor may be older. A second pass finds nothing more.
func TestDuplicateProducts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		gtin := catalog.ProductKeys(catalog.KeyParts{GTIN: "7310000000102"})[0]
		mpn := catalog.ProductKeys(catalog.KeyParts{Brand: "Totême", MPN: "T-2", Color: "Black"})[0]
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, listed, created_at) VALUES (1, 'a', 'A', 1, 0), (2, 'b', 'B', 1, 0), (3, 'p', 'p.example', 0, 0)`,
			`INSERT INTO brands (id, slug, name, created_at) VALUES (5, 'toteme', 'Totême', 0)`,
			`INSERT INTO products (id, product_key, brand_id, title, color, gtin, mpn, source_retailer_id, created_at, updated_at) VALUES
				(10, 'k10', NULL, 'Loafer', 'Black', '7310000000102', '', 1, 0, 0),
				(11, 'k11', NULL, 'The Loafer', 'Black', '07310000000102', '', 2, 0, 0),
				(12, 'k12', 5, 'Coat', 'Black', '', 'T-2', 1, 0, 0),
				(13, 'k13', 5, 'Wool Coat', 'black', '', 't-2', 2, 0, 0),
				(14, 'k14', NULL, 'Loafer', 'Black', '7310000000102', '', 3, 0, 0),
				(15, 'k15', NULL, 'Loafer', 'Black', '', '', 2, 0, 0),
				(16, 'k16', 5, 'Scarf', 'Red', '4006381333931', '', 1, 0, 0),
				(17, 'k17', 5, 'Scarf', 'Red', '4006381333931', '', 2, 0, 0),
				(18, 'k18', 5, 'Coat', 'Camel', '', 'T-2', 2, 0, 0)`,
			fmt.Sprintf(`INSERT INTO product_keys (key, product_id) VALUES ('%s', 10), ('%s', 12), ('title:loafer', 15)`, gtin, mpn),
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at) VALUES
				(111, 2, 11, 'b-11', 'EUR', 1, 1, 0, 0, 0), (113, 2, 13, 'b-13', 'EUR', 1, 1, 0, 0, 0), (117, 2, 17, 'b-17', 'EUR', 1, 1, 0, 0, 0)`,
		)
		newer, err := db.DuplicateProducts(ctx, 12)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fmt.Sprint(newer), fmt.Sprintf("[{13 12 %s} {17 16 gtin:04006381333931}]", mpn); got != want {
			t.Errorf("duplicates after 12 = %s, want %s", got, want)
		}
		// Candidates (an import's products that found a key taken): 13's MPN key is 12's, 17
		// shares 16's GTIN (neither owns the key), 15 has no strong key, 14 is an unlisted shop's.
		of, err := db.DuplicateProductsOf(ctx, []int64{17, 15, 13, 14, 17})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fmt.Sprint(of), fmt.Sprintf("[{13 12 %s}]", mpn); got != want {
			t.Errorf("duplicates of 13, 14, 15, 17 = %s, want %s (17's twin 16 is not a candidate and owns no key)", got, want)
		}
		if of, err := db.DuplicateProductsOf(ctx, []int64{11, 16, 17}); err != nil || fmt.Sprint(of) != fmt.Sprintf("[{11 10 %s} {17 16 gtin:04006381333931}]", gtin) {
			t.Errorf("duplicates of 11, 16, 17 = %v (%v)", of, err)
		}
		if of, err := db.DuplicateProductsOf(ctx, nil); err != nil || len(of) != 0 {
			t.Errorf("duplicates of no product = %v (%v), want none", of, err)
		}
		merged, err := db.MergeDuplicateProducts(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := fmt.Sprint(merged), fmt.Sprintf("[{11 10 %s} {13 12 %s} {17 16 gtin:04006381333931}]", gtin, mpn); got != want {
			t.Errorf("merged = %s, want %s", got, want)
		}
		for query, want := range map[string]int64{
			`SELECT COUNT(*) FROM products WHERE id IN (11, 13, 17)`:             0,
			`SELECT COUNT(*) FROM products WHERE id IN (10, 12, 14, 15, 16, 18)`: 6,
			`SELECT product_id FROM offers WHERE id = 111`:                       10,
			`SELECT product_id FROM offers WHERE id = 113`:                       12,
			`SELECT product_id FROM offers WHERE id = 117`:                       16,
		} {
			var got int64
			scanOne(t, db, query, &got)
			if got != want {
				t.Errorf("%s = %d, want %d", query, got, want)
			}
		}
		again, err := db.DuplicateProducts(ctx, 0)
		if err != nil || len(again) != 0 {
			t.Errorf("a second pass finds %v (%v), want nothing", again, err)
		}
	})
}

// TestAddProductKeysReportsTakenKeys: keys another product owns stay its own and come back as
// collisions (with their owner); a key the same product owns already, or a new one, does not.
// Over several statements' worth of rows, so that the check runs part by part.
func TestAddProductKeysReportsTakenKeys(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustExecAll(t, db,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k1', 'A', 0, 0), (2, 'k2', 'B', 0, 0)`,
			`INSERT INTO product_keys (key, product_id) VALUES ('gtin:1', 1), ('mpn:x', 2), ('group:g', 2)`)
		var rows []store.ProductKeyRow
		for i := range 2500 {
			rows = append(rows, store.ProductKeyRow{Key: fmt.Sprintf("title:%04d", i), ProductID: 2})
		}
		rows = append(rows, store.ProductKeyRow{Key: "gtin:1", ProductID: 2}, store.ProductKeyRow{Key: "mpn:x", ProductID: 2},
			store.ProductKeyRow{Key: "group:g", ProductID: 1})
		var taken []store.KeyCollision
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			var err error
			taken, err = tx.AddProductKeys(ctx, rows)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if got, want := fmt.Sprint(taken), "[{gtin:1 2 1} {group:g 1 2}]"; got != want {
			t.Errorf("taken = %s, want %s", got, want)
		}
		var n, owner int64
		scanOne(t, db, `SELECT COUNT(*) FROM product_keys WHERE product_id = 2`, &n)
		if n != 2502 {
			t.Errorf("product 2 has %d keys, want 2502 (its two and the 2,500 new)", n)
		}
		scanOne(t, db, `SELECT product_id FROM product_keys WHERE key = 'gtin:1'`, &owner)
		if owner != 1 {
			t.Errorf("gtin:1 is product %d's, want 1's (the first to claim it)", owner)
		}
	})
}
