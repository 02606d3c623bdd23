package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
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
// checked at next. Tracking the same URL again points it at the product again.
func (db *DB) TrackPage(ctx context.Context, url string, l Love, next time.Time) (TrackedPage, Love, error) {
	var tp TrackedPage
	err := db.InTx(ctx, func(tx *sql.Tx) error {
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
