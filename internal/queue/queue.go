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
)

// Defaults of a Config.
const (
	// DefaultPollInterval is how often an idle worker looks for new jobs. Both drivers run
	// poll-only here (pgx's database/sql adapter has no LISTEN, SQLite has none), and once a
	// second keeps an idle SQLite file nearly quiet while jobs still start within a second.
	DefaultPollInterval = time.Second
	// rescueAfter is when River takes a job still "running" to be a crashed worker's and
	// retries it: longer than any job's timeout (feedTimeout is the longest).
	rescueAfter = 3 * time.Hour
)

// activeStates are the states in which a unique job blocks another like it: queued, waiting
// or running, but not finished (River's defaults also count completed jobs).
var activeStates = []rivertype.JobState{rivertype.JobStateAvailable, rivertype.JobStatePending,
	rivertype.JobStateRunning, rivertype.JobStateRetryable, rivertype.JobStateScheduled}

// Config tunes a Queue; the zero value takes the defaults.
type Config struct {
	// FeedWorkers is how many feed refreshes this process runs at once (--refresh-workers).
	FeedWorkers int
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
	return newQueue(db, cfg, workers, periodic)
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
	return c
}

// newQueue builds the River client: insert-only without workers, working otherwise.
func newQueue(db *store.DB, cfg Config, workers *river.Workers, periodic []*river.PeriodicJob) (*Queue, error) {
	rc := &river.Config{
		ID:                   cfg.ID,
		Logger:               slog.New(quietHandler{cfg.Logger.Handler().WithAttrs([]slog.Attr{slog.String("component", "river")})}),
		PollOnly:             true,
		FetchPollInterval:    cfg.PollInterval,
		FetchCooldown:        min(cfg.PollInterval, 100*time.Millisecond),
		JobTimeout:           time.Hour, // each worker sets its own (workers.go)
		RescueStuckJobsAfter: rescueAfter,
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
		}
		q.working = true
	}
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
