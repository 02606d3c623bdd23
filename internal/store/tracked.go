package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// TrackedPage is a product page a shopper pasted: tagdrop imported it as a product, made it a
// love, and re-checks the page on a schedule (see jobs.TrackedChecker).
type TrackedPage struct {
	ID          int64
	UserID      int64
	URL         string
	ProductID   int64
	LoveID      int64
	CreatedAt   time.Time
	CheckedAt   time.Time
	NextCheckAt time.Time
	Failures    int
	LastError   string
}

// TrackPage records, in one transaction, that the shopper tracks the page at url (imported as
// love's product) and the love itself (created, or updated as SaveLove does). The page is next
// checked at next. Tracking the same URL again points it at the product again. A new page past
// MaxTrackedPages, or a new love past MaxLoves, is ErrLimit and saves nothing.
func (db *DB) TrackPage(ctx context.Context, url string, l Love, next time.Time) (TrackedPage, Love, error) {
	var tp TrackedPage
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if err := db.lockUser(ctx, tx, l.UserID); err != nil {
			return err
		}
		if err := underCap(ctx, tx, "tracked pages", MaxTrackedPages, `SELECT COUNT(*) FROM tracked_pages WHERE user_id = $1`,
			`SELECT 1 FROM tracked_pages WHERE user_id = $1 AND url = $2`, l.UserID, url); err != nil {
			return err
		}
		saved, err := db.saveLove(ctx, tx, l)
		if err != nil {
			return err
		}
		l = saved
		now := db.nowMS()
		var created, checked, due int64
		err = tx.QueryRowContext(ctx, `INSERT INTO tracked_pages (user_id, url, product_id, love_id, created_at, checked_at, next_check_at)
			VALUES ($1, $2, $3, $4, $5, $5, $6)
			ON CONFLICT (user_id, url) DO UPDATE SET product_id = excluded.product_id, love_id = excluded.love_id,
				checked_at = excluded.checked_at, next_check_at = excluded.next_check_at, failures = 0, last_error = ''
			RETURNING id, user_id, url, product_id, love_id, created_at, checked_at, next_check_at, failures, last_error`,
			l.UserID, url, l.ProductID, l.ID, now, next.UnixMilli()).Scan(&tp.ID, &tp.UserID, &tp.URL, &tp.ProductID, &tp.LoveID,
			&created, &checked, &due, &tp.Failures, &tp.LastError)
		if err != nil {
			return fmt.Errorf("track %s for user %d: %w", url, l.UserID, err)
		}
		tp.CreatedAt, tp.CheckedAt, tp.NextCheckAt = fromMS(created), fromMS(checked), fromMS(due)
		return nil
	})
	if err != nil {
		return TrackedPage{}, Love{}, err
	}
	return tp, l, nil
}

// TrackedPages lists a shopper's tracked pages, newest first.
func (db *DB) TrackedPages(ctx context.Context, userID int64) ([]TrackedPage, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, user_id, url, product_id, COALESCE(love_id, 0), created_at, checked_at,
		next_check_at, failures, last_error FROM tracked_pages WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("tracked pages of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []TrackedPage
	for rows.Next() {
		var tp TrackedPage
		var created, checked, due int64
		if err := rows.Scan(&tp.ID, &tp.UserID, &tp.URL, &tp.ProductID, &tp.LoveID, &created, &checked, &due, &tp.Failures, &tp.LastError); err != nil {
			return nil, fmt.Errorf("tracked pages of user %d: %w", userID, err)
		}
		tp.CreatedAt, tp.CheckedAt, tp.NextCheckAt = fromMS(created), fromMS(checked), fromMS(due)
		out = append(out, tp)
	}
	return out, rows.Err()
}

// DueTrackedURLs returns up to limit distinct page URLs whose next check is at or before now,
// the longest overdue first. Several shoppers tracking one page make one check.
func (db *DB) DueTrackedURLs(ctx context.Context, now time.Time, limit int) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT url FROM tracked_pages WHERE next_check_at <= $1
		GROUP BY url ORDER BY MIN(next_check_at), url LIMIT $2`, now.UnixMilli(), limit)
	if err != nil {
		return nil, fmt.Errorf("due tracked pages: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			return nil, fmt.Errorf("due tracked pages: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// TrackedChecked records a check of the page at url for everyone tracking it: a success
// (checkErr "") resets the failures, a failure counts one more and keeps its reason; either
// way the page is next checked at next.
func (db *DB) TrackedChecked(ctx context.Context, url, checkErr string, next time.Time) error {
	q := `UPDATE tracked_pages SET checked_at = $1, next_check_at = $2, failures = 0, last_error = '' WHERE url = $3`
	args := []any{db.nowMS(), next.UnixMilli(), url}
	if checkErr != "" {
		q = `UPDATE tracked_pages SET checked_at = $1, next_check_at = $2, failures = failures + 1, last_error = $4 WHERE url = $3`
		args = append(args, checkErr)
	}
	if _, err := db.sql.ExecContext(ctx, q, args...); err != nil {
		return fmt.Errorf("record check of tracked page: %w", err)
	}
	return nil
}

// Per-shopper caps: a shopper's standing requests are bounded so one account cannot make the
// checker, the evaluator or the matcher do unbounded work.
const (
	// MaxTrackedPages is how many product pages one shopper may track.
	MaxTrackedPages = 100
	// MaxLoves is how many loves one shopper may keep.
	MaxLoves = 100
	// MaxSavedSearches is how many saved searches one shopper may keep.
	MaxSavedSearches = 50
)

// ErrLimit means a per-shopper cap (MaxTrackedPages, MaxLoves, MaxSavedSearches) is reached;
// nothing was saved.
var ErrLimit = errors.New("limit reached")

// lockUser serialises a shopper's capped writes: it is the transaction's first statement, so a
// count taken after it cannot be raced by the same shopper's other requests (PostgreSQL: a row
// lock on the user; SQLite: the database's write lock, taken now rather than at the insert).
func (db *DB) lockUser(ctx context.Context, tx *sql.Tx, userID int64) error {
	q := `UPDATE users SET id = id WHERE id = $1`
	if db.dialect == Postgres {
		q = `SELECT id FROM users WHERE id = $1 FOR UPDATE`
	}
	if _, err := tx.ExecContext(ctx, q, userID); err != nil {
		return fmt.Errorf("lock user %d: %w", userID, err)
	}
	return nil
}

// underCap fails with ErrLimit when the shopper already has limit rows of what counts (a
// SELECT COUNT(*) taking the user id as $1), unless exists (a SELECT 1 with $1 the user id and
// the rest args) finds the row being saved already there: updating one is always allowed.
func underCap(ctx context.Context, q queryer, what string, limit int, count, exists string, userID int64, args ...any) error {
	if exists != "" {
		var one int
		err := q.QueryRowContext(ctx, exists, append([]any{userID}, args...)...).Scan(&one)
		if err == nil {
			return nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("count %s of user %d: %w", what, userID, err)
		}
	}
	var n int
	if err := q.QueryRowContext(ctx, count, userID).Scan(&n); err != nil {
		return fmt.Errorf("count %s of user %d: %w", what, userID, err)
	}
	if n >= limit {
		return fmt.Errorf("%w: user %d has %d %s (at most %d)", ErrLimit, userID, n, what, limit)
	}
	return nil
}

// Tracked retailers: a host first seen through /track becomes an unlisted retailer named by
// the host, filed by the exact host (tracked_host), never by a slug two hosts could share. Its
// offers stay out of the index and other shoppers' product pages until an admin lists it.

// TrackedRetailer is a retailer created by /track, with what the admin page shows of it.
type TrackedRetailer struct {
	Retailer
	Host   string
	Listed bool
	// Products counts the products with a live offer of this retailer; Shoppers counts the
	// shoppers tracking a page of the host.
	Products, Shoppers int
	CreatedAt          time.Time
}

// EnsureTrackedRetailer returns the retailer filed under host, creating it unlisted (named
// host, slug from host, a numbered slug when another retailer has that one) the first time.
func (db *DB) EnsureTrackedRetailer(ctx context.Context, host string) (Retailer, error) {
	host = strings.ToLower(strings.TrimSpace(host))
	base := catalog.Slug(host)
	if base == "" {
		return Retailer{}, fmt.Errorf("retailer host %q has no letters or digits", host)
	}
	find := func() (Retailer, error) {
		var r Retailer
		err := db.sql.QueryRowContext(ctx, `SELECT id, slug, name FROM retailers WHERE tracked_host = $1`, host).Scan(&r.ID, &r.Slug, &r.Name)
		return r, err
	}
	for n := 1; n <= 20; n++ {
		r, err := find()
		if err == nil {
			return r, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return Retailer{}, fmt.Errorf("tracked retailer %q: %w", host, err)
		}
		slug := base
		if n > 1 {
			slug = base + "-" + strconv.Itoa(n)
		}
		// DO NOTHING covers both unique keys: a slug taken by another retailer (try the next
		// number) and the same host created by a concurrent request (found next round).
		if _, err := db.sql.ExecContext(ctx, `INSERT INTO retailers (slug, name, created_at, listed, tracked_host)
			VALUES ($1, $2, $3, 0, $2) ON CONFLICT DO NOTHING`, slug, host, db.nowMS()); err != nil {
			return Retailer{}, fmt.Errorf("tracked retailer %q: %w", host, err)
		}
	}
	return Retailer{}, fmt.Errorf("tracked retailer %q: no free slug", host)
}

// TrackedRetailers lists the retailers created by /track, unlisted first, then by host.
func (db *DB) TrackedRetailers(ctx context.Context) ([]TrackedRetailer, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT r.id, r.slug, r.name, r.tracked_host, r.listed, r.created_at,
		(SELECT COUNT(DISTINCT o.product_id) FROM offers o WHERE o.retailer_id = r.id AND o.gone_at IS NULL),
		(SELECT COUNT(DISTINCT tp.user_id) FROM tracked_pages tp WHERE tp.product_id IN
			(SELECT o.product_id FROM offers o WHERE o.retailer_id = r.id))
		FROM retailers r WHERE r.tracked_host <> '' ORDER BY r.listed, r.tracked_host`)
	if err != nil {
		return nil, fmt.Errorf("tracked retailers: %w", err)
	}
	defer rows.Close()
	var out []TrackedRetailer
	for rows.Next() {
		var t TrackedRetailer
		var listed, created int64
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &t.Host, &listed, &created, &t.Products, &t.Shoppers); err != nil {
			return nil, fmt.Errorf("tracked retailers: %w", err)
		}
		t.Listed, t.CreatedAt = listed != 0, fromMS(created)
		out = append(out, t)
	}
	return out, rows.Err()
}

// SetRetailerListed lists (or unlists) a retailer and, in the same transaction, appends a change
// log entry for each of its products, so live indexes add (or drop) its offers. ErrNotFound when
// there is no such retailer.
func (db *DB) SetRetailerListed(ctx context.Context, retailerID int64, listed bool) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		if err := expectOne(tx.ExecContext(ctx, `UPDATE retailers SET listed = $1 WHERE id = $2`, boolInt(listed), retailerID)); err != nil {
			return fmt.Errorf("list retailer %d: %w", retailerID, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO changes (entity, entity_id, at)
			SELECT DISTINCT 'product', product_id, CAST($1 AS BIGINT) FROM offers WHERE retailer_id = $2`, db.nowMS(), retailerID); err != nil {
			return fmt.Errorf("list retailer %d: changes: %w", retailerID, err)
		}
		return nil
	})
}
