package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
)

// ProductHistoryWindow is how much price history ProductFor reads: what the product page's
// chart draws. On PostgreSQL it spans four monthly partitions, however old the product is.
const ProductHistoryWindow = 90 * pricing.Day

// ProductSince is ProductFor with the price history read from since on (with each offer's
// change in force at since, so the chart starts from the right prices), or all of it when
// since is zero. LowestEver comes from the offers' stored all-time lows either way.
func (db *DB) ProductSince(ctx context.Context, id, viewerID int64, since time.Time) (ProductDetail, error) {
	d, err := db.productOffers(ctx, id, viewerID)
	if err != nil {
		return ProductDetail{}, err
	}
	if d.History, err = db.productHistory(ctx, id, viewerID, since); err != nil {
		return ProductDetail{}, err
	}
	if d.LowestEver, err = db.productLowestEver(ctx, id, viewerID); err != nil {
		return ProductDetail{}, err
	}
	return d, nil
}

// productHistory reads the changes of the product's offers visible to viewerID at or after
// since, each offer's last change before since included, oldest first. The anchor is a plain
// value of the MATERIALIZED list, which PostgreSQL prunes each offer's partitions by.
func (db *DB) productHistory(ctx context.Context, id, viewerID int64, since time.Time) ([]PriceChange, error) {
	var from int64
	if !since.IsZero() {
		from = unixMS(since)
	}
	// Prepared once: PostgreSQL then settles on a generic plan pruned at run time, instead of
	// planning every partition for every page view.
	st, err := db.prepared(ctx, `WITH a AS MATERIALIZED (
		SELECT o.id AS offer, o.currency AS currency,
			COALESCE(`+anchorBefore("o.id", "$4", "$3", "$4")+`, $3) AS since
		FROM offers o WHERE o.product_id = $1 AND `+offerVisibleTo+`)
		SELECT p.offer_id, p.changed_at, a.currency, p.price, p.regular_price, p.availability
		FROM a JOIN price_changes p ON p.offer_id = a.offer AND p.changed_at >= a.since
		ORDER BY p.changed_at, p.id`)
	if err != nil {
		return nil, fmt.Errorf("product %d history: %w", id, err)
	}
	rows, err := st.QueryContext(ctx, id, viewerID, from, from-anchorLookBack.Milliseconds())
	if err != nil {
		return nil, fmt.Errorf("product %d history: %w", id, err)
	}
	defer rows.Close()
	var out []PriceChange
	for rows.Next() {
		var c PriceChange
		var at int64
		var avail string
		if err := rows.Scan(&c.OfferID, &at, &c.Currency, &c.Price, &c.RegularPrice, &avail); err != nil {
			return nil, fmt.Errorf("product %d history: %w", id, err)
		}
		c.At, c.Availability = fromMS(at), catalog.Availability(avail)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("product %d history: %w", id, err)
	}
	return out, nil
}

// productLowestEver is the lowest of the stored all-time lows of the product's offers visible
// to viewerID, by currency; a currency none of whose offers was ever buyable is absent.
func (db *DB) productLowestEver(ctx context.Context, id, viewerID int64) (map[string]int64, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT o.currency, MIN(o.all_time_low) FROM offers o
		WHERE o.product_id = $1 AND o.all_time_low > 0 AND `+offerVisibleTo+` GROUP BY o.currency`, id, viewerID)
	if err != nil {
		return nil, fmt.Errorf("product %d lowest price ever: %w", id, err)
	}
	defer rows.Close()
	out := map[string]int64{}
	for rows.Next() {
		var cur string
		var low sql.NullInt64
		if err := rows.Scan(&cur, &low); err != nil {
			return nil, fmt.Errorf("product %d lowest price ever: %w", id, err)
		}
		out[cur] = low.Int64
	}
	return out, rows.Err()
}
