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
	every  time.Duration
	batch  int
	logger *slog.Logger
	now    func() time.Time
	// ticks returns the channel that starts each round after the first, and its stop function
	// (a time.Ticker in production, a test's own channel under a fake clock).
	ticks func(every time.Duration) (<-chan time.Time, func())
	// roundDone, when set (tests only), is told how each round of Run ended.
	roundDone func(n int, err error)
}

// NewFiguresRefresher returns a refresher of db's due figures every interval (0: the default).
// logger may be nil.
func NewFiguresRefresher(db *store.DB, every time.Duration, logger *slog.Logger) *FiguresRefresher {
	if every <= 0 {
		every = DefaultFiguresEvery
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &FiguresRefresher{db: db, every: every, batch: DefaultFiguresBatch, logger: logger, now: time.Now,
		ticks: func(d time.Duration) (<-chan time.Time, func()) {
			t := time.NewTicker(d)
			return t.C, t.Stop
		}}
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

// Run refreshes due figures at once and then every interval until ctx is cancelled, and returns
// ctx's error. A failed round is logged and the next tick tries again.
func (f *FiguresRefresher) Run(ctx context.Context) error {
	ticks, stop := f.ticks(f.every)
	defer stop()
	f.logger.Info("figures refresher started", "every", f.every)
	for {
		n, err := f.Round(ctx)
		if f.roundDone != nil {
			f.roundDone(n, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ticks:
		}
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
