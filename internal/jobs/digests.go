package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
)

// DigestRunner makes the digests due now; *alerts.DigestRun implements it.
type DigestRunner interface {
	Run(ctx context.Context, opts alerts.RunOptions) (alerts.RunCounts, error)
}

// DefaultDigestEvery is how often a worker looks for digests that fell due. Slots start on the
// hour, so a digest is stored within this long of its shopper's hour.
const DefaultDigestEvery = 5 * time.Minute

// RunDigests makes the digests due at start and then every interval until ctx ends, then
// returns nil. A failed run is logged and the next tick tries again: whatever a run stored
// stays stored, and what it did not is still due. Several workers (nodes) may run it at once:
// a slot is stored by one of them only (see alerts.DigestStore.StoreDigests).
func RunDigests(ctx context.Context, run DigestRunner, every time.Duration, logger *slog.Logger) error {
	if logger == nil {
		logger = slog.Default()
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		RunDigestsOnce(ctx, run, logger)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// RunDigestsOnce makes the digests due now once and logs what it did; a failure is logged, not
// returned (what a run stored stays stored, what it did not is still due at the next run).
// serve runs it as a periodic job of the job queue.
func RunDigestsOnce(ctx context.Context, run DigestRunner, logger *slog.Logger) {
	c, err := run.Run(ctx, alerts.RunOptions{})
	switch {
	case err != nil && ctx.Err() == nil:
		logger.Warn("digest run failed", "error", err, "stored", c.Stored, "empty", c.Empty)
	case c.Due > 0 || c.Failed > 0:
		logger.Info("digests made", "considered", c.Considered, "due", c.Due, "stored", c.Stored, "empty", c.Empty,
			"skipped", c.Skipped, "failed", c.Failed, "items", c.Items, "duration_ms", c.DurationMS)
	}
}
