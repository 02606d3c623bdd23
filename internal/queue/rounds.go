package queue

import (
	"time"

	"github.com/tagdrop/tagdrop/internal/jobs"
)

// The outboxes and upkeep that used to be loops on every worker, now periodic jobs run once per
// period across the cluster: web push alerts, webhook deliveries, the trends page's counts and
// the dashboard's daily snapshots. Each round drains what is due (push and webhooks batch after
// batch) and leaves the rest to the next period; the alerts and deliveries keep their own claim
// leases, so a round cut short by a killed worker loses nothing.

// PushRoundArgs delivers the web push love alerts due (jobs.PushSender.Round).
type PushRoundArgs struct{}

// Kind names the job.
func (PushRoundArgs) Kind() string { return "push_round" }

// WebhookRoundArgs turns new events into webhook deliveries and delivers those due
// (jobs.Webhooks.Round).
type WebhookRoundArgs struct{}

// Kind names the job.
func (WebhookRoundArgs) Kind() string { return "webhook_round" }

// TrendsUpdateArgs brings the trends page's weekly counts up to the change log
// (jobs.TrendsUpdater.Once).
type TrendsUpdateArgs struct{}

// Kind names the job.
func (TrendsUpdateArgs) Kind() string { return "trends_update" }

// CatalogueSnapshotArgs takes the dashboard's catalogue snapshots and click roll-ups due
// (jobs.Snapshotter.Once).
type CatalogueSnapshotArgs struct{}

// Kind names the job.
func (CatalogueSnapshotArgs) Kind() string { return "catalogue_snapshot" }

// Default periods of the rounds: those of the loops they replace.
const (
	// DefaultPushRound bounds how long a love alert waits for its push (plus the round).
	DefaultPushRound = 5 * time.Second
	// DefaultWebhookRound bounds how long an event waits for its delivery (plus the round).
	DefaultWebhookRound = 5 * time.Second
	// DefaultTrendsRound is jobs.DefaultTrendsEvery.
	DefaultTrendsRound = jobs.DefaultTrendsEvery
	// DefaultSnapshotRound is jobs.DefaultSnapshotEvery.
	DefaultSnapshotRound = jobs.DefaultSnapshotEvery
)
