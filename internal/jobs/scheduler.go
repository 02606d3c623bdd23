// Package jobs runs tagdrop's background work: today, refreshing registered feeds on their
// schedules. A Scheduler picks due feeds from the database (one query, ordered by due time,
// capped per host) and hands them to a bounded pool of workers; cancelling its context stops
// it, and Run returns only once every worker has finished.
//
// The scheduler is deliberately small: the work it runs is behind FeedRefresher, and the
// "what is due" rule lives in the store, so moving the work onto a job queue later replaces
// this file and nothing else.
package jobs

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// FeedRefresher is the work the scheduler hands out: *Refresher in production.
type FeedRefresher interface {
	RefreshFeed(ctx context.Context, f store.Feed) (Result, error)
}

// Defaults for the zero Config fields.
const (
	DefaultWorkers = 2
	DefaultPerHost = 1
	DefaultTick    = 30 * time.Second
	// DefaultLease is how long a claimed feed stays claimed: longer than the longest refresh
	// (tagdrop's fetch deadline for a feed is 30 minutes), so only a crashed worker's feed
	// becomes due again while it is, in fact, still claimed.
	DefaultLease = 2 * time.Hour
)

// Config tunes a Scheduler; the zero value takes the defaults.
type Config struct {
	// Workers is how many refreshes run at once.
	Workers int
	// PerHost is how many refreshes of feeds on the same host run at once on this node.
	PerHost int
	// Tick is how often the scheduler looks for due feeds (it also looks whenever a worker
	// finishes).
	Tick time.Duration
	// Lease is how long a claimed feed is kept from other workers and nodes.
	Lease time.Duration
}

func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = DefaultWorkers
	}
	if c.PerHost <= 0 {
		c.PerHost = DefaultPerHost
	}
	if c.Tick <= 0 {
		c.Tick = DefaultTick
	}
	if c.Lease <= 0 {
		c.Lease = DefaultLease
	}
	return c
}

// Scheduler refreshes due feeds with bounded concurrency.
type Scheduler struct {
	db     *store.DB
	work   FeedRefresher
	cfg    Config
	logger *slog.Logger
	now    func() time.Time

	mu       sync.Mutex
	running  int            // refreshes in flight
	perHost  map[string]int // refreshes in flight per host ("" is never capped)
	finished chan struct{}  // a worker finished: look for more work now
}

// NewScheduler returns a scheduler that hands due feeds of db to work. logger may be nil.
func NewScheduler(db *store.DB, work FeedRefresher, cfg Config, logger *slog.Logger) *Scheduler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Scheduler{db: db, work: work, cfg: cfg.withDefaults(), logger: logger, now: time.Now,
		perHost: map[string]int{}, finished: make(chan struct{}, 1)}
}

// Run schedules refreshes until ctx is cancelled, then waits for the refreshes in flight (which
// see the same cancellation) and returns ctx's error.
func (s *Scheduler) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	defer wg.Wait()
	ticker := time.NewTicker(s.cfg.Tick)
	defer ticker.Stop()
	s.logger.Info("feed scheduler started", "workers", s.cfg.Workers, "per_host", s.cfg.PerHost, "tick", s.cfg.Tick)
	for {
		s.dispatch(ctx, &wg)
		select {
		case <-ctx.Done():
			s.logger.Info("feed scheduler stopping", "in_flight", s.inFlight())
			return ctx.Err()
		case <-ticker.C:
		case <-s.finished:
		}
	}
}

// dispatch claims as many due feeds as there are free workers and starts a refresh for each.
func (s *Scheduler) dispatch(ctx context.Context, wg *sync.WaitGroup) {
	free := s.cfg.Workers - s.inFlight()
	if free <= 0 || ctx.Err() != nil {
		return
	}
	now := s.now()
	// Ask for more than the free slots: some may be on a host already at its cap here.
	due, err := s.db.DueFeeds(ctx, now, free+s.cfg.Workers, s.cfg.PerHost)
	if err != nil {
		if ctx.Err() == nil {
			s.logger.Error("finding due feeds failed", "error", err)
		}
		return
	}
	for _, f := range due {
		if free == 0 {
			return
		}
		if !s.take(f.Host) {
			continue
		}
		ok, err := s.db.ClaimFeed(ctx, f, now.Add(s.cfg.Lease))
		if err != nil || !ok {
			s.release(f.Host, false)
			if err != nil && ctx.Err() == nil {
				s.logger.Error("claiming feed failed", "feed_id", f.ID, "error", err)
			}
			continue
		}
		free--
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer s.release(f.Host, true)
			// RefreshFeed records its own outcome and logs it.
			_, _ = s.work.RefreshFeed(ctx, f)
		}()
	}
}

// take reserves a worker slot for a feed on host, unless host is at its cap.
func (s *Scheduler) take(host string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if host != "" && s.perHost[host] >= s.cfg.PerHost {
		return false
	}
	s.running++
	if host != "" {
		s.perHost[host]++
	}
	return true
}

// release frees a slot taken by take and, after a refresh, wakes the loop to fill it.
func (s *Scheduler) release(host string, wake bool) {
	s.mu.Lock()
	s.running--
	if host != "" {
		if s.perHost[host]--; s.perHost[host] == 0 {
			delete(s.perHost, host)
		}
	}
	s.mu.Unlock()
	if !wake {
		return
	}
	select {
	case s.finished <- struct{}{}:
	default:
	}
}

func (s *Scheduler) inFlight() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.running
}
