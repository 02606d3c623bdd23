package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// History marks (migration 00021): each offer keeps the change that was in force at a recent
// UTC month start, its mark, so that the product chart, which starts ProductHistoryWindow back
// with the change in force then, needs no row older than the month before its start. Without
// them, finding that change probes every older monthly partition on PostgreSQL.
//
// A mark stays true because price changes are only appended at the time of their import
// (now), never months back, and because the change is stored on the offer, not pointed at:
// retention may compact its day without changing what it says.

// HistoryMark is the month start (UTC) that AdvanceHistoryMarks moves offers' marks up to at
// now: the first of the month holding now − ProductHistoryWindow, so a chart drawn at now
// starts in its offers' mark's month (or the month after, for a mark one month behind).
func HistoryMark(now time.Time) time.Time {
	return monthStart(now.Add(-ProductHistoryWindow).UTC())
}

// historyMarkBatch is how many offer ids one transaction of AdvanceHistoryMarks covers: short
// transactions, so an import waiting for one of those offers waits little.
const historyMarkBatch = 2000

// AdvanceHistoryMarks sets every offer's history mark to HistoryMark(now), with the offer's
// last price change before it: the newest between the old mark and the new one (one or two
// monthly partitions), or in the whole history for an offer never marked; the stored one when
// there is none in between. Marks only move forward. It returns how many offers it moved.
func (db *DB) AdvanceHistoryMarks(ctx context.Context, now time.Time) (int64, error) {
	mark := unixMS(HistoryMark(now))
	var top sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT max(id) FROM offers`).Scan(&top); err != nil {
		return 0, fmt.Errorf("advance price history marks: %w", err)
	}
	var moved int64
	for lo := int64(0); lo < top.Int64; lo += historyMarkBatch {
		n, err := db.advanceHistoryMarks(ctx, mark, lo, lo+historyMarkBatch)
		if err != nil {
			return moved, fmt.Errorf("advance price history marks of offers %d to %d: %w", lo+1, lo+historyMarkBatch, err)
		}
		moved += n
	}
	return moved, nil
}

// advanceHistoryMarks moves the marks of offers with ids in (lo, hi] to mark, in one
// transaction: it takes those offers, then stores the change in force for those with a newer
// one, then the marks. On PostgreSQL it skips offers an import holds (they move next round),
// so it never makes an import wait or deadlock; SQLite's one writer makes that moot.
func (db *DB) advanceHistoryMarks(ctx context.Context, mark, lo, hi int64) (int64, error) {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()
	target, args := `id > $2 AND id <= $3 AND (history_mark IS NULL OR history_mark < $1)`, []any{mark, lo, hi}
	if db.dialect == Postgres {
		ids, err := queryColumn[int64](ctx, tx, `SELECT id FROM offers WHERE `+target+` FOR UPDATE SKIP LOCKED`, args...)
		if err != nil || len(ids) == 0 {
			return 0, err
		}
		target, args = `id = ANY($2)`, []any{mark, ids}
	}
	const between = `FROM price_changes b WHERE b.offer_id = offers.id
		AND b.changed_at >= COALESCE(offers.history_mark, ` + minTime + `) AND b.changed_at < $1`
	if _, err := tx.ExecContext(ctx, `UPDATE offers SET
		(history_mark_at, history_mark_price, history_mark_regular_price, history_mark_availability) = (
			SELECT b.changed_at, b.price, b.regular_price, b.availability `+between+`
			ORDER BY b.changed_at DESC, b.id DESC LIMIT 1)
		WHERE `+target+` AND EXISTS (SELECT 1 `+between+`)`, args...); err != nil {
		return 0, err
	}
	r, err := tx.ExecContext(ctx, `UPDATE offers SET history_mark = $1 WHERE `+target, args...)
	if err != nil {
		return 0, err
	}
	n, err := r.RowsAffected()
	if err != nil {
		return 0, err
	}
	return n, tx.Commit()
}

// minTime is SQL for a time before any price change (stored times may be zero or negative in
// tests and imported archives).
const minTime = `-9223372036854775807`
