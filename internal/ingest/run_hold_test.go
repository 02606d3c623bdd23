package ingest_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// heldFeed gives one item, then waits for release before it ends: an import held open.
type heldFeed struct {
	started chan struct{}
	release chan struct{}
	sent    bool
}

func (f *heldFeed) Next() (feed.Item, error) {
	if !f.sent {
		f.sent = true
		close(f.started)
		return feed.Item{ID: "held-1", Title: "Held bag", Link: "https://shop.example/held-1", Price: "120.00 EUR", Availability: "in stock"}, nil
	}
	<-f.release
	return feed.Item{}, io.EOF
}

// One import of a retailer at a time: a second import of the same retailer fails with ErrBusy
// while the first runs (naming it), or waits for it with WaitBusy; a waiting import whose feed
// is older than the one the first run imported then fails with ErrStale; other retailers are
// never held up.
func TestOneImportPerRetailer(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		hold := func(observed time.Time) (release func() error) {
			f := &heldFeed{started: make(chan struct{}), release: make(chan struct{})}
			done := make(chan error, 1)
			go func() {
				_, err := im.ImportFeed(ctx, f, feed.GMCXML, "held.xml", ingest.Options{Retailer: "Maison Ligne", ObservedAt: observed})
				done <- err
			}()
			<-f.started
			return func() error { close(f.release); return <-done }
		}
		one := genFeed(catalogue(3))

		release := hold(day(1))
		_, err := im.Import(ctx, bytes.NewReader(one), "second.xml", ingest.Options{Retailer: "Maison Ligne", ObservedAt: day(1)})
		var busy *store.BusyError
		if !errors.Is(err, ingest.ErrBusy) || !errors.As(err, &busy) || busy.Source != "held.xml" {
			t.Fatalf("second import while the first runs: %v", err)
		}
		if _, err := im.Import(ctx, bytes.NewReader(one), "other.xml", ingest.Options{Retailer: "Other Shop", ObservedAt: day(1)}); err != nil {
			t.Fatalf("another retailer: %v", err)
		}
		go func() { time.Sleep(300 * time.Millisecond); _ = release() }()
		rep, err := im.Import(ctx, bytes.NewReader(one), "third.xml", ingest.Options{Retailer: "Maison Ligne", ObservedAt: day(2), WaitBusy: 30 * time.Second})
		if err != nil || rep.New != 3 {
			t.Fatalf("import waiting for the first: %+v, %v", rep, err)
		}

		// A feed older than what the run it waited for imported is stale once that run ends.
		release = hold(day(4))
		go func() { time.Sleep(300 * time.Millisecond); _ = release() }()
		_, err = im.Import(ctx, bytes.NewReader(one), "late.xml", ingest.Options{Retailer: "Maison Ligne", ObservedAt: day(3), WaitBusy: 30 * time.Second})
		if !errors.Is(err, ingest.ErrStale) {
			t.Fatalf("an older feed after waiting: %v, want ErrStale", err)
		}
	})
}

// A run whose hold lapsed (its process paused past the lease) and was marked interrupted by
// another run stops at its next heartbeat with store.ErrHoldLost, and its record stays the
// "interrupted" one the other run wrote.
func TestRunStopsWhenItsHoldIsLost(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		ingest.SetHeartbeat(im, 20*time.Millisecond)
		f := &heldFeed{started: make(chan struct{}), release: make(chan struct{})}
		done := make(chan error, 1)
		go func() {
			_, err := im.ImportFeed(ctx, f, feed.GMCXML, "held.xml", ingest.Options{Retailer: "Maison Ligne", ObservedAt: day(1)})
			done <- err
		}()
		<-f.started
		held := int64(count(t, db, "feed_runs"))
		// What a starter does to a run whose heartbeat lapsed (store.checkRetailerFree).
		if err := db.FinishFeedRun(ctx, store.FeedRun{ID: held, Status: store.RunFailed, Format: "gmc-xml",
			Reason: "interrupted: the importing process stopped before the run finished"}); err != nil {
			t.Fatal(err)
		}
		time.Sleep(200 * time.Millisecond) // heartbeats of the held run
		close(f.release)
		if err := <-done; !errors.Is(err, store.ErrHoldLost) {
			t.Fatalf("held run ended with %v, want ErrHoldLost", err)
		}
		r, err := db.FeedRunByID(ctx, held)
		if err != nil || r.Status != store.RunFailed || !strings.Contains(r.Reason, "interrupted") {
			t.Fatalf("the held run's record: %+v, %v", r, err)
		}
		if got := count(t, db, "offers"); got != 0 {
			t.Fatalf("offers = %d: the run that lost its hold wrote", got)
		}
	})
}
