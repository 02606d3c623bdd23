package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// On PostgreSQL, price_changes is partitioned by month of changed_at (migration 00019): a
// partition price_changes_pYYYYMM per UTC month and price_changes_default for rows no partition
// takes. Inserts never fail for want of a partition, but rows in the default partition are
// searched on every history read, so the maintenance job keeps the coming months created ahead
// (EnsurePricePartitions). Retention rewrites whole old months (compactMonth). SQLite has one
// table and none of this: these functions do nothing there.

// PricePartitionsAhead is how many months after the current one EnsurePricePartitions keeps
// created, so that a worker-less spell of that long still writes into real partitions.
const PricePartitionsAhead = 2

// pricePartitionLock serialises partition changes across processes (pg_advisory_xact_lock).
const pricePartitionLock = 0x74616764_00000019

// partitionLockTimeout bounds how long a partition change waits for its locks: a change stuck
// behind a long read would otherwise hold every later reader of price_changes in line behind it.
const partitionLockTimeout = "10s"

// PricePartition is one monthly partition of price_changes on PostgreSQL.
type PricePartition struct {
	// Name is the partition's table name (price_changes_pYYYYMM).
	Name string
	// From and To bound its changed_at: From inclusive, To exclusive.
	From, To time.Time
}

// pricePartitionName names the partition of the month starting at month.
func pricePartitionName(month time.Time) string { return "price_changes_p" + month.Format("200601") }

// PricePartitions lists price_changes' range partitions, oldest first, without the default
// partition. It is empty on SQLite.
func (db *DB) PricePartitions(ctx context.Context) ([]PricePartition, error) {
	if db.dialect != Postgres {
		return nil, nil
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT c.relname, pg_get_expr(c.relpartbound, c.oid)
		FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'price_changes'::regclass`)
	if err != nil {
		return nil, fmt.Errorf("list price_changes partitions: %w", err)
	}
	defer rows.Close()
	var out []PricePartition
	for rows.Next() {
		var name, bound string
		if err := rows.Scan(&name, &bound); err != nil {
			return nil, fmt.Errorf("list price_changes partitions: %w", err)
		}
		if bound == "DEFAULT" {
			continue
		}
		var from, to int64
		if _, err := fmt.Sscanf(bound, "FOR VALUES FROM ('%d') TO ('%d')", &from, &to); err != nil {
			return nil, fmt.Errorf("price_changes partition %s: bound %q is not FROM (ms) TO (ms)", name, bound)
		}
		out = append(out, PricePartition{Name: name, From: fromMS(from), To: fromMS(to)})
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list price_changes partitions: %w", err)
	}
	slices.SortFunc(out, func(a, b PricePartition) int { return a.From.Compare(b.From) })
	return out, nil
}

// EnsurePricePartitions creates the partitions of now's month and the PricePartitionsAhead
// months after it that do not exist yet, moving any rows the default partition holds for them,
// and returns the names it created. It does nothing on SQLite.
func (db *DB) EnsurePricePartitions(ctx context.Context, now time.Time) ([]string, error) {
	if db.dialect != Postgres {
		return nil, nil
	}
	var created []string
	for m, i := monthStart(now), 0; i <= PricePartitionsAhead; m, i = m.AddDate(0, 1, 0), i+1 {
		ok, err := db.createPricePartition(ctx, m)
		if err != nil {
			return created, err
		}
		if ok {
			created = append(created, pricePartitionName(m))
		}
	}
	return created, nil
}

// createPricePartition creates the partition of the month starting at month unless it exists.
// It is built as a table of its own, filled with the default partition's rows of that month,
// and attached: CREATE TABLE … PARTITION OF would fail while the default partition holds any.
func (db *DB) createPricePartition(ctx context.Context, month time.Time) (bool, error) {
	name := pricePartitionName(month)
	from, to := strconv.FormatInt(unixMS(month), 10), strconv.FormatInt(unixMS(month.AddDate(0, 1, 0)), 10)
	created := false
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if err := lockPartitions(ctx, tx); err != nil {
			return err
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, name).Scan(&exists); err != nil || exists {
			return err
		}
		for _, q := range []string{
			`CREATE TABLE ` + name + ` (LIKE price_changes INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`,
			`INSERT INTO ` + name + ` SELECT * FROM price_changes_default WHERE changed_at >= ` + from + ` AND changed_at < ` + to,
			`DELETE FROM price_changes_default WHERE changed_at >= ` + from + ` AND changed_at < ` + to,
			`ALTER TABLE price_changes ATTACH PARTITION ` + name + ` FOR VALUES FROM (` + from + `) TO (` + to + `)`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("create price_changes partition %s: %w", name, err)
			}
		}
		created = true
		return nil
	})
	return created, err
}

// lockPartitions takes the cluster-wide partition lock for tx and bounds its lock waits.
func lockPartitions(ctx context.Context, tx *sql.Tx) error {
	if _, err := tx.ExecContext(ctx, `SET LOCAL lock_timeout = '`+partitionLockTimeout+`'`); err != nil {
		return err
	}
	_, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(pricePartitionLock))
	return err
}

// compactMonth compacts the month starting at month (PostgreSQL) and records the month's end as
// the progress mark, in one transaction. A month with its own partition is rewritten whole
// (rewritePricePartition); one without (its rows, if any, are in the default partition) is
// compacted row by row.
func (db *DB) compactMonth(ctx context.Context, month time.Time) (end time.Time, removed int64, rewritten bool, err error) {
	end = month.AddDate(0, 1, 0)
	name := pricePartitionName(month)
	err = db.InTx(ctx, func(tx *sql.Tx) error {
		if err := lockPartitions(ctx, tx); err != nil {
			return err
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT to_regclass($1) IS NOT NULL`, name).Scan(&exists); err != nil {
			return err
		}
		var err error
		if exists {
			removed, err = rewritePricePartition(ctx, tx, name, month, end)
			rewritten = err == nil
		} else {
			removed, err = compactPriceRange(ctx, tx, month, end)
		}
		if err != nil {
			return err
		}
		return setSettingTx(ctx, tx, priceCompactedSetting, strconv.FormatInt(unixMS(end), 10))
	})
	return end, removed, rewritten, err
}

// rewritePricePartition replaces a partition's rows by the rows compaction keeps (see
// compactPriceRange): they are copied aside, the partition is truncated and refilled. Writes to
// the partition wait from the start (EXCLUSIVE lock), reads only during the truncate and refill.
// Unlike deleting, truncating leaves no dead rows for VACUUM: the old file is gone at commit.
func rewritePricePartition(ctx context.Context, tx *sql.Tx, name string, from, to time.Time) (int64, error) {
	var before, kept int64
	steps := []struct {
		q    string
		rows *int64
	}{
		{`LOCK TABLE ` + name + ` IN EXCLUSIVE MODE`, nil},
		{`SELECT COUNT(*) FROM ` + name, &before},
		{`CREATE TEMP TABLE price_changes_kept ON COMMIT DROP AS
			SELECT id, offer_id, changed_at, price, regular_price, availability, feed_run_id FROM (
				SELECT *,
					ROW_NUMBER() OVER (PARTITION BY offer_id, changed_at / ` + dayMSText + `
						ORDER BY changed_at DESC, id DESC) AS closing,
					ROW_NUMBER() OVER (PARTITION BY offer_id, changed_at / ` + dayMSText + `
						ORDER BY CASE WHEN price > 0 AND availability <> 'out_of_stock' THEN 0 ELSE 1 END, price, changed_at, id) AS lowest
				FROM ` + name + `) d
			WHERE closing = 1 OR (lowest = 1 AND price > 0 AND availability <> 'out_of_stock')`, nil},
		{`SELECT COUNT(*) FROM price_changes_kept`, &kept},
	}
	for _, s := range steps {
		var err error
		if s.rows != nil {
			err = tx.QueryRowContext(ctx, s.q).Scan(s.rows)
		} else {
			_, err = tx.ExecContext(ctx, s.q)
		}
		if err != nil {
			return 0, fmt.Errorf("rewrite price_changes partition %s: %w", name, err)
		}
	}
	if kept < before {
		for _, q := range []string{
			`TRUNCATE ` + name,
			`INSERT INTO ` + name + ` SELECT * FROM price_changes_kept`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return 0, fmt.Errorf("rewrite price_changes partition %s (%s to %s): %w", name,
					from.Format(time.DateOnly), to.Format(time.DateOnly), err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `DROP TABLE price_changes_kept`); err != nil {
		return 0, fmt.Errorf("rewrite price_changes partition %s: %w", name, err)
	}
	return before - kept, nil
}
