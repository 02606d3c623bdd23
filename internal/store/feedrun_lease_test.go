package store_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// One import of a retailer at a time: a second start is refused while the first run's hold is
// fresh, and allowed once it finished, once its heartbeat is older than the lease, or at once when
// the process that held it on this host is gone; the lapsed run is then marked failed.
func TestFeedRunHold(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
		db.SetClock(func() time.Time { return now })
		shop, err := db.EnsureRetailer(ctx, "Maison Ligne")
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.EnsureRetailer(ctx, "Other Shop")
		if err != nil {
			t.Fatal(err)
		}
		first, err := db.StartFeedRun(ctx, shop.ID, "first.xml", "gmc-xml", now)
		if err != nil {
			t.Fatal(err)
		}
		_, err = db.StartFeedRun(ctx, shop.ID, "second.xml", "gmc-xml", now)
		var busy *store.BusyError
		if !errors.As(err, &busy) || !errors.Is(err, store.ErrRetailerBusy) || busy.RunID != first || busy.Source != "first.xml" ||
			!busy.LapsesAt.Equal(now.Add(store.FeedRunLease)) {
			t.Fatalf("second start while the first runs: %v (%+v)", err, busy)
		}
		if _, err := db.StartFeedRun(ctx, other.ID, "other.xml", "gmc-xml", now); err != nil {
			t.Fatalf("another retailer is free: %v", err)
		}

		// A heartbeat keeps the hold past the lease; without one it lapses.
		now = now.Add(store.FeedRunLease - time.Second)
		if err := db.TouchFeedRun(ctx, first); err != nil {
			t.Fatal(err)
		}
		now = now.Add(store.FeedRunLease - time.Second)
		if _, err := db.StartFeedRun(ctx, shop.ID, "second.xml", "gmc-xml", now); !errors.Is(err, store.ErrRetailerBusy) {
			t.Fatalf("start within the renewed lease: %v", err)
		}
		now = now.Add(2 * time.Second)
		second, err := db.StartFeedRun(ctx, shop.ID, "second.xml", "gmc-xml", now)
		if err != nil {
			t.Fatalf("start after the lease lapsed: %v", err)
		}
		if r, err := db.FeedRunByID(ctx, first); err != nil || r.Status != store.RunFailed || r.Reason == "" {
			t.Fatalf("the lapsed run: %+v, %v; want failed with a reason", r, err)
		}
		// The lapsed run learns it at its next heartbeat, and its finish does not overwrite
		// the record.
		if err := db.TouchFeedRun(ctx, first); !errors.Is(err, store.ErrHoldLost) {
			t.Fatalf("heartbeat of the lapsed run: %v, want ErrHoldLost", err)
		}
		if err := db.FinishFeedRun(ctx, store.FeedRun{ID: first, Status: store.RunOK, Format: "gmc-xml"}); err != nil {
			t.Fatal(err)
		}
		if r, err := db.FeedRunByID(ctx, first); err != nil || r.Status != store.RunFailed {
			t.Fatalf("the lapsed run after its finish: %+v, %v; want still failed", r, err)
		}

		// A finished run holds nothing.
		if err := db.FinishFeedRun(ctx, store.FeedRun{ID: second, Status: store.RunOK, Format: "gmc-xml"}); err != nil {
			t.Fatal(err)
		}
		third, err := db.StartFeedRun(ctx, shop.ID, "third.xml", "gmc-xml", now)
		if err != nil {
			t.Fatalf("start after the run finished: %v", err)
		}
		if r, err := db.FeedRunByID(ctx, second); err != nil || r.Status != store.RunOK {
			t.Fatalf("a finished run was touched: %+v, %v", r, err)
		}

		// A run held by a process of this host that has ended is no hold, however fresh.
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		// In another process-id namespace (a container sharing the host name) the same pid says
		// nothing: the hold stands until it lapses.
		if err := store.SetFeedRunHolder(ctx, db, third, store.HolderOf(cmd.Process.Pid, true)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.StartFeedRun(ctx, shop.ID, "fourth.xml", "gmc-xml", now); !errors.Is(err, store.ErrRetailerBusy) {
			t.Fatalf("start while another namespace's process holds the retailer: %v", err)
		}
		if err := store.SetFeedRunHolder(ctx, db, third, store.HolderOf(cmd.Process.Pid, false)); err != nil {
			t.Fatal(err)
		}
		if _, err := db.StartFeedRun(ctx, shop.ID, "fourth.xml", "gmc-xml", now); err != nil {
			t.Fatalf("start after the holding process ended: %v", err)
		}
		if r, err := db.FeedRunByID(ctx, third); err != nil || r.Status != store.RunFailed {
			t.Fatalf("the dead process's run: %+v, %v; want failed", r, err)
		}
	})
}
