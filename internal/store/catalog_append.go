package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// The rows a catalogue transaction appends: price history, sale events and the change log.

// AppendPriceChanges adds rows to offers' price histories. A statement whose rows share their
// time and feed run (an import's batch) binds those once (sharedRows).
func (c *CatalogTx) AppendPriceChanges(ctx context.Context, pcs []PriceChangeRow) error {
	for start := 0; start < len(pcs); start += maxRowsPerStatement {
		part := pcs[start:min(len(pcs), start+maxRowsPerStatement)]
		var args []any
		var q string
		if at, run := part[0].At, part[0].FeedRunID; !slices.ContainsFunc(part, func(p PriceChangeRow) bool {
			return !p.At.Equal(at) || p.FeedRunID != run
		}) {
			c.noteRef("feed_runs", run)
			args = make([]any, 0, 2+len(part)*4)
			args = append(args, unixMS(at), nullID(run))
			for _, p := range part {
				args = append(args, p.OfferID, p.Price, p.RegularPrice, string(p.Availability))
			}
			q = `INSERT INTO price_changes (changed_at, feed_run_id, offer_id, price, regular_price, availability)
			VALUES ` + c.ph.sharedRows(len(part), []int{1, 2}, 4)
		} else {
			args = make([]any, 0, len(part)*6)
			for _, p := range part {
				c.noteRef("feed_runs", p.FeedRunID)
				args = append(args, p.OfferID, unixMS(p.At), p.Price, p.RegularPrice, string(p.Availability), nullID(p.FeedRunID))
			}
			q = `INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability, feed_run_id)
			VALUES ` + c.ph.valueRows(len(part), 6)
		}
		if _, err := c.exec(ctx, len(part) == maxRowsPerStatement, q, args...); err != nil {
			return fmt.Errorf("append price changes: %w", err)
		}
	}
	return nil
}

// AppendSaleEvents records sale events. A statement whose events share their time (an
// import's batch) binds it once (sharedRows).
func (c *CatalogTx) AppendSaleEvents(ctx context.Context, evs []SaleEvent) error {
	for start := 0; start < len(evs); start += maxRowsPerStatement {
		part := evs[start:min(len(evs), start+maxRowsPerStatement)]
		var args []any
		var q string
		if at := part[0].At; !slices.ContainsFunc(part, func(e SaleEvent) bool { return !e.At.Equal(at) }) {
			args = make([]any, 0, 1+len(part)*6)
			args = append(args, unixMS(at))
			for _, e := range part {
				args = append(args, e.OfferID, e.Kind, e.Price, e.RegularPrice, int64(e.DiscountPct), boolInt(e.Questionable))
			}
			q = `INSERT INTO sale_events (at, offer_id, kind, price, regular_price, discount_pct, questionable)
			VALUES ` + c.ph.sharedRows(len(part), []int{1}, 6)
		} else {
			args = make([]any, 0, len(part)*7)
			for _, e := range part {
				args = append(args, e.OfferID, e.Kind, unixMS(e.At), e.Price, e.RegularPrice, int64(e.DiscountPct), boolInt(e.Questionable))
			}
			q = `INSERT INTO sale_events (offer_id, kind, at, price, regular_price, discount_pct, questionable)
			VALUES ` + c.ph.valueRows(len(part), 7)
		}
		if _, err := c.exec(ctx, len(part) == maxRowsPerStatement, q, args...); err != nil {
			return fmt.Errorf("append sale events: %w", err)
		}
	}
	return nil
}

// AppendChanges adds entries to the change log that web nodes follow to refresh their index
// ("product", id). The time is the transaction's wall-clock time, not the feed's.
func (c *CatalogTx) AppendChanges(ctx context.Context, entity string, ids []int64) error {
	return appendChanges(ctx, c.ph, c.exec, entity, ids, c.now)
}

// appendChanges writes change-log entries (entity, id) at time now, in statements of up to
// maxRowsPerStatement rows that bind the entity and the time once (sharedRows). exec runs one
// statement; full says it is a whole part, whose text repeats (CatalogTx.exec keeps it prepared).
func appendChanges(ctx context.Context, ph placeholders, exec func(ctx context.Context, full bool, q string, args ...any) (sql.Result, error),
	entity string, ids []int64, now int64) error {
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := make([]any, 0, 2+len(part))
		args = append(args, entity, now)
		for _, id := range part {
			args = append(args, id)
		}
		if _, err := exec(ctx, len(part) == maxRowsPerStatement, `INSERT INTO changes (entity, at, entity_id) VALUES `+
			ph.sharedRows(len(part), []int{1, 2}, 1), args...); err != nil {
			return fmt.Errorf("append changes: %w", err)
		}
	}
	return nil
}
