package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestProductChartWithMarksMatchesWholeHistory plays 500 days of random history for 24 offers
// of one product into the store as imports do (each few days' changes appended at their
// times), with the maintenance job's work in between: history marks advanced every ~6 days
// (store.AdvanceHistoryMarks) and, every 60 days, retention at its 90-day minimum. Eight
// offers appear only on day 250, so some reads meet offers never marked. After every step the
// chart read (store.ProductSince) from 90, 30 and 200 days back must equal what the whole
// history read says: every change from that start on plus the change in force at it (the last
// written at the last instant before it), in the same order. From 90 days back the marks serve;
// 30 and 200 days back they do not fit, so offers unchanged since the month before are looked
// up further back, the old way.
func TestProductChartWithMarksMatchesWholeHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		end := start.Add(500 * pricing.Day)
		ensurePartitions(t, db, start.AddDate(0, -1, 0), end, 1)
		rng := rand.New(rand.NewPCG(21, 8))
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, created_at, listed) VALUES (1, 'a', 'A', 0, 1)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`)
		const offers, lateFrom = 24, 17
		addOffer := func(o int64) {
			mustExecAll(t, db, fmt.Sprintf(`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES (%d, 1, 1, 'item-%d', 'EUR', 1, 1, 'in_stock', 0, 0, 0)`, o, o))
		}
		late := start.Add(250 * pricing.Day)
		var all []store.PriceChangeRow
		for o := int64(1); o <= offers; o++ {
			from := start
			if o >= lateFrom {
				from = late
			} else {
				addOffer(o)
			}
			all = append(all, randomOfferHistory(rng, o, from, end)...)
		}
		slices.SortStableFunc(all, func(a, b store.PriceChangeRow) int { return a.At.Compare(b.At) })

		var marked, lastMarks, lastRetention time.Time
		lateAdded := false
		checks := 0
		for next := 0; next < len(all); {
			until := all[next].At.Add(time.Duration(1+rng.IntN(5)) * pricing.Day)
			var batch []store.PriceChangeRow
			for next < len(all) && all[next].At.Before(until) {
				batch = append(batch, all[next])
				next++
			}
			now := batch[len(batch)-1].At
			if !lateAdded && !now.Before(late) {
				for o := int64(lateFrom); o <= offers; o++ {
					addOffer(o)
				}
				lateAdded = true
			}
			if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error { return tx.AppendPriceChanges(ctx, batch) }); err != nil {
				t.Fatal(err)
			}
			if now.Sub(lastMarks) > 6*pricing.Day {
				if _, err := db.AdvanceHistoryMarks(ctx, now); err != nil {
					t.Fatal(err)
				}
				lastMarks, marked = now, store.HistoryMark(now)
			}
			if now.Sub(start) > 200*pricing.Day && now.Sub(lastRetention) > 60*pricing.Day {
				if _, err := db.CompactPriceHistory(ctx, now, store.MinPriceRetention); err != nil {
					t.Fatal(err)
				}
				lastRetention = now
			}
			whole, err := db.ProductSince(ctx, 1, 0, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			for _, back := range []time.Duration{90 * pricing.Day, 30 * pricing.Day, 200 * pricing.Day} {
				since := now.Add(-back)
				got, err := db.ProductSince(ctx, 1, 0, since)
				if err != nil {
					t.Fatal(err)
				}
				want := chartFromWhole(whole.History, since)
				if !slices.EqualFunc(got.History, want, samePriceChange) {
					t.Fatalf("at %s (marks at %s) the chart from %s read %d changes:\n%v\nthe whole history says %d:\n%v",
						now.Format(time.DateOnly), marked.Format(time.DateOnly), since.Format(time.DateOnly),
						len(got.History), got.History, len(want), want)
				}
				checks++
			}
		}
		// The marks were in use: most offers carry one at or before the last 90-day window.
		var withMark int
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM offers WHERE history_mark <= $1`,
			end.Add(-90*pricing.Day).UnixMilli()).Scan(&withMark); err != nil {
			t.Fatal(err)
		}
		if withMark != offers {
			t.Errorf("%d of %d offers marked at the end; want all", withMark, offers)
		}
		t.Logf("%d chart reads compared", checks)
	})
}

// chartFromWhole is what a chart from since must read, from the whole history read (in the
// read's order): each offer's change in force at since (its last row before since) and every
// change from since on.
func chartFromWhole(whole []store.PriceChange, since time.Time) []store.PriceChange {
	last := map[int64]int{}
	for i, c := range whole {
		if c.At.Before(since) {
			last[c.OfferID] = i
		}
	}
	var out []store.PriceChange
	for i, c := range whole {
		if j, ok := last[c.OfferID]; !c.At.Before(since) || (ok && i == j) {
			out = append(out, c)
		}
	}
	return out
}

func samePriceChange(a, b store.PriceChange) bool {
	return a.OfferID == b.OfferID && a.At.Equal(b.At) && a.Currency == b.Currency && a.Price == b.Price &&
		a.RegularPrice == b.RegularPrice && a.Availability == b.Availability
}

// TestAdvanceHistoryMarksLeavesHeldOffers: on PostgreSQL an offer an import holds (its row
// locked by an open transaction) is left for the next round instead of waited for; the others
// move, and the held one moves once it is free. SQLite has one writer: nothing to skip there.
func TestAdvanceHistoryMarksLeavesHeldOffers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if db.Dialect() != store.Postgres {
			return
		}
		ctx := context.Background()
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, created_at, listed) VALUES (1, 'a', 'A', 0, 1)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES (1, 1, 1, 'a', 'EUR', 900, 1000, 'in_stock', 0, 0, 0), (2, 1, 1, 'b', 'EUR', 800, 1000, 'in_stock', 0, 0, 0)`)
		now := time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC)
		rows := []store.PriceChangeRow{
			{OfferID: 1, At: now.AddDate(0, -6, 0), Price: 900, RegularPrice: 1000, Availability: "in_stock"},
			{OfferID: 2, At: now.AddDate(0, -6, 0), Price: 800, RegularPrice: 1000, Availability: "in_stock"},
		}
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error { return tx.AppendPriceChanges(ctx, rows) }); err != nil {
			t.Fatal(err)
		}
		hold, err := db.SQL().BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := hold.ExecContext(ctx, `UPDATE offers SET last_seen_at = 1 WHERE id = 1`); err != nil {
			t.Fatal(err)
		}
		// Waiting for the held row would run into this deadline and fail.
		wait, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		moved, err := db.AdvanceHistoryMarks(wait, now)
		if err != nil || moved != 1 {
			t.Fatalf("with offer 1 held, AdvanceHistoryMarks moved %d (%v); want 1", moved, err)
		}
		if err := hold.Rollback(); err != nil {
			t.Fatal(err)
		}
		if moved, err = db.AdvanceHistoryMarks(ctx, now); err != nil || moved != 1 {
			t.Fatalf("once free, AdvanceHistoryMarks moved %d (%v); want offer 1", moved, err)
		}
		p, err := db.ProductSince(ctx, 1, 0, now.Add(-store.ProductHistoryWindow))
		if err != nil {
			t.Fatal(err)
		}
		if len(p.History) != 2 || !p.History[0].At.Equal(rows[0].At) {
			t.Errorf("chart from the marks read %v; want both offers' changes of six months ago", p.History)
		}
	})
}
