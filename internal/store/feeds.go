package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// RunNotModified is the status of a refresh the server answered with 304 Not Modified: the
// feed was checked and nothing was imported.
const RunNotModified = "not_modified"

// Feed is a registered feed: a retailer's source that tagdrop refreshes on a schedule, with
// what the last refreshes did.
type Feed struct {
	ID           int64
	RetailerID   int64
	RetailerSlug string
	Retailer     string // the retailer's name
	// Source is an http(s) URL or a file path.
	Source string
	// Host is Source's host name ("" for a file): refreshes are capped per host.
	Host      string
	Format    string
	ColumnMap map[string]string
	Currency  string
	// Every is how often the feed is refreshed when all is well.
	Every   time.Duration
	Enabled bool
	// ETag and LastModified are the validators of the last copy fetched, sent with the next
	// request so that an unchanged feed costs one round trip.
	ETag, LastModified string
	LastRunAt          time.Time
	LastSuccessAt      time.Time
	LastError          string
	LastErrorAt        time.Time
	// Failures counts refreshes that failed since the last success; it drives the backoff.
	Failures  int
	NextRunAt time.Time
	CreatedAt time.Time
	// LastRun is the feed's most recent run (zero ID when it has none yet).
	LastRun FeedRun
}

// NewFeed is what registering a feed takes.
type NewFeed struct {
	Retailer  string // name; the retailer is created if new
	Source    string
	Format    string // "" means auto
	ColumnMap map[string]string
	Currency  string
	Every     time.Duration // at least a minute
}

// FeedResult is the outcome of one refresh, recorded on the feed.
type FeedResult struct {
	At   time.Time // when the refresh ended
	Next time.Time // when the feed is due again
	// Err is why the refresh failed; empty for a success (a 304 included).
	Err string
	// ETag and LastModified are the validators to send next time (successes only).
	ETag, LastModified string
}

// feedHost is the host a source is fetched from: a URL's lower-cased host name, "" for a file.
func feedHost(source string) string {
	lower := strings.ToLower(source)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return ""
	}
	u, err := url.Parse(source)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// AddFeed registers a feed, due at once. A feed with the same retailer and source is
// ErrConflict.
func (db *DB) AddFeed(ctx context.Context, nf NewFeed) (Feed, error) {
	if strings.TrimSpace(nf.Source) == "" {
		return Feed{}, fmt.Errorf("add feed: the source is empty")
	}
	if nf.Every < time.Minute {
		return Feed{}, fmt.Errorf("add feed %s: refresh interval %s is under a minute", nf.Source, nf.Every)
	}
	if nf.Format == "" {
		nf.Format = "auto"
	}
	colMap := ""
	if len(nf.ColumnMap) > 0 {
		b, err := json.Marshal(nf.ColumnMap)
		if err != nil {
			return Feed{}, fmt.Errorf("add feed %s: column map: %w", nf.Source, err)
		}
		colMap = string(b)
	}
	r, err := db.EnsureRetailer(ctx, nf.Retailer)
	if err != nil {
		return Feed{}, fmt.Errorf("add feed %s: %w", nf.Source, err)
	}
	now := db.nowMS()
	var id int64
	err = db.sql.QueryRowContext(ctx, `INSERT INTO feeds (retailer_id, source, format, column_map, currency, refresh_minutes,
		enabled, host, next_run_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $9) RETURNING id`,
		r.ID, nf.Source, nf.Format, colMap, strings.ToUpper(nf.Currency), int64(nf.Every/time.Minute),
		feedHost(nf.Source), now, now).Scan(&id)
	if isUniqueViolation(err) {
		return Feed{}, fmt.Errorf("feed %s of %s: %w", nf.Source, r.Name, ErrConflict)
	}
	if err != nil {
		return Feed{}, fmt.Errorf("add feed %s: %w", nf.Source, err)
	}
	return db.FeedByID(ctx, id)
}

// feedColumns is what every feed query selects, in scanFeed's order: the feed, its retailer
// and its last run (NULLs when it has none).
const feedColumns = `f.id, f.retailer_id, r.slug, r.name, f.source, f.host, f.format, f.column_map, f.currency,
	f.refresh_minutes, f.enabled, f.etag, f.last_modified, f.last_run_at, f.last_success_at, f.last_error,
	f.last_error_at, f.failures, f.next_run_at, f.created_at,
	lr.id, lr.format, lr.status, lr.started_at, lr.finished_at, lr.read_count, lr.new_count, lr.changed_count,
	lr.unchanged_count, lr.rejected_count, lr.gone_count, lr.errors`

// feedFrom joins a feed to its retailer and last run.
const feedFrom = ` FROM feeds f JOIN retailers r ON r.id = f.retailer_id LEFT JOIN feed_runs lr ON lr.id = f.last_run_id`

func scanFeed(sc interface{ Scan(...any) error }) (Feed, error) {
	var f Feed
	var colMap string
	var minutes, enabled, created int64
	var lastRun, lastSuccess, lastErrorAt, next *int64
	var runID, runStarted, runFinished *int64
	var runFormat, runStatus, runErrors *string
	var counts [6]*int64
	err := sc.Scan(&f.ID, &f.RetailerID, &f.RetailerSlug, &f.Retailer, &f.Source, &f.Host, &f.Format, &colMap, &f.Currency,
		&minutes, &enabled, &f.ETag, &f.LastModified, &lastRun, &lastSuccess, &f.LastError,
		&lastErrorAt, &f.Failures, &next, &created,
		&runID, &runFormat, &runStatus, &runStarted, &runFinished, &counts[0], &counts[1], &counts[2],
		&counts[3], &counts[4], &counts[5], &runErrors)
	if err != nil {
		return Feed{}, err
	}
	if colMap != "" {
		if err := json.Unmarshal([]byte(colMap), &f.ColumnMap); err != nil {
			return Feed{}, fmt.Errorf("feed %d: stored column map: %w", f.ID, err)
		}
	}
	f.Every = time.Duration(minutes) * time.Minute
	f.Enabled = enabled != 0
	f.LastRunAt, f.LastSuccessAt, f.LastErrorAt, f.NextRunAt = optTime(lastRun), optTime(lastSuccess), optTime(lastErrorAt), optTime(next)
	f.CreatedAt = fromMS(created)
	if runID != nil {
		f.LastRun = FeedRun{ID: *runID, RetailerID: f.RetailerID, Source: f.Source, Format: *runFormat, Status: *runStatus,
			StartedAt: optTime(runStarted), FinishedAt: optTime(runFinished), ErrorsJSON: *runErrors}
		for i, p := range []*int{&f.LastRun.Read, &f.LastRun.New, &f.LastRun.Changed, &f.LastRun.Unchanged, &f.LastRun.Rejected, &f.LastRun.Gone} {
			if counts[i] != nil {
				*p = int(*counts[i])
			}
		}
	}
	return f, nil
}

// optTime reads a nullable millisecond column; NULL is the zero time.
func optTime(ms *int64) time.Time {
	if ms == nil {
		return time.Time{}
	}
	return fromMS(*ms)
}

// FeedByID reads one feed.
func (db *DB) FeedByID(ctx context.Context, id int64) (Feed, error) {
	f, err := scanFeed(db.sql.QueryRowContext(ctx, `SELECT `+feedColumns+feedFrom+` WHERE f.id = $1`, id))
	if err != nil {
		return Feed{}, fmt.Errorf("feed %d: %w", id, notFound(err))
	}
	return f, nil
}

// Feeds lists every registered feed by retailer, then source.
func (db *DB) Feeds(ctx context.Context) ([]Feed, error) {
	return db.queryFeeds(ctx, "list feeds", `SELECT `+feedColumns+feedFrom+` ORDER BY r.slug, f.source, f.id`)
}

func (db *DB) queryFeeds(ctx context.Context, op, q string, args ...any) ([]Feed, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	defer rows.Close()
	var out []Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// DeleteFeed unregisters a feed. Its runs stay in the history, no longer linked to it.
func (db *DB) DeleteFeed(ctx context.Context, id int64) error {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM feeds WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("delete feed %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// DueFeeds returns up to limit enabled feeds due at now, the longest overdue first, and at
// most perHost of them per host (perHost < 1: no cap), so that one retailer with many feeds
// cannot crowd out the rest. File feeds have no host and are never capped. It is one query.
func (db *DB) DueFeeds(ctx context.Context, now time.Time, limit, perHost int) ([]Feed, error) {
	if perHost < 1 {
		perHost = limit
	}
	return db.queryFeeds(ctx, "due feeds", `SELECT `+feedColumns+` FROM (
			SELECT d.*, ROW_NUMBER() OVER (PARTITION BY CASE WHEN d.host = '' THEN 'feed-' || d.id ELSE d.host END
				ORDER BY d.next_run_at, d.id) AS host_rank
			FROM feeds d WHERE d.enabled = 1 AND d.next_run_at <= $1
		) f JOIN retailers r ON r.id = f.retailer_id LEFT JOIN feed_runs lr ON lr.id = f.last_run_id
		WHERE f.host_rank <= $2 ORDER BY f.next_run_at, f.id LIMIT $3`, unixMS(now), perHost, limit)
}

// ClaimFeed takes a due feed for a refresh: it moves the feed's next run to until, but only if
// it is still due at f.NextRunAt, so that of several workers (or nodes) only one refreshes it.
// until is a lease: a worker that dies mid-refresh leaves the feed due again then. False means
// another worker got there first.
func (db *DB) ClaimFeed(ctx context.Context, f Feed, until time.Time) (bool, error) {
	res, err := db.sql.ExecContext(ctx, `UPDATE feeds SET next_run_at = $1 WHERE id = $2 AND next_run_at = $3 AND enabled = 1`,
		unixMS(until), f.ID, unixMS(f.NextRunAt))
	if err != nil {
		return false, fmt.Errorf("claim feed %d: %w", f.ID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("claim feed %d: %w", f.ID, err)
	}
	return n == 1, nil
}

// SetFeedNextRun makes a feed due at t (`tagdrop feed run` and tests use it).
func (db *DB) SetFeedNextRun(ctx context.Context, id int64, t time.Time) error {
	res, err := db.sql.ExecContext(ctx, `UPDATE feeds SET next_run_at = $1 WHERE id = $2`, unixMS(t), id)
	if err != nil {
		return fmt.Errorf("schedule feed %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// LinkFeedRun marks an import run as a refresh of a registered feed.
func (db *DB) LinkFeedRun(ctx context.Context, runID, feedID int64) error {
	if _, err := db.sql.ExecContext(ctx, `UPDATE feed_runs SET feed_id = $1 WHERE id = $2`, feedID, runID); err != nil {
		return fmt.Errorf("link feed run %d to feed %d: %w", runID, feedID, err)
	}
	return nil
}

// LatestFeedRunID is the id of the newest run linked to the feed, 0 when it has none.
func (db *DB) LatestFeedRunID(ctx context.Context, feedID int64) (int64, error) {
	var id *int64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(id) FROM feed_runs WHERE feed_id = $1`, feedID).Scan(&id); err != nil {
		return 0, fmt.Errorf("latest run of feed %d: %w", feedID, err)
	}
	if id == nil {
		return 0, nil
	}
	return *id, nil
}

// AddFeedRun records a refresh that imported nothing, already finished: a 304 (status
// RunNotModified) or a source that could not be fetched (RunFailed, the reason in ErrorsJSON).
func (db *DB) AddFeedRun(ctx context.Context, f Feed, run FeedRun) (int64, error) {
	errs := run.ErrorsJSON
	if errs == "" {
		errs = "[]"
	}
	var id int64
	err := db.sql.QueryRowContext(ctx, `INSERT INTO feed_runs (feed_id, retailer_id, source, format, status, observed_at,
		started_at, finished_at, errors) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		f.ID, f.RetailerID, f.Source, run.Format, run.Status, unixMS(run.StartedAt), unixMS(run.StartedAt), unixMS(run.FinishedAt), errs).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("record run of feed %d: %w", f.ID, err)
	}
	return id, nil
}

// FinishFeedRefresh records a refresh's outcome on the feed: its newest run becomes the last
// run; a success clears the failure count and keeps the new validators; a failure counts one
// more and keeps its reason. The feed is due again at res.Next.
func (db *DB) FinishFeedRefresh(ctx context.Context, id int64, res FeedResult) error {
	at := unixMS(res.At)
	lastRun := `(SELECT MAX(id) FROM feed_runs WHERE feed_id = $1)`
	var (
		out sql.Result
		err error
	)
	if res.Err == "" {
		out, err = db.sql.ExecContext(ctx, `UPDATE feeds SET last_run_id = `+lastRun+`, last_run_at = $2, last_success_at = $2,
			failures = 0, etag = $3, last_modified = $4, next_run_at = $5 WHERE id = $1`,
			id, at, res.ETag, res.LastModified, unixMS(res.Next))
	} else {
		out, err = db.sql.ExecContext(ctx, `UPDATE feeds SET last_run_id = `+lastRun+`, last_run_at = $2, last_error = $3,
			last_error_at = $2, failures = failures + 1, next_run_at = $4 WHERE id = $1`,
			id, at, res.Err, unixMS(res.Next))
	}
	if err != nil {
		return fmt.Errorf("record refresh of feed %d: %w", id, err)
	}
	if n, _ := out.RowsAffected(); n == 0 {
		return fmt.Errorf("feed %d: %w", id, ErrNotFound)
	}
	return nil
}

// Duration is how long a finished run took (zero while it runs).
func (r FeedRun) Duration() time.Duration {
	if r.FinishedAt.IsZero() || r.StartedAt.IsZero() {
		return 0
	}
	return r.FinishedAt.Sub(r.StartedAt)
}
