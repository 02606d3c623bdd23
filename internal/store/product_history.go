package store

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strconv"
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
// since, with each offer's change in force at since (the last, by id, at the last instant
// before since); every change when since is zero. Oldest first, offers in id order at one
// instant, an offer's changes at one instant in the order written.
//
// One statement reads the changes from the month before since's month on (lo): the chart's
// months and one more, which is all PostgreSQL reads. The change in force at since is the
// newest of those before since; when there is none, it is the one stored with the offer's
// history mark (price_history_marks.go), provided the mark lies between lo and since, so that
// nothing between the mark and since was left unread. Only an offer without such a mark (new
// since the maintenance job last ran) is looked up further back, by inForceBefore.
func (db *DB) productHistory(ctx context.Context, id, viewerID int64, since time.Time) ([]PriceChange, error) {
	from, lo := int64(-math.MaxInt64), int64(-math.MaxInt64)
	if !since.IsZero() {
		from = unixMS(since)
		lo = min(from, unixMS(monthStart(since.UTC()).AddDate(0, -1, 0)))
	}
	// lo is written into the statement, not bound: it changes once a month, so the statement
	// is prepared once a month per process (the cache keeps one more statement a month), and
	// PostgreSQL prunes the partitions before lo when it plans it. Bound, a generic plan would
	// keep every partition and lock them all at each run (PostgreSQL 15).
	st, err := db.prepared(ctx, `WITH a AS MATERIALIZED (
		SELECT o.id AS offer, o.currency AS currency, o.history_mark AS mark, o.history_mark_at AS mark_at,
			o.history_mark_price AS mark_price, o.history_mark_regular_price AS mark_regular,
			o.history_mark_availability AS mark_avail
		FROM offers o WHERE o.product_id = $1 AND `+offerVisibleTo+`)
		SELECT a.offer, a.currency, a.mark, a.mark_at, a.mark_price, a.mark_regular, a.mark_avail,
			p.changed_at, p.price, p.regular_price, p.availability
		FROM a LEFT JOIN price_changes p ON p.offer_id = a.offer AND p.changed_at >= `+strconv.FormatInt(lo, 10)+`
		ORDER BY a.offer, p.changed_at, p.id`)
	if err != nil {
		return nil, fmt.Errorf("product %d history: %w", id, err)
	}
	rows, err := st.QueryContext(ctx, id, viewerID)
	if err != nil {
		return nil, fmt.Errorf("product %d history: %w", id, err)
	}
	var out []PriceChange
	anchors := map[int64]PriceChange{}
	var unmarked []int64
	currency := map[int64]string{}
	flush := func(offer int64, before *PriceChange, mark, markAt sql.NullInt64, markState PriceChange) {
		switch {
		case before != nil:
			anchors[offer] = *before
		case lo == -math.MaxInt64: // the whole history: nothing lies before
		case mark.Valid && mark.Int64 >= lo && mark.Int64 <= from:
			if markAt.Valid {
				anchors[offer] = markState
			}
		default:
			unmarked = append(unmarked, offer)
		}
	}
	var (
		cur          int64
		seen         bool
		before       *PriceChange
		mark, markAt sql.NullInt64
		markState    PriceChange
	)
	for rows.Next() {
		var offer int64
		var c PriceChange
		var m, mAt, mPrice, mRegular, at, price, regular sql.NullInt64
		var mAvail, avail sql.NullString
		if err := rows.Scan(&offer, &c.Currency, &m, &mAt, &mPrice, &mRegular, &mAvail, &at, &price, &regular, &avail); err != nil {
			rows.Close()
			return nil, fmt.Errorf("product %d history: %w", id, err)
		}
		if !seen || offer != cur {
			if seen {
				flush(cur, before, mark, markAt, markState)
			}
			cur, seen, before, mark, markAt = offer, true, nil, m, mAt
			markState = PriceChange{OfferID: offer, At: fromMS(mAt.Int64), Currency: c.Currency, Price: mPrice.Int64,
				RegularPrice: mRegular.Int64, Availability: catalog.Availability(mAvail.String)}
			currency[offer] = c.Currency
		}
		if !at.Valid {
			continue // no change from lo on
		}
		c.OfferID, c.At, c.Price, c.RegularPrice, c.Availability = offer, fromMS(at.Int64), price.Int64, regular.Int64,
			catalog.Availability(avail.String)
		if at.Int64 < from {
			before = &c
			continue
		}
		out = append(out, c)
	}
	if seen {
		flush(cur, before, mark, markAt, markState)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("product %d history: %w", id, err)
	}
	if len(unmarked) > 0 {
		found, err := db.inForceBefore(ctx, unmarked, lo)
		if err != nil {
			return nil, fmt.Errorf("product %d history: %w", id, err)
		}
		for offer, c := range found {
			c.Currency = currency[offer]
			anchors[offer] = c
		}
	}
	for _, c := range anchors {
		out = append(out, c)
	}
	// By time, offers in id order at one instant; an offer's changes at one instant stay in the
	// order they were written (the rows came ordered by offer, time and id).
	slices.SortStableFunc(out, func(a, b PriceChange) int {
		if c := a.At.Compare(b.At); c != 0 {
			return c
		}
		return cmp.Compare(a.OfferID, b.OfferID)
	})
	return out, nil
}

// inForceBefore returns each offer's change in force just before t (its last, by id, at the
// last instant before t); offers with none are absent. On PostgreSQL this probes every monthly
// partition before t: the path for offers without a history mark.
func (db *DB) inForceBefore(ctx context.Context, offers []int64, t int64) (map[int64]PriceChange, error) {
	ph := db.placeholders()
	args := make([]any, 0, len(offers)+1)
	args = append(args, t)
	for _, id := range offers {
		args = append(args, id)
	}
	rows, err := db.sql.QueryContext(ctx, ph.sql(`WITH a AS MATERIALIZED (
		SELECT o.id AS offer, (SELECT max(b.changed_at) FROM price_changes b WHERE b.offer_id = o.id AND b.changed_at < $1) AS at
		FROM offers o WHERE o.id IN (`)+ph.inList(len(offers), 2)+`))
		SELECT p.offer_id, p.changed_at, p.price, p.regular_price, p.availability
		FROM a JOIN price_changes p ON p.offer_id = a.offer AND p.changed_at = a.at
		ORDER BY p.offer_id, p.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("changes in force: %w", err)
	}
	defer rows.Close()
	out := map[int64]PriceChange{}
	for rows.Next() {
		var c PriceChange
		var at int64
		var avail string
		if err := rows.Scan(&c.OfferID, &at, &c.Price, &c.RegularPrice, &avail); err != nil {
			return nil, fmt.Errorf("changes in force: %w", err)
		}
		c.At, c.Availability = fromMS(at), catalog.Availability(avail)
		out[c.OfferID] = c // the last by id wins
	}
	return out, rows.Err()
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
