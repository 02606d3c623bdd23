package queue

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Sharded digest runs. The periodic digest_run job (once per period across the cluster) is a
// planner: it lists the shoppers due (schedules and done slots, no matching), cuts them into
// shards of contiguous user ids (jobs.PlanShards) and enqueues a digest_shard job per shard.
// Shards run on any worker, several at once (the digests queue). A shard makes its shoppers'
// digests batch by batch; each batch's transaction stores the digests, their outbox messages
// and the mail_send jobs that will send them, so a digest and its send job commit together or
// not at all.
//
// A plan never gives a shopper to two unfinished shards: the planner leaves out the ranges of
// the shard jobs still queued, waiting or running, and it reads those and enqueues its own
// under a lock (store.DB.LockDigestPlan), so planners of consecutive periods cannot race. A
// shard is unique per (planner period, range) on top, so a planner run twice in one period
// enqueues nothing twice.

// shardListLimit is how many shard jobs one page of the listing of unfinished shards reads.
const shardListLimit = 1000

// digestPlanWorker is the periodic planner.
type digestPlanWorker struct {
	river.WorkerDefaults[DigestRunArgs]
	db     *store.DB
	run    jobs.DigestRunner
	size   int
	period time.Duration
	log    *slog.Logger
	now    func() time.Time
}

// Work plans the shards due now and enqueues them. A failed plan is logged; the next period
// plans again.
func (w *digestPlanWorker) Work(ctx context.Context, _ *river.Job[DigestRunArgs]) error {
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return err
	}
	n, due, err := w.plan(ctx, client)
	switch {
	case err != nil && ctx.Err() == nil:
		w.log.Warn("digest run: planning failed", "error", err)
	case due > 0:
		w.log.Info("digest run planned", "due", due, "shards", n)
	}
	return nil
}

// Timeout bounds a plan like any periodic round.
func (w *digestPlanWorker) Timeout(*river.Job[DigestRunArgs]) time.Duration { return periodicTimeout }

// plan enqueues the shards of the shoppers due now that no unfinished shard holds, and returns
// how many it enqueued and how many shoppers were due.
func (w *digestPlanWorker) plan(ctx context.Context, client *river.Client[*sql.Tx]) (enqueued, due int, err error) {
	at := w.now()
	busy, err := activeShards(ctx, client, nil)
	if err != nil {
		return 0, 0, err
	}
	shards, due, err := jobs.PlanShards(ctx, w.run, at, busy, w.size)
	if err != nil || len(shards) == 0 {
		return 0, due, err
	}
	slot := at.UTC().Truncate(w.period).Format(time.RFC3339)
	err = w.db.InTx(ctx, func(tx *sql.Tx) error {
		enqueued = 0
		if err := w.db.LockDigestPlan(ctx, tx); err != nil {
			return err
		}
		// Another planner may have enqueued shards since busy was read: leave their shoppers.
		busy, err := activeShards(ctx, client, tx)
		if err != nil {
			return err
		}
		var params []river.InsertManyParams
		for _, s := range shards {
			if !overlapsAny(s, busy) {
				params = append(params, river.InsertManyParams{Args: DigestShardArgs{Slot: slot, From: s.From, Through: s.Through}})
			}
		}
		if len(params) == 0 {
			return nil
		}
		res, err := client.InsertManyTx(ctx, tx, params)
		if err != nil {
			return fmt.Errorf("enqueue %d digest shards: %w", len(params), err)
		}
		for _, r := range res {
			if !r.UniqueSkippedAsDuplicate {
				enqueued++
			}
		}
		return nil
	})
	return enqueued, due, err
}

// activeShards lists the ranges of the shard jobs queued, waiting or running (read in tx when
// it is not nil).
func activeShards(ctx context.Context, client *river.Client[*sql.Tx], tx *sql.Tx) ([]jobs.DigestShard, error) {
	params := river.NewJobListParams().Kinds(DigestShardArgs{}.Kind()).States(activeStates...).First(shardListLimit)
	var out []jobs.DigestShard
	for {
		var res *river.JobListResult
		var err error
		if tx != nil {
			res, err = client.JobListTx(ctx, tx, params)
		} else {
			res, err = client.JobList(ctx, params)
		}
		if err != nil {
			return nil, fmt.Errorf("list digest shards: %w", err)
		}
		for _, j := range res.Jobs {
			var a DigestShardArgs
			if err := json.Unmarshal(j.EncodedArgs, &a); err != nil {
				return nil, fmt.Errorf("digest shard job %d: %w", j.ID, err)
			}
			out = append(out, jobs.DigestShard{From: a.From, Through: a.Through})
		}
		if len(res.Jobs) < shardListLimit {
			return out, nil
		}
		params = params.After(res.LastCursor)
	}
}

func overlapsAny(s jobs.DigestShard, others []jobs.DigestShard) bool {
	for _, o := range others {
		if s.Overlaps(o) {
			return true
		}
	}
	return false
}

// digestShardWorker makes one shard's digests.
type digestShardWorker struct {
	river.WorkerDefaults[DigestShardArgs]
	db      *store.DB
	run     jobs.DigestRunner
	sends   bool // enqueue send jobs (this process sends mail)
	log     *slog.Logger
	timeout time.Duration
	// beforeCommit, when set (tests), runs last in each batch's transaction, after the send
	// jobs are enqueued; an error rolls the batch back.
	beforeCommit func() error
}

// Work runs the digest run narrowed to the shard's range. Shoppers whose digest could not be
// made are logged and planned again by the next period; a failure reading the store fails the
// job, which River runs again after a backoff (what it stored stays stored).
func (w *digestShardWorker) Work(ctx context.Context, job *river.Job[DigestShardArgs]) error {
	client, err := river.ClientFromContextSafely[*sql.Tx](ctx)
	if err != nil {
		return err
	}
	c, err := w.shard(ctx, client, job.Args)
	jobs.LogDigestCounts(ctx, w.log, "digest shard", c, err, "from", job.Args.From, "through", job.Args.Through, "attempt", job.Attempt)
	return err
}

// shard makes the shard's digests, enqueueing their send jobs with client.
func (w *digestShardWorker) shard(ctx context.Context, client *river.Client[*sql.Tx], args DigestShardArgs) (alerts.RunCounts, error) {
	opts := alerts.RunOptions{FromUserID: args.From, ThroughUserID: args.Through}
	if w.sends || w.beforeCommit != nil {
		opts.StoreBatch = func(ctx context.Context, ds []alerts.DigestRecord) ([]bool, error) {
			return w.db.StoreDigestsThen(ctx, ds, func(tx *sql.Tx, messageIDs []int64) error {
				return w.enqueueSends(ctx, client, tx, messageIDs)
			})
		}
	}
	return w.run.Run(ctx, opts)
}

// enqueueSends holds the messages for their send jobs and enqueues the jobs, MailJobSize
// messages each, in tx.
func (w *digestShardWorker) enqueueSends(ctx context.Context, client *river.Client[*sql.Tx], tx *sql.Tx, ids []int64) error {
	if w.sends && len(ids) > 0 {
		if err := w.db.HoldMessages(ctx, tx, ids, SendJobHold); err != nil {
			return err
		}
		var params []river.InsertManyParams
		for start := 0; start < len(ids); start += MailJobSize {
			params = append(params, river.InsertManyParams{Args: MailSendArgs{MessageIDs: ids[start:min(len(ids), start+MailJobSize)]}})
		}
		if _, err := client.InsertManyTx(ctx, tx, params); err != nil {
			return fmt.Errorf("enqueue %d send jobs: %w", len(params), err)
		}
	}
	if w.beforeCommit != nil {
		return w.beforeCommit()
	}
	return nil
}

// Timeout stops a shard before River's rescuer would take it for a dead worker's; the batches
// stored stay stored, and the retry makes the rest.
func (w *digestShardWorker) Timeout(*river.Job[DigestShardArgs]) time.Duration { return w.timeout }
