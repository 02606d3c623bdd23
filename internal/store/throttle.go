package store

import (
	"context"
	"fmt"
	"time"
)

// Rate limits (sign-in failures, mail requests, tracked pages) are counted in the database so
// that every tagdrop process sharing it applies the same limit: with several web nodes behind a
// load balancer a per-process count would multiply each budget by the number of nodes. Keys are
// opaque to the store; the web layer passes hashes, never addresses.

// ThrottleRecent returns the times of the newest hits (at most limit) of key in scope after
// since, newest first.
func (db *DB) ThrottleRecent(ctx context.Context, scope, key string, since time.Time, limit int) ([]time.Time, error) {
	ms, err := queryColumn[int64](ctx, db.sql, `SELECT at FROM throttle_hits WHERE scope = $1 AND key = $2 AND at > $3
		ORDER BY at DESC LIMIT $4`, scope, key, unixMS(since), limit)
	if err != nil {
		return nil, fmt.Errorf("throttle %s: %w", scope, err)
	}
	out := make([]time.Time, len(ms))
	for i, m := range ms {
		out[i] = time.UnixMilli(m).UTC()
	}
	return out, nil
}

// ThrottleHit records one hit at time at against each key in scope.
func (db *DB) ThrottleHit(ctx context.Context, scope string, keys []string, at time.Time) error {
	if len(keys) == 0 {
		return nil
	}
	args := make([]any, 0, 3*len(keys))
	for _, k := range keys {
		args = append(args, scope, k, unixMS(at))
	}
	_, err := db.sql.ExecContext(ctx, `INSERT INTO throttle_hits (scope, key, at) VALUES `+db.placeholders().valueRows(len(keys), 3), args...)
	if err != nil {
		return fmt.Errorf("throttle %s: %w", scope, err)
	}
	return nil
}

// ThrottleReset forgets key's hits in scope (a successful sign-in of that address).
func (db *DB) ThrottleReset(ctx context.Context, scope, key string) error {
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM throttle_hits WHERE scope = $1 AND key = $2`, scope, key); err != nil {
		return fmt.Errorf("throttle %s: %w", scope, err)
	}
	return nil
}

// SweepThrottle deletes every hit at or before before, in every scope, and says how many.
func (db *DB) SweepThrottle(ctx context.Context, before time.Time) (int64, error) {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM throttle_hits WHERE at <= $1`, unixMS(before))
	if err != nil {
		return 0, fmt.Errorf("sweep throttle: %w", err)
	}
	return res.RowsAffected()
}
