package jobs

import (
	"context"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/trends"
)

// Defaults of a TrendsUpdater.
const (
	// DefaultTrendsEvery is how often the trends catch up with the change log. Trends move by
	// the week; a minute keeps a fresh import visible soon at the cost of one indexed query
	// when nothing changed.
	DefaultTrendsEvery = time.Minute
	// DefaultTrendsSettle is how long, on PostgreSQL, a change log entry waits before the
	// cursor may pass it: a transaction that took an earlier sequence number may commit after
	// a later one, so the cursor stays below entries younger than this and they are
	// reconciled again on the next round (reconciling is idempotent). It assumes an import
	// transaction lasts less than half of it. SQLite commits in sequence order and needs none.
	DefaultTrendsSettle = 5 * time.Minute
	// trendsPage is how many change log entries one step reads at a time.
	trendsPage = 5000
)

// TrendsConfig tunes a TrendsUpdater; zero fields take their defaults.
type TrendsConfig struct {
	// Settle is DefaultTrendsSettle on PostgreSQL and 0 on SQLite unless set; negative means 0.
	Settle time.Duration
	// Now is the clock (time.Now).
	Now func() time.Time
}

// TrendsUpdater keeps the trends page's weekly counts current (docs/trends.md). It follows the
// change log from a cursor kept in the database and reconciles the products each entry names
// (store.UpdateTrends): their counts move by what changed, and history is never rescanned. A
// database whose trends were never computed is computed whole once (store.RecomputeTrends).
// After a round that changed something, or when a new week is to be judged, it ranks the terms
// (trends.Rank) and stores the lists the page shows (store.SaveTrendRankings).
type TrendsUpdater struct {
	db     *store.DB
	settle time.Duration
	now    func() time.Time
	logger *slog.Logger
}

// NewTrendsUpdater returns an updater of db's trends; logger may be nil.
func NewTrendsUpdater(db *store.DB, cfg TrendsConfig, logger *slog.Logger) *TrendsUpdater {
	if cfg.Settle == 0 && db.Dialect() == store.Postgres {
		cfg.Settle = DefaultTrendsSettle
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &TrendsUpdater{db: db, settle: max(cfg.Settle, 0), now: cfg.Now, logger: logger}
}

// Step brings the trends up to the change log's head once, ranks them again if anything
// changed or the judged week moved on, and returns how many products it reconciled (every
// product, the first time).
func (u *TrendsUpdater) Step(ctx context.Context) (int, error) {
	n, err := u.follow(ctx)
	if err != nil {
		return n, err
	}
	judged := trends.JudgedWeek(u.now())
	if _, current, err := u.db.TrendRankings(ctx, store.TrendNew, judged); err != nil || (current && n == 0) {
		return n, err
	}
	lists := map[string][]trends.Ranked{}
	for _, list := range []string{store.TrendNew, store.TrendSale} {
		series, err := u.db.TrendSeries(ctx, list, judged)
		if err != nil {
			return n, err
		}
		lists[list] = trends.Rank(series, trends.Options{})
	}
	return n, u.db.SaveTrendRankings(ctx, judged, lists)
}

// follow reconciles the products the change log names after the cursor.
func (u *TrendsUpdater) follow(ctx context.Context) (int, error) {
	seq, computed, err := u.db.TrendCursor(ctx)
	if err != nil {
		return 0, err
	}
	if !computed {
		return u.db.RecomputeTrends(ctx)
	}
	horizon := u.now().Add(-u.settle)
	total := 0
	for {
		page, err := u.db.ChangesSince(ctx, seq, trendsPage)
		if err != nil || len(page) == 0 {
			return total, err
		}
		var ids []int64
		safe, settled := seq, true
		for _, c := range page {
			if c.Entity == "product" {
				ids = append(ids, c.EntityID)
			}
			if settled && c.At.After(horizon) {
				settled = false
			}
			if settled {
				safe = c.Seq
			}
		}
		if err := u.db.UpdateTrends(ctx, ids, safe); err != nil {
			return total, err
		}
		total += len(ids)
		if !settled || len(page) < trendsPage {
			return total, nil
		}
		seq = safe
	}
}

// Once steps once and logs a failure (the next period tries again). The job queue runs it as
// a periodic job (internal/queue) every DefaultTrendsEvery.
func (u *TrendsUpdater) Once(ctx context.Context) {
	n, err := u.Step(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		u.logger.Error("updating trends failed", "error", err)
	case n > 0:
		u.logger.Debug("trends updated", "products", n)
	}
}
