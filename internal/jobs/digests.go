package jobs

import (
	"context"
	"log/slog"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
)

// DigestRunner makes digests; *alerts.DigestRun implements it. Run makes the digests due (a
// shard's, with RunOptions.FromUserID and ThroughUserID); DueShoppers lists who is due, for
// the planner that cuts a run into shards.
type DigestRunner interface {
	Run(ctx context.Context, opts alerts.RunOptions) (alerts.RunCounts, error)
	DueShoppers(ctx context.Context, at time.Time, emit func(userID int64) error) error
}

// DefaultDigestEvery is how often the planner looks for digests that fell due. Slots start on
// the hour, so a digest is stored within this long of its shopper's hour (plus the time its
// shard waits in the queue).
const DefaultDigestEvery = 5 * time.Minute

// DefaultShardSize is how many due shoppers one digest shard holds. A thousand is two store
// batches (alerts.DefaultBatch), a few seconds of matching and two transactions: short enough
// that a shard lost with a killed worker costs little to redo and finishes well within the
// shard job's timeout on a busy machine, large enough that 20,000 due shoppers are 20 jobs (and
// 2 million, at the busiest hour of 50 million, 2,000 jobs), so the queue's own per-job cost —
// a few statements — stays far below the shard's work.
const DefaultShardSize = 1000

// DigestShard is a range of user ids, both ends included, whose due digests one job makes.
type DigestShard struct {
	From, Through int64
	// Shoppers counts the shoppers due in the range when it was planned.
	Shoppers int
}

// Overlaps says whether the two ranges share an id.
func (s DigestShard) Overlaps(o DigestShard) bool { return s.From <= o.Through && o.From <= s.Through }

// PlanShards lists the shoppers due at at (run.DueShoppers) and cuts them, in id order, into
// shards of at most size shoppers each (DefaultShardSize when size < 1). Shoppers inside a
// covered range (a shard already queued or running) are left to it, and no new shard spans
// one, so no two unfinished shards share a shopper. due counts every shopper due, covered
// ones included.
func PlanShards(ctx context.Context, run DigestRunner, at time.Time, covered []DigestShard, size int) (shards []DigestShard, due int, err error) {
	if size < 1 {
		size = DefaultShardSize
	}
	cov := mergeRanges(covered)
	k := 0
	var cur DigestShard
	open := false
	err = run.DueShoppers(ctx, at, func(id int64) error {
		due++
		crossed := false
		for k < len(cov) && cov[k].Through < id {
			crossed = crossed || (open && cov[k].From > cur.Through)
			k++
		}
		if k < len(cov) && cov[k].From <= id {
			return nil // its shard is queued or running
		}
		if open && (cur.Shoppers == size || crossed) {
			shards, open = append(shards, cur), false
		}
		if !open {
			cur, open = DigestShard{From: id, Through: id, Shoppers: 1}, true
			return nil
		}
		cur.Through, cur.Shoppers = id, cur.Shoppers+1
		return nil
	})
	if open {
		shards = append(shards, cur)
	}
	return shards, due, err
}

// mergeRanges sorts ranges and joins the overlapping ones.
func mergeRanges(rs []DigestShard) []DigestShard {
	rs = slices.Clone(rs)
	slices.SortFunc(rs, func(a, b DigestShard) int { return int(a.From - b.From) })
	var out []DigestShard
	for _, r := range rs {
		if n := len(out); n > 0 && r.From <= out[n-1].Through+1 {
			out[n-1].Through = max(out[n-1].Through, r.Through)
			continue
		}
		out = append(out, r)
	}
	return out
}

// LogDigestCounts logs what a digest run or shard did, or why it failed; a failure is not
// returned to the caller's caller: what a run stored stays stored and what it did not is due
// again at the next plan.
func LogDigestCounts(ctx context.Context, logger *slog.Logger, what string, c alerts.RunCounts, err error, attrs ...any) {
	switch {
	case err != nil && ctx.Err() == nil:
		logger.Warn(what+" failed", append(attrs, "error", err, "stored", c.Stored, "empty", c.Empty)...)
	case c.Due > 0 || c.Failed > 0 || c.LoveMails > 0:
		logger.Info(what+" made", append(attrs, "considered", c.Considered, "due", c.Due, "stored", c.Stored, "empty", c.Empty,
			"skipped", c.Skipped, "failed", c.Failed, "items", c.Items, "love_mails", c.LoveMails, "duration_ms", c.DurationMS)...)
	}
}
