package queue

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// hangOnce makes its first call hang until released, whatever its context says: a worker that
// died mid-job (its job stays "running" in the database). Later calls return at once.
type hangOnce struct {
	mu       sync.Mutex
	calls    int
	release  chan struct{}
	returned chan struct{} // gets a value when a call other than the first returns
}

func newHangOnce() *hangOnce {
	return &hangOnce{release: make(chan struct{}), returned: make(chan struct{}, 10)}
}

func (h *hangOnce) call() {
	h.mu.Lock()
	h.calls++
	first := h.calls == 1
	h.mu.Unlock()
	if first {
		<-h.release
		return
	}
	h.returned <- struct{}{}
}

func (h *hangOnce) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.calls
}

// hangingShards is a DigestRunner whose shards hang once; nobody is ever due.
type hangingShards struct{ *hangOnce }

func (h hangingShards) Run(context.Context, alerts.RunOptions) (alerts.RunCounts, error) {
	h.call()
	return alerts.RunCounts{}, nil
}

func (h hangingShards) DueShoppers(context.Context, time.Time, func(int64) error) error { return nil }

// hangingFeeds is a FeedRefresher whose refreshes hang once.
type hangingFeeds struct{ *hangOnce }

func (h hangingFeeds) RefreshFeed(context.Context, store.Feed) (jobs.Result, error) {
	h.call()
	return jobs.Result{}, nil
}

// A shard whose worker died is rescued and run again soon after RescueAfter, while a feed
// refresh that has been running just as long is left alone: River's rescuer waits for a kind's
// own timeout (90 min for refreshes), so a long refresh is never run twice while it works.
func TestRescueIsQuickForShardsOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: waits for River's rescuer (it looks every 30 s)")
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f, err := db.AddFeed(ctx, store.NewFeed{Retailer: "Shop", Source: "https://shop.example/feed.xml", Every: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetFeedNextRun(ctx, f.ID, time.Now().Add(-time.Minute)); err != nil {
			t.Fatal(err)
		}
		shards, feeds := newHangOnce(), newHangOnce()
		q, err := New(db, Config{ID: "node-a", PollInterval: 50 * time.Millisecond, RescueAfter: 5 * time.Second,
			Periods: Periods{FeedSweep: time.Hour, Digests: time.Hour}},
			&Work{Digests: hangingShards{shards}, Feeds: hangingFeeds{feeds}})
		if err != nil {
			t.Fatal(err)
		}
		if err := q.Start(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			close(shards.release)
			close(feeds.release)
			sctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			if err := q.Stop(sctx); err != nil {
				t.Error(err)
			}
		})
		if err := q.Insert(ctx, DigestShardArgs{Slot: "test", From: 1, Through: 10}); err != nil {
			t.Fatal(err)
		}
		select {
		case <-shards.returned: // the rescued shard ran again while the first attempt hung
		case <-time.After(90 * time.Second):
			t.Fatalf("the hung shard was not run again within 90 s (RescueAfter 5 s, rescuer every 30 s); %d runs", shards.count())
		}
		if n := feeds.count(); n != 1 {
			t.Errorf("the feed was refreshed %d times, want once (the hung refresh must not be rescued)", n)
		}
		for _, j := range listJobs(t, q, FeedRefreshArgs{}.Kind()) {
			if j.State != rivertype.JobStateRunning || j.Attempt != 1 {
				t.Errorf("refresh job %d is %s at attempt %d, want running at attempt 1", j.ID, j.State, j.Attempt)
			}
		}
		for _, j := range listJobs(t, q, DigestShardArgs{}.Kind()) {
			if j.Attempt != 2 {
				t.Errorf("shard job %d at attempt %d, want 2 (rescued once)", j.ID, j.Attempt)
			}
		}
	})
}
