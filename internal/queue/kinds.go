package queue

import "github.com/riverqueue/river"

// The job kinds tagdrop puts on the queue. A kind is stored with every job row, so a kind's
// name never changes once released (a renamed kind would strand the jobs already queued).

// FeedSweepArgs asks for the registered feeds due now to be enqueued, one FeedRefreshArgs job
// each. It runs as a periodic job, and again after each refresh so that the next feed of the
// same host does not wait for the next period.
type FeedSweepArgs struct{}

// Kind names the job.
func (FeedSweepArgs) Kind() string { return "feed_sweep" }

// FeedRefreshArgs refreshes one registered feed (jobs.Refresher.RefreshFeed).
type FeedRefreshArgs struct {
	FeedID int64 `json:"feed_id"`
	// HostKey is the feed's host name ("feed-ID" for a file): the only unique field, so that
	// at most one refresh per host is queued or running across the whole cluster (the per-host
	// cap of the old scheduler, now cluster-wide).
	HostKey string `json:"host_key" river:"unique"`
}

// Kind names the job.
func (FeedRefreshArgs) Kind() string { return "feed_refresh" }

// InsertOpts puts refreshes on the feeds queue, unique per host while queued or running.
func (FeedRefreshArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueFeeds, MaxAttempts: 1, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: activeStates}}
}

// FiguresArgs refreshes the offers' stored figures whose window passed
// (jobs.FiguresRefresher).
type FiguresArgs struct{}

// Kind names the job.
func (FiguresArgs) Kind() string { return "figures_refresh" }

// SessionSweepArgs deletes expired sessions and account link tokens (jobs.SweepSessionsOnce).
type SessionSweepArgs struct{}

// Kind names the job.
func (SessionSweepArgs) Kind() string { return "session_sweep" }

// DigestRunArgs makes the digests due now (alerts.DigestRun through jobs.RunDigestsOnce).
type DigestRunArgs struct{}

// Kind names the job.
func (DigestRunArgs) Kind() string { return "digest_run" }

// LoveEvaluationArgs evaluates every love against the catalogue (jobs.LoveEvaluator).
type LoveEvaluationArgs struct{}

// Kind names the job.
func (LoveEvaluationArgs) Kind() string { return "love_evaluation" }

// TrackedCheckArgs re-fetches the tracked product pages due now (jobs.TrackedChecker).
type TrackedCheckArgs struct{}

// Kind names the job.
func (TrackedCheckArgs) Kind() string { return "tracked_check" }
