package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/notify"
)

const messageColumns = `id, user_id, kind, message_id, to_addr, subject, text_body, html_body, status, attempts, last_error, created_at, sent_at`

func scanMessage(row interface{ Scan(...any) error }) (notify.Message, error) {
	var m notify.Message
	var userID, sentAt sql.NullInt64
	var status string
	var created int64
	if err := row.Scan(&m.ID, &userID, &m.Kind, &m.MessageID, &m.To, &m.Subject, &m.TextBody, &m.HTMLBody,
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
	err := db.sql.QueryRowContext(ctx, `INSERT INTO messages (user_id, kind, message_id, to_addr, subject, text_body, html_body, status, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		userID, m.Kind, m.MessageID, m.To, m.Subject, m.TextBody, m.HTMLBody, string(notify.Queued), created).Scan(&id)
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
	defer rows.Close()
	var out []notify.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Message reads one outbox message by id.
func (db *DB) Message(ctx context.Context, id int64) (notify.Message, error) {
	m, err := scanMessage(db.sql.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = $1`, id))
	if err != nil {
		return notify.Message{}, fmt.Errorf("message %d: %w", id, err)
	}
	return m, nil
}
