package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// FeedRunTally counts the import runs of a window by outcome (feed_runs_started bounds it).
type FeedRunTally struct {
	OK, NotModified, Failed, Suppressed, Running int64
}

// Total is every run counted.
func (t FeedRunTally) Total() int64 {
	return t.OK + t.NotModified + t.Failed + t.Suppressed + t.Running
}

// FeedRunsBetween counts the import runs started in [from, to) by status: scheduled refreshes
// and command-line imports alike.
func (db *DB) FeedRunsBetween(ctx context.Context, from, to time.Time) (FeedRunTally, error) {
	var t FeedRunTally
	err := eachRow(ctx, db.sql, `SELECT status, COUNT(*) FROM feed_runs WHERE started_at >= $1 AND started_at < $2 GROUP BY status`,
		[]any{unixMS(from), unixMS(to)}, func(rows *sql.Rows) error {
			var status string
			var n int64
			if err := rows.Scan(&status, &n); err != nil {
				return err
			}
			switch status {
			case RunOK:
				t.OK = n
			case RunNotModified:
				t.NotModified = n
			case RunFailed:
				t.Failed = n
			case RunSuppressed:
				t.Suppressed = n
			default:
				t.Running += n
			}
			return nil
		})
	if err != nil {
		return FeedRunTally{}, fmt.Errorf("feed runs by status: %w", err)
	}
	return t, nil
}

// FeedRunProblem is a run that failed or was suppressed.
type FeedRunProblem struct {
	ID        int64
	Retailer  string
	Source    string
	Status    string
	StartedAt time.Time
	Read      int
	Reason    string
}

// FeedRunProblems returns the newest failed or suppressed runs started in [from, to), at most
// limit.
func (db *DB) FeedRunProblems(ctx context.Context, from, to time.Time, limit int) ([]FeedRunProblem, error) {
	var out []FeedRunProblem
	err := eachRow(ctx, db.sql, `SELECT fr.id, COALESCE(r.name, ''), fr.source, fr.status, fr.started_at, fr.read_count, fr.reason
		FROM feed_runs fr LEFT JOIN retailers r ON r.id = fr.retailer_id
		WHERE fr.started_at >= $1 AND fr.started_at < $2 AND fr.status IN ($3, $4)
		ORDER BY fr.started_at DESC, fr.id DESC LIMIT $5`,
		[]any{unixMS(from), unixMS(to), RunFailed, RunSuppressed, limit}, func(rows *sql.Rows) error {
			var p FeedRunProblem
			var started int64
			if err := rows.Scan(&p.ID, &p.Retailer, &p.Source, &p.Status, &started, &p.Read, &p.Reason); err != nil {
				return err
			}
			p.StartedAt = fromMS(started)
			out = append(out, p)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("failed and suppressed feed runs: %w", err)
	}
	return out, nil
}
