package store

import (
	"context"
	"fmt"
	"time"
)

// FeedRun statuses.
const (
	RunRunning = "running"
	RunOK      = "ok"
	RunFailed  = "failed"
	// RunSuppressed is a complete feed that read far fewer items than the retailer's last good
	// one: most likely a broken export, so it changed nothing (FeedRun.Reason says why).
	RunSuppressed = "suppressed"
)

// FeedRun is one import of one feed: what came in and what it did. A run left "running" was
// cut short by a crash; its committed batches stand.
type FeedRun struct {
	ID                                            int64
	RetailerID                                    int64
	Source                                        string
	Format                                        string
	Status                                        string
	ObservedAt                                    time.Time
	StartedAt                                     time.Time
	FinishedAt                                    time.Time
	Read, New, Changed, Unchanged, Rejected, Gone int
	// ErrorsJSON is the run's row errors as a JSON array (capped by the importer).
	ErrorsJSON string
	// Full says the run was a retailer's complete catalogue (ingest.Options.Full).
	Full bool
	// Reason says why a run failed or was suppressed; "" for a good run.
	Reason string
}

// MarkFullFeedRun records that a run reads a retailer's complete catalogue, so that a later
// complete feed can be checked against its size once it succeeded.
func (db *DB) MarkFullFeedRun(ctx context.Context, runID int64) error {
	if _, err := db.sql.ExecContext(ctx, `UPDATE feed_runs SET full_feed = 1 WHERE id = $1`, runID); err != nil {
		return fmt.Errorf("mark feed run %d complete: %w", runID, err)
	}
	return nil
}

// FinishFeedRun records a run's outcome: its status, format, counts and reason from run (Full
// is set by MarkFullFeedRun, not here). A run no longer "running" (another run found its hold
// lapsed and marked it interrupted) keeps that record.
func (db *DB) FinishFeedRun(ctx context.Context, run FeedRun) error {
	errs := run.ErrorsJSON
	if errs == "" {
		errs = "[]"
	}
	_, err := db.sql.ExecContext(ctx, `UPDATE feed_runs SET status = $1, format = $2, finished_at = $3,
		read_count = $4, new_count = $5, changed_count = $6, unchanged_count = $7, rejected_count = $8, gone_count = $9, errors = $10,
		reason = $11 WHERE id = $12 AND status = $13`, run.Status, run.Format, db.nowMS(),
		run.Read, run.New, run.Changed, run.Unchanged, run.Rejected, run.Gone, errs, run.Reason, run.ID, RunRunning)
	if err != nil {
		return fmt.Errorf("finish feed run %d: %w", run.ID, err)
	}
	return nil
}

// FeedRunByID reads one run back.
func (db *DB) FeedRunByID(ctx context.Context, id int64) (FeedRun, error) {
	var r FeedRun
	var observed, started int64
	var finished, retailer *int64
	var full int64
	err := db.sql.QueryRowContext(ctx, `SELECT id, retailer_id, source, format, status, observed_at, started_at, finished_at,
		read_count, new_count, changed_count, unchanged_count, rejected_count, gone_count, errors, full_feed, reason
		FROM feed_runs WHERE id = $1`, id).
		Scan(&r.ID, &retailer, &r.Source, &r.Format, &r.Status, &observed, &started, &finished,
			&r.Read, &r.New, &r.Changed, &r.Unchanged, &r.Rejected, &r.Gone, &r.ErrorsJSON, &full, &r.Reason)
	if err != nil {
		return FeedRun{}, fmt.Errorf("feed run %d: %w", id, notFound(err))
	}
	r.Full = full != 0
	if retailer != nil {
		r.RetailerID = *retailer
	}
	r.ObservedAt, r.StartedAt = fromMS(observed), fromMS(started)
	if finished != nil {
		r.FinishedAt = fromMS(*finished)
	}
	return r, nil
}

// LastObservedAt is the observation time of the retailer's newest successful run, or of the
// newest complete feed whose offers were marked seen (a run may fail after that mark, in its
// last steps), whichever is later; the zero time when there is neither.
func (db *DB) LastObservedAt(ctx context.Context, retailerID int64) (time.Time, error) {
	var last *int64
	err := db.sql.QueryRowContext(ctx, `SELECT MAX(t) FROM (
		SELECT MAX(observed_at) AS t FROM feed_runs WHERE retailer_id = $1 AND status = $2
		UNION ALL SELECT full_feed_seen_at FROM retailers WHERE id = $1) AS times`,
		retailerID, RunOK).Scan(&last)
	if err != nil {
		return time.Time{}, fmt.Errorf("last observation of retailer %d: %w", retailerID, err)
	}
	if last == nil {
		return time.Time{}, nil
	}
	return fromMS(*last), nil
}

// LastGoodFullRun is the retailer's newest successful complete-feed run (ErrNotFound when it has
// none): the size a new complete feed is checked against.
func (db *DB) LastGoodFullRun(ctx context.Context, retailerID int64) (FeedRun, error) {
	var id int64
	err := db.sql.QueryRowContext(ctx, `SELECT id FROM feed_runs WHERE retailer_id = $1 AND status = $2 AND full_feed = 1
		ORDER BY observed_at DESC, id DESC LIMIT 1`, retailerID, RunOK).Scan(&id)
	if err != nil {
		return FeedRun{}, fmt.Errorf("last complete run of retailer %d: %w", retailerID, notFound(err))
	}
	return db.FeedRunByID(ctx, id)
}
