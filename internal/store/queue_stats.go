package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// QueueJobCount is how many of the cluster's queued jobs of one kind are in one state.
type QueueJobCount struct {
	Kind, State string
	Count       int64
}

// QueueStats is the job queue as metrics show it (internal/queue/metrics.go).
type QueueStats struct {
	// Jobs counts jobs by kind and state, for the states an operator watches: available
	// (waiting for a worker), running, retryable (failed, will retry) and discarded (failed
	// for good; River deletes them after a week). Kinds and states with no job are absent.
	Jobs []QueueJobCount
	// OldestAvailable is, per queue that has available jobs, how long its oldest one has been
	// waiting for a worker (since its scheduled time).
	OldestAvailable map[string]time.Duration
}

// QueueStats reads River's job table: two grouped queries on its (state, queue, …) index.
func (db *DB) QueueStats(ctx context.Context) (QueueStats, error) {
	st := QueueStats{OldestAvailable: map[string]time.Duration{}}
	rows, err := db.sql.QueryContext(ctx, `SELECT kind, state, COUNT(*) FROM river_job
		WHERE state IN ('available', 'running', 'retryable', 'discarded') GROUP BY kind, state ORDER BY kind, state`)
	if err != nil {
		return st, fmt.Errorf("job counts: %w", err)
	}
	for rows.Next() {
		var c QueueJobCount
		if err := rows.Scan(&c.Kind, &c.State, &c.Count); err != nil {
			rows.Close()
			return st, fmt.Errorf("job counts: %w", err)
		}
		st.Jobs = append(st.Jobs, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("job counts: %w", err)
	}
	// Ages are taken on the database's clock, which set scheduled_at.
	q := `SELECT queue, EXTRACT(EPOCH FROM now() - MIN(scheduled_at))::float8 FROM river_job WHERE state = 'available' GROUP BY queue`
	if db.dialect == SQLite {
		q = `SELECT queue, (julianday('now') - julianday(MIN(scheduled_at))) * 86400.0 FROM river_job WHERE state = 'available' GROUP BY queue`
	}
	rows, err = db.sql.QueryContext(ctx, q)
	if err != nil {
		return st, fmt.Errorf("oldest available jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var queue string
		var secs sql.NullFloat64
		if err := rows.Scan(&queue, &secs); err != nil {
			return st, fmt.Errorf("oldest available jobs: %w", err)
		}
		st.OldestAvailable[queue] = max(0, time.Duration(secs.Float64*float64(time.Second)))
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("oldest available jobs: %w", err)
	}
	return st, nil
}
