package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestLastSeenAfterUnchangedCompleteFeeds: a complete feed does not rewrite its unchanged
// offers, yet each reads as seen at the latest complete feed that had it; one the next feed
// lacks is gone and keeps the day it was last in a feed. A partial feed says nothing of the
// offers it lacks.
func TestLastSeenAfterUnchangedCompleteFeeds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		items := catalogue(3)
		full := func(n int) ingest.Options {
			return ingest.Options{Retailer: "Dresses", ObservedAt: day(n), Full: true}
		}
		mustImport(t, im, genFeed(items), full(0))
		rep := mustImport(t, im, genFeed(items), full(1))
		if rep.Unchanged != 3 {
			t.Fatalf("day 1: %+v, want 3 unchanged", countsOf(rep))
		}
		if n := scalar(t, db, `SELECT COUNT(*) FROM offers WHERE last_seen_at <> first_seen_at`); n != 0 {
			t.Errorf("%d unchanged offers were rewritten", n)
		}
		lastSeen := func(item string) int64 {
			t.Helper()
			o, err := db.OfferByItem(ctx, "dresses", item)
			if err != nil {
				t.Fatal(err)
			}
			return o.LastSeenAt.UnixMilli()
		}
		for _, it := range items {
			if got := lastSeen(it.id); got != day(1).UnixMilli() {
				t.Errorf("%s last seen %d, want day 1 (%d)", it.id, got, day(1).UnixMilli())
			}
		}
		// Day 2 lacks the last item: it is gone, last seen on day 1.
		mustImport(t, im, genFeed(items[:2]), full(2))
		if got := lastSeen(items[2].id); got != day(1).UnixMilli() {
			t.Errorf("gone %s last seen %d, want day 1 (%d)", items[2].id, got, day(1).UnixMilli())
		}
		if got := lastSeen(items[0].id); got != day(2).UnixMilli() {
			t.Errorf("%s last seen %d, want day 2", items[0].id, got)
		}
		// A feed observed before a complete feed that marked its offers seen is stale, even when
		// that run failed in its last steps, after the mark.
		exec(t, db, `UPDATE feed_runs SET status = '`+store.RunFailed+`' WHERE id = (SELECT MAX(id) FROM feed_runs)`)
		older := ingest.Options{Retailer: "Dresses", ObservedAt: day(2).Add(-time.Hour)}
		if _, err := im.Import(ctx, bytes.NewReader(genFeed(items[2:])), "older", older); !errors.Is(err, ingest.ErrStale) {
			t.Fatalf("a feed observed before the last complete feed's mark: err = %v, want ErrStale", err)
		}
		// A partial feed of one item on day 3 moves only that one.
		mustImport(t, im, genFeed(items[:1]), ingest.Options{Retailer: "Dresses", ObservedAt: day(3)})
		if got := lastSeen(items[0].id); got != day(3).UnixMilli() {
			t.Errorf("%s last seen %d after the partial feed, want day 3", items[0].id, got)
		}
		if got := lastSeen(items[1].id); got != day(2).UnixMilli() {
			t.Errorf("%s last seen %d after the partial feed, want day 2", items[1].id, got)
		}
		// The product page shows the same.
		p, err := db.ProductByID(ctx, scalar(t, db, `SELECT product_id FROM offers WHERE item_id = '`+items[1].id+`'`))
		if err != nil {
			t.Fatal(err)
		}
		for _, o := range p.Offers {
			if o.ItemID == items[1].id && o.LastSeenAt.UnixMilli() != day(2).UnixMilli() {
				t.Errorf("product page: %s last seen %v, want day 2", o.ItemID, o.LastSeenAt)
			}
		}
	})
}
