package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Personal feeds: each shopper may have one private Atom feed, addressed by a secret token of
// which only the SHA-256 is stored (feed_tokens). Making a new token replaces the old one, so
// the old URL stops working; revoking deletes it.

// SetFeedToken stores the hash of a shopper's new feed token, replacing any earlier one.
func (db *DB) SetFeedToken(ctx context.Context, userID int64, tokenHash string) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO feed_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
		userID, tokenHash, db.nowMS())
	if err != nil {
		return fmt.Errorf("set feed token of user %d: %w", userID, err)
	}
	return nil
}

// RevokeFeedToken deletes a shopper's feed token; ErrNotFound when they have none.
func (db *DB) RevokeFeedToken(ctx context.Context, userID int64) error {
	if err := expectOne(db.sql.ExecContext(ctx, `DELETE FROM feed_tokens WHERE user_id = $1`, userID)); err != nil {
		return fmt.Errorf("revoke feed token of user %d: %w", userID, err)
	}
	return nil
}

// FeedTokenUser returns the shopper whose feed token has this hash; ErrNotFound for an unknown
// or revoked token.
func (db *DB) FeedTokenUser(ctx context.Context, tokenHash string) (int64, error) {
	var id int64
	if err := db.sql.QueryRowContext(ctx, `SELECT user_id FROM feed_tokens WHERE token_hash = $1`, tokenHash).Scan(&id); err != nil {
		return 0, fmt.Errorf("feed token: %w", notFound(err))
	}
	return id, nil
}

// FeedTokenCreated says when a shopper's current feed token was made; ErrNotFound without one.
func (db *DB) FeedTokenCreated(ctx context.Context, userID int64) (time.Time, error) {
	var at int64
	if err := db.sql.QueryRowContext(ctx, `SELECT created_at FROM feed_tokens WHERE user_id = $1`, userID).Scan(&at); err != nil {
		return time.Time{}, fmt.Errorf("feed token of user %d: %w", userID, notFound(err))
	}
	return fromMS(at), nil
}

// DigestEntry is one item of a stored digest with what a feed or an event shows of it. Prices
// are the ones the digest held, not today's.
type DigestEntry struct {
	DigestID     int64
	UserID       int64
	PeriodKey    string
	DigestAt     time.Time
	Position     int
	OfferID      int64
	ProductID    int64
	Title        string
	Brand        string
	Retailer     string
	Size         string
	Color        string
	Price        int64
	RegularPrice int64
	Currency     string
	Reason       string
	ImageURL     string
}

const digestEntryColumns = `d.id, d.user_id, d.period_key, d.created_at, di.position, di.offer_id, o.product_id, p.title,
	COALESCE(b.name, ''), r.name, o.size, o.color, di.price, di.regular_price, di.currency, di.reason, p.image_url
	FROM digests d JOIN digest_items di ON di.digest_id = d.id JOIN offers o ON o.id = di.offer_id
	JOIN products p ON p.id = o.product_id LEFT JOIN brands b ON b.id = p.brand_id JOIN retailers r ON r.id = o.retailer_id`

func collectDigestEntries(rows *sql.Rows) ([]DigestEntry, error) {
	defer rows.Close()
	var out []DigestEntry
	for rows.Next() {
		var e DigestEntry
		var at int64
		if err := rows.Scan(&e.DigestID, &e.UserID, &e.PeriodKey, &at, &e.Position, &e.OfferID, &e.ProductID, &e.Title, &e.Brand,
			&e.Retailer, &e.Size, &e.Color, &e.Price, &e.RegularPrice, &e.Currency, &e.Reason, &e.ImageURL); err != nil {
			return nil, err
		}
		e.DigestAt = fromMS(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// RecentDigestEntries returns the items of a shopper's latest digests (those with items, at
// most digests of them), newest digest first and each in its own order, at most limit items.
func (db *DB) RecentDigestEntries(ctx context.Context, userID int64, digests, limit int) ([]DigestEntry, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+digestEntryColumns+`
		WHERE d.id IN (SELECT id FROM digests WHERE user_id = $1 AND status <> 'empty' ORDER BY created_at DESC, id DESC LIMIT $2)
		ORDER BY d.created_at DESC, d.id DESC, di.position LIMIT $3`, userID, digests, limit)
	if err != nil {
		return nil, fmt.Errorf("feed items of user %d: %w", userID, err)
	}
	out, err := collectDigestEntries(rows)
	if err != nil {
		return nil, fmt.Errorf("feed items of user %d: %w", userID, err)
	}
	return out, nil
}
