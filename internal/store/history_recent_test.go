package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestRecentFiguresRefreshMatchesWholeHistory plays 500 days of random history for 48 offers
// into the store as the importer does (each few days' changes appended and their offers'
// figures refreshed in one transaction, then the periodic refresh of the offers due), and after
// every step compares every offer's stored figures with pricing.FiguresAt over its whole
// history. The histories include endless markdowns from one claim, raised claims, sold-out and
// gone spells, months without a change and several changes at one instant. At the end it checks
// that RecentPriceHistories reads exactly the look-back window and the point in force at its
// start (the offer's current state when it did not change in five months; nothing when it
// changed only inside the window) and the stored figures, and that those decide most offers
// without their whole history. On
// PostgreSQL every month of the play has its partition.
func TestRecentFiguresRefreshMatchesWholeHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		end := start.Add(500 * pricing.Day)
		ensurePartitions(t, db, start, end, 1)
		rng := rand.New(rand.NewPCG(3, 14))
		const offers = 48
		mustExecAll(t, db,
			`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`)
		var all []store.PriceChangeRow
		for o := int64(1); o <= offers; o++ {
			mustExecAll(t, db, fmt.Sprintf(`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES (%d, 1, 1, 'item-%d', 'EUR', 1, 1, 'in_stock', 0, 0, 0)`, o, o))
			all = append(all, randomOfferHistory(rng, o, start, end)...)
		}
		slices.SortStableFunc(all, func(a, b store.PriceChangeRow) int { return a.At.Compare(b.At) })

		whole := map[int64][]pricing.Point{}
		for next := 0; next < len(all); {
			// One import: the changes of the next one to five days, at the time of the last.
			until := all[next].At.Add(time.Duration(1+rng.IntN(5)) * pricing.Day)
			var batch []store.PriceChangeRow
			for next < len(all) && all[next].At.Before(until) {
				batch = append(batch, all[next])
				next++
			}
			now := batch[len(batch)-1].At
			var moved []int64
			for _, r := range batch {
				whole[r.OfferID] = append(whole[r.OfferID], pricing.Point{At: r.At, Price: r.Price, RegularPrice: r.RegularPrice, Availability: r.Availability})
				if !slices.Contains(moved, r.OfferID) {
					moved = append(moved, r.OfferID)
				}
			}
			for _, id := range moved { // as the importer does: the offer shows its newest state
				last := whole[id][len(whole[id])-1]
				if _, err := db.SQL().ExecContext(ctx, `UPDATE offers SET price = $1, regular_price = $2, availability = $3 WHERE id = $4`,
					last.Price, last.RegularPrice, string(last.Availability), id); err != nil {
					t.Fatal(err)
				}
			}
			if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
				if err := tx.AppendPriceChanges(ctx, batch); err != nil {
					return err
				}
				_, err := tx.RefreshFigures(ctx, moved, now)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			if _, err := db.RefreshOfferFigures(ctx, 0, now); err != nil {
				t.Fatal(err)
			}
			for o := int64(1); o <= offers; o++ {
				got, err := db.OfferFigures(ctx, o)
				if err != nil {
					t.Fatal(err)
				}
				if want := pricing.FiguresAt(whole[o], now); !sameFigures(got, want) {
					t.Fatalf("offer %d at %s: stored figures %+v; the whole history gives %+v\nhistory %+v", o, now, got, want, whole[o])
				}
			}
		}

		now := end.Add(10 * pricing.Day)
		var decided int
		if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
			ids := make([]int64, offers)
			for i := range ids {
				ids[i] = int64(i + 1)
			}
			recent, err := tx.RecentPriceHistories(ctx, ids, now)
			if err != nil {
				return err
			}
			since := now.Add(-store.FiguresLookBack)
			near := since.Add(-62 * pricing.Day)
			for _, id := range ids {
				h, r := whole[id], recent[id]
				first, inNear, after := -1, false, false
				for i, p := range h {
					switch {
					case p.At.Before(near):
					case p.At.Before(since):
						first, inNear = i, true
					default:
						after = true
					}
				}
				for first > 0 && h[first-1].At.Equal(h[first].At) {
					first--
				}
				var want []pricing.Point
				switch {
				case inNear:
					want = h[first:]
				case !after:
					last := h[len(h)-1]
					last.At = near.Add(-time.Millisecond)
					want = []pricing.Point{last}
				}
				if !slices.Equal(r.Points, want) {
					t.Errorf("offer %d: recent history %+v; want %+v", id, r.Points, want)
				}
				if want == nil {
					continue
				}
				stored, err := db.OfferFigures(ctx, id)
				if err != nil {
					return err
				}
				if !r.StoredKnown || r.Stored.AllTimeLow != stored.AllTimeLow || r.Stored.Questionable != stored.Questionable {
					t.Errorf("offer %d: stored figures read as %+v (known %v); they are %+v", id, r.Stored, r.StoredKnown, stored)
				}
				if f, ok := pricing.RecentFigures(r, now); ok {
					decided++
					if want := pricing.FiguresAt(h, now); f != want {
						t.Errorf("offer %d: recent figures %+v; whole history %+v", id, f, want)
					}
				}
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		t.Logf("%d of %d offers decided from their recent history", decided, offers)
		if decided < offers/2 {
			t.Errorf("the recent history decided the figures of %d of %d offers; want most", decided, offers)
		}
	})
}

// sameFigures compares figures, times by instant.
func sameFigures(a, b pricing.Figures) bool {
	return a.Lowest30d == b.Lowest30d && a.AllTimeLow == b.AllTimeLow && a.Questionable == b.Questionable && a.Until.Equal(b.Until)
}

// randomOfferHistory is one offer's changes between start and end in one of four shapes:
// churn under moving regular prices, an endless markdown from one claim, mostly full price with
// short markdowns, an endless markdown whose claim is raised now and then. Any shape has
// sold-out or gone spells, months without a change, and changes at one instant.
func randomOfferHistory(rng *rand.Rand, offer int64, start, end time.Time) []store.PriceChangeRow {
	var out []store.PriceChangeRow
	at := start.Add(time.Duration(rng.Int64N(int64(200 * pricing.Day))))
	reg := int64(10000)
	shape := rng.IntN(4)
	for at.Before(end) {
		r := store.PriceChangeRow{OfferID: offer, At: at.Truncate(time.Millisecond), RegularPrice: reg, Availability: catalog.InStock}
		switch shape {
		case 0:
			if rng.IntN(6) == 0 {
				reg = 8000 + 1000*rng.Int64N(5)
				r.RegularPrice = reg
			}
			r.Price = reg - 500*rng.Int64N(6)
		case 1:
			r.Price = reg - 500 - 500*rng.Int64N(8)
		case 2:
			r.Price = reg
			if rng.IntN(3) == 0 {
				r.Price = reg - 2000
			}
		default:
			if rng.IntN(8) == 0 {
				reg += 1000
				r.RegularPrice = reg
			}
			r.Price = reg - 1000 - 500*rng.Int64N(4)
		}
		if rng.IntN(7) == 0 {
			r.Availability = catalog.OutOfStock
		}
		out = append(out, r)
		switch rng.IntN(12) {
		case 0:
			at = at.Add(time.Duration(40+rng.IntN(150)) * pricing.Day) // months without a change
		case 1: // another change at the same instant
		default:
			at = at.Add(time.Duration(rng.Int64N(int64(15 * pricing.Day))))
		}
	}
	return out
}
