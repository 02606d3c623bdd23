package queue

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// hostRefresher is a FeedRefresher that records each refresh and the most refreshes of one
// host it ever saw at once. A refresh of shop.example lasts longer than a sweep period (or until
// a second one of that host starts), so two would overlap if the queue allowed them.
type hostRefresher struct {
	mu      sync.Mutex
	running map[string]int
	maxHost int
	done    map[int64]int
	second  chan struct{} // closed when two refreshes of one host run at once
	ended   chan int64
}

func (h *hostRefresher) RefreshFeed(ctx context.Context, f store.Feed) (jobs.Result, error) {
	h.mu.Lock()
	h.running[f.Host]++
	if f.Host != "" {
		h.maxHost = max(h.maxHost, h.running[f.Host])
		if h.running[f.Host] == 2 {
			close(h.second)
		}
	}
	h.mu.Unlock()
	if f.Host == "shop.example" {
		select {
		case <-h.second:
		case <-time.After(1500 * time.Millisecond):
		case <-ctx.Done():
		}
	}
	h.mu.Lock()
	h.running[f.Host]--
	h.done[f.ID]++
	h.mu.Unlock()
	h.ended <- f.ID
	return jobs.Result{}, nil
}

// The feed sweep enqueues a refresh job per due feed; every due feed is refreshed exactly once,
// never two of one host at the same time (the per-host cap, now cluster-wide), on both
// databases and with two nodes working the queue.
func TestFeedSweepRefreshesEachDueFeedOncePerHost(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the feed sweep test (refreshes outlast several sweep periods)")
	}
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var ids []int64
		for _, src := range []string{"https://shop.example/a.xml", "https://shop.example/b.xml", "https://shop.example/c.xml",
			"https://other.example/feed.xml", "/srv/feeds/local.xml"} {
			f, err := db.AddFeed(ctx, store.NewFeed{Retailer: "Shop", Source: src, Every: time.Hour})
			if err != nil {
				t.Fatal(err)
			}
			if err := db.SetFeedNextRun(ctx, f.ID, time.Now().Add(-time.Minute)); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, f.ID)
		}
		h := &hostRefresher{running: map[string]int{}, done: map[int64]int{}, second: make(chan struct{}), ended: make(chan int64, 100)}
		for _, id := range []string{"node-a", "node-b"} {
			startWorking(t, db, Config{ID: id, FeedWorkers: 4, PollInterval: 50 * time.Millisecond, Periods: Periods{FeedSweep: time.Second}},
				&Work{Feeds: h})
		}
		deadline := time.After(time.Minute)
		for range ids {
			select {
			case <-h.ended:
			case <-deadline:
				t.Fatalf("not every feed was refreshed within a minute: %v", h.done)
			}
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		for _, id := range ids {
			if h.done[id] != 1 {
				t.Errorf("feed %d refreshed %d times, want 1", id, h.done[id])
			}
		}
		if h.maxHost != 1 {
			t.Errorf("at most %d refreshes of one host ran at once, want 1", h.maxHost)
		}
	})
}
