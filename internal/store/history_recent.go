package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/pricing"
)

// FiguresLookBack is how much recent history a figures refresh reads per offer (plus the point
// in force at its start): the 30-day window, and room for a markdown's 30-day reference period
// before the markdown began, so that markdowns up to two months old are judged from it. Three
// months span four monthly partitions on PostgreSQL (five with the one holding the point in
// force at the start), whatever the history's length. An offer that needs more (a markdown
// older than that from a claim that changed, or a reference period with long sold-out or gone
// spells) is read whole: pricing.RecentFigures says which.
const FiguresLookBack = 90 * pricing.Day

// RecentPriceHistories returns the end of the given offers' price histories, for the figures
// at now, with the offers' stored figures: the points since now − FiguresLookBack and the one in
// force then (with any at its instant), looked for in the anchorLookBack before. An offer with
// no change in those five months gets its current state (offers.price, …, which `tagdrop check`
// holds equal to its newest row) as its one point, at a time known only to be before them,
// which is all pricing.RecentFigures needs of it. An offer that changed in the look-back window
// but not in the anchorLookBack before it is absent: only its whole history can say what was in
// force when the window opened. One statement per thousand offers reads only the months from
// now − FiguresLookBack − anchorLookBack on, so PostgreSQL plans and probes those partitions
// alone.
func (c *CatalogTx) RecentPriceHistories(ctx context.Context, offerIDs []int64, now time.Time) (map[int64]pricing.Recent, error) {
	since := unixMS(now.Add(-FiguresLookBack))
	near := since - anchorLookBack.Milliseconds()
	out := make(map[int64]pricing.Recent, len(offerIDs))
	for start := 0; start < len(offerIDs); start += maxRowsPerStatement {
		part := offerIDs[start:min(len(offerIDs), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)+4)
		args = append(args, near, since)
		for _, id := range part {
			args = append(args, id)
		}
		args = append(args, since, near)
		// MATERIALIZED keeps the anchor a plain value the join compares with, which PostgreSQL
		// prunes partitions by for each offer in turn. Placeholders are in textual order, as
		// SQLite binds them.
		rows, err := c.query(ctx, len(part) == maxRowsPerStatement, `WITH a AS MATERIALIZED (
			SELECT o.id AS offer, COALESCE(o.all_time_low, 0) AS low, o.questionable AS q, COALESCE(o.figures_until, 1) AS until,
				o.price AS price, o.regular_price AS regular, o.availability AS avail,
				(SELECT max(b.changed_at) FROM price_changes b WHERE b.offer_id = o.id AND b.changed_at >= $1 AND b.changed_at < $2) AS anchor
			FROM offers o WHERE o.id IN (`+c.ph.inList(len(part), 3)+`))
			SELECT a.offer, a.low, a.q, a.until, a.price, a.regular, a.avail, CASE WHEN a.anchor IS NULL THEN 0 ELSE 1 END,
				p.changed_at, p.price, p.regular_price, p.availability
			FROM a LEFT JOIN price_changes p ON p.offer_id = a.offer
				AND p.changed_at >= COALESCE(a.anchor, $`+fmt.Sprint(len(part)+3)+`) AND p.changed_at >= $`+fmt.Sprint(len(part)+4)+`
			ORDER BY a.offer, p.changed_at, p.id`, args...)
		if err != nil {
			return nil, fmt.Errorf("load recent price histories: %w", err)
		}
		anchored, current := map[int64]bool{}, map[int64]bool{}
		for rows.Next() {
			var id, low, q, until, anchor int64
			var cur pricing.Point
			var curAvail string
			var at, price, regular sql.NullInt64
			var avail sql.NullString
			if err := rows.Scan(&id, &low, &q, &until, &cur.Price, &cur.RegularPrice, &curAvail, &anchor,
				&at, &price, &regular, &avail); err != nil {
				rows.Close()
				return nil, fmt.Errorf("load recent price histories: %w", err)
			}
			r, seen := out[id]
			if !seen {
				// figures_until 0 means never computed (migration 00002): nothing stored to trust.
				r = pricing.Recent{StoredKnown: until != 0, Stored: pricing.Figures{AllTimeLow: low, Questionable: q != 0}}
				anchored[id] = anchor == 1
			}
			switch {
			case at.Valid:
				r.Points = append(r.Points, pricing.Point{At: fromMS(at.Int64), Price: price.Int64, RegularPrice: regular.Int64,
					Availability: catalog.Availability(avail.String)})
			default: // no change since near: the current state has been in force since before it
				cur.At, cur.Availability = fromMS(near-1), catalog.Availability(curAvail)
				r.Points = append(r.Points, cur)
				current[id] = true
			}
			out[id] = r
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("load recent price histories: %w", err)
		}
		for id, ok := range anchored {
			if !ok && !current[id] {
				delete(out, id) // changed since the window opened, in force then unknown
			}
		}
	}
	return out, nil
}

// figuresFromRecent derives the offers' figures at now from their recent histories, reading
// the whole history of those that need it.
func (c *CatalogTx) figuresFromRecent(ctx context.Context, offerIDs []int64, now time.Time) (map[int64]pricing.Figures, error) {
	recent, err := c.RecentPriceHistories(ctx, offerIDs, now)
	if err != nil {
		return nil, err
	}
	figs := make(map[int64]pricing.Figures, len(offerIDs))
	var whole []int64
	for _, id := range offerIDs {
		r, has := recent[id]
		f, ok := pricing.RecentFigures(r, now)
		if !has || !ok {
			whole = append(whole, id)
			continue
		}
		figs[id] = f
	}
	if len(whole) > 0 {
		hist, err := c.PriceHistories(ctx, whole)
		if err != nil {
			return nil, err
		}
		for _, id := range whole {
			figs[id] = pricing.FiguresAt(hist[id], now)
		}
	}
	return figs, nil
}

// anchorLookBack is how far before a read's start RecentPriceHistories looks for the change in
// force at the start. PostgreSQL cannot stop at the newest partition holding a row when a
// default partition exists, so an unbounded "last change before" probes every older month;
// bounded, it probes three, and only offers unchanged for longer search further.
const anchorLookBack = 62 * pricing.Day
