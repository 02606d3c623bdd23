package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// Defaults of a FiguresRefresher.
const (
	// DefaultFiguresEvery is how often due figures are refreshed. Figures move on the 30-day
	// window, so a quarter of an hour keeps them within minutes of the truth at little cost:
	// a round finds nothing due with one indexed query.
	DefaultFiguresEvery = 15 * time.Minute
	// DefaultFiguresBatch is how many offers one transaction refreshes.
	DefaultFiguresBatch = 500
)

// FiguresRefresher keeps offers' stored figures (30-day low, all-time low, questionable
// discount: pricing.Figures) true as time passes. They change with time alone when a price
// leaves the 30-day window, and the importer refreshes them only for the retailer it imports,
// so a retailer whose feed stops coming would show an expired 30-day low forever. Each round
// walks the offers whose figures_until has passed, across all retailers, in due order and in
// batches (store.RefreshDueFigures).
type FiguresRefresher struct {
	db     *store.DB
	batch  int
	logger *slog.Logger
	now    func() time.Time
}

// NewFiguresRefresher returns a refresher of db's due figures; the job queue runs its Round
// every DefaultFiguresEvery. logger may be nil.
func NewFiguresRefresher(db *store.DB, logger *slog.Logger) *FiguresRefresher {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &FiguresRefresher{db: db, batch: DefaultFiguresBatch, logger: logger, now: time.Now}
}

// RefreshOnce refreshes, batch by batch, every offer whose figures are due now, and returns how
// many it refreshed. It stops at the first error (the batches before it stay refreshed) or when
// ctx is cancelled.
func (f *FiguresRefresher) RefreshOnce(ctx context.Context) (int, error) {
	now := f.now()
	var cursor store.FiguresCursor
	total := 0
	for {
		if err := ctx.Err(); err != nil {
			return total, err
		}
		next, n, err := f.db.RefreshDueFigures(ctx, now, cursor, f.batch)
		total += n
		if err != nil {
			return total, err
		}
		if n < f.batch {
			return total, nil
		}
		cursor = next
	}
}

// Round refreshes due figures once (RefreshOnce) and logs what it did; serve runs it as a
// periodic job of the job queue.
func (f *FiguresRefresher) Round(ctx context.Context) (int, error) {
	n, err := f.RefreshOnce(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		f.logger.Error("refreshing offer figures failed", "refreshed", n, "error", err)
	case n > 0:
		f.logger.Info("offer figures refreshed", "refreshed", n)
	}
	return n, err
}
