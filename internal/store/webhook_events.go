package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// The webhook enqueue job (internal/jobs/webhooks.go) scans digests and love alerts by id after
// a cursor. Only rows created before settledBefore are scanned, so a row whose transaction
// committed a little after a row with a higher id is not passed over by the cursor.

// DigestEvent is a stored digest with items, for the shopper's webhooks.
type DigestEvent struct {
	DigestID  int64
	UserID    int64
	PeriodKey string
	At        time.Time
	Items     []DigestEntry
	// Webhooks are the shopper's webhooks that existed when the digest was made.
	Webhooks []int64
}

// DigestEventsAfter scans up to limit digests with id > after made before settledBefore, by
// id. It returns the ones with items whose shopper has a webhook that existed at the time,
// and the highest id scanned (after when none), the cursor to save.
func (db *DB) DigestEventsAfter(ctx context.Context, after int64, settledBefore time.Time, limit int) ([]DigestEvent, int64, error) {
	type row struct {
		id, user int64
		key      string
		at       int64
		status   string
	}
	var scanned []row
	err := eachRow(ctx, db.sql, `SELECT id, user_id, period_key, created_at, status FROM digests WHERE id > $1 AND created_at <= $2
		ORDER BY id LIMIT $3`, []any{after, settledBefore.UnixMilli(), limit}, func(rows *sql.Rows) error {
		var r row
		if err := rows.Scan(&r.id, &r.user, &r.key, &r.at, &r.status); err != nil {
			return err
		}
		scanned = append(scanned, r)
		return nil
	})
	if err != nil {
		return nil, after, fmt.Errorf("scan digests for webhooks: %w", err)
	}
	last := after
	var users []int64
	for _, r := range scanned {
		last = max(last, r.id)
		users = append(users, r.user)
	}
	hooks, err := db.webhookTargets(ctx, users)
	if err != nil {
		return nil, after, err
	}
	var out []DigestEvent
	index := map[int64]int{}
	for _, r := range scanned {
		if r.status == "empty" {
			continue
		}
		at := fromMS(r.at)
		if targets := hooksBefore(hooks[r.user], at); len(targets) > 0 {
			index[r.id] = len(out)
			out = append(out, DigestEvent{DigestID: r.id, UserID: r.user, PeriodKey: r.key, At: at, Webhooks: targets})
		}
	}
	if len(out) == 0 {
		return nil, last, nil
	}
	ids := make([]int64, len(out))
	for i, e := range out {
		ids[i] = e.DigestID
	}
	ph := db.placeholders()
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		rows, err := db.sql.QueryContext(ctx, `SELECT `+digestEntryColumns+` WHERE d.id IN (`+ph.inList(len(part), 1)+`)
			ORDER BY d.id, di.position`, int64Args(part)...)
		if err != nil {
			return nil, after, fmt.Errorf("digest items for webhooks: %w", err)
		}
		entries, err := collectDigestEntries(rows)
		if err != nil {
			return nil, after, fmt.Errorf("digest items for webhooks: %w", err)
		}
		for _, e := range entries {
			ev := &out[index[e.DigestID]]
			ev.Items = append(ev.Items, e)
		}
	}
	return out, last, nil
}

// LoveAlertEvent is a stored love alert with what an event shows of it.
type LoveAlertEvent struct {
	AlertID       int64
	LoveID        int64
	UserID        int64
	Kind          string
	OfferID       int64
	ProductID     int64
	Title         string
	Brand         string
	Retailer      string
	Size          string
	Color         string
	Currency      string
	Price         int64
	PreviousPrice int64
	RegularPrice  int64
	At            time.Time
	// Webhooks are the shopper's webhooks that existed when the alert was recorded.
	Webhooks []int64
}

// LoveAlertEventsAfter scans up to limit love alerts with id > after recorded before
// settledBefore, by id, returning those whose shopper has a webhook that existed at the time,
// and the highest id scanned (after when none).
func (db *DB) LoveAlertEventsAfter(ctx context.Context, after int64, settledBefore time.Time, limit int) ([]LoveAlertEvent, int64, error) {
	var scanned []LoveAlertEvent
	err := eachRow(ctx, db.sql, `SELECT a.id, a.love_id, a.user_id, a.kind, COALESCE(a.offer_id, 0), l.product_id, p.title,
			COALESCE(b.name, ''), COALESCE(r.name, ''), COALESCE(o.size, l.size), COALESCE(o.color, l.color), a.currency, a.price,
			a.previous_price, COALESCE(o.regular_price, 0), a.created_at
		FROM love_alerts a JOIN loves l ON l.id = a.love_id JOIN products p ON p.id = l.product_id
			LEFT JOIN brands b ON b.id = p.brand_id LEFT JOIN offers o ON o.id = a.offer_id LEFT JOIN retailers r ON r.id = o.retailer_id
		WHERE a.id > $1 AND a.created_at <= $2 ORDER BY a.id LIMIT $3`, []any{after, settledBefore.UnixMilli(), limit},
		func(rows *sql.Rows) error {
			var e LoveAlertEvent
			var at int64
			if err := rows.Scan(&e.AlertID, &e.LoveID, &e.UserID, &e.Kind, &e.OfferID, &e.ProductID, &e.Title, &e.Brand, &e.Retailer,
				&e.Size, &e.Color, &e.Currency, &e.Price, &e.PreviousPrice, &e.RegularPrice, &at); err != nil {
				return err
			}
			e.At = fromMS(at)
			scanned = append(scanned, e)
			return nil
		})
	if err != nil {
		return nil, after, fmt.Errorf("scan love alerts for webhooks: %w", err)
	}
	last := after
	var users []int64
	for _, e := range scanned {
		last = max(last, e.AlertID)
		users = append(users, e.UserID)
	}
	hooks, err := db.webhookTargets(ctx, users)
	if err != nil {
		return nil, after, err
	}
	var out []LoveAlertEvent
	for _, e := range scanned {
		if e.Webhooks = hooksBefore(hooks[e.UserID], e.At); len(e.Webhooks) > 0 {
			out = append(out, e)
		}
	}
	return out, last, nil
}
