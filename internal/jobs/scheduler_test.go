package jobs

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// gatedSite holds every request until the test opens that path's gate, and reports arrivals.
type gatedSite struct {
	*httptest.Server
	arrived chan string
	mu      sync.Mutex
	gates   map[string]chan struct{}
	seen    []string
}

func newGatedSite(t *testing.T, body []byte) *gatedSite {
	t.Helper()
	s := &gatedSite{arrived: make(chan string, 16), gates: map[string]chan struct{}{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gate := s.gate(r.URL.Path)
		s.mu.Lock()
		s.seen = append(s.seen, r.URL.Path)
		s.mu.Unlock()
		s.arrived <- r.URL.Path
		select {
		case <-gate:
			w.Write(body)
		case <-r.Context().Done():
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *gatedSite) gate(path string) chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gates[path] == nil {
		s.gates[path] = make(chan struct{})
	}
	return s.gates[path]
}

func (s *gatedSite) open(path string) { close(s.gate(path)) }

// await waits for the next request to arrive and returns its path.
func (s *gatedSite) await(t *testing.T) string {
	t.Helper()
	select {
	case p := <-s.arrived:
		return p
	case <-time.After(30 * time.Second):
		t.Fatal("no request arrived")
		return ""
	}
}

// countingRefresher runs the real refresher and tells the test when each refresh has ended.
type countingRefresher struct {
	*Refresher
	done chan int64
}

func (c countingRefresher) RefreshFeed(ctx context.Context, f store.Feed) (Result, error) {
	res, err := c.Refresher.RefreshFeed(ctx, f)
	c.done <- f.ID
	return res, err
}

// waitIdle waits until the scheduler has released n slots after the refreshes the test saw end.
func waitIdle(t *testing.T, s *Scheduler, want int) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for s.inFlight() != want {
		if time.Now().After(deadline) {
			t.Fatalf("in flight: %d, want %d", s.inFlight(), want)
		}
		time.Sleep(time.Millisecond)
	}
}

// TestDispatchCapsPerHost drives dispatch step by step: due feeds start up to the worker
// count, never two on one host, never a feed that is not due; a freed host takes its next feed.
func TestDispatchCapsPerHost(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	site := newGatedSite(t, readFixture(t, "shop.xml"))
	port := site.URL[strings.LastIndex(site.URL, ":"):]
	// Two host names for the one test server: 127.0.0.1 and localhost.
	a1 := addFeed(t, db, store.NewFeed{Retailer: "A", Source: "http://127.0.0.1" + port + "/a1.xml"})
	a2 := addFeed(t, db, store.NewFeed{Retailer: "A2", Source: "http://127.0.0.1" + port + "/a2.xml"})
	b := addFeed(t, db, store.NewFeed{Retailer: "B", Source: "http://localhost" + port + "/b.xml"})
	later := addFeed(t, db, store.NewFeed{Retailer: "L", Source: "http://localhost" + port + "/later.xml"})
	now := time.Now()
	for id, due := range map[int64]time.Time{a1.ID: now.Add(-3 * time.Minute), a2.ID: now.Add(-2 * time.Minute),
		b.ID: now.Add(-time.Minute), later.ID: now.Add(time.Hour)} {
		if err := db.SetFeedNextRun(ctx, id, due); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan int64, 8)
	s := NewScheduler(db, countingRefresher{newRefresher(db), done}, Config{Workers: 3, PerHost: 1}, nil)
	var wg sync.WaitGroup
	defer wg.Wait()

	s.dispatch(ctx, &wg)
	got := map[string]bool{site.await(t): true, site.await(t): true}
	if !got["/a1.xml"] || !got["/b.xml"] || s.inFlight() != 2 {
		t.Fatalf("first dispatch started %v (%d in flight), want a1 and b", got, s.inFlight())
	}
	// A worker is free, but a2's host is busy with a1: nothing starts.
	s.dispatch(ctx, &wg)
	if n := s.inFlight(); n != 2 {
		t.Fatalf("second dispatch: %d in flight, want 2 (a2 must wait for a1's host)", n)
	}
	site.open("/b.xml")
	if id := <-done; id != b.ID {
		t.Fatalf("refresh of feed %d ended, want b (%d)", id, b.ID)
	}
	waitIdle(t, s, 1)
	s.dispatch(ctx, &wg)
	if n := s.inFlight(); n != 1 {
		t.Fatalf("with b done: %d in flight, want 1 (b is not due again, later is not due)", n)
	}
	site.open("/a1.xml")
	<-done
	waitIdle(t, s, 0)
	s.dispatch(ctx, &wg)
	if p := site.await(t); p != "/a2.xml" {
		t.Fatalf("after a1: %s started, want /a2.xml", p)
	}
	site.open("/a2.xml")
	<-done
	wg.Wait()
	site.mu.Lock()
	defer site.mu.Unlock()
	if len(site.seen) != 3 {
		t.Fatalf("requests: %v, want a1, b, a2 once each", site.seen)
	}
	for _, f := range []store.Feed{a1, a2, b} {
		if g := reload(t, db, f.ID); g.LastRun.Status != store.RunOK || !g.NextRunAt.After(now) {
			t.Errorf("feed %s: last run %q, next %s", f.Source, g.LastRun.Status, g.NextRunAt)
		}
	}
}

// TestSchedulerStopsCleanly: cancelling Run's context interrupts the refresh in flight, Run
// returns only after that worker has finished, and the feed is left due, not counted as failed.
func TestSchedulerStopsCleanly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		site := newGatedSite(t, readFixture(t, "shop.xml"))
		f := addFeed(t, db, store.NewFeed{Retailer: "Slow Shop", Source: site.URL + "/feed.xml"})
		var finished atomic.Bool
		done := make(chan int64, 1)
		s := NewScheduler(db, countingRefresher{newRefresher(db), done}, Config{Tick: time.Hour}, nil)
		ctx, cancel := context.WithCancel(context.Background())
		stopped := make(chan error, 1)
		go func() {
			err := s.Run(ctx)
			// Run must not return while the refresh it started is still running.
			select {
			case <-done:
				finished.Store(true)
			default:
			}
			stopped <- err
		}()
		site.await(t)
		cancel()
		select {
		case err := <-stopped:
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("Run = %v, want context.Canceled", err)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("Run did not return after cancel")
		}
		if !finished.Load() {
			t.Fatal("Run returned before its worker finished")
		}
		g := reload(t, db, f.ID)
		if g.Failures != 0 || g.LastError != "" || g.NextRunAt.After(time.Now()) {
			t.Fatalf("interrupted refresh: failures %d, error %q, next %s", g.Failures, g.LastError, g.NextRunAt)
		}
	})
}

// TestSchedulerRunsDueFeeds runs the loop for real until every due feed has been refreshed.
func TestSchedulerRunsDueFeeds(t *testing.T) {
	db := storetest.SQLite(t)
	site := newFeedSite(t, readFixture(t, "shop.xml"), `"v1"`)
	feeds := []store.Feed{
		addFeed(t, db, store.NewFeed{Retailer: "One", Source: site.URL + "/1.xml"}),
		addFeed(t, db, store.NewFeed{Retailer: "Two", Source: site.URL + "/2.xml"}),
		addFeed(t, db, store.NewFeed{Retailer: "Three", Source: "testdata/shop.xml"}),
	}
	done := make(chan int64, len(feeds))
	s := NewScheduler(db, countingRefresher{newRefresher(db), done}, Config{Tick: time.Hour}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- s.Run(ctx) }()
	seen := map[int64]int{}
	for range feeds {
		seen[<-done]++
	}
	cancel()
	<-stopped
	for _, f := range feeds {
		if seen[f.ID] != 1 {
			t.Errorf("feed %s refreshed %d times, want once", f.Source, seen[f.ID])
		}
		if g := reload(t, db, f.ID); g.LastRun.Status != store.RunOK || g.LastRun.Read != 3 {
			t.Errorf("feed %s: last run %+v", f.Source, g.LastRun)
		}
	}
}
