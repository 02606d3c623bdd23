package ingest_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// nextDay is catalogue(n) a day later: a few items on sale or deeper, some sold out, the last
// three dropped from the feed and two new ones added.
func nextDay(n int) []genItem {
	items := catalogue(n)
	for i := range items {
		switch i % 5 {
		case 1:
			items[i].sale = items[i].price * 7 / 10
		case 3:
			items[i].availability = "out of stock"
		}
	}
	items = items[:n-3]
	extra := catalogue(n + 2)[n:]
	for i := range extra {
		extra[i].sale = extra[i].price / 2
	}
	return append(items, extra...)
}

// stateDump is what the catalogue holds, by item id rather than row id (row ids may differ
// between two databases that reached the same state by different paths).
type stateDump struct {
	Offers, PriceChanges, SaleEvents []string
}

func dumpState(t *testing.T, db *store.DB) stateDump {
	t.Helper()
	rows := func(q string) []string {
		t.Helper()
		rs, err := db.SQL().QueryContext(context.Background(), q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		defer rs.Close()
		cols, _ := rs.Columns()
		var out []string
		for rs.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rs.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			var b strings.Builder
			for i, v := range vals {
				if raw, ok := v.([]byte); ok {
					v = string(raw)
				}
				fmt.Fprintf(&b, "%s=%v ", cols[i], v)
			}
			out = append(out, b.String())
		}
		if err := rs.Err(); err != nil {
			t.Fatal(err)
		}
		return out
	}
	return stateDump{
		Offers: rows(`SELECT item_id, price, regular_price, availability, first_seen_at, last_seen_at, gone_at, updated_at,
			lowest_30d, all_time_low, questionable, figures_until FROM offers ORDER BY item_id`),
		PriceChanges: rows(`SELECT o.item_id, pc.changed_at, pc.price, pc.regular_price, pc.availability
			FROM price_changes pc JOIN offers o ON o.id = pc.offer_id ORDER BY o.item_id, pc.changed_at, pc.id`),
		SaleEvents: rows(`SELECT o.item_id, e.kind, e.at, e.price, e.regular_price, e.discount_pct, e.questionable
			FROM sale_events e JOIN offers o ON o.id = e.offer_id ORDER BY o.item_id, e.at, e.kind`),
	}
}

// reopen gives a second fresh database of db's kind.
func reopen(t *testing.T, db *store.DB) *store.DB {
	if db.Dialect() == store.Postgres {
		return storetest.Postgres(t)
	}
	return storetest.SQLite(t)
}

func lastRun(t *testing.T, db *store.DB) store.FeedRun {
	t.Helper()
	run, err := db.FeedRunByID(context.Background(), int64(count(t, db, "feed_runs")))
	if err != nil {
		t.Fatal(err)
	}
	return run
}

func TestSmallCompleteFeedIsSuppressed(t *testing.T) {
	tests := []struct {
		name     string
		items    int // of the 20 of the last good complete feed
		full     bool
		minShare float64
		applied  bool
	}{
		{name: "three tenths of the last run", items: 6, full: true, applied: false},
		{name: "just under half", items: 9, full: true, applied: false},
		{name: "exactly half", items: 10, full: true, applied: true},
		{name: "three tenths with the share set to 0.3", items: 6, full: true, minShare: 0.3, applied: true},
		{name: "three tenths with the check off", items: 6, full: true, minShare: -1, applied: true},
		{name: "a small partial feed is not checked", items: 6, full: false, applied: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				im := ingest.New(db, nil)
				mustImport(t, im, genFeed(catalogue(20)), ingest.Options{Retailer: "Dresses", ObservedAt: day(0), Full: true})
				before := dumpState(t, db)
				items := catalogue(20)[:tt.items]
				for i := range items {
					items[i].sale = items[i].price / 2 // every item would raise an on_sale event
				}
				rep, err := im.Import(ctx, strings.NewReader(string(genFeed(items))), "small.xml",
					ingest.Options{Retailer: "Dresses", ObservedAt: day(1), Full: tt.full, MinShare: tt.minShare})
				run := lastRun(t, db)
				if tt.applied {
					if err != nil || run.Status != store.RunOK || rep.Changed != tt.items {
						t.Fatalf("err = %v, run %+v, report %+v; want it applied", err, run, rep)
					}
					if got := count(t, db, "sale_events"); got != tt.items {
						t.Fatalf("sale events = %d, want %d", got, tt.items)
					}
					return
				}
				if !errors.Is(err, ingest.ErrSuppressed) || !strings.Contains(err.Error(), "fewer than 50% of the 20") {
					t.Fatalf("err = %v, want ErrSuppressed naming the share and the last run's size", err)
				}
				if rep.Read != tt.items || rep.New+rep.Changed+rep.Unchanged+rep.Gone != 0 {
					t.Fatalf("report = %+v, want %d read and nothing written", rep, tt.items)
				}
				if run.Status != store.RunSuppressed || !strings.Contains(run.Reason, "nothing was changed") || !run.Full {
					t.Fatalf("feed run = %+v, want suppressed with its reason", run)
				}
				if after := dumpState(t, db); !reflect.DeepEqual(after, before) {
					t.Fatalf("a suppressed run changed the catalogue:\nbefore %+v\nafter  %+v", before, after)
				}
				// The suppressed run is no baseline: the full feed again is checked against day 0's.
				rep = mustImport(t, im, genFeed(catalogue(20)), ingest.Options{Retailer: "Dresses", ObservedAt: day(2), Full: true})
				if rep.Unchanged != 20 || lastRun(t, db).Status != store.RunOK {
					t.Fatalf("the full feed after a suppressed one: %+v", rep)
				}
			})
		})
	}
}

func TestCrashMidApplyThenRerunConverges(t *testing.T) {
	// Transactions 1 and 2 write the changed items, 3 marks the missing one gone, 4 marks the
	// rest seen.
	for _, crashAt := range []int{1, 2, 3, 4} {
		t.Run(fmt.Sprintf("crash in batch %d", crashAt), func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				day1 := genFeed(nextDay(12))
				opts0 := ingest.Options{Retailer: "Dresses", ObservedAt: day(0), Full: true}
				opts1 := ingest.Options{Retailer: "Dresses", ObservedAt: day(1), Full: true}

				ref := reopen(t, db)
				refIm := ingest.New(ref, nil)
				ingest.SetBatchSize(refIm, 4)
				mustImport(t, refIm, genFeed(catalogue(12)), opts0)
				mustImport(t, refIm, day1, opts1)
				want := dumpState(t, ref)
				if len(want.SaleEvents) == 0 || len(want.PriceChanges) <= 12 {
					t.Fatalf("the scenario moves nothing: %+v", want)
				}

				im := ingest.New(db, nil)
				ingest.SetBatchSize(im, 4)
				mustImport(t, im, genFeed(catalogue(12)), opts0)
				crash := errors.New("simulated crash")
				ingest.SetBeforeCommit(im, func(batch int) error {
					if batch == crashAt {
						return crash
					}
					return nil
				})
				if _, err := im.Import(ctx, strings.NewReader(string(day1)), "generated", opts1); !errors.Is(err, crash) {
					t.Fatalf("err = %v, want the simulated crash", err)
				}
				if run := lastRun(t, db); run.Status != store.RunFailed {
					t.Fatalf("crashed run = %+v, want failed", run)
				}
				ingest.SetBeforeCommit(im, nil)
				mustImport(t, im, day1, opts1)
				if got := dumpState(t, db); !reflect.DeepEqual(got, want) {
					t.Fatalf("after crash and rerun:\n%+v\nwant (one uninterrupted run):\n%+v", got, want)
				}
			})
		})
	}
}

func TestReimportUnchangedWritesNothing(t *testing.T) {
	for _, budget := range []int{0, 1} {
		name := map[int]string{0: "in memory", 1: "spooled to a file"}[budget]
		t.Run(name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				im := ingest.New(db, nil)
				if budget > 0 {
					ingest.SetSpoolBudget(im, budget)
				}
				// genFeed's descriptions differ by size: the product keeps its first size's, however the
				// sizes fall into batches (a style of five sizes is cut short by the day 1 feed).
				ingest.SetBatchSize(im, 5)
				mustImport(t, im, genFeed(catalogue(20)), ingest.Options{Retailer: "Dresses", ObservedAt: day(0), Full: true})
				rep := mustImport(t, im, genFeed(nextDay(20)), ingest.Options{Retailer: "Dresses", ObservedAt: day(1), Full: true})
				if got, want := countsOf(rep), (counts{read: 19, new: 2, changed: 7, unchanged: 10, gone: 3}); got != want {
					t.Fatalf("day 1 counts = %+v, want %+v", got, want)
				}
				before := dumpState(t, db)
				changes := count(t, db, "changes")
				rep = mustImport(t, im, genFeed(nextDay(20)), ingest.Options{Retailer: "Dresses", ObservedAt: day(2), Full: true})
				if got, want := countsOf(rep), (counts{read: 19, unchanged: 19}); got != want {
					t.Fatalf("re-import counts = %+v, want %+v", got, want)
				}
				after := dumpState(t, db)
				if !reflect.DeepEqual(after.PriceChanges, before.PriceChanges) || !reflect.DeepEqual(after.SaleEvents, before.SaleEvents) ||
					count(t, db, "changes") != changes {
					t.Fatalf("re-importing an unchanged feed wrote price rows, events or changes")
				}
			})
		})
	}
}
