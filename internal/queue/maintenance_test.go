package queue

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestPriceHistoryMaintenance: a round creates the coming months' partitions on PostgreSQL
// (none on SQLite) and nothing more when run again, and compacts old history only when a
// retention is set: of one old day's three prices, the day's low and its closing price stay.
func TestPriceHistoryMaintenance(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2031, 6, 10, 9, 0, 0, 0, time.UTC)
		old := now.AddDate(0, 0, -200)
		for _, q := range []string{
			`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES (1, 1, 1, 'c', 'EUR', 6000, 10000, 'in_stock', 0, 0, 0)`,
		} {
			if _, err := db.SQL().ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		for i, price := range []int64{5000, 7000, 6000} {
			if _, err := db.SQL().ExecContext(ctx, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
				VALUES (1, $1, $2, 10000, 'in_stock')`, old.Add(time.Duration(i)*time.Hour).UnixMilli(), price); err != nil {
				t.Fatal(err)
			}
		}

		keepAll := NewPriceHistoryMaintenance(db, 0, nil)
		keepAll.now = func() time.Time { return now }
		created, c, err := keepAll.Run(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"price_changes_p203106", "price_changes_p203107", "price_changes_p203108"}
		if db.Dialect() == store.SQLite {
			want = nil
		}
		if !slices.Equal(created, want) {
			t.Errorf("partitions created = %v; want %v", created, want)
		}
		if c.Removed != 0 {
			t.Errorf("without a retention a round removed %d rows", c.Removed)
		}
		if created, _, err = keepAll.Run(ctx); err != nil || len(created) != 0 {
			t.Errorf("second round created %v (%v); want nothing", created, err)
		}

		keep := NewPriceHistoryMaintenance(db, store.MinPriceRetention, nil)
		keep.now = func() time.Time { return now }
		if _, c, err = keep.Run(ctx); err != nil || c.Removed != 1 {
			t.Fatalf("a round with a 90-day retention removed %d rows (%v); want 1", c.Removed, err)
		}
		h, err := db.PriceHistory(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		var prices []int64
		for _, r := range h {
			prices = append(prices, r.Price)
		}
		if !slices.Equal(prices, []int64{5000, 6000}) {
			t.Errorf("prices left of the old day = %v; want the low and the closing price [5000 6000]", prices)
		}
	})
}

// TestPriceHistoryJobRegistered: a queue given the maintenance works its kind and schedules it.
func TestPriceHistoryJobRegistered(t *testing.T) {
	db := storetest.SQLite(t)
	w := &Work{PriceHistory: NewPriceHistoryMaintenance(db, 0, nil)}
	_, periodic, err := w.register(db, Config{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	if len(periodic) != 1 {
		t.Fatalf("%d periodic jobs; want the price-history maintenance alone", len(periodic))
	}
}
