package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"time"
)

// Price-history retention: beyond a kept range, an offer's raw price changes are replaced by at
// most two of its own rows per UTC day: the day's low (the row with the lowest price a shopper
// could pay that day, see pricing.Point) and the day's closing row (the state the offer was in
// at the end of the day). Nothing is invented: the rows kept are rows that were there.
//
// What stays exact after compaction:
//   - the all-time low (every day's lowest buyable price is kept);
//   - the state in force at every UTC midnight, hence at the cutoff, so every window that starts
//     at or after the cutoff (the 30-day low, price charts of the kept range, gone/sold out)
//     reads the same history as before;
//   - each offer's newest row, which the importer compares new states with.
//
// What may move: within a compacted day, the times between changes (a price charged for an
// hour is credited to the day's earlier state), so a questionable-discount verdict whose
// reference period (the 30 seen days before a markdown began) reaches behind the cutoff may
// differ, as may the "last price fall" of an offer whose last fall is that old.

// MinPriceRetention is the shortest retention CompactPriceHistory accepts. The figures read the
// 30 days before now and, for a discount, the 30 days before its markdown began; 90 days keeps
// both exact for every markdown shorter than two months.
const MinPriceRetention = 90 * 24 * time.Hour

// priceCompactedSetting records how far retention has compacted (Unix ms): rows before it were
// compacted already, so a pass starts there.
const priceCompactedSetting = "price_history_compacted_before"

// PriceCompaction says what one retention pass did.
type PriceCompaction struct {
	// Before is how far history is now compacted: rows before it hold daily lows and closing
	// states. It is a UTC midnight on SQLite and the first of a UTC month on PostgreSQL, which
	// compacts whole monthly partitions only.
	Before time.Time
	// Removed is how many rows this pass deleted.
	Removed int64
	// Partitions is how many monthly partitions this pass rewrote (PostgreSQL).
	Partitions int
}

// CompactPriceHistory applies retention at now: price changes older than keep (counted back to
// the UTC midnight before now-keep) are compacted to daily lows and closing states (see the top
// of this file). SQLite deletes row by row, one UTC day per transaction; PostgreSQL rewrites each
// whole month that lies before the cutoff (rewritePricePartition), so it keeps up to a month more
// raw history than asked. Each step records its progress in the same transaction, so an
// interrupted pass resumes where it stopped, and a step repeated changes nothing.
func (db *DB) CompactPriceHistory(ctx context.Context, now time.Time, keep time.Duration) (PriceCompaction, error) {
	if keep < MinPriceRetention {
		return PriceCompaction{}, fmt.Errorf("price history retention %s is shorter than the minimum %s", keep, MinPriceRetention)
	}
	cutoff := dayStart(now.Add(-keep))
	if db.dialect == Postgres {
		cutoff = monthStart(cutoff)
	}
	from, ok, err := db.compactedBefore(ctx)
	if err != nil {
		return PriceCompaction{}, err
	}
	if !ok {
		if from, ok, err = db.oldestPriceChange(ctx); err != nil || !ok {
			return PriceCompaction{Before: from}, err
		}
	}
	res := PriceCompaction{Before: from}
	for res.Before.Before(cutoff) {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		var end time.Time
		var removed int64
		var rewritten bool
		if db.dialect == Postgres {
			end, removed, rewritten, err = db.compactMonth(ctx, monthStart(res.Before))
		} else {
			end, removed, err = db.compactNextDay(ctx, res.Before, cutoff)
		}
		if err != nil {
			return res, fmt.Errorf("price history retention at %s: %w", res.Before.Format(time.DateOnly), err)
		}
		res.Before, res.Removed = end, res.Removed+removed
		if rewritten {
			res.Partitions++
		}
	}
	return res, nil
}

// compactedBefore reads how far earlier passes got; ok is false before the first pass.
func (db *DB) compactedBefore(ctx context.Context) (time.Time, bool, error) {
	v, err := db.Setting(ctx, priceCompactedSetting)
	if errors.Is(err, ErrNotFound) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, err
	}
	ms, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("setting %q is %q, not Unix milliseconds", priceCompactedSetting, v)
	}
	return fromMS(ms), true, nil
}

// oldestPriceChange is where a first pass starts: the UTC midnight (PostgreSQL: month) of the
// oldest row. On PostgreSQL it reads the partition bounds and the default partition rather than
// scanning every partition; an empty first partition costs one cheap rewrite.
func (db *DB) oldestPriceChange(ctx context.Context) (time.Time, bool, error) {
	var oldest sql.NullInt64
	q := `SELECT MIN(changed_at) FROM price_changes`
	if db.dialect == Postgres {
		parts, err := db.PricePartitions(ctx)
		if err != nil {
			return time.Time{}, false, err
		}
		q = `SELECT MIN(changed_at) FROM price_changes_default`
		if len(parts) > 0 {
			q = `SELECT LEAST(MIN(changed_at), ` + strconv.FormatInt(unixMS(parts[0].From), 10) + `) FROM price_changes_default`
		}
	}
	if err := db.sql.QueryRowContext(ctx, q).Scan(&oldest); err != nil {
		return time.Time{}, false, fmt.Errorf("oldest price change: %w", err)
	}
	if !oldest.Valid {
		return time.Time{}, false, nil
	}
	return dayStart(fromMS(oldest.Int64)), true, nil
}

// compactNextDay compacts the first UTC day at or after from that has rows, if it is before
// cutoff, in one transaction with the progress mark. It returns where the next step starts.
func (db *DB) compactNextDay(ctx context.Context, from, cutoff time.Time) (time.Time, int64, error) {
	var next sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MIN(changed_at) FROM price_changes WHERE changed_at >= $1`,
		unixMS(from)).Scan(&next); err != nil {
		return from, 0, err
	}
	if !next.Valid || next.Int64 >= unixMS(cutoff) {
		return cutoff, 0, db.SetSetting(ctx, priceCompactedSetting, strconv.FormatInt(unixMS(cutoff), 10))
	}
	day := dayStart(fromMS(next.Int64))
	end := day.Add(24 * time.Hour)
	var removed int64
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if removed, err = compactPriceRange(ctx, tx, day, end); err != nil {
			return err
		}
		return setSettingTx(ctx, tx, priceCompactedSetting, strconv.FormatInt(unixMS(end), 10))
	})
	return end, removed, err
}

// compactPriceRange deletes, among the rows in [from, to), every row that is neither its offer's
// closing row of the day nor the day's lowest buyable price (earliest on a tie). Sold-out rows
// and zero prices are not buyable (pricing.Point), exactly as the figures count them.
func compactPriceRange(ctx context.Context, tx *sql.Tx, from, to time.Time) (int64, error) {
	r, err := tx.ExecContext(ctx, `DELETE FROM price_changes WHERE changed_at >= $1 AND changed_at < $2 AND id IN (
		SELECT id FROM (
			SELECT id, price, availability,
				ROW_NUMBER() OVER (PARTITION BY offer_id, changed_at / `+dayMSText+`
					ORDER BY changed_at DESC, id DESC) AS closing,
				ROW_NUMBER() OVER (PARTITION BY offer_id, changed_at / `+dayMSText+`
					ORDER BY CASE WHEN price > 0 AND availability <> 'out_of_stock' THEN 0 ELSE 1 END, price, changed_at, id) AS lowest
			FROM price_changes WHERE changed_at >= $1 AND changed_at < $2) d
		WHERE closing > 1 AND NOT (lowest = 1 AND price > 0 AND availability <> 'out_of_stock'))`,
		unixMS(from), unixMS(to))
	if err != nil {
		return 0, fmt.Errorf("compact price changes from %s to %s: %w", from.Format(time.DateOnly), to.Format(time.DateOnly), err)
	}
	return r.RowsAffected()
}

// setSettingTx is SetSetting inside a transaction.
func setSettingTx(ctx context.Context, tx *sql.Tx, key, value string) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return fmt.Errorf("set setting %q: %w", key, err)
	}
	return nil
}

// dayStart is the UTC midnight at or before t.
func dayStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// monthStart is the first instant of t's UTC month.
func monthStart(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
}
