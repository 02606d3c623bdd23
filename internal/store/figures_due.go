package store

import (
	"context"
	"fmt"
	"time"
)

// FiguresCursor is how far a walk over due offer figures has got (RefreshDueFigures); the zero
// value is the start.
type FiguresCursor struct {
	until, id int64
	started   bool
}

// RefreshDueFigures recomputes, at now, the figures of up to limit offers of any retailer whose
// figures are due (never computed, or their 30-day window moved past a change since), taking
// them in due order after cursor with one query on the offers_figures_due_at index, in one
// transaction. It returns the cursor to pass next and how many offers it refreshed; fewer than
// limit means the walk is done. Refreshed offers stop being due, and the cursor only moves
// forward, so a walk ends even if some offer stayed due.
//
// Two nodes walking at once may refresh the same offers: the result is the same, so the work is
// only repeated, never wrong.
func (db *DB) RefreshDueFigures(ctx context.Context, now time.Time, after FiguresCursor, limit int) (FiguresCursor, int, error) {
	if !after.started {
		after = FiguresCursor{until: -1, started: true}
	}
	rows, err := db.sql.QueryContext(ctx, db.placeholders().sql(`SELECT id, figures_until FROM offers
		WHERE figures_until <= $1 AND (figures_until, id) > ($2, $3)
		ORDER BY figures_until, id LIMIT $4`), unixMS(now), after.until, after.id, limit)
	if err != nil {
		return after, 0, fmt.Errorf("due offer figures: %w", err)
	}
	var ids []int64
	next := after
	for rows.Next() {
		if err := rows.Scan(&next.id, &next.until); err != nil {
			rows.Close()
			return after, 0, fmt.Errorf("due offer figures: %w", err)
		}
		ids = append(ids, next.id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return after, 0, fmt.Errorf("due offer figures: %w", err)
	}
	if len(ids) == 0 {
		return after, 0, nil
	}
	if err := db.InCatalogTx(ctx, func(tx *CatalogTx) error {
		return tx.RefreshFiguresLogged(ctx, ids, now)
	}); err != nil {
		return after, 0, fmt.Errorf("refresh offer figures: %w", err)
	}
	return next, len(ids), nil
}
