package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// CatalogTx is one transaction of catalogue writes. The importer runs one per batch of feed
// items: it reads the batch's current state with a couple of queries, decides in Go what
// changed, and writes only that, each kind of row in one multi-row statement. Either the whole
// batch lands or none of it does.
type CatalogTx struct {
	tx  *sql.Tx
	db  *DB
	now int64
	ph  placeholders
	// merged are the products MergeProducts touched, whose trend counts are reconciled just
	// before the transaction commits (finish).
	merged []int64
	// unchecked: the connection does not enforce foreign keys (catalog_refs.go); refs are the
	// rows outside the transaction its rows point at, by table, checked in finish.
	unchecked bool
	refs      map[string]map[int64]bool
}

// InCatalogTx runs fn in one transaction, committing when it returns nil and rolling back
// otherwise (including when ctx is cancelled).
func (db *DB) InCatalogTx(ctx context.Context, fn func(*CatalogTx) error) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		c := &CatalogTx{tx: tx, db: db, now: db.nowMS(), ph: db.placeholders()}
		if err := fn(c); err != nil {
			return err
		}
		return c.finish(ctx)
	})
}

// finish does what a catalogue transaction leaves to its end: the trend counts of merged
// products. They take the trends lock (lockTrends), and taking it last, after every row lock
// the transaction needs, is what keeps two imports that both merge products from deadlocking on
// PostgreSQL: one holding the trends lock and waiting for a product row the other has locked,
// the other holding that row and waiting for the trends lock.
func (c *CatalogTx) finish(ctx context.Context) error {
	if err := c.checkRefs(ctx); err != nil {
		return err
	}
	return c.db.reconcileMergedTrends(ctx, c.tx, c.merged)
}

// query runs a query in the transaction. A statement of a full part (maxRowsPerStatement rows:
// all but the last of a big batch) is prepared once and kept (DB.prepared): parsing a
// thousand-row statement is a good part of its cost, and its text repeats batch after batch.
// Shorter parts vary in length, so caching them would keep statements without bound.
func (c *CatalogTx) query(ctx context.Context, full bool, q string, args ...any) (*sql.Rows, error) {
	if full {
		st, err := c.db.prepared(ctx, q)
		if err != nil {
			return nil, err
		}
		return c.tx.StmtContext(ctx, st).QueryContext(ctx, args...)
	}
	return c.tx.QueryContext(ctx, q, args...)
}

// exec is query for statements that return no rows.
func (c *CatalogTx) exec(ctx context.Context, full bool, q string, args ...any) (sql.Result, error) {
	if full {
		st, err := c.db.prepared(ctx, q)
		if err != nil {
			return nil, err
		}
		return c.tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return c.tx.ExecContext(ctx, q, args...)
}

// StoredOffer is an offer as the database holds it, for comparing with what a feed says now.
type StoredOffer struct {
	catalog.Offer
	// Gone is set when a complete feed of the retailer last came without this offer.
	Gone bool
}

// PriceChangeRow is one row of an offer's price history: written only when the price, the regular
// price or the availability changes.
type PriceChangeRow struct {
	OfferID      int64
	At           time.Time
	Price        int64
	RegularPrice int64
	Availability catalog.Availability
	FeedRunID    int64 // 0 when not written by a feed run
}

// SaleEvent is a movement of an offer's price or stock that shoppers may want to hear about.
type SaleEvent struct {
	OfferID      int64
	Kind         string // on_sale, deeper, back_in_stock, ended
	At           time.Time
	Price        int64
	RegularPrice int64
	DiscountPct  int
	Questionable bool
}

// EnsureBrand returns the brand known by name or alias, creating it if new.
func (c *CatalogTx) EnsureBrand(ctx context.Context, name string) (catalog.Brand, error) {
	return ensureBrand(ctx, c.tx, name, c.now)
}

// Offers returns the retailer's stored offers with the given item ids, by item id.
func (c *CatalogTx) Offers(ctx context.Context, retailerID int64, itemIDs []string) (map[string]StoredOffer, error) {
	out := make(map[string]StoredOffer, len(itemIDs))
	for start := 0; start < len(itemIDs); start += maxRowsPerStatement {
		part := itemIDs[start:min(len(itemIDs), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)+1)
		args = append(args, retailerID)
		for _, id := range part {
			args = append(args, id)
		}
		rows, err := c.query(ctx, len(part) == maxRowsPerStatement, c.ph.sql(`SELECT `+offerColumns("offers")+` FROM offers WHERE retailer_id = $1 AND item_id IN (`)+c.ph.inList(len(part), 2)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("load offers: %w", err)
		}
		if err := scanOffers(rows, func(o StoredOffer) { out[o.ItemID] = o }); err != nil {
			return nil, fmt.Errorf("load offers: %w", err)
		}
	}
	return out, nil
}

// OffersByID returns the stored offers with the given ids.
func (c *CatalogTx) OffersByID(ctx context.Context, ids []int64) ([]StoredOffer, error) {
	var out []StoredOffer
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := c.query(ctx, len(part) == maxRowsPerStatement, `SELECT `+offerColumns("offers")+` FROM offers WHERE id IN (`+c.ph.inList(len(part), 1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("load offers: %w", err)
		}
		if err := scanOffers(rows, func(o StoredOffer) { out = append(out, o) }); err != nil {
			return nil, fmt.Errorf("load offers: %w", err)
		}
	}
	return out, nil
}

// UpsertOffers inserts the retailer's offers, or updates those whose item id exists (bringing a
// gone offer back), and returns their ids by item id. Item ids must be unique within os.
// first_seen_at is kept on update; last_seen_at and updated_at become at.
func (c *CatalogTx) UpsertOffers(ctx context.Context, retailerID int64, os []catalog.Offer, at time.Time) (map[string]int64, error) {
	const cols = 14
	ids := make(map[string]int64, len(os))
	t := unixMS(at)
	if len(os) > 0 {
		c.noteRef("retailers", retailerID)
	}
	for start := 0; start < len(os); start += maxRowsPerStatement {
		part := os[start:min(len(os), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)*cols)
		for _, o := range part {
			args = append(args, retailerID, o.ProductID, o.ItemID, o.URL, o.Size, o.SizeSystem, o.Color, o.Currency,
				o.Price, o.RegularPrice, string(o.Availability), t, t, t)
		}
		q := `INSERT INTO offers (retailer_id, product_id, item_id, url, size, size_system, color,
			currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at) VALUES ` + c.ph.valueRows(len(part), cols) + `
			ON CONFLICT (retailer_id, item_id) DO UPDATE SET product_id = excluded.product_id, url = excluded.url,
			size = excluded.size, size_system = excluded.size_system, color = excluded.color, currency = excluded.currency,
			price = excluded.price, regular_price = excluded.regular_price, availability = excluded.availability,
			last_seen_at = excluded.last_seen_at, gone_at = NULL, updated_at = excluded.updated_at
			RETURNING id, item_id`
		if err := c.queryIDs(ctx, len(part) == maxRowsPerStatement, q, args, ids); err != nil {
			return nil, fmt.Errorf("upsert offers: %w", err)
		}
	}
	return ids, nil
}

// MarkGone records that offers were missing from their retailer's complete feed at time at:
// they are out of stock until they come back.
// Their last sighting, so far their retailer's last complete feed (lastSeenAt), becomes their own.
func (c *CatalogTx) MarkGone(ctx context.Context, ids []int64, at time.Time) error {
	return c.execForIDs(ctx, `UPDATE offers SET gone_at = $1, updated_at = $2, availability = 'out_of_stock',
		last_seen_at = `+lastSeenAt("offers")+` WHERE gone_at IS NULL AND id IN `,
		[]any{unixMS(at), unixMS(at)}, ids)
}

// MarkFullFeedSeen records that a complete feed of the retailer was applied at time at: every
// offer of it that is live was in that feed (lastSeenAt). An earlier time than the one stored
// changes nothing.
func (c *CatalogTx) MarkFullFeedSeen(ctx context.Context, retailerID int64, at time.Time) error {
	if _, err := c.tx.ExecContext(ctx, `UPDATE retailers SET full_feed_seen_at = $1
		WHERE id = $2 AND (full_feed_seen_at IS NULL OR full_feed_seen_at < $1)`, unixMS(at), retailerID); err != nil {
		return fmt.Errorf("mark complete feed seen: %w", err)
	}
	return nil
}

// execForIDs runs "… WHERE … id IN (…)": lead binds the prefix's $1…$k, the ids follow.
func (c *CatalogTx) execForIDs(ctx context.Context, prefix string, lead []any, ids []int64) error {
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)+len(lead))
		args = append(args, lead...)
		for _, id := range part {
			args = append(args, id)
		}
		if _, err := c.exec(ctx, len(part) == maxRowsPerStatement, c.ph.sql(prefix)+`(`+c.ph.inList(len(part), len(lead)+1)+`)`, args...); err != nil {
			return fmt.Errorf("update offers: %w", err)
		}
	}
	return nil
}

// offerColumns lists what scanOffer reads, of the offers table under alias a.
func offerColumns(a string) string {
	return prefixed(a+".", `id, retailer_id, product_id, item_id, url, size, size_system, color, currency, price,
	regular_price, availability, first_seen_at`) + `, ` + lastSeenAt(a) + `, ` + a + `.updated_at, ` + a + `.gone_at`
}

// lastSeenAt is when the offer under alias a was last in a feed: its own last_seen_at, or,
// while it is live, its retailer's last complete feed when that is later (a complete feed names
// every live offer, and unchanged ones are not rewritten: migration 00022).
func lastSeenAt(a string) string {
	return `COALESCE((SELECT CASE WHEN fr.full_feed_seen_at > ` + a + `.last_seen_at THEN fr.full_feed_seen_at END
	FROM retailers fr WHERE fr.id = ` + a + `.retailer_id AND ` + a + `.gone_at IS NULL), ` + a + `.last_seen_at)`
}

func scanOffers(rows *sql.Rows, each func(StoredOffer)) error {
	defer rows.Close()
	for rows.Next() {
		o, err := scanOffer(rows)
		if err != nil {
			return err
		}
		each(o)
	}
	return rows.Err()
}

func scanOffer(row interface{ Scan(...any) error }) (StoredOffer, error) {
	var o StoredOffer
	var avail string
	var first, last, updated int64
	var gone sql.NullInt64
	if err := row.Scan(&o.ID, &o.RetailerID, &o.ProductID, &o.ItemID, &o.URL, &o.Size, &o.SizeSystem, &o.Color, &o.Currency,
		&o.Price, &o.RegularPrice, &avail, &first, &last, &updated, &gone); err != nil {
		return StoredOffer{}, err
	}
	o.Availability = catalog.Availability(avail)
	o.FirstSeenAt, o.LastSeenAt, o.UpdatedAt = fromMS(first), fromMS(last), fromMS(updated)
	o.Gone = gone.Valid
	return o, nil
}

// scanIDs reads (id, key) rows into ids.
func scanIDs(rows *sql.Rows, ids map[string]int64) error {
	defer rows.Close()
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			return err
		}
		ids[key] = id
	}
	return rows.Err()
}
