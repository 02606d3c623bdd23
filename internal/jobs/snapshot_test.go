package jobs

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestSnapshotterBackfillsFromHistory(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		// Two offers on sale from day 0, at full price from day 5 (imported through ingest).
		saleThenFullPrice(t, db)
		clock := &fakeClock{now: figuresDay(7).Add(3 * time.Hour)}
		db.SetClock(clock.Now)
		s := NewSnapshotter(db, nil)
		s.now = clock.Now

		// A click-out on day 2 is summed with its day; today's is not.
		for _, at := range []time.Time{figuresDay(2), clock.Now().Add(-time.Minute)} {
			if _, err := db.SQL().ExecContext(ctx, `INSERT INTO clickouts (source, at) VALUES ('page', $1)`, at.UnixMilli()); err != nil {
				t.Fatal(err)
			}
		}

		n, err := s.Round(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if rolled, err := db.RollUpClicks(ctx, clock.Now()); err != nil || rolled != 0 {
			t.Errorf("after a round, %d days of clicks were left to sum (err %v)", rolled, err)
		}
		var summed int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM click_days`).Scan(&summed); err != nil || summed == 0 {
			t.Errorf("no click-outs were summed (err %v)", err)
		}
		if n != 8 {
			t.Errorf("first round took %d snapshots, want 8 (days 0 to 7)", n)
		}
		rows, err := db.CatalogueSnapshots(ctx, store.DayOf(figuresDay(-3)), store.DayOf(figuresDay(30)))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 8 || !rows[0].Day.Equal(store.DayOf(figuresDay(0))) {
			t.Fatalf("snapshots = %+v, want days 0 to 7", rows)
		}
		for i, r := range rows {
			wantSale := int64(2)
			if i >= 5 {
				wantSale = 0
			}
			if r.Offers != 2 || r.OnSale != wantSale {
				t.Errorf("day %d: %d offers, %d on sale; want 2 and %d", i, r.Offers, r.OnSale, wantSale)
			}
		}

		// Later the same day only today is retaken; the next day, yesterday's provisional row is
		// counted again as final, and the new day taken.
		clock.Set(figuresDay(7).Add(5 * time.Hour))
		if n, err := s.Round(ctx); err != nil || n != 1 {
			t.Errorf("same-day round took %d (err %v), want 1", n, err)
		}
		clock.Set(figuresDay(8).Add(time.Hour))
		if n, err := s.Round(ctx); err != nil || n != 2 {
			t.Errorf("next-day round took %d (err %v), want 2", n, err)
		}
		rows, err = db.CatalogueSnapshots(ctx, store.DayOf(figuresDay(7)), store.DayOf(figuresDay(9)))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || !rows[0].TakenAt.Equal(clock.Now()) {
			t.Errorf("days 7 and 8 = %+v, want both taken now", rows)
		}
	})
}

func TestSnapshotterEmptyCatalogue(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		s := NewSnapshotter(db, nil)
		if n, err := s.Round(context.Background()); err != nil || n != 1 {
			t.Errorf("round of an empty catalogue took %d (err %v), want today's only", n, err)
		}
	})
}
