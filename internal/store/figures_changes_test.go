package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestFiguresRefreshLogsShownChanges: when the 30-day window moves past an old low price, the
// refresh between imports changes the offer's "lowest in 30 days" and logs its product, so live
// indexes show it; a refresh that changes nothing shown logs nothing.
func TestFiguresRefreshLogsShownChanges(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		day := func(n int) time.Time { return time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (7, 'k', 'Coat', 0, 0)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES (70, 1, 7, 'c', 'EUR', 10000, 10000, 'in_stock', 0, 0, 0)`)
		for _, q := range []struct {
			at    time.Time
			price int64
		}{{day(0), 5000}, {day(5), 10000}} {
			if _, err := db.SQL().ExecContext(ctx, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
				VALUES (70, $1, $2, 10000, 'in_stock')`, q.at.UnixMilli(), q.price); err != nil {
				t.Fatal(err)
			}
		}
		logged := func() int {
			var n int
			scanOne(t, db, `SELECT COUNT(*) FROM changes WHERE entity = 'product' AND entity_id = 7`, &n)
			return n
		}
		refresh := func(at time.Time) {
			t.Helper()
			if _, _, err := db.RefreshDueFigures(ctx, at, store.FiguresCursor{}, 100); err != nil {
				t.Fatal(err)
			}
		}
		refresh(day(20)) // first figures: 30-day low 50.00, a change from "none"
		if f, _ := db.OfferFigures(ctx, 70); f.Lowest30d != 5000 || logged() != 1 {
			t.Fatalf("day 20: lowest %d, %d change-log rows; want 5000 and 1", f.Lowest30d, logged())
		}
		refresh(day(25)) // not due: nothing recomputed, nothing logged
		refresh(day(40)) // the 50.00 left the window: the low is 100.00 now
		if f, _ := db.OfferFigures(ctx, 70); f.Lowest30d != 10000 || logged() != 2 {
			t.Fatalf("day 40: lowest %d, %d change-log rows; want 10000 and 2", f.Lowest30d, logged())
		}
		if _, err := db.SQL().ExecContext(ctx, `UPDATE offers SET figures_until = 0 WHERE id = 70`); err != nil {
			t.Fatal(err)
		}
		refresh(day(41)) // recomputed, same figures: nothing logged
		if n := logged(); n != 2 {
			t.Errorf("a refresh that changed nothing shown logged the product (%d rows)", n)
		}
	})
}
