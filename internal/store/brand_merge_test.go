package store_test

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestMergeBrands merges an importer-created brand ("Jaquemus", a typo) into the real one and
// checks every reference: products move, a product the real brand already had (same style code
// and colour) is merged into it with its offers, loves, collection place and clicks, followers
// follow the real brand once, the old name becomes an alias, and the change log names every
// product touched so live indexes follow.
func TestMergeBrands(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		mustExecAll(t, db,
			`INSERT INTO brands (id, slug, name, created_at) VALUES (1, 'jacquemus', 'Jacquemus', 0), (2, 'jaquemus', 'Jaquemus', 0), (3, 'by-far', 'By Far', 0)`,
			`INSERT INTO brand_aliases (alias, brand_id) VALUES ('jaquemus-paris', 2)`,
			`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0), (2, 'b', 'B', 0)`,
			// 10: Jacquemus's Chiquito; 20: the same bag under the typo; 21: only under the typo.
			`INSERT INTO products (id, product_key, brand_id, title, created_at, updated_at) VALUES
				(10, 'mpn:jacquemus:chiquito:lime', 1, 'Le Chiquito', 0, 0),
				(20, 'mpn:jaquemus:chiquito:lime', 2, 'Le Chiquito', 0, 0),
				(21, 'mpn:jaquemus:bambino:black', 2, 'Le Bambino', 0, 0),
				(30, 'mpn:by-far:rachel:black', 3, 'Rachel', 0, 0)`,
			`INSERT INTO product_keys (key, product_id) VALUES
				('mpn:jacquemus:chiquito:lime', 10), ('title:jacquemus:le-chiquito:lime', 10),
				('mpn:jaquemus:chiquito:lime', 20), ('title:jaquemus:le-chiquito:lime', 20), ('gtin:00000000000017', 20),
				('mpn:jaquemus:bambino:black', 21), ('group:b:g1:black', 21),
				('mpn:by-far:rachel:black', 30)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
				VALUES (100, 1, 10, 'a-1', 'EUR', 1, 1, 0, 0, 0), (200, 2, 20, 'b-1', 'EUR', 1, 1, 0, 0, 0),
				(210, 2, 21, 'b-2', 'EUR', 1, 1, 0, 0, 0)`,
			`INSERT INTO users (id, email, created_at, updated_at) VALUES (1, 'ann@example.com', 0, 0), (2, 'bea@example.com', 0, 0)`,
			`INSERT INTO preference_brands (user_id, brand_id) VALUES (1, 1), (1, 2), (2, 2)`,
			// Ann loved the bag under both names (one love kept); Bea only under the typo (moved).
			`INSERT INTO loves (id, user_id, product_id, created_at) VALUES (1, 1, 10, 0), (2, 1, 20, 0), (3, 2, 20, 0)`,
			`INSERT INTO collections (id, slug, title, created_at, updated_at) VALUES (1, 'micro', 'Micro', 0, 0)`,
			`INSERT INTO collection_items (collection_id, position, product_id) VALUES (1, 1, 10), (1, 2, 20), (1, 3, 21)`,
			`INSERT INTO clickouts (offer_id, product_id, brand_id, retailer_id, source, at) VALUES (200, 20, 2, 2, 'page', 0)`,
		)
		var seqBefore int64
		scanOne(t, db, `SELECT COALESCE(MAX(seq), 0) FROM changes`, &seqBefore)

		m, err := db.MergeBrands(ctx, "Jaquemus Paris", "JACQUEMUS")
		if err != nil {
			t.Fatal(err)
		}
		if m.From.ID != 2 || m.Into.ID != 1 || m.Products != 2 || m.MergedProducts != 1 || m.Followers != 1 ||
			!slices.Equal(m.Aliases, []string{"jaquemus", "jaquemus-paris"}) {
			t.Errorf("merge = %+v", m)
		}
		for _, name := range []string{"Jaquemus", "jaquemus-paris"} {
			if b, err := db.FindBrand(ctx, name); err != nil || b.ID != 1 {
				t.Errorf("FindBrand(%q) = %+v, %v; want Jacquemus", name, b, err)
			}
		}
		checks := []struct {
			query string
			want  int64
		}{
			{`SELECT COUNT(*) FROM brands WHERE id = 2`, 0},
			{`SELECT COUNT(*) FROM products WHERE id = 20`, 0},
			{`SELECT COUNT(*) FROM products WHERE brand_id = 1`, 2},
			{`SELECT product_id FROM offers WHERE id = 200`, 10},
			{`SELECT product_id FROM product_keys WHERE key = 'gtin:00000000000017'`, 10},
			{`SELECT product_id FROM product_keys WHERE key = 'mpn:jaquemus:chiquito:lime'`, 10},
			{`SELECT product_id FROM product_keys WHERE key = 'mpn:jacquemus:bambino:black'`, 21},
			{`SELECT product_id FROM product_keys WHERE key = 'mpn:jaquemus:bambino:black'`, 21},
			{`SELECT COUNT(*) FROM products WHERE id = 21 AND product_key = 'mpn:jacquemus:bambino:black'`, 1},
			{`SELECT COUNT(*) FROM preference_brands WHERE brand_id = 1`, 2},
			{`SELECT COUNT(*) FROM loves WHERE product_id = 10`, 2},
			{`SELECT COUNT(*) FROM loves WHERE user_id = 1`, 1},
			{`SELECT COUNT(*) FROM collection_items WHERE collection_id = 1`, 2},
			{`SELECT product_id FROM clickouts WHERE offer_id = 200`, 10},
			{`SELECT brand_id FROM clickouts WHERE offer_id = 200`, 1},
			{`SELECT COUNT(DISTINCT entity_id) FROM changes WHERE entity = 'product' AND seq > ` + strconv.FormatInt(seqBefore, 10), 3},
		}
		for _, c := range checks {
			var got int64
			scanOne(t, db, c.query, &got)
			if got != c.want {
				t.Errorf("%s = %d, want %d", c.query, got, c.want)
			}
		}

		if _, err := db.MergeBrands(ctx, "By Far", "by-far"); !errors.Is(err, store.ErrSameBrand) {
			t.Errorf("merge into itself: %v, want ErrSameBrand", err)
		}
		if _, err := db.MergeBrands(ctx, "Nobody", "By Far"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("merge of an unknown brand: %v, want ErrNotFound", err)
		}
	})
}

func mustExecAll(t *testing.T, db *store.DB, queries ...string) {
	t.Helper()
	for _, q := range queries {
		if _, err := db.SQL().ExecContext(context.Background(), q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
}

func scanOne(t *testing.T, db *store.DB, query string, dest any) {
	t.Helper()
	if err := db.SQL().QueryRowContext(context.Background(), query).Scan(dest); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
}
