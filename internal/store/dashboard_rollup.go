package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Click-outs are the dashboard's big table: a busy installation records millions a month, and
// summing a 90-day window from them would read every one. So each finished UTC day is summed
// once into click_days, by dimension (shop, brand, collection, source, product) and key, and
// the dashboard reads those sums for the days before clickDaysUntil and the raw clicks only for
// the days after (today, and any day the job has not reached yet). The answer is the same
// either way; TestClickRollupAgreesWithLive holds the two to it.

// clickDaysKey is the settings key holding the Unix ms before which every day is in click_days.
const clickDaysKey = "click_days_until"

// ClickRollupGrace is how long after a day ends it is summed: the click recorder writes clicks
// a few seconds after they happen, so a day is only final a while after midnight.
const ClickRollupGrace = time.Hour

// clickDaysUntil reads how far click_days reaches (the zero time: nothing rolled up yet).
func clickDaysUntil(ctx context.Context, q queryer) (time.Time, error) {
	var v string
	err := q.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, clickDaysKey).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("click roll-up mark: %w", err)
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("click roll-up mark %q: %w", v, err)
	}
	return fromMS(ms), nil
}

// rollupDayQuery sums one day's clicks ($1 the day's start, $2 its end) by dimension and key.
// Clicks whose product was deleted, or that came from no collection, have no product or
// collection row: like ClicksBy, those dimensions leave them out.
const rollupDayQuery = `SELECT 'retailer', COALESCE(retailer_id, 0), '', COUNT(*) FROM clickouts WHERE at >= $1 AND at < $2 GROUP BY retailer_id
	UNION ALL SELECT 'brand', COALESCE(brand_id, 0), '', COUNT(*) FROM clickouts WHERE at >= $1 AND at < $2 GROUP BY brand_id
	UNION ALL SELECT 'collection', collection_id, '', COUNT(*) FROM clickouts
		WHERE collection_id IS NOT NULL AND at >= $1 AND at < $2 GROUP BY collection_id
	UNION ALL SELECT 'source', 0, source, COUNT(*) FROM clickouts WHERE at >= $1 AND at < $2 GROUP BY source
	UNION ALL SELECT 'product', product_id, '', COUNT(*) FROM clickouts
		WHERE product_id IS NOT NULL AND at >= $1 AND at < $2 GROUP BY product_id`

// RollUpClicks sums every finished day (ended ClickRollupGrace before now) not summed yet into
// click_days, oldest first, and returns how many days it summed. A day's clicks are read
// outside any transaction; its sums are then written in one short transaction with the mark
// that says the day is done, so writers (the click recorder above all) never wait on the
// reading, and a crash or a second worker never counts a day twice. The first run starts at
// the oldest click's day.
func (db *DB) RollUpClicks(ctx context.Context, now time.Time) (int, error) {
	until, err := clickDaysUntil(ctx, db.sql)
	if err != nil {
		return 0, err
	}
	if until.IsZero() {
		var first sql.NullInt64
		if err := db.sql.QueryRowContext(ctx, `SELECT MIN(at) FROM clickouts`).Scan(&first); err != nil {
			return 0, fmt.Errorf("oldest click-out: %w", err)
		}
		if !first.Valid {
			return 0, nil // no clicks yet: start when there are some
		}
		until = DayOf(fromMS(first.Int64))
	}
	n := 0
	for day := until; !day.Add(24*time.Hour + ClickRollupGrace).After(now); day = day.Add(24 * time.Hour) {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if err := db.rollUpDay(ctx, day); err != nil {
			return n, fmt.Errorf("sum the click-outs of %s: %w", day.Format(time.DateOnly), err)
		}
		n++
	}
	return n, nil
}

// rollUpDay sums one day into click_days, unless the mark says it is done already.
func (db *DB) rollUpDay(ctx context.Context, day time.Time) error {
	end := day.Add(24 * time.Hour)
	var rows []any
	err := eachRow(ctx, db.sql, rollupDayQuery, []any{unixMS(day), unixMS(end)}, func(r *sql.Rows) error {
		var dim, text string
		var key, clicks int64
		if err := r.Scan(&dim, &key, &text, &clicks); err != nil {
			return err
		}
		rows = append(rows, dim, unixMS(day), key, text, clicks)
		return nil
	})
	if err != nil {
		return err
	}
	ph := db.placeholders()
	return db.InTx(ctx, func(tx *sql.Tx) error {
		// Another worker may have summed this day meanwhile: the mark decides, read in this
		// transaction (locked on PostgreSQL; SQLite's immediate transaction holds the write lock).
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, '0') ON CONFLICT (key) DO NOTHING`, clickDaysKey); err != nil {
			return err
		}
		var v string
		if err := tx.QueryRowContext(ctx, db.lockSetting(), clickDaysKey).Scan(&v); err != nil {
			return err
		}
		if ms, _ := strconv.ParseInt(v, 10, 64); ms > unixMS(day) {
			return nil
		}
		const cols = 5
		const chunk = maxRowsPerStatement / cols
		for start := 0; start < len(rows)/cols; start += chunk {
			k := min(len(rows)/cols-start, chunk)
			if _, err := tx.ExecContext(ctx, `INSERT INTO click_days (dimension, day, key_id, key_text, clicks) VALUES `+ph.valueRows(k, cols),
				rows[start*cols:(start+k)*cols]...); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, `UPDATE settings SET value = $1 WHERE key = $2`, strconv.FormatInt(unixMS(end), 10), clickDaysKey)
		return err
	})
}

// lockSetting reads a setting for update: PostgreSQL locks the row; SQLite's immediate
// transactions already hold the write lock.
func (db *DB) lockSetting() string {
	if db.dialect == Postgres {
		return `SELECT value FROM settings WHERE key = $1 FOR UPDATE`
	}
	return `SELECT value FROM settings WHERE key = $1`
}

// clickParts splits a window [from, to) into the whole days summed in click_days, [sumFrom,
// sumTo), and the rest, read live: [from, sumFrom) and [sumTo, to). When no whole summed day
// lies inside the window, sumFrom = sumTo = to and the first live part is the whole window.
func clickParts(until, from, to time.Time) (sumFrom, sumTo time.Time) {
	sumFrom = DayOf(from)
	if sumFrom.Before(from) {
		sumFrom = sumFrom.Add(24 * time.Hour)
	}
	sumTo = DayOf(to)
	if until.Before(sumTo) {
		sumTo = until
	}
	if !sumFrom.Before(sumTo) {
		return to, to
	}
	return sumFrom, sumTo
}

// clickWindowArgs are the bind values of a query over summed and live clicks: $1–$2 the summed
// days, $3–$4 and $5–$6 the live parts.
func (db *DB) clickWindowArgs(ctx context.Context, from, to time.Time) ([]any, error) {
	until, err := clickDaysUntil(ctx, db.sql)
	if err != nil {
		return nil, err
	}
	sumFrom, sumTo := clickParts(until, from, to)
	return []any{unixMS(sumFrom), unixMS(sumTo), unixMS(from), unixMS(sumFrom), unixMS(sumTo), unixMS(to)}, nil
}

// liveClicks is the condition that picks the live parts of a window (see clickWindowArgs).
const liveClicks = `((at >= $3 AND at < $4) OR (at >= $5 AND at < $6))`
