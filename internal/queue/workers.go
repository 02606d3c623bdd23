package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Work is what a working queue does: the work functions of internal/jobs, unchanged; only
// what drives them is River. A nil field leaves its job kind (and its periodic schedule) out.
type Work struct {
	// Feeds refreshes one registered feed (*jobs.Refresher).
	Feeds jobs.FeedRefresher
	// Figures refreshes due offer figures.
	Figures *jobs.FiguresRefresher
	// Sessions deletes expired sessions and link tokens (*store.DB).
	Sessions jobs.SessionStore
	// Digests makes the digests due (*alerts.DigestRun): a periodic planner cuts the
	// shoppers due into shard jobs (digests.go).
	Digests jobs.DigestRunner
	// Mail sends the outbox: send jobs enqueued with the digests, and the periodic outbox
	// sweep (mail.go). Nil (no mail server): mail stays in the outbox and no send job is
	// enqueued.
	Mail *jobs.Sender
	// Loves decides and records love alerts.
	Loves *jobs.LoveEvaluator
	// Tracked re-fetches tracked product pages.
	Tracked *jobs.TrackedChecker

	// AccountMail writes the mails of sign-up, reset and sign-in-link requests
	// (*accountmail.Mailer; account_mail.go), on a queue of their own, and sends them at
	// once when Mail is set.
	AccountMail AccountMailer

	// PriceHistory keeps price history's partitions ahead and applies its retention
	// (maintenance.go).
	PriceHistory *PriceHistoryMaintenance

	// Push delivers web push love alerts (rounds.go).
	Push *jobs.PushSender
	// Webhooks delivers signed webhook events (rounds.go).
	Webhooks *jobs.Webhooks
	// Trends keeps the trends page's counts current (rounds.go).
	Trends *jobs.TrendsUpdater
	// Snapshots keeps the dashboard's daily tables complete (rounds.go).
	Snapshots *jobs.Snapshotter
}

// Timeouts of the jobs: a job past its timeout sees its context cancelled, which every work
// function treats like a shutdown (what it did stays done, the rest is due again).
const (
	// feedTimeout is below the feed lease (jobs.DefaultLease), so a refresh never outlives
	// its claim, and above the 30-minute fetch deadline of a feed.
	feedTimeout     = 90 * time.Minute
	periodicTimeout = time.Hour
	sweepTimeout    = 5 * time.Minute
	// feedSweepLimit is how many due feeds one sweep looks at (each host's first only).
	feedSweepLimit = 200
)

// periodicKinds is how many periodic kinds there are: the periodic queue runs them all at once,
// so a long round never holds up a sweep.
const periodicKinds = 12

// register adds a worker for each kind w provides and returns them with their periodic jobs.
func (w *Work) register(db *store.DB, cfg Config) (*river.Workers, []*river.PeriodicJob, error) {
	p := cfg.Periods.withDefaults()
	log := cfg.Logger
	workers := river.NewWorkers()
	var periodic []*river.PeriodicJob
	var errs []error
	if w.Feeds != nil {
		errs = append(errs,
			river.AddWorkerSafely(workers, &feedSweepWorker{db: db, now: time.Now}),
			river.AddWorkerSafely(workers, &feedRefreshWorker{db: db, work: w.Feeds, now: time.Now}))
		periodic = append(periodic, every(p.FeedSweep, FeedSweepArgs{}))
	}
	if w.Figures != nil {
		errs = append(errs, river.AddWorkerSafely(workers, roundWorker[FiguresArgs](func(ctx context.Context) {
			_, _ = w.Figures.Round(ctx) // logs its own outcome
		})))
		periodic = append(periodic, every(p.Figures, FiguresArgs{}))
	}
	if w.Sessions != nil {
		errs = append(errs, river.AddWorkerSafely(workers, roundWorker[SessionSweepArgs](func(ctx context.Context) {
			jobs.SweepSessionsOnce(ctx, w.Sessions, log)
		})))
		periodic = append(periodic, every(p.Sessions, SessionSweepArgs{}))
	}
	if w.Digests != nil {
		errs = append(errs,
			river.AddWorkerSafely(workers, &digestPlanWorker{db: db, run: w.Digests, size: cfg.DigestShardSize, period: p.Digests, log: log, now: time.Now}),
			river.AddWorkerSafely(workers, &digestShardWorker{db: db, run: w.Digests, sends: w.Mail != nil, log: log, timeout: cfg.shortTimeout()}))
		periodic = append(periodic, every(p.Digests, DigestRunArgs{}))
	}
	if w.Mail != nil {
		errs = append(errs,
			river.AddWorkerSafely(workers, &mailSendWorker{sender: w.Mail, log: log, timeout: cfg.shortTimeout()}),
			river.AddWorkerSafely(workers, &mailSweepWorker{sender: w.Mail, log: log, timeout: cfg.shortTimeout()}))
		periodic = append(periodic, every(p.MailSweep, MailSweepArgs{}))
	}
	if w.Loves != nil {
		errs = append(errs, river.AddWorkerSafely(workers, roundWorker[LoveEvaluationArgs](w.Loves.Round)))
		periodic = append(periodic, every(p.Loves, LoveEvaluationArgs{}))
	}
	if w.Tracked != nil {
		errs = append(errs, river.AddWorkerSafely(workers, roundWorker[TrackedCheckArgs](w.Tracked.Round)))
		periodic = append(periodic, every(p.Tracked, TrackedCheckArgs{}))
	}
	if w.AccountMail != nil {
		errs = append(errs, river.AddWorkerSafely(workers, &accountMailWorker{mailer: w.AccountMail, sender: w.Mail, log: log}))
	}
	if w.PriceHistory != nil {
		errs = append(errs, river.AddWorkerSafely(workers, roundWorker[PriceHistoryArgs](w.PriceHistory.Round)))
		periodic = append(periodic, every(PriceHistoryEvery, PriceHistoryArgs{}))
	}
	if w.Push != nil { // drains: bounded like the other short jobs, the next period goes on
		errs = append(errs, river.AddWorkerSafely(workers, &periodicWorker[PushRoundArgs]{round: w.Push.Round, timeout: cfg.shortTimeout()}))
		periodic = append(periodic, every(p.Push, PushRoundArgs{}))
	}
	if w.Webhooks != nil {
		errs = append(errs, river.AddWorkerSafely(workers, &periodicWorker[WebhookRoundArgs]{round: w.Webhooks.Round, timeout: cfg.shortTimeout()}))
		periodic = append(periodic, every(p.Webhooks, WebhookRoundArgs{}))
	}
	if w.Trends != nil {
		errs = append(errs, river.AddWorkerSafely(workers, roundWorker[TrendsUpdateArgs](w.Trends.Once)))
		periodic = append(periodic, every(p.Trends, TrendsUpdateArgs{}))
	}
	if w.Snapshots != nil {
		errs = append(errs, river.AddWorkerSafely(workers, roundWorker[CatalogueSnapshotArgs](w.Snapshots.Once)))
		periodic = append(periodic, every(p.Snapshots, CatalogueSnapshotArgs{}))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, nil, fmt.Errorf("job queue: %w", err)
	}
	return workers, periodic, nil
}

// periodicWorker works a periodic kind by calling a work function that logs its own outcome
// (a failed round is retried by the next period, as the loops did).
type periodicWorker[T river.JobArgs] struct {
	river.WorkerDefaults[T]
	round func(ctx context.Context)
	// timeout bounds a round; zero means periodicTimeout.
	timeout time.Duration
}

func roundWorker[T river.JobArgs](round func(ctx context.Context)) *periodicWorker[T] {
	return &periodicWorker[T]{round: round}
}

// Work runs the round.
func (w *periodicWorker[T]) Work(ctx context.Context, _ *river.Job[T]) error {
	w.round(ctx)
	return nil
}

// Timeout bounds a round.
func (w *periodicWorker[T]) Timeout(*river.Job[T]) time.Duration {
	if w.timeout > 0 {
		return w.timeout
	}
	return periodicTimeout
}

// feedSweepWorker enqueues a refresh for each due feed. Which feeds are due is the store's
// rule (DueFeeds: longest overdue first, the first per host); that each host has at most one
// refresh queued or running is the refresh jobs' unique key (FeedRefreshArgs.HostKey), so a
// sweep may run on any node, or on several at once, and enqueues nothing twice.
type feedSweepWorker struct {
	river.WorkerDefaults[FeedSweepArgs]
	db  *store.DB
	now func() time.Time
}

// Work enqueues the due feeds.
func (w *feedSweepWorker) Work(ctx context.Context, job *river.Job[FeedSweepArgs]) error {
	due, err := w.db.DueFeeds(ctx, w.now(), feedSweepLimit, 1)
	if err != nil {
		return err
	}
	if len(due) == 0 {
		return nil
	}
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return err
	}
	// One insert per feed: a host with a refresh queued or running skips its feed (unique key).
	for _, f := range due {
		if _, err := client.Insert(ctx, FeedRefreshArgs{FeedID: f.ID, HostKey: hostKey(f)}, nil); err != nil {
			return err
		}
	}
	return nil
}

// Timeout bounds a sweep.
func (w *feedSweepWorker) Timeout(*river.Job[FeedSweepArgs]) time.Duration { return sweepTimeout }

// hostKey is what caps refreshes per host: the host name, or the feed itself for a file.
func hostKey(f store.Feed) string {
	if f.Host == "" {
		return fmt.Sprintf("feed-%d", f.ID)
	}
	return f.Host
}

// feedRefreshWorker refreshes one feed. It claims the feed first (store.ClaimFeed, a lease of
// jobs.DefaultLease), exactly as the scheduler did, so a feed refreshed meanwhile (by `tagdrop
// feed run`, or an older tagdrop's scheduler during an upgrade) is not refreshed twice.
type feedRefreshWorker struct {
	river.WorkerDefaults[FeedRefreshArgs]
	db   *store.DB
	work jobs.FeedRefresher
	now  func() time.Time
}

// Work claims and refreshes the feed, then asks for another sweep so that the host's next due
// feed does not wait for the next period. The refresh records its own outcome on the feed (a
// failure backs the feed off), so the job itself always completes.
func (w *feedRefreshWorker) Work(ctx context.Context, job *river.Job[FeedRefreshArgs]) error {
	f, err := w.db.FeedByID(ctx, job.Args.FeedID)
	if errors.Is(err, store.ErrNotFound) {
		return nil // deleted since it was enqueued
	}
	if err != nil {
		return err
	}
	now := w.now()
	if !f.Enabled || f.NextRunAt.After(now) {
		return nil // disabled, or refreshed by someone else since
	}
	ok, err := w.db.ClaimFeed(ctx, f, now.Add(jobs.DefaultLease))
	if err != nil || !ok {
		return err
	}
	_, _ = w.work.RefreshFeed(ctx, f)
	if ctx.Err() != nil {
		return nil // shutting down: the feed is due again at once
	}
	if client, err := river.ClientFromContextSafely[*sql.Tx](ctx); err == nil {
		// Scheduled a moment ahead, after this job's completion (which frees its host) is stored.
		_, _ = client.Insert(ctx, FeedSweepArgs{}, &river.InsertOpts{Queue: QueuePeriodic, MaxAttempts: 1,
			ScheduledAt: now.Add(2 * time.Second), UniqueOpts: river.UniqueOpts{ByState: activeStates}})
	}
	return nil
}

// Timeout bounds a refresh.
func (w *feedRefreshWorker) Timeout(*river.Job[FeedRefreshArgs]) time.Duration { return feedTimeout }
