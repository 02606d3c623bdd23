package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// Defaults of a Snapshotter.
const (
	// DefaultSnapshotEvery is how often today's catalogue snapshot is retaken: the dashboard's
	// last point is at most this old.
	DefaultSnapshotEvery = time.Hour
	// MaxSnapshotBackfill bounds how far back missing days are counted from the price history.
	MaxSnapshotBackfill = 400 * 24 * time.Hour
)

// Snapshotter keeps the admin dashboard's daily tables complete. catalogue_snapshots (catalogue
// size and sale share per day): each round retakes today's row from the live catalogue, and
// counts every earlier day that has no row, or only one taken before the day ended, from the
// price history (store.TakeSnapshot). click_days: each round sums the click-outs of every
// finished day not summed yet (store.RollUpClicks). A fresh install with imported history, or a
// server that was down for a week, so fills its gaps by itself; a finished day is done once.
type Snapshotter struct {
	db     *store.DB
	logger *slog.Logger
	now    func() time.Time
	// first is the day of the oldest offer once known (a backfill never starts earlier).
	first time.Time
}

// NewSnapshotter returns a snapshotter of db. logger may be nil.
func NewSnapshotter(db *store.DB, logger *slog.Logger) *Snapshotter {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Snapshotter{db: db, logger: logger, now: time.Now}
}

// Round sums the finished days' click-outs, then takes today's snapshot and every missing or
// provisional one before it, oldest first, and returns how many snapshots it took. It stops at
// the first error (the days before it stay done).
func (s *Snapshotter) Round(ctx context.Context) (int, error) {
	now := s.now()
	rolled, err := s.db.RollUpClicks(ctx, now)
	if err != nil {
		return 0, err
	}
	if rolled > 0 {
		s.logger.Info("click-outs summed by day", "days", rolled)
	}
	today := store.DayOf(now)
	if s.first.IsZero() {
		first, ok, err := s.db.FirstOfferSeen(ctx)
		if err != nil {
			return 0, err
		}
		if ok {
			s.first = store.DayOf(first)
		}
	}
	start := store.DayOf(now.Add(-MaxSnapshotBackfill))
	if s.first.After(start) || s.first.IsZero() {
		start = s.first
	}
	taken := 0
	if !s.first.IsZero() && start.Before(today) {
		have, err := s.db.CatalogueSnapshots(ctx, start, today)
		if err != nil {
			return 0, err
		}
		final := make(map[time.Time]bool, len(have))
		for _, h := range have {
			final[h.Day] = !h.TakenAt.Before(h.Day.Add(24 * time.Hour))
		}
		for d := start; d.Before(today); d = d.AddDate(0, 0, 1) {
			if final[d] {
				continue
			}
			if err := ctx.Err(); err != nil {
				return taken, err
			}
			if _, err := s.db.TakeSnapshot(ctx, d); err != nil {
				return taken, err
			}
			taken++
		}
	}
	if _, err := s.db.TakeSnapshot(ctx, today); err != nil {
		return taken, err
	}
	return taken + 1, nil
}

// Once takes the snapshots due (Round) and logs the outcome; a failed round is retried by the
// next period. The job queue runs it as a periodic job (internal/queue) every
// DefaultSnapshotEvery.
func (s *Snapshotter) Once(ctx context.Context) {
	n, err := s.Round(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		s.logger.Error("catalogue snapshot failed", "taken", n, "error", err)
	case n > 1:
		s.logger.Info("catalogue snapshots backfilled", "days", n)
	}
}
