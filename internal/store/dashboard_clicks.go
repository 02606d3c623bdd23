package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Click-outs as the admin dashboard sums them: the finished days from click_days, the rest
// from clickouts through its time index (dashboard_rollup.go), added up by one key in SQL,
// with names joined onto the few groups kept.

// ClickDimension is what the dashboard groups click-outs by.
type ClickDimension string

// The dimensions ClicksBy knows.
const (
	ClicksByRetailer   ClickDimension = "retailer"
	ClicksByBrand      ClickDimension = "brand"
	ClicksByCollection ClickDimension = "collection"
	ClicksBySource     ClickDimension = "source"
	ClicksByProduct    ClickDimension = "product"
)

// ClickGroup is the click-outs of one retailer, brand, collection, source or product.
type ClickGroup struct {
	// ID is the retailer, brand, collection or product id; 0 for a source, or for clicks whose
	// retailer or brand has since been deleted (Label is then "").
	ID int64
	// Label is the group's name: a retailer's or brand's name, a collection's title, a source,
	// a product's title.
	Label string
	// Brand is a product's brand name (products only).
	Brand  string
	Clicks int64
}

// clickGroupQueries are the statements of ClicksBy: $1–$6 bound the summed and live parts of
// the window (clickWindowArgs), $7 the rows. Groups are ordered by clicks, then by id or name,
// so equal counts list the same way on both databases.
var clickGroupQueries = map[ClickDimension]string{
	ClicksByRetailer: `SELECT k.id, COALESCE(r.name, ''), '', k.n FROM (` + clickUnion("retailer", "COALESCE(retailer_id, 0)", "") + `) k
		LEFT JOIN retailers r ON r.id = k.id ORDER BY k.n DESC, k.id LIMIT $7`,
	ClicksByBrand: `SELECT k.id, COALESCE(b.name, ''), '', k.n FROM (` + clickUnion("brand", "COALESCE(brand_id, 0)", "") + `) k
		LEFT JOIN brands b ON b.id = k.id ORDER BY k.n DESC, k.id LIMIT $7`,
	// Clicks made outside a collection have no collection: they are left out, not a group.
	ClicksByCollection: `SELECT k.id, COALESCE(c.title, ''), '', k.n FROM (` + clickUnion("collection", "collection_id", "collection_id IS NOT NULL") + `) k
		LEFT JOIN collections c ON c.id = k.id ORDER BY k.n DESC, k.id LIMIT $7`,
	ClicksBySource: `SELECT 0, k.label, '', k.n FROM (` + clickUnion("source", "", "") + `) k ORDER BY k.n DESC, k.label LIMIT $7`,
	// Clicks whose product was deleted since are left out: there is nothing to show of them.
	ClicksByProduct: `SELECT k.id, COALESCE(p.title, ''), COALESCE(b.name, ''), k.n FROM (` + clickUnion("product", "product_id", "product_id IS NOT NULL") + `) k
		LEFT JOIN products p ON p.id = k.id LEFT JOIN brands b ON b.id = p.brand_id
		ORDER BY k.n DESC, k.id LIMIT $7`,
}

// clickUnion sums one dimension's clicks over a window: summed days plus live clicks, grouped
// by key (id, or the source's text when id is ""). It yields rows (id, label, n).
func clickUnion(dimension, id, where string) string {
	live := liveClicks
	if where != "" {
		live = where + " AND " + live
	}
	if id == "" {
		return `SELECT 0 AS id, label, CAST(SUM(n) AS BIGINT) AS n FROM (
			SELECT key_text AS label, SUM(clicks) AS n FROM click_days WHERE dimension = '` + dimension + `' AND day >= $1 AND day < $2 GROUP BY key_text
			UNION ALL SELECT source, COUNT(*) FROM clickouts WHERE ` + live + ` GROUP BY source
		) u GROUP BY label`
	}
	return `SELECT id, '' AS label, CAST(SUM(n) AS BIGINT) AS n FROM (
			SELECT key_id AS id, SUM(clicks) AS n FROM click_days WHERE dimension = '` + dimension + `' AND day >= $1 AND day < $2 GROUP BY key_id
			UNION ALL SELECT ` + id + `, COUNT(*) FROM clickouts WHERE ` + live + ` GROUP BY ` + id + `
		) u GROUP BY id`
}

// ClicksBy sums the click-outs made in [from, to) by dim, most clicked first, at most limit
// groups.
func (db *DB) ClicksBy(ctx context.Context, dim ClickDimension, from, to time.Time, limit int) ([]ClickGroup, error) {
	q, ok := clickGroupQueries[dim]
	if !ok {
		return nil, fmt.Errorf("click-outs by %q: not a dimension", dim)
	}
	args, err := db.clickWindowArgs(ctx, from, to)
	if err != nil {
		return nil, err
	}
	var out []ClickGroup
	err = eachRow(ctx, db.sql, q, append(args, limit), func(rows *sql.Rows) error {
		var g ClickGroup
		if err := rows.Scan(&g.ID, &g.Label, &g.Brand, &g.Clicks); err != nil {
			return err
		}
		out = append(out, g)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("click-outs by %s: %w", dim, err)
	}
	return out, nil
}

// DayCount is a count for one UTC day.
type DayCount struct {
	Day   time.Time
	Count int64
}

// ClicksPerDay counts the click-outs of each UTC day in [from, to) that has any, oldest first:
// summed days from their sources' sums, the rest live.
func (db *DB) ClicksPerDay(ctx context.Context, from, to time.Time) ([]DayCount, error) {
	args, err := db.clickWindowArgs(ctx, from, to)
	if err != nil {
		return nil, err
	}
	var out []DayCount
	err = eachRow(ctx, db.sql, `SELECT day, CAST(SUM(n) AS BIGINT) FROM (
			SELECT day / `+dayMSText+` AS day, SUM(clicks) AS n FROM click_days WHERE dimension = 'source' AND day >= $1 AND day < $2 GROUP BY day
			UNION ALL SELECT at / `+dayMSText+`, COUNT(*) FROM clickouts WHERE `+liveClicks+` GROUP BY at / `+dayMSText+`
		) u GROUP BY day ORDER BY day`, args, func(rows *sql.Rows) error {
		var day, n int64
		if err := rows.Scan(&day, &n); err != nil {
			return err
		}
		out = append(out, DayCount{Day: fromMS(day * dayMS), Count: n})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("click-outs per day: %w", err)
	}
	return out, nil
}
