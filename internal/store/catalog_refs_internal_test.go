package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// openWriterTestDB opens a SQLite database with a retailer, a shopper, and two products the
// shopper loved in the same size.
func openWriterTestDB(t *testing.T) *DB {
	t.Helper()
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "tagdrop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	for _, q := range []string{
		`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
		`INSERT INTO users (id, email, created_at, updated_at) VALUES (7, 'u@example.com', 0, 0)`,
		`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (10, 'k10', 'Kept', 0, 0), (11, 'k11', 'Merged', 0, 0)`,
		`INSERT INTO product_keys (key, product_id) VALUES ('k10', 10), ('k11', 11)`,
		// The shopper loved both in the same size: the merge keeps the love of 10, and the love
		// of 11 goes with its product, by the ON DELETE action.
		`INSERT INTO loves (id, user_id, product_id, size, created_at) VALUES (100, 7, 10, 'M', 0), (101, 7, 11, 'M', 0)`,
	} {
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	return db
}

// pragma reads one integer setting through q.
func pragma(t *testing.T, q func(string) (int64, error), name string) int64 {
	t.Helper()
	v, err := q("PRAGMA " + name)
	if err != nil {
		t.Fatalf("PRAGMA %s: %v", name, err)
	}
	return v
}

// TestCatalogWriterForeignKeys: the import connection writes without foreign-key enforcement
// and gives the connection back with it on; a batch that merges products runs again with it
// on, so the merged product's love goes by its ON DELETE action and no reference dangles.
func TestCatalogWriterForeignKeys(t *testing.T) {
	ctx := context.Background()
	db := openWriterTestDB(t)
	db.sql.SetMaxOpenConns(1) // the writer's connection is the one every later query gets
	w, err := db.NewCatalogWriter(ctx, 32<<10)
	if err != nil {
		t.Fatal(err)
	}
	var runs []int64 // foreign_keys as each run of fn saw it
	err = w.InCatalogTx(ctx, func(tx *CatalogTx) error {
		runs = append(runs, pragma(t, func(q string) (v int64, err error) {
			return v, tx.tx.QueryRowContext(ctx, q).Scan(&v)
		}, "foreign_keys"))
		return tx.MergeProducts(ctx, []ProductMerge{{From: 11, Into: 10}})
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0] != 0 || runs[1] != 1 {
		t.Errorf("foreign_keys in each run of the merging batch = %v, want [0 1]", runs)
	}
	err = w.InCatalogTx(ctx, func(tx *CatalogTx) error {
		if v := pragma(t, func(q string) (v int64, err error) { return v, tx.tx.QueryRowContext(ctx, q).Scan(&v) }, "foreign_keys"); v != 0 {
			t.Errorf("foreign_keys in the batch after the merge = %d, want 0", v)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	q := func(s string) (v int64, err error) { return v, db.sql.QueryRowContext(ctx, s).Scan(&v) }
	if v := pragma(t, q, "foreign_keys"); v != 1 {
		t.Errorf("foreign_keys back in the pool = %d, want 1", v)
	}
	for query, want := range map[string]int64{
		`SELECT COUNT(*) FROM products WHERE id = 11`:   0,
		`SELECT COUNT(*) FROM loves`:                    1,
		`SELECT COUNT(*) FROM pragma_foreign_key_check`: 0,
	} {
		if got, err := q(query); err != nil || got != want {
			t.Errorf("%s = %d (%v), want %d", query, got, err, want)
		}
	}
}

// TestCatalogWriterChecksOutsideReferences: without enforcement, a batch that points at a
// brand, category, retailer or feed run that does not exist fails as enforcement would have,
// and writes nothing.
func TestCatalogWriterChecksOutsideReferences(t *testing.T) {
	ctx := context.Background()
	at := time.Unix(1_700_000_000, 0)
	for name, write := range map[string]func(*CatalogTx) error{
		"brand": func(tx *CatalogTx) error {
			_, err := tx.CreateProducts(ctx, []StoredProduct{{Product: catalog.Product{Key: "k20", Title: "T", BrandID: 999}}}, at)
			return err
		},
		"category": func(tx *CatalogTx) error {
			return tx.UpdateProducts(ctx, []StoredProduct{{Product: catalog.Product{ID: 10, Key: "k10", Title: "T", CategoryID: 999}}}, at)
		},
		"retailer": func(tx *CatalogTx) error {
			_, err := tx.InsertOffers(ctx, 999, []NewOffer{{Offer: catalog.Offer{ProductID: 10, ItemID: "x-1", Currency: "EUR", Price: 1, RegularPrice: 1, Availability: catalog.InStock}}}, at)
			return err
		},
		"feed run": func(tx *CatalogTx) error {
			return tx.AppendPriceChanges(ctx, []PriceChangeRow{{OfferID: 1, At: at, Price: 1, RegularPrice: 1, Availability: "in_stock", FeedRunID: 999}})
		},
	} {
		t.Run(name, func(t *testing.T) {
			db := openWriterTestDB(t)
			w, err := db.NewCatalogWriter(ctx, 32<<10)
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			err = w.InCatalogTx(ctx, write)
			if err == nil || !strings.Contains(err.Error(), "FOREIGN KEY constraint failed") {
				t.Fatalf("InCatalogTx = %v, want a foreign-key failure", err)
			}
			var n int64
			if err := w.conn.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM products) + (SELECT COUNT(*) FROM offers) +
				(SELECT COUNT(*) FROM price_changes) + (SELECT COUNT(*) FROM products WHERE category_id IS NOT NULL)`).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 2 {
				t.Errorf("rows after the failed batch = %d, want the 2 products there were", n)
			}
		})
	}
}
