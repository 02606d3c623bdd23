package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

const messageColumns = `id, user_id, kind, message_id, to_addr, subject, text_body, html_body, list_unsubscribe, status, attempts, last_error, created_at, sent_at`

func scanMessage(row interface{ Scan(...any) error }) (notify.Message, error) {
	var m notify.Message
	var userID, sentAt sql.NullInt64
	var status string
	var created int64
	if err := row.Scan(&m.ID, &userID, &m.Kind, &m.MessageID, &m.To, &m.Subject, &m.TextBody, &m.HTMLBody, &m.ListUnsubscribe,
		&status, &m.Attempts, &m.LastError, &created, &sentAt); err != nil {
		return notify.Message{}, notFound(err)
	}
	m.UserID = userID.Int64
	m.Status = notify.Status(status)
	m.CreatedAt = fromMS(created)
	if sentAt.Valid {
		m.SentAt = fromMS(sentAt.Int64)
	}
	return m, nil
}

// QueueMessage puts a rendered message in the outbox and returns its id. A message whose
// MessageID is already queued is refused with ErrConflict, so a retried job cannot send twice.
func (db *DB) QueueMessage(ctx context.Context, m notify.Message) (int64, error) {
	var userID sql.NullInt64
	if m.UserID != 0 {
		userID = sql.NullInt64{Int64: m.UserID, Valid: true}
	}
	created := db.nowMS()
	if !m.CreatedAt.IsZero() {
		created = m.CreatedAt.UnixMilli()
	}
	var id int64
	err := db.sql.QueryRowContext(ctx, `INSERT INTO messages (user_id, kind, message_id, to_addr, subject, text_body, html_body, list_unsubscribe, status, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		userID, m.Kind, m.MessageID, m.To, m.Subject, m.TextBody, m.HTMLBody, m.ListUnsubscribe, string(notify.Queued), created).Scan(&id)
	if isUniqueViolation(err) {
		return 0, fmt.Errorf("message %s: %w", m.MessageID, ErrConflict)
	}
	if err != nil {
		return 0, fmt.Errorf("queue message %s: %w", m.MessageID, err)
	}
	return id, nil
}

// Outbox lists the newest messages first, at most limit of them; the outbox page shows them
// when no mail server is configured.
func (db *DB) Outbox(ctx context.Context, limit int) ([]notify.Message, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages ORDER BY created_at DESC, id DESC LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("list outbox: %w", err)
	}
	return collectMessages(rows, "list outbox")
}

func collectMessages(rows *sql.Rows, op string) ([]notify.Message, error) {
	defer rows.Close()
	var out []notify.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op, err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", op, err)
	}
	return out, nil
}

// Message reads one outbox message by id.
func (db *DB) Message(ctx context.Context, id int64) (notify.Message, error) {
	m, err := scanMessage(db.sql.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = $1`, id))
	if err != nil {
		return notify.Message{}, fmt.Errorf("message %d: %w", id, err)
	}
	return m, nil
}

// The claim is one statement on both databases: mark up to N due, unleased queued messages as
// leased until a time and return them. On PostgreSQL the due rows are picked in a CTE, which runs
// once (an IN (subquery … LIMIT) may be re-run and lease more than N), with FOR UPDATE SKIP
// LOCKED so concurrent senders take different rows instead of queueing behind each other; the
// UPDATE repeats the conditions so a row leased meanwhile is re-checked and skipped. SQLite
// serialises writers, so a plain subquery is enough there.
//
// Due means: its next attempt has come, or it was claimed before (attempts > 0) and never
// settled (no error recorded) and its lease has run out: a message in flight when its sender died
// or lost the database. Such a message may be held back for its send job (next_attempt_at in the
// future, see the digest shards), and the job that claimed it is gone, so the claim takes it at
// once instead of waiting for the hold to end.
const (
	claimSQLite = `UPDATE messages SET lease_until = $1, attempts = attempts + 1
		WHERE id IN (SELECT id FROM messages WHERE status = 'queued' AND (next_attempt_at <= $2 OR (attempts > 0 AND last_error = '')) AND lease_until <= $2
			ORDER BY next_attempt_at, id LIMIT $3)
		AND status = 'queued' AND lease_until <= $2
		RETURNING ` + messageColumns
	claimPostgres = `WITH due AS (SELECT id AS due_id FROM messages WHERE status = 'queued' AND (next_attempt_at <= $2 OR (attempts > 0 AND last_error = '')) AND lease_until <= $2
			ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
		UPDATE messages SET lease_until = $1, attempts = attempts + 1 FROM due
		WHERE id = due.due_id AND status = 'queued' AND lease_until <= $2
		RETURNING ` + messageColumns
)

// ClaimMessages leases up to limit queued messages that are due (oldest first) to the caller
// until now+lease, counting an attempt for each. now is the PostgreSQL server's clock
// (leaseNowMS), so senders on hosts whose clocks disagree still agree on whose lease holds. No other claim returns them before the lease
// ends, so several senders can share one outbox; a sender that dies leaves its messages to be
// claimed again when the lease runs out. The result is ordered by id.
func (db *DB) ClaimMessages(ctx context.Context, limit int, lease time.Duration) ([]notify.Message, error) {
	now, err := db.leaseNowMS(ctx, db.sql)
	if err != nil {
		return nil, fmt.Errorf("claim messages: %w", err)
	}
	q := claimSQLite
	if db.dialect == Postgres {
		q = claimPostgres
	}
	rows, err := db.sql.QueryContext(ctx, q, now+lease.Milliseconds(), now, limit)
	if err != nil {
		return nil, fmt.Errorf("claim messages: %w", err)
	}
	msgs, err := collectMessages(rows, "claim messages")
	if err != nil {
		return nil, err
	}
	slices.SortFunc(msgs, func(a, b notify.Message) int { return int(a.ID - b.ID) })
	return msgs, nil
}

// SentLinkNote replaces the bodies of an account mail (verification, reset, sign-in link) once
// the mail server has it: the copy in the outbox must not keep a live link for anyone who can
// read the outbox (the demo shows it to every visitor).
const SentLinkNote = "This e-mail carried a single-use link. It was delivered to the recipient's mailbox, and tagdrop's copy of the link was removed."

// MarkMessageSent records that the mail server accepted a message. An account mail's bodies
// are replaced by SentLinkNote in the same statement, so no moment exists in which the
// message is sent and its link still readable from the outbox.
func (db *DB) MarkMessageSent(ctx context.Context, id int64) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE messages SET status = 'sent', sent_at = $2, lease_until = 0, last_error = '',
		text_body = CASE WHEN kind IN ($3, $4, $5) THEN $6 ELSE text_body END,
		html_body = CASE WHEN kind IN ($3, $4, $5) THEN '' ELSE html_body END
		WHERE id = $1 AND status = 'queued'`, id, db.nowMS(), notify.KindVerify, notify.KindReset, notify.KindSignIn, SentLinkNote)
	if err != nil {
		return fmt.Errorf("mark message %d sent: %w", id, err)
	}
	return nil
}

// RetryMessage gives a claimed message back to the outbox after a temporary failure: it is due
// again at next, and reason is kept as its last error. attempt is the message's Attempts as the
// claim returned it: it fences the claim (see ReleaseMessage).
func (db *DB) RetryMessage(ctx context.Context, id int64, attempt int, next time.Time, reason string) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE messages SET lease_until = 0, next_attempt_at = $2, last_error = $3
		WHERE id = $1 AND status = 'queued' AND attempts = $4 AND lease_until > 0`, id, next.UnixMilli(), reason, attempt)
	if err != nil {
		return fmt.Errorf("retry message %d: %w", id, err)
	}
	return nil
}

// ReleaseMessage gives a claimed message back unsent and uncounted (the sender is stopping), so
// the next claim may take it at once. attempt is the message's Attempts as the claim returned
// it, and fences the claim: every claim counts an attempt, so when the lease ran out and another
// sender claimed the message meanwhile (or it was given back already), the count differs (or the
// lease is 0) and nothing changes. Unfenced, a late release would free a message another sender
// is delivering, for a third to claim and send again.
func (db *DB) ReleaseMessage(ctx context.Context, id int64, attempt int) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE messages SET lease_until = 0, attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END
		WHERE id = $1 AND status = 'queued' AND attempts = $2 AND lease_until > 0`, id, attempt)
	if err != nil {
		return fmt.Errorf("release message %d: %w", id, err)
	}
	return nil
}

// FailMessage marks a message failed for good with its reason. When bounced is set (the mail
// server refused the address permanently) the account with that address is marked bounced in
// the same transaction, so no later mail is written to it. Like MarkMessageSent it is not
// fenced by the claim (a failure is a fact), but it changes only a message still queued: a
// sender whose lease ran out must not turn a message another sender delivered meanwhile into a
// failed one, nor mark its address bounced.
func (db *DB) FailMessage(ctx context.Context, id int64, reason string, bounced bool) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		now := db.nowMS()
		res, err := tx.ExecContext(ctx, `UPDATE messages SET status = 'failed', lease_until = 0, last_error = $2 WHERE id = $1 AND status = 'queued'`,
			id, reason)
		if err != nil {
			return fmt.Errorf("fail message %d: %w", id, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("fail message %d: %w", id, err)
		} else if n == 0 || !bounced {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE users SET bounced_at = $1, updated_at = $1
			WHERE bounced_at IS NULL AND email = (SELECT to_addr FROM messages WHERE id = $2)`, now, id); err != nil {
			return fmt.Errorf("mark the address of message %d bounced: %w", id, err)
		}
		return nil
	})
}

// OutboxCounts counts the messages in each state.
func (db *DB) OutboxCounts(ctx context.Context) (map[notify.Status]int, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT status, COUNT(*) FROM messages GROUP BY status`)
	if err != nil {
		return nil, fmt.Errorf("count outbox: %w", err)
	}
	defer rows.Close()
	out := map[notify.Status]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, fmt.Errorf("count outbox: %w", err)
		}
		out[notify.Status(s)] = n
	}
	return out, rows.Err()
}

// mailSecretKey is the settings key of the secret that signs unsubscribe tokens.
const mailSecretKey = "mail_unsubscribe_secret"

// MailSecret returns the installation's secret for signing unsubscribe links, creating it (32
// random bytes) the first time. It reads first and inserts only when the setting is missing
// (concurrent first calls agree: only one insert wins, and all read the winner back), then
// keeps the secret in memory: an unsubscribe request, even with a forged token, writes nothing.
func (db *DB) MailSecret(ctx context.Context) ([]byte, error) {
	if p := db.mailSecret.Load(); p != nil {
		return *p, nil
	}
	v, err := db.Setting(ctx, mailSecretKey)
	if errors.Is(err, ErrNotFound) {
		var fresh [32]byte
		if _, err := rand.Read(fresh[:]); err != nil {
			return nil, fmt.Errorf("mail secret: %w", err)
		}
		if _, err := db.sql.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`,
			mailSecretKey, hex.EncodeToString(fresh[:])); err != nil {
			return nil, fmt.Errorf("mail secret: %w", err)
		}
		v, err = db.Setting(ctx, mailSecretKey)
	}
	if err != nil {
		return nil, fmt.Errorf("mail secret: %w", err)
	}
	secret, err := hex.DecodeString(v)
	if err != nil || len(secret) < 16 {
		return nil, errors.New("mail secret: the stored setting is not a hex secret of at least 16 bytes")
	}
	db.mailSecret.Store(&secret)
	return secret, nil
}

// Unsubscribe turns a shopper's digests off (frequency "off"), keeping their other preferences.
// An unknown user gives ErrNotFound.
func (db *DB) Unsubscribe(ctx context.Context, userID int64) error {
	res, err := db.sql.ExecContext(ctx, `INSERT INTO preferences (user_id, frequency, updated_at)
		SELECT id, 'off', $2 FROM users WHERE id = $1
		ON CONFLICT (user_id) DO UPDATE SET frequency = 'off', updated_at = excluded.updated_at`, userID, db.nowMS())
	if err != nil {
		return fmt.Errorf("unsubscribe user %d: %w", userID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("unsubscribe user %d: %w", userID, ErrNotFound)
	}
	return nil
}

// AddressBounced reports whether mail to an account's address was refused for good.
func (db *DB) AddressBounced(ctx context.Context, email string) (bool, error) {
	var bounced sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT bounced_at FROM users WHERE email = $1`, email).Scan(&bounced); err != nil {
		return false, fmt.Errorf("bounced address %s: %w", email, notFound(err))
	}
	return bounced.Valid, nil
}
