package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
)

// Sharded digest runs (issue 8): a planner job splits the shoppers due into shard jobs, each
// shard stores its digests and, in the same transaction, enqueues the send jobs of the messages
// it stored. These are the store's parts of that: the transaction hook, the planners' lock and
// the hold that keeps the outbox sweep off messages a send job owns.

// digestPlanLock is the PostgreSQL advisory lock a digest planner holds while it reads the shard
// jobs already queued and enqueues its own, so two planners never plan the same shoppers twice.
// An arbitrary constant: "tagdrop-shards" folded into 63 bits.
const digestPlanLock int64 = 0x7461_6764_7368_7264

// StoreDigestsThen is StoreDigests with then run last in the same transaction, given the ids of
// the outbox messages the transaction wrote (none when every digest was empty or stored
// before). An error from then rolls back everything: no digest, no message, nothing then
// wrote (a job enqueued with the transaction, say).
func (db *DB) StoreDigestsThen(ctx context.Context, ds []alerts.DigestRecord, then func(tx *sql.Tx, messageIDs []int64) error) ([]bool, error) {
	return db.storeDigests(ctx, ds, then)
}

// LockDigestPlan serialises digest planners: inside tx (InTx) it waits until no other
// transaction holds the plan lock, which tx then holds until it ends. On PostgreSQL that is a
// transaction-scoped advisory lock; on SQLite every transaction begins IMMEDIATE and writers
// are serialised already, so there is nothing to take.
func (db *DB) LockDigestPlan(ctx context.Context, tx *sql.Tx) error {
	if db.dialect != Postgres {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock($1)`, digestPlanLock); err != nil {
		return fmt.Errorf("digest plan lock: %w", err)
	}
	return nil
}

// HoldMessages keeps the outbox sweep (ClaimMessages) off the messages for the duration hold:
// inside tx, their next attempt moves to now+hold. A send job claims them at once all the
// same (ClaimMessagesByID); if it never runs, the sweep sends them when the hold ends.
func (db *DB) HoldMessages(ctx context.Context, tx *sql.Tx, ids []int64, hold time.Duration) error {
	ph := db.placeholders()
	until := db.nowMS() + hold.Milliseconds()
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := append([]any{until}, int64Args(part)...)
		if _, err := tx.ExecContext(ctx, ph.sql(`UPDATE messages SET next_attempt_at = $1 WHERE status = 'queued' AND id IN (`)+
			ph.inList(len(part), 2)+`)`, args...); err != nil {
			return fmt.Errorf("hold %d messages for their send job: %w", len(part), err)
		}
	}
	return nil
}
