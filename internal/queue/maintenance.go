package queue

import (
	"context"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// PriceHistoryEvery is how often the price-history maintenance job runs across the cluster.
// Partitions are created three months ahead and retention works in whole days, so a few runs a
// day are plenty; each run that finds nothing to do costs a few catalogue reads.
const PriceHistoryEvery = 6 * time.Hour

// PriceHistoryMaintenance keeps price_changes in shape as it grows: on PostgreSQL it creates
// the coming months' partitions (store.EnsurePricePartitions), and with a retention set it
// compacts the history older than that to daily lows (store.CompactPriceHistory).
type PriceHistoryMaintenance struct {
	db     *store.DB
	keep   time.Duration
	logger *slog.Logger
	now    func() time.Time
}

// NewPriceHistoryMaintenance builds the maintenance of db's price history. keep is the
// retention (serve --price-history-days); 0 keeps every change forever.
func NewPriceHistoryMaintenance(db *store.DB, keep time.Duration, logger *slog.Logger) *PriceHistoryMaintenance {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &PriceHistoryMaintenance{db: db, keep: keep, logger: logger, now: time.Now}
}

// Run creates the partitions due and applies retention, and says what it did.
func (m *PriceHistoryMaintenance) Run(ctx context.Context) (created []string, compacted store.PriceCompaction, err error) {
	now := m.now()
	if created, err = m.db.EnsurePricePartitions(ctx, now); err != nil {
		return created, compacted, err
	}
	if m.keep > 0 {
		if compacted, err = m.db.CompactPriceHistory(ctx, now, m.keep); err != nil {
			return created, compacted, err
		}
	}
	// Last, as the longest after an upgrade (every offer's first mark; each batch commits, so a
	// round cut short resumes): the product chart's marks (store.AdvanceHistoryMarks).
	_, err = m.db.AdvanceHistoryMarks(ctx, now)
	return created, compacted, err
}

// Round is Run as a periodic job: it logs its outcome, and a failed round is tried again by the
// next period (each step it finished stays done).
func (m *PriceHistoryMaintenance) Round(ctx context.Context) {
	started := m.now()
	created, c, err := m.Run(ctx)
	if err != nil {
		m.logger.Error("price history maintenance failed", "error", err, "partitions_created", created,
			"rows_removed", c.Removed)
		return
	}
	if len(created) > 0 || c.Removed > 0 || c.Partitions > 0 {
		m.logger.Info("price history maintenance", "partitions_created", created, "compacted_before", c.Before,
			"rows_removed", c.Removed, "partitions_rewritten", c.Partitions, "took", m.now().Sub(started))
	}
}
