// Package jobs holds tagdrop's background work as functions the job queue (internal/queue) runs
// once per job: feed refreshes (Refresher), offer figures, the session sweep, digest shards
// (PlanShards), sending mail (Sender), love alerts and tracked pages; and the outbox loops every
// worker runs (web push, webhooks), which share their rows between processes with leases.
package jobs

import (
	"context"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// FeedRefresher is the work a feed refresh job does: *Refresher in production. The job queue
// (internal/queue) claims due feeds and hands each to it.
type FeedRefresher interface {
	RefreshFeed(ctx context.Context, f store.Feed) (Result, error)
}

// Defaults of feed refreshing.
const (
	// DefaultWorkers is how many feed refreshes one process runs at once.
	DefaultWorkers = 2
	// DefaultTick is how often due feeds are looked for.
	DefaultTick = 30 * time.Second
	// DefaultLease is how long a claimed feed stays claimed: longer than the longest refresh
	// (tagdrop's fetch deadline for a feed is 30 minutes), so only a crashed worker's feed
	// becomes due again while it is, in fact, still claimed.
	DefaultLease = 2 * time.Hour
)
