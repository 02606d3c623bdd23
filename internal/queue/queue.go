// Package queue runs tagdrop's background work on River (github.com/riverqueue/river), a job
// queue that lives in tagdrop's own database: PostgreSQL for a cluster, the SQLite file for the
// embedded mode, with the same job code in both.
//
// What it gives tagdrop over hand-written loops: periodic work runs once per period across all
// worker processes (only River's elected leader enqueues it, and each periodic job is unique
// per period, so a change of leader does not repeat it); a job can be enqueued inside the
// transaction of the data it follows and exists only if that transaction commits (InsertTx);
// a crashed worker's job is rescued and retried by another process.
//
// A Queue built without Work only inserts (serve --role web); with Work it also works jobs
// (roles worker and all). River's tables are created by store's migrate step.
package queue

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The queues tagdrop's jobs run on.
const (
	// QueuePeriodic holds the periodic jobs: sweeps, figures, digests, loves, tracked pages.
	QueuePeriodic = river.QueueDefault
	// QueueFeeds holds feed refreshes, bounded by Config.FeedWorkers.
	QueueFeeds = "feeds"
	// QueueDigests holds digest shards, bounded by Config.DigestWorkers.
	QueueDigests = "digests"
	// QueueMail holds send jobs, one per connection of the process's mail sender.
	QueueMail = "mail"
	// QueueAccount holds account mail (sign-up, reset, sign-in links), bounded by
	// AccountMailWorkers: a person is waiting for it, so it never queues behind the periodic
	// rounds, feed refreshes or digest sends.
	QueueAccount = "account"
)

// Defaults of a Config.
const (
	// DefaultPollInterval is how often an idle worker looks for new jobs. Both drivers run
	// poll-only here (pgx's database/sql adapter has no LISTEN, SQLite has none), and once a
	// second keeps an idle SQLite file nearly quiet while jobs still start within a second.
	DefaultPollInterval = time.Second
	// DefaultRescueAfter is how long a digest shard, send job or mail sweep may run before
	// River takes it for a killed worker's and runs it again (Config.RescueAfter). Those jobs
	// stop themselves a little earlier (shortTimeout), so a live one is never run twice.
	DefaultRescueAfter = 2 * time.Minute
	// DefaultDigestWorkers is how many digest shards a process runs at once: matching uses a
	// core per shard, and a worker has a few.
	DefaultDigestWorkers = 2
)

// activeStates are the states in which a unique job blocks another like it: queued, waiting
// or running, but not finished (River's defaults also count completed jobs).
var activeStates = []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending,
	rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled}

// Config tunes a Queue; the zero value takes the defaults.
type Config struct {
	// FeedWorkers is how many feed refreshes this process runs at once (--refresh-workers).
	FeedWorkers int
	// DigestWorkers is how many digest shards this process runs at once (0:
	// DefaultDigestWorkers).
	DigestWorkers int
	// DigestShardSize is how many due shoppers one shard holds (0: jobs.DefaultShardSize).
	DigestShardSize int
	// RescueAfter is when a job still running is taken for a killed worker's and run again
	// (0: DefaultRescueAfter). River's rescuer looks every 30 s, and leaves a job alone until
	// its kind's own timeout has passed too: shards, sends and sweeps time out a little before
	// RescueAfter, feed refreshes (90 min, under their feed lease) and periodic rounds (1 h)
	// much later, so those are never run twice while they work.
	RescueAfter time.Duration
	// PollInterval is how often an idle worker looks for jobs (0: DefaultPollInterval).
	PollInterval time.Duration
	// Periods says how often each periodic job runs (zero fields: the defaults).
	Periods Periods
	// ID names this process among River's clients (""; River makes one from the host name).
	ID string
	// Logger receives River's own warnings and errors; nil discards them.
	Logger *slog.Logger
}

// Queue is this process's handle on the job queue.
type Queue struct {
	client  *river.Client[*sql.Tx]
	working bool
	logger  *slog.Logger
	// metrics count the jobs this process works and read the cluster's (metrics.go).
	metrics *metrics
}

// New builds the queue of db. With work nil the queue only inserts jobs (a web node); otherwise
// it works every kind work provides, and its process takes part in electing the leader that
// enqueues the periodic jobs. Call Start to begin working and Stop at shutdown.
func New(db *store.DB, cfg Config, work *Work) (*Queue, error) {
	cfg = cfg.withDefaults()
	if work == nil {
		return newQueue(db, cfg, nil, nil)
	}
	workers, periodic, err := work.register(db, cfg)
	if err != nil {
		return nil, err
	}
	q, err := newQueue(db, cfg, workers, periodic)
	if err != nil {
		return nil, err
	}
	if work.Mail != nil { // a send job's messages go over one of the sender's connections
		if err := q.client.Queues().Add(QueueMail, river.QueueConfig{MaxWorkers: work.Mail.Connections()}); err != nil {
			return nil, fmt.Errorf("job queue: %w", err)
		}
	}
	return q, nil
}

func (c Config) withDefaults() Config {
	if c.Logger == nil {
		c.Logger = slog.New(slog.DiscardHandler)
	}
	if c.PollInterval <= 0 {
		c.PollInterval = DefaultPollInterval
	}
	if c.FeedWorkers <= 0 {
		c.FeedWorkers = jobs.DefaultWorkers
	}
	if c.DigestWorkers <= 0 {
		c.DigestWorkers = DefaultDigestWorkers
	}
	if c.DigestShardSize <= 0 {
		c.DigestShardSize = jobs.DefaultShardSize
	}
	if c.RescueAfter <= 0 {
		c.RescueAfter = DefaultRescueAfter
	}
	return c
}

// shortTimeout bounds the jobs that must be rescued quickly (shards, sends, sweeps): four
// fifths of RescueAfter, so such a job stops itself before River would rescue it.
func (c Config) shortTimeout() time.Duration { return c.RescueAfter * 4 / 5 }

// newQueue builds the River client: insert-only without workers, working otherwise.
func newQueue(db *store.DB, cfg Config, workers *river.Workers, periodic []*river.PeriodicJob) (*Queue, error) {
	rc := &river.Config{
		ID:                   cfg.ID,
		Logger:               slog.New(quietHandler{cfg.Logger.Handler().WithAttrs([]slog.Attr{slog.String("component", "river")})}),
		PollOnly:             true,
		FetchPollInterval:    cfg.PollInterval,
		FetchCooldown:        min(cfg.PollInterval, 100*time.Millisecond),
		JobTimeout:           cfg.RescueAfter, // each worker sets its own (workers.go, digests.go)
		RescueStuckJobsAfter: cfg.RescueAfter,
		MaxAttempts:          3,
		// A process works only the kinds it knows: during a rolling upgrade an older worker
		// leaves a newer kind to the newer workers instead of failing it.
		FetchOnlyKnownKinds: true,
	}
	q := &Queue{logger: cfg.Logger}
	if workers != nil {
		rc.Workers = workers
		rc.PeriodicJobs = periodic
		rc.Queues = map[string]river.QueueConfig{
			QueuePeriodic: {MaxWorkers: periodicKinds},
			QueueFeeds:    {MaxWorkers: cfg.FeedWorkers},
			QueueDigests:  {MaxWorkers: cfg.DigestWorkers},
			QueueAccount:  {MaxWorkers: AccountMailWorkers}, // waits for no other kind (account_mail.go)
		}
		q.working = true
	}
	q.metrics = newMetrics(db, cfg.Logger) // metrics.go
	rc.Middleware = append(rc.Middleware, q.metrics.outcomes())
	client, err := river.NewClient(db.QueueDriver(), rc)
	if err != nil {
		return nil, fmt.Errorf("job queue: %w", err)
	}
	q.client = client
	return q, nil
}

// Working says whether this queue works jobs (false: insert only).
func (q *Queue) Working() bool { return q.working }

// Start begins fetching and working jobs; on an insert-only queue it does nothing. Jobs run
// until Stop, whatever happens to ctx afterwards.
func (q *Queue) Start(ctx context.Context) error {
	if !q.working {
		return nil
	}
	if err := q.client.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("job queue: start: %w", err)
	}
	return nil
}

// Stop stops fetching, cancels the jobs in flight (each leaves its work to be done again, as
// the hand-written loops did) and waits for them, at most until ctx ends.
func (q *Queue) Stop(ctx context.Context) error {
	if !q.working {
		return nil
	}
	if err := q.client.StopAndCancel(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("job queue: stop: %w", err)
	}
	return nil
}

// Insert enqueues a job on its own.
func (q *Queue) Insert(ctx context.Context, args river.JobArgs) error {
	if _, err := q.client.Insert(ctx, args, nil); err != nil {
		return fmt.Errorf("enqueue %s: %w", args.Kind(), err)
	}
	return nil
}

// InsertTx enqueues a job inside tx (a store.DB.InTx transaction): the job exists only if tx
// commits, so work that follows data (a digest and its send) can never run for data that was
// rolled back, nor be lost for data that was committed.
func (q *Queue) InsertTx(ctx context.Context, tx *sql.Tx, args river.JobArgs) error {
	if _, err := q.client.InsertTx(ctx, tx, args, nil); err != nil {
		return fmt.Errorf("enqueue %s: %w", args.Kind(), err)
	}
	return nil
}

// River is the underlying client, for listing jobs (tests, tools).
func (q *Queue) River() *river.Client[*sql.Tx] { return q.client }
