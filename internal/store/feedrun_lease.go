package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// One import of a retailer at a time. Two imports of the same retailer side by side (a
// scheduled refresh and `tagdrop import` in another process, two shoppers tracking pages of one
// shop) would each decide from what they read at their start: both insert the same new offer,
// a complete feed marks another run's fresh offers as seen, and price rows of two observation
// times interleave in what must be a change log in time order. So a run holds its retailer
// while it is "running" and its heartbeat is fresh; StartFeedRun refuses a second one.
//
// The hold needs no cleanup after a crash: a process that dies stops renewing its heartbeat
// and its hold lapses after FeedRunLease; on the same host it lapses at once, as the process
// named in the run's holder is gone.
//
// Heartbeats and lapses are told by one clock: on PostgreSQL the database server's, since the
// importing processes may run on hosts whose clocks disagree (one running two minutes behind
// would see every other host's hold as lapsed); on SQLite, one host's.

// FeedRunHeartbeat is how often a running import renews its hold on its retailer (TouchFeedRun).
const FeedRunHeartbeat = 20 * time.Second

// FeedRunLease is how long a run's hold outlasts its last heartbeat.
const FeedRunLease = 2 * time.Minute

// ErrRetailerBusy is returned (wrapped in a *BusyError) by StartFeedRun when another run of the
// same retailer holds it.
var ErrRetailerBusy = errors.New("another import of this retailer is running")

// BusyError names the run that holds a retailer.
type BusyError struct {
	RunID     int64
	Source    string
	StartedAt time.Time
	// Holder is the process that runs it ("host pid", then its process-id namespace where
	// the system has one).
	Holder string
	// LapsesAt is when the hold ends if that run stops renewing it.
	LapsesAt time.Time
}

func (e *BusyError) Error() string {
	return fmt.Sprintf("%v: run %d (%s, started %s by %s); if that process died, its hold lapses at %s",
		ErrRetailerBusy, e.RunID, e.Source, e.StartedAt.UTC().Format(time.RFC3339), e.Holder, e.LapsesAt.UTC().Format(time.RFC3339))
}

// Unwrap makes errors.Is(err, ErrRetailerBusy) true.
func (e *BusyError) Unwrap() error { return ErrRetailerBusy }

// thisProcess is the holder written on runs this process starts: its host name, process id
// and, where the system has them, the id of its process-id namespace and the kernel's boot id
// ("pid:[4026531836]@5f0c…" on Linux): containers of one host may share a host name but never
// see each other's processes, and every host's first namespace has the same id, so two hosts
// of one name are told apart by their boot ids.
var thisProcess = func() string {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "unknown-host"
	}
	h := strings.ReplaceAll(host, " ", "_") + " " + strconv.Itoa(os.Getpid())
	if ns := pidNamespace(); ns != "" {
		h += " " + strings.ReplaceAll(ns, " ", "_")
	}
	return h
}()

// StartFeedRun records that an import of the retailer began and holds the retailer for it (see
// above); price changes the run writes point back to it. It fails with a *BusyError when another
// run holds the retailer. A run left "running" whose hold has lapsed (its process died) is marked
// failed on the way, so the feed health page stops showing it as running.
func (db *DB) StartFeedRun(ctx context.Context, retailerID int64, source, format string, observedAt time.Time) (int64, error) {
	var id int64
	err := db.startRunTx(ctx, func(tx *sql.Tx) error {
		if db.dialect == Postgres {
			// Two starters of one retailer queue here; SQLite's write lock (every transaction
			// is begun IMMEDIATE) does the same there. NO KEY UPDATE does not wait behind the
			// key-share locks an import's inserts of rows pointing at the retailer take.
			if _, err := tx.ExecContext(ctx, `SELECT id FROM retailers WHERE id = $1 FOR NO KEY UPDATE`, retailerID); err != nil {
				return fmt.Errorf("hold retailer %d: %w", retailerID, err)
			}
		}
		now, err := db.leaseNowMS(ctx, tx)
		if err != nil {
			return err
		}
		if err := db.checkRetailerFree(ctx, tx, retailerID, now); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO feed_runs (retailer_id, source, format, status, observed_at, started_at, heartbeat_at, holder)
			VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING id`, retailerID, source, format, RunRunning, unixMS(observedAt), now, thisProcess).Scan(&id)
	})
	if err != nil {
		return 0, fmt.Errorf("start feed run for %s: %w", source, err)
	}
	return id, nil
}

// startRunTx runs fn in a transaction that sees rows committed while it waited for the
// retailer's row lock: READ COMMITTED on PostgreSQL whatever the server's default (under
// REPEATABLE READ the snapshot would predate the winner's run, and two starters would both
// win). SQLite's transactions are serializable already.
func (db *DB) startRunTx(ctx context.Context, fn func(*sql.Tx) error) error {
	var opts *sql.TxOptions
	if db.dialect == Postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelReadCommitted}
	}
	return db.inTxWith(ctx, opts, fn)
}

// checkRetailerFree returns a *BusyError when a live run holds the retailer, and marks the
// retailer's running runs whose hold lapsed as failed.
func (db *DB) checkRetailerFree(ctx context.Context, tx *sql.Tx, retailerID, now int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, source, started_at, heartbeat_at, holder FROM feed_runs
		WHERE retailer_id = $1 AND status = $2 AND heartbeat_at IS NOT NULL ORDER BY id`, retailerID, RunRunning)
	if err != nil {
		return fmt.Errorf("runs of retailer %d: %w", retailerID, err)
	}
	var busy *BusyError
	var lapsed []int64
	for rows.Next() {
		var id, started, beat int64
		var source, holder string
		if err := rows.Scan(&id, &source, &started, &beat, &holder); err != nil {
			rows.Close()
			return fmt.Errorf("runs of retailer %d: %w", retailerID, err)
		}
		lapses := beat + FeedRunLease.Milliseconds()
		if lapses <= now || holderGone(holder) {
			lapsed = append(lapsed, id)
			continue
		}
		if busy == nil {
			busy = &BusyError{RunID: id, Source: source, StartedAt: fromMS(started), Holder: holder, LapsesAt: fromMS(lapses)}
		}
	}
	if err := rows.Close(); err != nil {
		return fmt.Errorf("runs of retailer %d: %w", retailerID, err)
	}
	if busy != nil {
		return busy
	}
	for _, id := range lapsed {
		if _, err := tx.ExecContext(ctx, `UPDATE feed_runs SET status = $1, finished_at = $2,
			reason = 'interrupted: the importing process stopped before the run finished; its committed batches stand'
			WHERE id = $3 AND status = $4`, RunFailed, now, id, RunRunning); err != nil {
			return fmt.Errorf("close interrupted run %d: %w", id, err)
		}
	}
	return nil
}

// holderGone reports whether holder names a process that this process could see, on the same
// host and in the same process-id namespace, and that no longer runs. Other processes cannot be
// seen from here (another host, another container): their holds lapse by time alone.
func holderGone(holder string) bool {
	theirs, mine := strings.Fields(holder), strings.Fields(thisProcess)
	if len(theirs) != 3 || len(mine) != 3 || theirs[0] != mine[0] || theirs[2] != mine[2] {
		return false
	}
	n, err := strconv.Atoi(theirs[1])
	if err != nil || n <= 0 {
		return false
	}
	return !processAlive(n)
}

// ErrHoldLost is returned by TouchFeedRun when the run no longer holds its retailer: its
// heartbeat lapsed (the process was paused, a host's clock ran ahead) and another run marked it
// interrupted. The run must stop: another import of the retailer may be running.
var ErrHoldLost = errors.New("the import lost its hold on the retailer (its heartbeat lapsed and another run took over)")

// TouchFeedRun renews a running import's hold on its retailer; the importer calls it every
// FeedRunHeartbeat while the run lasts. It fails with ErrHoldLost when the run is no longer
// running.
func (db *DB) TouchFeedRun(ctx context.Context, runID int64) error {
	now, err := db.leaseNowMS(ctx, db.sql)
	if err != nil {
		return fmt.Errorf("renew feed run %d: %w", runID, err)
	}
	res, err := db.sql.ExecContext(ctx, `UPDATE feed_runs SET heartbeat_at = $1 WHERE id = $2 AND status = $3`,
		now, runID, RunRunning)
	if err != nil {
		return fmt.Errorf("renew feed run %d: %w", runID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("feed run %d: %w", runID, ErrHoldLost)
	}
	return nil
}

// rowQuerier is what leaseNowMS reads the clock through: the pool or a transaction.
type rowQuerier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// leaseNowMS is the time, in Unix milliseconds, that holds and leases (import holds; mail,
// webhook and push claims) are written and judged by: the PostgreSQL server's clock, or this
// process's on SQLite and under a test's clock (SetClock).
func (db *DB) leaseNowMS(ctx context.Context, q rowQuerier) (int64, error) {
	if db.dialect != Postgres || db.clockSet {
		return db.nowMS(), nil
	}
	var ms int64
	if err := q.QueryRowContext(ctx, `SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint`).Scan(&ms); err != nil {
		return 0, fmt.Errorf("read the database clock: %w", err)
	}
	return ms, nil
}
