package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

// Webhooks: the URLs shoppers registered (webhooks) and the outbox of events for them
// (webhook_deliveries). Deliveries are claimed with a lease exactly like mail (messages.go),
// and each (webhook, event) pair is stored once, so enqueueing is idempotent.

// AddWebhook registers a URL for a shopper with its signing secret.
func (db *DB) AddWebhook(ctx context.Context, userID int64, url, secret string) (notify.Webhook, error) {
	h := notify.Webhook{UserID: userID, URL: url, Secret: secret, CreatedAt: fromMS(db.nowMS())}
	err := db.sql.QueryRowContext(ctx, `INSERT INTO webhooks (user_id, url, secret, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
		userID, url, secret, h.CreatedAt.UnixMilli()).Scan(&h.ID)
	if err != nil {
		return notify.Webhook{}, fmt.Errorf("add webhook of user %d: %w", userID, err)
	}
	return h, nil
}

// UserWebhooks lists a shopper's webhooks, oldest first, without their secrets.
func (db *DB) UserWebhooks(ctx context.Context, userID int64) ([]notify.Webhook, error) {
	var out []notify.Webhook
	err := eachRow(ctx, db.sql, `SELECT id, user_id, url, created_at FROM webhooks WHERE user_id = $1 ORDER BY id`, []any{userID},
		func(rows *sql.Rows) error {
			var h notify.Webhook
			var at int64
			if err := rows.Scan(&h.ID, &h.UserID, &h.URL, &at); err != nil {
				return err
			}
			h.CreatedAt = fromMS(at)
			out = append(out, h)
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("webhooks of user %d: %w", userID, err)
	}
	return out, nil
}

// DeleteWebhook removes one of a shopper's webhooks and its deliveries; ErrNotFound when it is
// not theirs.
func (db *DB) DeleteWebhook(ctx context.Context, userID, id int64) error {
	if err := expectOne(db.sql.ExecContext(ctx, `DELETE FROM webhooks WHERE id = $1 AND user_id = $2`, id, userID)); err != nil {
		return fmt.Errorf("delete webhook %d: %w", id, err)
	}
	return nil
}

const deliveryColumns = `id, webhook_id, event, event_key, payload, status, attempts, last_error, response_code, created_at,
	next_attempt_at, done_at`

func scanDelivery(row interface{ Scan(...any) error }) (notify.Delivery, error) {
	var d notify.Delivery
	var payload, status string
	var created, next int64
	var done sql.NullInt64
	if err := row.Scan(&d.ID, &d.WebhookID, &d.Event, &d.EventKey, &payload, &status, &d.Attempts, &d.LastError, &d.ResponseCode,
		&created, &next, &done); err != nil {
		return notify.Delivery{}, err
	}
	d.Payload, d.Status, d.CreatedAt, d.NextAttempt = []byte(payload), notify.DeliveryStatus(status), fromMS(created), fromMS(next)
	if done.Valid {
		d.DoneAt = fromMS(done.Int64)
	}
	return d, nil
}

func collectDeliveries(rows *sql.Rows) ([]notify.Delivery, error) {
	defer rows.Close()
	var out []notify.Delivery
	for rows.Next() {
		d, err := scanDelivery(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// WebhookDeliveries returns the newest deliveries of a shopper's webhooks, at most limit, with
// each one's URL: the delivery log on the settings page.
func (db *DB) WebhookDeliveries(ctx context.Context, userID int64, limit int) ([]notify.Delivery, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries
		WHERE webhook_id IN (SELECT id FROM webhooks WHERE user_id = $1) ORDER BY id DESC LIMIT $2`, userID, limit)
	if err != nil {
		return nil, fmt.Errorf("webhook deliveries of user %d: %w", userID, err)
	}
	out, err := collectDeliveries(rows)
	if err != nil {
		return nil, fmt.Errorf("webhook deliveries of user %d: %w", userID, err)
	}
	return out, nil
}

// The claim mirrors ClaimMessages (messages.go): one statement, a CTE with FOR UPDATE SKIP
// LOCKED on PostgreSQL, a plain subquery on SQLite, which serialises writers.
const (
	claimDeliveriesSQLite = `UPDATE webhook_deliveries SET lease_until = $1, attempts = attempts + 1
		WHERE id IN (SELECT id FROM webhook_deliveries WHERE status = 'queued' AND next_attempt_at <= $2 AND lease_until <= $2
			ORDER BY next_attempt_at, id LIMIT $3)
		AND status = 'queued' AND lease_until <= $2
		RETURNING ` + deliveryColumns
	claimDeliveriesPostgres = `WITH due AS (SELECT id AS due_id FROM webhook_deliveries
			WHERE status = 'queued' AND next_attempt_at <= $2 AND lease_until <= $2
			ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
		UPDATE webhook_deliveries SET lease_until = $1, attempts = attempts + 1 FROM due
		WHERE id = due.due_id AND status = 'queued' AND lease_until <= $2
		RETURNING ` + deliveryColumns
)

// ClaimWebhookDeliveries leases up to limit due deliveries (oldest due first) to the caller
// until now+lease, counting an attempt for each, and fills in each one's URL and secret. A
// sender that dies leaves its deliveries to be claimed again when the lease ends. The result
// is ordered by id.
func (db *DB) ClaimWebhookDeliveries(ctx context.Context, limit int, lease time.Duration) ([]notify.Delivery, error) {
	now, err := db.leaseNowMS(ctx, db.sql)
	if err != nil {
		return nil, fmt.Errorf("claim webhook deliveries: %w", err)
	}
	q := claimDeliveriesSQLite
	if db.dialect == Postgres {
		q = claimDeliveriesPostgres
	}
	rows, err := db.sql.QueryContext(ctx, q, now+lease.Milliseconds(), now, limit)
	if err != nil {
		return nil, fmt.Errorf("claim webhook deliveries: %w", err)
	}
	ds, err := collectDeliveries(rows)
	if err != nil {
		return nil, fmt.Errorf("claim webhook deliveries: %w", err)
	}
	if len(ds) == 0 {
		return nil, nil
	}
	slices.SortFunc(ds, func(a, b notify.Delivery) int { return int(a.ID - b.ID) })
	var hookIDs []int64
	for _, d := range ds {
		hookIDs = append(hookIDs, d.WebhookID)
	}
	hookIDs = uniqueIDs(hookIDs)
	type target struct{ url, secret string }
	targets := map[int64]target{}
	err = eachRow(ctx, db.sql, `SELECT id, url, secret FROM webhooks WHERE id IN (`+db.placeholders().inList(len(hookIDs), 1)+`)`,
		int64Args(hookIDs), func(rows *sql.Rows) error {
			var id int64
			var t target
			if err := rows.Scan(&id, &t.url, &t.secret); err != nil {
				return err
			}
			targets[id] = t
			return nil
		})
	if err != nil {
		return nil, fmt.Errorf("claim webhook deliveries: %w", err)
	}
	for i := range ds {
		t := targets[ds[i].WebhookID] // a webhook deleted meanwhile took its deliveries with it
		ds[i].URL, ds[i].Secret = t.url, t.secret
	}
	return ds, nil
}

// MarkDeliveryDone records that the receiver answered code (2xx).
func (db *DB) MarkDeliveryDone(ctx context.Context, id int64, code int) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE webhook_deliveries SET status = 'delivered', done_at = $2, lease_until = 0,
		response_code = $3, last_error = '' WHERE id = $1 AND status = 'queued'`, id, db.nowMS(), code)
	if err != nil {
		return fmt.Errorf("mark webhook delivery %d done: %w", id, err)
	}
	return nil
}

// RetryDelivery gives a claimed delivery back after a temporary failure: due again at next,
// with the reason and the response code (0: no response) kept.
func (db *DB) RetryDelivery(ctx context.Context, id int64, next time.Time, reason string, code int) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE webhook_deliveries SET lease_until = 0, next_attempt_at = $2, last_error = $3,
		response_code = $4 WHERE id = $1 AND status = 'queued'`, id, next.UnixMilli(), reason, code)
	if err != nil {
		return fmt.Errorf("retry webhook delivery %d: %w", id, err)
	}
	return nil
}

// FailDelivery gives a delivery up for good with its reason and response code.
func (db *DB) FailDelivery(ctx context.Context, id int64, reason string, code int) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE webhook_deliveries SET status = 'failed', done_at = $2, lease_until = 0,
		last_error = $3, response_code = $4 WHERE id = $1 AND status = 'queued'`, id, db.nowMS(), reason, code)
	if err != nil {
		return fmt.Errorf("fail webhook delivery %d: %w", id, err)
	}
	return nil
}

// ReleaseDelivery gives a claimed delivery back untried and uncounted (the sender is stopping).
func (db *DB) ReleaseDelivery(ctx context.Context, id int64) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE webhook_deliveries SET lease_until = 0,
		attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END WHERE id = $1 AND status = 'queued'`, id)
	if err != nil {
		return fmt.Errorf("release webhook delivery %d: %w", id, err)
	}
	return nil
}

// WebhookDelivery reads one delivery by id.
func (db *DB) WebhookDelivery(ctx context.Context, id int64) (notify.Delivery, error) {
	d, err := scanDelivery(db.sql.QueryRowContext(ctx, `SELECT `+deliveryColumns+` FROM webhook_deliveries WHERE id = $1`, id))
	if err != nil {
		return notify.Delivery{}, fmt.Errorf("webhook delivery %d: %w", id, notFound(err))
	}
	return d, nil
}

// NewDelivery is an event to enqueue for one webhook.
type NewDelivery struct {
	WebhookID int64
	Event     string
	EventKey  string
	Payload   []byte
}

// WebhookCursor reads an enqueue cursor (the last event id scanned); 0 before the first scan.
func (db *DB) WebhookCursor(ctx context.Context, key string) (int64, error) {
	var v string
	err := db.sql.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("webhook cursor %s: %w", key, err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("webhook cursor %s: stored value %q is not a number", key, v)
	}
	return n, nil
}

// EnqueueWebhookDeliveries stores deliveries and moves the cursor key to cursor in one
// transaction. A (webhook, event key) pair already stored is skipped, so a scan repeated after
// a crash adds nothing twice. It returns how many deliveries were new.
func (db *DB) EnqueueWebhookDeliveries(ctx context.Context, cursorKey string, cursor int64, ds []NewDelivery) (int, error) {
	added := 0
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		now := db.nowMS()
		for _, d := range ds {
			res, err := tx.ExecContext(ctx, `INSERT INTO webhook_deliveries (webhook_id, event, event_key, payload, created_at, next_attempt_at)
				VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (webhook_id, event_key) DO NOTHING`,
				d.WebhookID, d.Event, d.EventKey, string(d.Payload), now)
			if err != nil {
				return fmt.Errorf("enqueue %s for webhook %d: %w", d.EventKey, d.WebhookID, err)
			}
			n, _ := res.RowsAffected()
			added += int(n)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = excluded.value`, cursorKey, strconv.FormatInt(cursor, 10)); err != nil {
			return fmt.Errorf("move webhook cursor %s: %w", cursorKey, err)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return added, nil
}

// webhookTargets reads the webhooks of the given shoppers: user id → webhooks (id, created).
func (db *DB) webhookTargets(ctx context.Context, userIDs []int64) (map[int64][]notify.Webhook, error) {
	out := map[int64][]notify.Webhook{}
	ids := uniqueIDs(userIDs)
	ph := db.placeholders()
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		err := eachRow(ctx, db.sql, `SELECT id, user_id, created_at FROM webhooks WHERE user_id IN (`+ph.inList(len(part), 1)+`) ORDER BY id`,
			int64Args(part), func(rows *sql.Rows) error {
				var h notify.Webhook
				var at int64
				if err := rows.Scan(&h.ID, &h.UserID, &at); err != nil {
					return err
				}
				h.CreatedAt = fromMS(at)
				out[h.UserID] = append(out[h.UserID], h)
				return nil
			})
		if err != nil {
			return nil, fmt.Errorf("webhook targets: %w", err)
		}
	}
	return out, nil
}

// hooksBefore keeps the webhooks made no later than an event: a new webhook gets new events
// only, not the shopper's history.
func hooksBefore(hooks []notify.Webhook, at time.Time) []int64 {
	var out []int64
	for _, h := range hooks {
		if !h.CreatedAt.After(at) {
			out = append(out, h.ID)
		}
	}
	return out
}
