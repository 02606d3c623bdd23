package store

import (
	"context"
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
		if at, run := part[0].At, part[0].FeedRunID; slices.IndexFunc(part, func(p PriceChangeRow) bool {
			return !p.At.Equal(at) || p.FeedRunID != run
		}) < 0 {
			args = make([]any, 0, 2+len(part)*4)
			args = append(args, unixMS(at), nullable(run))
			for _, p := range part {
				args = append(args, p.OfferID, p.Price, p.RegularPrice, string(p.Availability))
			}
			q = `INSERT INTO price_changes (changed_at, feed_run_id, offer_id, price, regular_price, availability)
			VALUES ` + c.ph.sharedRows(len(part), []int{1, 2}, 4)
		} else {
			args = make([]any, 0, len(part)*6)
			for _, p := range part {
				args = append(args, p.OfferID, unixMS(p.At), p.Price, p.RegularPrice, string(p.Availability), nullable(p.FeedRunID))
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
		at := part[0].At
		shared := slices.IndexFunc(part, func(e SaleEvent) bool { return !e.At.Equal(at) }) < 0
		var args []any
		var q string
		if shared {
			args = make([]any, 0, 1+len(part)*6)
			args = append(args, unixMS(at))
			q = `INSERT INTO sale_events (at, offer_id, kind, price, regular_price, discount_pct, questionable)
			VALUES ` + c.ph.sharedRows(len(part), []int{1}, 6)
		} else {
			args = make([]any, 0, len(part)*7)
			q = `INSERT INTO sale_events (offer_id, kind, at, price, regular_price, discount_pct, questionable)
			VALUES ` + c.ph.valueRows(len(part), 7)
		}
		for _, e := range part {
			var questionable int64
			if e.Questionable {
				questionable = 1
			}
			if shared {
				args = append(args, e.OfferID, e.Kind, e.Price, e.RegularPrice, int64(e.DiscountPct), questionable)
			} else {
				args = append(args, e.OfferID, e.Kind, unixMS(e.At), e.Price, e.RegularPrice, int64(e.DiscountPct), questionable)
			}
		}
		if _, err := c.exec(ctx, len(part) == maxRowsPerStatement, q, args...); err != nil {
			return fmt.Errorf("append sale events: %w", err)
		}
	}
	return nil
}

// AppendChanges adds entries to the change log that web nodes follow to refresh their index
// ("product", id). The time is the transaction's wall-clock time, not the feed's. The entity
// and the time are bound once per statement (sharedRows).
func (c *CatalogTx) AppendChanges(ctx context.Context, entity string, ids []int64) error {
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := make([]any, 0, 2+len(part))
		args = append(args, entity, c.now)
		for _, id := range part {
			args = append(args, id)
		}
		if _, err := c.exec(ctx, len(part) == maxRowsPerStatement, `INSERT INTO changes (entity, at, entity_id) VALUES `+
			c.ph.sharedRows(len(part), []int{1, 2}, 1), args...); err != nil {
			return fmt.Errorf("append changes: %w", err)
		}
	}
	return nil
}
