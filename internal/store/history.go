package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
)

// This file keeps each offer's derived figures (pricing.Figures: 30-day low, all-time low,
// questionable discount) beside the offer. The importer refreshes them in the transaction that
// changes an offer's history; RefreshOfferFigures catches up the offers whose 30-day window
// moved with nothing else changing.

// PriceHistories returns the price histories of the given offers, oldest point first, by offer
// id, in one query per thousand offers. An offer without history is absent from the map.
func (c *CatalogTx) PriceHistories(ctx context.Context, offerIDs []int64) (map[int64][]pricing.Point, error) {
	out := make(map[int64][]pricing.Point, len(offerIDs))
	for start := 0; start < len(offerIDs); start += maxRowsPerStatement {
		part := offerIDs[start:min(len(offerIDs), start+maxRowsPerStatement)]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := c.query(ctx, len(part) == maxRowsPerStatement, `SELECT offer_id, changed_at, price, regular_price, availability FROM price_changes
			WHERE offer_id IN (`+c.ph.inList(len(part), 1)+`) ORDER BY offer_id, changed_at, id`, args...)
		if err != nil {
			return nil, fmt.Errorf("load price histories: %w", err)
		}
		for rows.Next() {
			var id, at int64
			var p pricing.Point
			var avail string
			if err := rows.Scan(&id, &at, &p.Price, &p.RegularPrice, &avail); err != nil {
				rows.Close()
				return nil, fmt.Errorf("load price histories: %w", err)
			}
			p.At, p.Availability = fromMS(at), catalog.Availability(avail)
			out[id] = append(out[id], p)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("load price histories: %w", err)
		}
	}
	return out, nil
}

// RefreshFigures derives the figures of the given offers at now from their stored histories
// (including rows written earlier in this transaction) and stores them. It returns them by
// offer id. It reads the last FiguresLookBack of each history and the figures stored before
// (RecentPriceHistories), and the whole history only of the offers that need it; what it
// derives is what pricing.FiguresAt derives from the whole history, provided that every
// transaction appending history refreshes the figures of its offers, at times that do not go
// backwards (the importer does both).
func (c *CatalogTx) RefreshFigures(ctx context.Context, offerIDs []int64, now time.Time) (map[int64]pricing.Figures, error) {
	if len(offerIDs) == 0 {
		return nil, nil
	}
	figs, err := c.figuresFromRecent(ctx, offerIDs, now)
	if err != nil {
		return nil, err
	}
	return figs, c.setFigures(ctx, offerIDs, figs)
}

// setFigures writes figures in multi-row UPDATE … FROM (VALUES …) statements. PostgreSQL
// cannot infer the types of parameters in a bare VALUES list, so its first row carries casts.
func (c *CatalogTx) setFigures(ctx context.Context, ids []int64, figs map[int64]pricing.Figures) error {
	const cols = 5
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)*cols)
		for _, id := range part {
			f := figs[id]
			q := 0
			if f.Questionable {
				q = 1
			}
			var until sql.NullInt64
			if !f.Until.IsZero() {
				until = sql.NullInt64{Int64: unixMS(f.Until), Valid: true}
			}
			args = append(args, id, nullID(f.Lowest30d), nullID(f.AllTimeLow), q, until)
		}
		values := c.ph.valueRows(len(part), cols)
		if !c.ph.positional {
			// "($1,$2,$3,$4,$5),…" → "($1::bigint,…),…"
			first := strings.Index(values, ")")
			head := strings.NewReplacer(",", "::bigint,", ")", "::bigint)").Replace(values[:first+1])
			values = head + values[first+1:]
		}
		q := `WITH v (id, lowest, low, questionable, until) AS (VALUES ` + values + `)
			UPDATE offers SET lowest_30d = v.lowest, all_time_low = v.low, questionable = v.questionable, figures_until = v.until
			FROM v WHERE offers.id = v.id`
		if _, err := c.exec(ctx, len(part) == maxRowsPerStatement, q, args...); err != nil {
			return fmt.Errorf("store offer figures: %w", err)
		}
	}
	return nil
}

// The offers whose figures are due at $1, of all retailers and of retailer $2 (see
// RefreshOfferFigures).
const (
	dueFiguresSQL           = `SELECT id FROM offers WHERE figures_until <= $1`
	dueFiguresOfRetailerSQL = `SELECT id FROM offers WHERE figures_until <= $1 AND +retailer_id = $2`
)

// figuresBatch is how many offers one refresh transaction recomputes.
const figuresBatch = 500

// RefreshOfferFigures recomputes, at now, the figures of the offers that are due: never
// computed, or whose 30-day window has moved past a change since (pricing.Figures.Until). It
// works on one retailer's offers, or on all when retailerID is 0, in transactions of a few
// hundred offers, and returns how many it refreshed. The importer calls it after each import
// of a retailer; a periodic job can call it for all retailers with the wall-clock time.
//
// Both statements walk offers_figures_due_at (figures_until, id), which only due offers
// satisfy: the retailer is filtered on the rows (+retailer_id keeps SQLite off the
// (retailer_id, item_id) index, which would read all the retailer's offers), and the ids are
// sorted here, since an ORDER BY id made SQLite scan the whole table in id order instead
// (migration 00020, docs/PERFORMANCE.md).
func (db *DB) RefreshOfferFigures(ctx context.Context, retailerID int64, now time.Time) (int, error) {
	q := dueFiguresSQL
	args := []any{unixMS(now)}
	if retailerID != 0 {
		q = dueFiguresOfRetailerSQL
		args = append(args, retailerID)
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return 0, fmt.Errorf("due offer figures: %w", err)
	}
	var due []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, fmt.Errorf("due offer figures: %w", err)
		}
		due = append(due, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("due offer figures: %w", err)
	}
	slices.Sort(due)
	for start := 0; start < len(due); start += figuresBatch {
		part := due[start:min(len(due), start+figuresBatch)]
		if err := db.InCatalogTx(ctx, func(tx *CatalogTx) error {
			return tx.RefreshFiguresLogged(ctx, part, now)
		}); err != nil {
			return start, fmt.Errorf("refresh offer figures: %w", err)
		}
	}
	return len(due), nil
}

// OfferFigures reads an offer's stored figures. Until is zero both when they hold until the
// history changes and when they were never computed.
func (db *DB) OfferFigures(ctx context.Context, offerID int64) (pricing.Figures, error) {
	var low30, low, until sql.NullInt64
	var q int64
	err := db.sql.QueryRowContext(ctx, `SELECT lowest_30d, all_time_low, questionable, figures_until FROM offers WHERE id = $1`, offerID).
		Scan(&low30, &low, &q, &until)
	if err != nil {
		return pricing.Figures{}, fmt.Errorf("figures of offer %d: %w", offerID, notFound(err))
	}
	f := pricing.Figures{Lowest30d: low30.Int64, AllTimeLow: low.Int64, Questionable: q != 0}
	if until.Valid && until.Int64 != 0 {
		f.Until = fromMS(until.Int64)
	}
	return f, nil
}
