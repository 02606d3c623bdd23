package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestProductKeysMigration fills a database as tagdrop left it before product identity became a
// set of keys (schema 3), migrates it, and checks the backfill: every product's key is
// registered to it (an old GTIN key also in the 14-digit form new keys use), and every product
// with offers takes its oldest offer as the source of its fields.
func TestProductKeysMigration(t *testing.T) {
	urls := map[string]func(t *testing.T) string{
		"sqlite":   func(t *testing.T) string { return "sqlite:" + filepath.Join(t.TempDir(), "old.db") },
		"postgres": func(t *testing.T) string { return storetest.PostgresURL(t) },
	}
	for _, name := range []string{"sqlite", "postgres"} {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			db, err := store.OpenAtVersion(ctx, urls[name](t), 3)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			for _, q := range []string{
				`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0), (2, 'b', 'B', 0)`,
				`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES
					(1, 'mpn:by-far:rachel:lime', 'Rachel', 0, 0), (2, 'gtin:4006381333931', 'Boot', 0, 0),
					(3, 'gtin:00036000291452', 'Cap', 0, 0), (4, 'gtin:12345', 'Odd', 0, 0)`,
				`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
					VALUES (10, 2, 1, 'b-1', 'EUR', 1, 1, 0, 0, 0), (11, 1, 1, 'a-1', 'EUR', 1, 1, 0, 0, 0),
					(12, 1, 2, 'a-2', 'EUR', 1, 1, 0, 0, 0)`,
			} {
				if _, err := db.SQL().ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			if before, after, err := db.Migrate(ctx); err != nil || before != 3 || after < 4 {
				t.Fatalf("migrate = %d → %d, %v", before, after, err)
			}
			wantKeys := map[int64][]string{
				1: {"mpn:by-far:rachel:lime"},
				2: {"gtin:04006381333931", "gtin:4006381333931"},
				3: {"gtin:00036000291452"},
				4: {"gtin:12345"},
			}
			for id, want := range wantKeys {
				got, err := db.ProductKeysOf(ctx, id)
				if err != nil || !slices.Equal(got, want) {
					t.Errorf("keys of product %d = %q, %v; want %q", id, got, err, want)
				}
			}
			wantSource := map[int64]string{1: "2 b-1", 2: "1 a-2", 3: "0 ", 4: "0 "}
			for id, want := range wantSource {
				var retailer int64
				var item string
				if err := db.SQL().QueryRowContext(ctx, `SELECT COALESCE(source_retailer_id, 0), source_item_id FROM products WHERE id = $1`, id).
					Scan(&retailer, &item); err != nil {
					t.Fatal(err)
				}
				if got := fmt.Sprintf("%d %s", retailer, item); got != want {
					t.Errorf("source of product %d = %q, want %q", id, got, want)
				}
			}
		})
	}
}
