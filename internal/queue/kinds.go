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

// DigestRunArgs plans a digest run: it cuts the shoppers due now into shards and enqueues a
// DigestShardArgs job for each (digests.go).
type DigestRunArgs struct{}

// Kind names the job.
func (DigestRunArgs) Kind() string { return "digest_run" }

// DigestShardArgs makes the due digests and love-alert mails of the shoppers with ids From to
// Through, and enqueues their send jobs in the transactions that store them.
type DigestShardArgs struct {
	// Slot is the planner's period (its start, RFC 3339 UTC): with the range it makes the job
	// unique, so a planner run twice in one period enqueues nothing twice.
	Slot    string `json:"slot"`
	From    int64  `json:"from"`
	Through int64  `json:"through"`
}

// Kind names the job.
func (DigestShardArgs) Kind() string { return "digest_shard" }

// InsertOpts puts shards on the digests queue, unique per (slot, range) in every state but
// cancelled and discarded; a shard whose worker died is rescued and run again (its digests
// are unique per shopper and slot, so nothing is stored twice).
func (DigestShardArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueDigests, MaxAttempts: 5, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

// MailSendArgs sends the outbox messages a digest shard stored (jobs.Sender.SendMessages).
type MailSendArgs struct {
	MessageIDs []int64 `json:"message_ids"`
}

// Kind names the job.
func (MailSendArgs) Kind() string { return "mail_send" }

// InsertOpts puts sends on the mail queue. A send job may run twice (rescued after its worker
// died): the outbox rows say what was sent, so only the rest goes.
func (MailSendArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueMail, MaxAttempts: 5}
}

// MailSweepArgs sends whatever the outbox holds due and unclaimed (jobs.Sender.Sweep): account
// mail, which no send job carries, messages due again after a temporary failure, and any send
// job's messages whose job never ran.
type MailSweepArgs struct{}

// Kind names the job.
func (MailSweepArgs) Kind() string { return "mail_sweep" }

// LoveEvaluationArgs evaluates every love against the catalogue (jobs.LoveEvaluator).
type LoveEvaluationArgs struct{}

// Kind names the job.
func (LoveEvaluationArgs) Kind() string { return "love_evaluation" }

// TrackedCheckArgs re-fetches the tracked product pages due now (jobs.TrackedChecker).
type TrackedCheckArgs struct{}

// Kind names the job.
func (TrackedCheckArgs) Kind() string { return "tracked_check" }

// AccountMailArgs asks for the mail an account request leads to (sign-up, password reset,
// sign-in link; accountmail.Mailer.Send). The web handler enqueues one for every well-formed
// request, whether or not the address has an account; only the job looks it up. It carries
// the normalised address, never a password.
type AccountMailArgs struct {
	Email   string `json:"email"`
	Purpose string `json:"purpose"`
	// Next is the on-site path a sign-in link returns to ("" for the home page).
	Next string `json:"next,omitempty"`
}

// Kind names the job.
func (AccountMailArgs) Kind() string { return "account_mail" }

// InsertOpts puts account mail on its own queue (QueueAccount), where no periodic round or
// feed refresh can hold it up: a failed attempt (the database was unreachable) is retried,
// which at worst mails a second, equally valid link.
func (AccountMailArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueAccount, MaxAttempts: 5}
}

// PriceHistoryArgs creates the coming months' price-history partitions and applies the
// price-history retention (PriceHistoryMaintenance).
type PriceHistoryArgs struct{}

// Kind names the job.
func (PriceHistoryArgs) Kind() string { return "price_history_maintenance" }
