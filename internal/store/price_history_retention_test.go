package store_test

import (
	"context"
	"database/sql"
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

// retentionNow is the clock of the retention tests; retentionKeep the retention they apply.
var (
	retentionNow  = time.Date(2026, 11, 20, 15, 30, 0, 0, time.UTC)
	retentionKeep = 400 * 24 * time.Hour
)

// TestPriceRetentionKeepsFigures fills eight offers with 520 days of random price history
// (several changes on some days, sold-out spells, markdowns), applies a 400-day retention and
// checks what the issue promises: the rows of the kept range and the state in force at its
// start are unchanged (so are price charts of the kept range), the 30-day low and questionable
// mark at times whose windows lie in the kept range are the same, the all-time low is the same,
// the stored figures the refresh job computes are the same, at most two rows per offer and day
// remain before the cutoff, the catalogue invariants hold, and a second pass removes nothing.
// On PostgreSQL, old months are partitions created after their rows arrived (so the rows move
// out of the default partition first) except the oldest three, compacted row by row there.
func TestPriceRetentionKeepsFigures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		offers := fillRandomHistories(t, db, 8, 520)
		if db.Dialect() == store.Postgres {
			start := retentionNow.AddDate(0, 0, -520+90) // the oldest three months stay in the default partition
			ensurePartitions(t, db, start, retentionNow, 3)
			assertDefaultPartitionOnlyBefore(t, db, start)
		}
		before := readHistories(t, db, offers)
		figsBefore := refreshedFigures(t, db, offers)
		var total int
		scanOne(t, db, `SELECT COUNT(*) FROM price_changes`, &total)

		res, err := db.CompactPriceHistory(ctx, retentionNow, retentionKeep)
		if err != nil {
			t.Fatal(err)
		}
		cutoff := retentionNow.Add(-retentionKeep)
		if res.Before.After(cutoff) || res.Before.Before(cutoff.AddDate(0, -1, -1)) {
			t.Fatalf("compacted before %s; want the UTC day (PostgreSQL: month) of %s", res.Before, cutoff)
		}
		if res.Removed == 0 {
			t.Fatal("retention removed no rows from 120 days of busy history")
		}
		if db.Dialect() == store.Postgres && res.Partitions == 0 {
			t.Error("retention rewrote no partition on PostgreSQL")
		}
		var after int
		scanOne(t, db, `SELECT COUNT(*) FROM price_changes`, &after)
		if int64(total-after) != res.Removed {
			t.Errorf("rows went from %d to %d, but retention reports %d removed", total, after, res.Removed)
		}
		var busiest int
		scanOne(t, db, `SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM price_changes WHERE changed_at < `+
			fmt.Sprint(res.Before.UnixMilli())+` GROUP BY offer_id, changed_at / 86400000) d`, &busiest)
		if busiest > 2 {
			t.Errorf("a compacted offer-day kept %d rows; want at most 2 (the day's low and its closing state)", busiest)
		}

		got := readHistories(t, db, offers)
		for _, id := range offers {
			b, a := before[id], got[id]
			if !slices.Equal(keptRange(b, res.Before), keptRange(a, res.Before)) {
				t.Errorf("offer %d: the history from %s on changed", id, res.Before.Format(time.DateOnly))
			}
			if sb, sa := stateAt(b, res.Before), stateAt(a, res.Before); sb != sa {
				t.Errorf("offer %d: state in force at the cutoff was %+v, is %+v", id, sb, sa)
			}
			pb, pa := points(b), points(a)
			if lb, la := pricing.AllTimeLow(pb), pricing.AllTimeLow(pa); lb != la {
				t.Errorf("offer %d: all-time low was %d, is %d", id, lb, la)
			}
			for at := res.Before.Add(31 * pricing.Day); !at.After(retentionNow); at = at.Add(61 * time.Hour) {
				if fb, fa := pricing.FiguresAt(pb, at), pricing.FiguresAt(pa, at); fb != fa {
					t.Errorf("offer %d at %s: figures were %+v, are %+v", id, at, fb, fa)
				}
			}
		}
		if figsAfter := refreshedFigures(t, db, offers); !equalFigures(figsBefore, figsAfter) {
			t.Errorf("stored figures after a refresh changed:\nbefore %v\nafter  %v", figsBefore, figsAfter)
		}
		report, err := db.CheckIntegrity(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(report.Problems) > 0 {
			t.Errorf("catalogue invariants broken after retention: %+v", report.Problems)
		}
		again, err := db.CompactPriceHistory(ctx, retentionNow, retentionKeep)
		if err != nil || again.Removed != 0 || !again.Before.Equal(res.Before) {
			t.Errorf("second pass: %+v, %v; want nothing removed and the same cutoff", again, err)
		}
	})
}

// TestPriceRetentionMinimum: a retention shorter than the figures need is refused.
func TestPriceRetentionMinimum(t *testing.T) {
	db := storetest.SQLite(t)
	if _, err := db.CompactPriceHistory(context.Background(), retentionNow, 30*24*time.Hour); err == nil {
		t.Fatal("a 30-day retention was accepted")
	}
}

// fillRandomHistories inserts n offers of one product with days of random history ending at
// retentionNow and returns their ids. Before the nominal cutoff (retentionNow minus
// retentionKeep) anything goes: regular prices move, prices churn several times a day. After
// it, 60 days at the regular price are followed by churn under that same regular price, so that
// every markdown's reference period (the seen days before it began) lies inside the kept range.
func fillRandomHistories(t *testing.T, db *store.DB, n, days int) []int64 {
	t.Helper()
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(8, 19))
	mustExecAll(t, db,
		`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
		`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Coat', 0, 0)`,
		`INSERT INTO product_keys (key, product_id) VALUES ('k', 1)`,
		`INSERT INTO changes (entity, entity_id, at) VALUES ('product', 1, 0)`)
	start := retentionNow.AddDate(0, 0, -days)
	stretch := retentionNow.Add(-retentionKeep)
	stretchEnd := stretch.Add(60 * pricing.Day)
	avail := []catalog.Availability{catalog.InStock, catalog.InStock, catalog.InStock, catalog.InStock, catalog.OutOfStock, catalog.Preorder}
	var ids []int64
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		for o := int64(1); o <= int64(n); o++ {
			const regular = 10000
			var rows []store.PriceChangeRow
			add := func(at time.Time, price, reg int64, a catalog.Availability) {
				rows = append(rows, store.PriceChangeRow{OfferID: o, At: at, Price: price, RegularPrice: reg, Availability: a})
			}
			for d := 0; d < days; d++ {
				day := start.AddDate(0, 0, d)
				switch {
				case day.Before(stretch.Add(-pricing.Day)):
					reg := int64(regular + 1000*rng.IntN(5) - 2000)
					for k, changes := 0, rng.IntN(4); k < changes; k++ {
						add(day.Add(time.Duration(rng.IntN(86400))*time.Second), reg-int64(500*rng.IntN(8)), reg, avail[rng.IntN(len(avail))])
					}
				case day.Before(stretchEnd):
					if len(rows) == 0 || rows[len(rows)-1].Price != regular || rows[len(rows)-1].Availability != catalog.InStock ||
						rows[len(rows)-1].RegularPrice != regular {
						add(day.Add(time.Hour), regular, regular, catalog.InStock)
					}
				default:
					for k, changes := 0, rng.IntN(3); k < changes; k++ {
						add(day.Add(time.Duration(rng.IntN(86400))*time.Second), regular-int64(1000*rng.IntN(5)), regular, avail[rng.IntN(len(avail))])
					}
				}
			}
			slices.SortFunc(rows, func(a, b store.PriceChangeRow) int { return a.At.Compare(b.At) })
			rows = slices.CompactFunc(rows, func(a, b store.PriceChangeRow) bool { return a.At.Equal(b.At) })
			last := rows[len(rows)-1]
			if _, err := tx.ExecContext(ctx, `INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES ($1, 1, 1, $2, 'EUR', $3, $4, $5, 0, 0, 0)`, o, fmt.Sprint("item-", o), last.Price, last.RegularPrice, string(last.Availability)); err != nil {
				return err
			}
			for _, r := range rows {
				if _, err := tx.ExecContext(ctx, `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability)
					VALUES ($1, $2, $3, $4, $5)`, r.OfferID, r.At.UnixMilli(), r.Price, r.RegularPrice, string(r.Availability)); err != nil {
					return err
				}
			}
			ids = append(ids, o)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// assertDefaultPartitionOnlyBefore checks that the default partition holds only rows before
// from: EnsurePricePartitions moved the later ones into their months.
func assertDefaultPartitionOnlyBefore(t *testing.T, db *store.DB, from time.Time) {
	t.Helper()
	var misplaced, kept int
	scanOne(t, db, `SELECT COUNT(*) FROM price_changes_default WHERE changed_at >= `+fmt.Sprint(from.AddDate(0, 1, 0).UnixMilli()), &misplaced)
	scanOne(t, db, `SELECT COUNT(*) FROM price_changes_default`, &kept)
	if misplaced > 0 || kept == 0 {
		t.Fatalf("default partition: %d rows after the partitioned months (want 0), %d in all (want some)", misplaced, kept)
	}
}

func readHistories(t *testing.T, db *store.DB, offers []int64) map[int64][]store.PriceChangeRow {
	t.Helper()
	out := map[int64][]store.PriceChangeRow{}
	for _, id := range offers {
		h, err := db.PriceHistory(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		out[id] = h
	}
	return out
}

// refreshedFigures recomputes every offer's stored figures at retentionNow and reads them.
func refreshedFigures(t *testing.T, db *store.DB, offers []int64) map[int64]pricing.Figures {
	t.Helper()
	ctx := context.Background()
	mustExecAll(t, db, `UPDATE offers SET figures_until = 0`)
	if _, err := db.RefreshOfferFigures(ctx, 0, retentionNow); err != nil {
		t.Fatal(err)
	}
	out := map[int64]pricing.Figures{}
	for _, id := range offers {
		f, err := db.OfferFigures(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		out[id] = f
	}
	return out
}

func equalFigures(a, b map[int64]pricing.Figures) bool {
	if len(a) != len(b) {
		return false
	}
	for id, f := range a {
		if g, ok := b[id]; !ok || !f.Until.Equal(g.Until) || f.Lowest30d != g.Lowest30d || f.AllTimeLow != g.AllTimeLow || f.Questionable != g.Questionable {
			return false
		}
	}
	return true
}

// keptRange is the part of a history at or after from.
func keptRange(h []store.PriceChangeRow, from time.Time) []store.PriceChangeRow {
	i := slices.IndexFunc(h, func(r store.PriceChangeRow) bool { return !r.At.Before(from) })
	if i < 0 {
		return nil
	}
	return h[i:]
}

// stateAt is the state in force at at (the last row at or before it), zero before the first.
func stateAt(h []store.PriceChangeRow, at time.Time) pricing.State {
	var s pricing.State
	for _, r := range h {
		if r.At.After(at) {
			break
		}
		s = pricing.State{Price: r.Price, RegularPrice: r.RegularPrice, Availability: r.Availability}
	}
	return s
}

func points(h []store.PriceChangeRow) []pricing.Point {
	out := make([]pricing.Point, len(h))
	for i, r := range h {
		out[i] = pricing.Point{At: r.At, Price: r.Price, RegularPrice: r.RegularPrice, Availability: r.Availability}
	}
	return out
}

// ensurePartitions makes PostgreSQL's monthly price-history partitions (and those
// EnsurePricePartitions makes ahead) for every stepMonths-th month from from until to; on SQLite
// it does nothing.
func ensurePartitions(t *testing.T, db *store.DB, from, to time.Time, stepMonths int) {
	t.Helper()
	if db.Dialect() != store.Postgres {
		return
	}
	for m := from; m.Before(to); m = m.AddDate(0, stepMonths, 0) {
		if _, err := db.EnsurePricePartitions(context.Background(), m); err != nil {
			t.Fatal(err)
		}
	}
}
