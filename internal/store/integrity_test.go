package store_test

import (
	"context"
	"errors"
	"io"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// loadIntegrityDemo fills db with a small demo catalogue (several snapshots: new, changed, gone
// and returning offers, sale events) through the real importer.
func loadIntegrityDemo(t *testing.T, db *store.DB) {
	t.Helper()
	opts := demo.Options{Products: 60, Days: 28, Step: 7, Today: time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)}
	if _, err := demo.Load(context.Background(), db, ingest.New(db, nil), nil, io.Discard, opts); err != nil {
		t.Fatalf("load demo: %v", err)
	}
}

func checkNames(r store.IntegrityReport) []string {
	var names []string
	for _, p := range r.Problems {
		names = append(names, p.Check)
	}
	return names
}

// TestCheckIntegrity holds a real imported catalogue to every invariant, then breaks each one the
// way a write escaping its batch's transaction would, and expects exactly that invariant named.
func TestCheckIntegrity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		loadIntegrityDemo(t, db)
		r, err := db.CheckIntegrity(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !r.OK() {
			t.Fatalf("a freshly imported demo breaks invariants: %v", r.Err())
		}
		if r.Err() != nil {
			t.Fatalf("Err() = %v on an OK report", r.Err())
		}
		for _, k := range []string{"products", "offers", "price_changes", "sale_events", "product_keys"} {
			if r.Counts[k] == 0 {
				t.Errorf("count %s = 0 after a demo import: %v", k, r.Counts)
			}
		}
		if r.Counts["price_changes"] < r.Counts["offers"] {
			t.Errorf("%d price rows for %d offers", r.Counts["price_changes"], r.Counts["offers"])
		}

		exec := func(q string, args ...any) {
			t.Helper()
			if _, err := db.SQL().ExecContext(ctx, q, args...); err != nil {
				t.Fatalf("%s: %v", q, err)
			}
		}
		var offer, product int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT id, product_id FROM offers ORDER BY id LIMIT 1`).Scan(&offer, &product); err != nil {
			t.Fatal(err)
		}
		var other int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT id FROM offers WHERE product_id <> $1 ORDER BY id DESC LIMIT 1`, product).Scan(&other); err != nil {
			t.Fatal(err)
		}
		breaks := []struct {
			name  string
			check string
			do    func()
		}{
			{"a price row written twice", "duplicate_price_rows", func() {
				exec(`INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
					SELECT offer_id, changed_at, price, regular_price, availability FROM price_changes
					WHERE offer_id = $1 ORDER BY changed_at DESC LIMIT 1`, offer)
			}},
			{"an offer's price changed without a history row", "offer_differs_from_history", func() {
				exec(`UPDATE offers SET price = price + 1 WHERE id = $1`, other)
			}},
			{"a product without offers", "product_without_offers", func() {
				exec(`INSERT INTO products (product_key, title, created_at, updated_at) VALUES ('title:integrity-test', 'Lonely', 1, 1)`)
			}},
			{"a product missing from the change log", "product_not_in_change_log", func() {
				exec(`DELETE FROM changes WHERE entity = 'product' AND entity_id = $1`, product)
			}},
		}
		for _, b := range breaks {
			b.do()
			r, err := db.CheckIntegrity(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Contains(checkNames(r), b.check) {
				t.Errorf("%s: problems %v, want %s among them", b.name, checkNames(r), b.check)
			}
			if err := r.Err(); !errors.Is(err, store.ErrIntegrity) {
				t.Errorf("%s: Err() = %v, want ErrIntegrity", b.name, err)
			}
		}
		// A product key and an offer's whole history lost.
		exec(`DELETE FROM product_keys WHERE product_id = $1`, product)
		exec(`DELETE FROM price_changes WHERE offer_id = $1`, offer)
		r, err = db.CheckIntegrity(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// (The duplicate went with the offer's history.)
		for _, want := range []string{"offer_differs_from_history", "product_without_offers",
			"product_not_in_change_log", "product_without_own_key", "offer_without_history"} {
			if !slices.Contains(checkNames(r), want) {
				t.Errorf("problems %v lack %s", checkNames(r), want)
			}
		}
	})
}

// TestCheckIntegrityFindsOrphans removes a product under its offers with foreign keys off (as a
// crash of a SQLite file written without them could leave it): SQLite's own foreign_key_check and
// the dialect-neutral orphan checks both see it.
func TestCheckIntegrityFindsOrphans(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	loadIntegrityDemo(t, db)
	conn, err := db.SQL().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = OFF`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `DELETE FROM products WHERE id = (SELECT MIN(product_id) FROM offers)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA foreign_keys = ON`); err != nil {
		t.Fatal(err)
	}
	r, err := db.CheckIntegrity(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"sqlite_foreign_key_check", "orphan_offers", "orphan_product_keys"} {
		if !slices.Contains(checkNames(r), want) {
			t.Errorf("problems %v lack %s", checkNames(r), want)
		}
	}
}
