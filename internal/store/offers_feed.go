package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
)

// This file is the importer's fast paths for offers: new offers written with their figures in
// the INSERT, and the feed hash (offers.feed_hash) that lets an import skip a record it has
// already applied.

// NewOffer is an offer a batch creates: its figures are those of its one-point history (the
// price row written beside it), computed by the caller, so nothing is read back.
type NewOffer struct {
	catalog.Offer
	Figures pricing.Figures
	// FeedHash identifies the feed record the offer was applied from (0: none).
	FeedHash uint64
}

// KnownOffer is an offer as an import sees it before reading its feed: its id, the hash of the
// record it was last applied from (0 when it has none), and whether it is gone.
type KnownOffer struct {
	ID       int64
	FeedHash uint64
	Gone     bool
}

// SeenOffer is an offer a feed mentioned, with the hash of the record it came from now.
type SeenOffer struct {
	ID       int64
	FeedHash uint64
}

// InsertOffers inserts offers the caller knows to be new (a retailer's item ids that have no
// row), with their figures and feed hashes, and returns their ids, in os's order. An item id that
// exists after all fails the statement: the caller's view of the batch was wrong, and the
// transaction must not commit. The retailer and the time, the same in every row, are bound
// once per statement (sharedRows); on SQLite the ids come without RETURNING (rowidInsert).
func (c *CatalogTx) InsertOffers(ctx context.Context, retailerID int64, os []NewOffer, at time.Time) ([]int64, error) {
	const own = 15
	ids := make([]int64, 0, len(os))
	if len(os) > 0 {
		c.noteRef("retailers", retailerID)
	}
	for start := 0; start < len(os); start += maxRowsPerStatement {
		part := os[start:min(len(os), start+maxRowsPerStatement)]
		args := make([]any, 0, 2+len(part)*own)
		args = append(args, retailerID, unixMS(at))
		for _, o := range part {
			f := o.Figures
			var until any
			if !f.Until.IsZero() {
				until = unixMS(f.Until)
			}
			args = append(args, o.ProductID, o.ItemID, o.URL, o.Size, o.SizeSystem, o.Color, o.Currency,
				o.Price, o.RegularPrice, string(o.Availability),
				nullID(f.Lowest30d), nullID(f.AllTimeLow), boolInt(f.Questionable), until, feedHash(o.FeedHash))
		}
		q := `INSERT INTO offers (retailer_id, first_seen_at, last_seen_at, updated_at, product_id, item_id, url, size,
			size_system, color, currency, price, regular_price, availability,
			lowest_30d, all_time_low, questionable, figures_until, feed_hash) VALUES ` + c.ph.sharedRows(len(part), []int{1, 2, 2, 2}, own)
		full := len(part) == maxRowsPerStatement
		if c.db.dialect == SQLite {
			got, err := c.offerRowids(retailerID, part).run(ctx, c, full, q, args)
			if err != nil {
				return nil, fmt.Errorf("insert offers: %w", err)
			}
			ids = append(ids, got...)
			continue
		}
		byItem := make(map[string]int64, len(part))
		if err := c.queryIDs(ctx, full, q+` RETURNING id, item_id`, args, byItem); err != nil {
			return nil, fmt.Errorf("insert offers: %w", err)
		}
		for _, o := range part {
			ids = append(ids, byItem[o.ItemID])
		}
	}
	return ids, nil
}

// queryIDs runs a statement returning (id, key) rows and adds them to ids (see query).
func (c *CatalogTx) queryIDs(ctx context.Context, full bool, q string, args []any, ids map[string]int64) error {
	rows, err := c.query(ctx, full, q, args...)
	if err != nil {
		return err
	}
	return scanIDs(rows, ids)
}

// MarkSeenWithHashes records that offers were in a feed at time at, from records with the
// given hashes, in multi-row UPDATE … FROM (VALUES …) statements.
func (c *CatalogTx) MarkSeenWithHashes(ctx context.Context, seen []SeenOffer, at time.Time) error {
	const cols = 2
	for start := 0; start < len(seen); start += maxRowsPerStatement {
		part := seen[start:min(len(seen), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)*cols)
		for _, s := range part {
			args = append(args, s.ID, feedHash(s.FeedHash))
		}
		values := c.ph.valueRows(len(part), cols)
		if !c.ph.positional { // PostgreSQL cannot type a bare VALUES list's parameters
			values = "($1::bigint,$2::bigint)" + values[len("($1,$2)"):]
		}
		// The time is an integer written into the text, so that the parameters are the rows'
		// alone and bind in textual order (see placeholders).
		q := `WITH v (id, h) AS (VALUES ` + values + `) UPDATE offers SET last_seen_at = ` + strconv.FormatInt(unixMS(at), 10) +
			`, feed_hash = v.h FROM v WHERE offers.id = v.id`
		if _, err := c.exec(ctx, false, q, args...); err != nil { // not kept: the text holds the time
			return fmt.Errorf("mark offers seen: %w", err)
		}
	}
	return nil
}

// EachKnownOffer hands each of a retailer's offers to fn with its item id and the hash of the
// feed record it was last applied from. A complete feed's import reads them once before reading
// the feed, into a map of its own: an item whose record hashes the same on a live offer is
// only marked seen, an item without an offer needs no lookup before it is inserted, and the
// live offers the feed lacks are gone.
func (db *DB) EachKnownOffer(ctx context.Context, retailerID int64, fn func(item string, k KnownOffer)) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, item_id, feed_hash, gone_at IS NOT NULL FROM offers WHERE retailer_id = $1`, retailerID)
	if err != nil {
		return fmt.Errorf("live offers of retailer %d: %w", retailerID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var k KnownOffer
		var item string
		var h sql.NullInt64
		if err := rows.Scan(&k.ID, &item, &h, &k.Gone); err != nil {
			return fmt.Errorf("live offers of retailer %d: %w", retailerID, err)
		}
		k.FeedHash = uint64(h.Int64)
		fn(item, k)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("live offers of retailer %d: %w", retailerID, err)
	}
	return nil
}

// feedHash stores a hash as the signed 64-bit integer both databases hold, 0 as NULL.
func feedHash(h uint64) any { return nullID(int64(h)) }
