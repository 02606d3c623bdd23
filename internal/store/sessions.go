package store

import (
	"context"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
)

// CreateSession records a signed-in session under the hash of its token.
func (db *DB) CreateSession(ctx context.Context, tokenHash string, userID int64, expires time.Time) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, userID, db.nowMS(), expires.UnixMilli())
	if err != nil {
		return fmt.Errorf("create session for user %d: %w", userID, err)
	}
	return nil
}

// SessionUser returns the user of an unexpired session, or ErrNotFound.
func (db *DB) SessionUser(ctx context.Context, tokenHash string) (account.User, error) {
	u, err := scanUser(db.sql.QueryRowContext(ctx, `SELECT u.id, u.email, u.role, u.display_name, u.password_hash, u.email_verified_at, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`, tokenHash, db.nowMS()))
	if err != nil {
		return account.User{}, fmt.Errorf("session: %w", err)
	}
	return u, nil
}

// DeleteSession ends one session (sign-out).
func (db *DB) DeleteSession(ctx context.Context, tokenHash string) error {
	_, err := db.sql.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = $1`, tokenHash)
	return err
}

// DeleteUserSessions ends every session of a user (password change, deletion, "sign out everywhere").
func (db *DB) DeleteUserSessions(ctx context.Context, userID int64) error {
	_, err := db.sql.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
	return err
}

// DeleteExpiredSessions removes sessions past their expiry and reports how many went.
func (db *DB) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= $1`, db.nowMS())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}
