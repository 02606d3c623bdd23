package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
)

// PushSubscription is one browser's web push subscription (the PushSubscription the browser
// hands out): where to post, and the keys its messages are encrypted to.
type PushSubscription struct {
	ID       int64
	UserID   int64
	Endpoint string
	// P256dh is the browser's public key (base64url, uncompressed P-256 point) and Auth its
	// 16-byte authentication secret (base64url), both as the browser gave them.
	P256dh    string
	Auth      string
	CreatedAt time.Time
}

const pushColumns = `id, user_id, endpoint, p256dh, auth, created_at`

func scanPush(row interface{ Scan(...any) error }) (PushSubscription, error) {
	var p PushSubscription
	var created int64
	if err := row.Scan(&p.ID, &p.UserID, &p.Endpoint, &p.P256dh, &p.Auth, &created); err != nil {
		return PushSubscription{}, err
	}
	p.CreatedAt = fromMS(created)
	return p, nil
}

// SavePushSubscription stores a browser's subscription for a shopper. An endpoint is one
// browser profile: subscribing it again (new keys, or another account signed in on that
// browser) replaces the earlier row, so one device never gets a message twice.
func (db *DB) SavePushSubscription(ctx context.Context, p PushSubscription) (PushSubscription, error) {
	saved, err := scanPush(db.sql.QueryRowContext(ctx, `INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (endpoint) DO UPDATE SET user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth,
			created_at = excluded.created_at
		RETURNING `+pushColumns, p.UserID, p.Endpoint, p.P256dh, p.Auth, db.nowMS()))
	if err != nil {
		return PushSubscription{}, fmt.Errorf("save push subscription of user %d: %w", p.UserID, err)
	}
	return saved, nil
}

// DeletePushSubscription removes one of a shopper's subscriptions by endpoint (unsubscribing a
// device); ErrNotFound when the shopper has no such subscription.
func (db *DB) DeletePushSubscription(ctx context.Context, userID int64, endpoint string) error {
	err := expectOne(db.sql.ExecContext(ctx, `DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2`, userID, endpoint))
	if err != nil {
		return fmt.Errorf("delete push subscription of user %d: %w", userID, err)
	}
	return nil
}

// RemovePushSubscription removes a subscription the push service reported gone (404 or 410).
// A subscription already removed is no error.
func (db *DB) RemovePushSubscription(ctx context.Context, id int64) error {
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM push_subscriptions WHERE id = $1`, id); err != nil {
		return fmt.Errorf("remove push subscription %d: %w", id, err)
	}
	return nil
}

// PushSubscriptions lists a shopper's subscriptions, oldest first.
func (db *DB) PushSubscriptions(ctx context.Context, userID int64) ([]PushSubscription, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+pushColumns+` FROM push_subscriptions WHERE user_id = $1 ORDER BY id`, userID)
	if err != nil {
		return nil, fmt.Errorf("push subscriptions of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []PushSubscription
	for rows.Next() {
		p, err := scanPush(rows)
		if err != nil {
			return nil, fmt.Errorf("push subscriptions of user %d: %w", userID, err)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// VAPIDKeys is the installation's web push identity (RFC 8292): the application server key
// pair, base64url without padding, the public key as an uncompressed P-256 point.
type VAPIDKeys struct {
	Public  string
	Private string
}

// vapidKey is the settings key holding "public.private".
const vapidKey = "push_vapid_keys"

// PushVAPIDKeys returns the installation's VAPID keys, storing the pair generate makes the
// first time. Concurrent first calls agree: only one insert wins, and every caller returns what
// was stored. The private key never leaves the settings table except to sign.
func (db *DB) PushVAPIDKeys(ctx context.Context, generate func() (public, private string, err error)) (VAPIDKeys, error) {
	v, err := db.Setting(ctx, vapidKey)
	if errors.Is(err, ErrNotFound) {
		pub, priv, gerr := generate()
		if gerr != nil {
			return VAPIDKeys{}, fmt.Errorf("vapid keys: %w", gerr)
		}
		if _, err := db.sql.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
			vapidKey, pub+"."+priv); err != nil {
			return VAPIDKeys{}, fmt.Errorf("vapid keys: %w", err)
		}
		v, err = db.Setting(ctx, vapidKey)
	}
	if err != nil {
		return VAPIDKeys{}, fmt.Errorf("vapid keys: %w", err)
	}
	pub, priv, ok := strings.Cut(v, ".")
	if !ok || pub == "" || priv == "" {
		return VAPIDKeys{}, errors.New("vapid keys: the stored setting is not \"public.private\"")
	}
	return VAPIDKeys{Public: pub, Private: priv}, nil
}

// PushAlert is a love alert claimed for push delivery, with what its message shows.
type PushAlert struct {
	ID        int64
	LoveID    int64
	UserID    int64
	ProductID int64
	Title     string
	Brand     string
	Size      string
	alerts.LoveAlert
	// Attempts counts the claims of this alert, this one included.
	Attempts  int
	CreatedAt time.Time
}

// The claim is one statement, as for the outbox (messages.go): up to N undelivered alerts whose
// shopper has a push subscription, not leased, younger than the cut-off, are leased and
// returned. PostgreSQL picks them in a CTE with FOR UPDATE SKIP LOCKED so concurrent workers
// take different rows; SQLite serialises writers.
const (
	pushDue = `SELECT a.id FROM love_alerts a WHERE a.delivered_at IS NULL AND a.push_lease_until <= $2 AND a.created_at >= $4
		AND EXISTS (SELECT 1 FROM push_subscriptions s WHERE s.user_id = a.user_id) ORDER BY a.id LIMIT $3`
	claimPushSQLite = `UPDATE love_alerts SET push_lease_until = $1, push_attempts = push_attempts + 1
		WHERE id IN (` + pushDue + `) AND delivered_at IS NULL AND push_lease_until <= $2 RETURNING id`
	claimPushPostgres = `WITH due AS (` + pushDue + ` FOR UPDATE OF a SKIP LOCKED)
		UPDATE love_alerts SET push_lease_until = $1, push_attempts = push_attempts + 1 FROM due
		WHERE love_alerts.id = due.id AND delivered_at IS NULL AND push_lease_until <= $2 RETURNING love_alerts.id`
)

// ClaimPushAlerts leases up to limit undelivered love alerts of shoppers with a push
// subscription until now+lease, oldest first, skipping alerts created before notBefore (a
// price alert days old is news no longer; they stay undelivered for other channels). No other
// claim returns them before the lease ends; a worker that dies mid-batch leaves them to be
// claimed again, so an alert is pushed twice only when a worker died between sending it and
// marking it delivered.
func (db *DB) ClaimPushAlerts(ctx context.Context, limit int, lease time.Duration, notBefore time.Time) ([]PushAlert, error) {
	now, err := db.leaseNowMS(ctx, db.sql)
	if err != nil {
		return nil, fmt.Errorf("claim push alerts: %w", err)
	}
	q := claimPushSQLite
	if db.dialect == Postgres {
		q = claimPushPostgres
	}
	rows, err := db.sql.QueryContext(ctx, q, now+lease.Milliseconds(), now, limit, notBefore.UnixMilli())
	if err != nil {
		return nil, fmt.Errorf("claim push alerts: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("claim push alerts: %w", err)
		}
		ids = append(ids, id)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("claim push alerts: %w", err)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	slices.Sort(ids)
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err = db.sql.QueryContext(ctx, `SELECT a.id, a.love_id, a.user_id, l.product_id, p.title, COALESCE(b.name, ''), l.size,
		a.kind, COALESCE(a.offer_id, 0), a.currency, a.price, a.previous_price, a.push_attempts, a.created_at
		FROM love_alerts a JOIN loves l ON l.id = a.love_id JOIN products p ON p.id = l.product_id
		LEFT JOIN brands b ON b.id = p.brand_id
		WHERE a.id IN (`+db.placeholders().inList(len(ids), 1)+`) ORDER BY a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("claimed push alerts: %w", err)
	}
	defer rows.Close()
	var out []PushAlert
	for rows.Next() {
		var a PushAlert
		var kind string
		var created int64
		if err := rows.Scan(&a.ID, &a.LoveID, &a.UserID, &a.ProductID, &a.Title, &a.Brand, &a.Size, &kind, &a.OfferID,
			&a.Currency, &a.Price, &a.PreviousPrice, &a.Attempts, &created); err != nil {
			return nil, fmt.Errorf("claimed push alerts: %w", err)
		}
		a.Kind, a.CreatedAt = alerts.LoveAlertKind(kind), fromMS(created)
		out = append(out, a)
	}
	return out, rows.Err()
}

// RetryPushAlert leaves an undelivered alert to be claimed again at next (after a failed send).
func (db *DB) RetryPushAlert(ctx context.Context, id int64, next time.Time) error {
	if _, err := db.sql.ExecContext(ctx, `UPDATE love_alerts SET push_lease_until = $1 WHERE id = $2 AND delivered_at IS NULL`,
		next.UnixMilli(), id); err != nil {
		return fmt.Errorf("retry push of love alert %d: %w", id, err)
	}
	return nil
}
