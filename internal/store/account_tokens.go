package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
)

// Account tokens are the single-use secrets in the links tagdrop e-mails (verification, password
// reset, password-less sign-in). Only their SHA-256 is stored. Using one is a single UPDATE that
// checks purpose, expiry and use and marks it used, so two clicks racing each other cannot both
// succeed: of two concurrent consumers exactly one gets the row back.

// queryRower is what consumeToken needs: the pool or a transaction.
type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// CreateAccountToken stores the hash of a new link token for a user.
func (db *DB) CreateAccountToken(ctx context.Context, userID int64, purpose account.Purpose, tokenHash string, expires time.Time) error {
	if _, err := account.ParsePurpose(string(purpose)); err != nil {
		return err
	}
	_, err := db.sql.ExecContext(ctx, `INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
		tokenHash, userID, string(purpose), db.nowMS(), expires.UnixMilli())
	if isUniqueViolation(err) {
		return fmt.Errorf("create %s token for user %d: %w", purpose, userID, ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("create %s token for user %d: %w", purpose, userID, err)
	}
	return nil
}

// consumeToken marks an unused, unexpired token of the purpose used and returns its user, in
// one statement; anything else is ErrNotFound.
func (db *DB) consumeToken(ctx context.Context, q queryRower, purpose account.Purpose, tokenHash string) (int64, error) {
	var userID int64
	err := q.QueryRowContext(ctx, `UPDATE account_tokens SET used_at = $1
		WHERE token_hash = $2 AND purpose = $3 AND used_at IS NULL AND expires_at > $1 RETURNING user_id`,
		db.nowMS(), tokenHash, string(purpose)).Scan(&userID)
	if err != nil {
		return 0, fmt.Errorf("use %s token: %w", purpose, notFound(err))
	}
	return userID, nil
}

// ConsumeAccountToken uses a token: it works once, only for its purpose and only before it
// expires. It returns the token's user, or ErrNotFound for an unknown, used, expired or
// wrong-purpose token (callers show one "link expired or used" answer for all of them).
func (db *DB) ConsumeAccountToken(ctx context.Context, purpose account.Purpose, tokenHash string) (int64, error) {
	return db.consumeToken(ctx, db.sql, purpose, tokenHash)
}

// AccountTokenUser reports whose a token is if it would still work now, without using it: the
// pages a link opens (which mail scanners prefetch) check the link with it and change nothing.
func (db *DB) AccountTokenUser(ctx context.Context, purpose account.Purpose, tokenHash string) (account.User, error) {
	u, err := scanUser(db.sql.QueryRowContext(ctx, `SELECT u.id, u.email, u.role, u.display_name, u.password_hash, u.email_verified_at, u.created_at
		FROM account_tokens t JOIN users u ON u.id = t.user_id
		WHERE t.token_hash = $1 AND t.purpose = $2 AND t.used_at IS NULL AND t.expires_at > $3`, tokenHash, string(purpose), db.nowMS()))
	if err != nil {
		return account.User{}, fmt.Errorf("%s token: %w", purpose, err)
	}
	return u, nil
}

// markVerified sets email_verified_at unless it is already set.
func (db *DB) markVerified(ctx context.Context, tx *sql.Tx, userID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE users SET email_verified_at = $1, updated_at = $1 WHERE id = $2 AND email_verified_at IS NULL`, db.nowMS(), userID)
	return err
}

// VerifyEmailWithToken uses a verification token and marks its user's address verified.
func (db *DB) VerifyEmailWithToken(ctx context.Context, tokenHash string) (account.User, error) {
	var userID int64
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if userID, err = db.consumeToken(ctx, tx, account.VerifyEmail, tokenHash); err != nil {
			return err
		}
		return db.markVerified(ctx, tx, userID)
	})
	if err != nil {
		return account.User{}, err
	}
	return db.UserByID(ctx, userID)
}

// MarkEmailVerified records that a user's address receives mail (`tagdrop user verify`).
func (db *DB) MarkEmailVerified(ctx context.Context, userID int64) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		if err := expectOne(tx.ExecContext(ctx, `UPDATE users SET updated_at = $1 WHERE id = $2`, db.nowMS(), userID)); err != nil {
			return fmt.Errorf("verify user %d: %w", userID, err)
		}
		return db.markVerified(ctx, tx, userID)
	})
}

// ResetPasswordWithToken uses a reset token and, in the same transaction, sets the new password
// hash, ends every session of the user, voids their other reset links and marks the address
// verified (the link reached it). It then opens the one new session given (sessionHash), so the
// shopper is signed in fresh and nowhere else.
func (db *DB) ResetPasswordWithToken(ctx context.Context, tokenHash, passwordHash, sessionHash string, sessionExpires time.Time) (account.User, error) {
	var userID int64
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if userID, err = db.consumeToken(ctx, tx, account.ResetPassword, tokenHash); err != nil {
			return err
		}
		now := db.nowMS()
		if err := expectOne(tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, passwordHash, now, userID)); err != nil {
			return fmt.Errorf("set password for user %d: %w", userID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return fmt.Errorf("end sessions of user %d: %w", userID, err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL`,
			now, userID, string(account.ResetPassword)); err != nil {
			return fmt.Errorf("void reset links of user %d: %w", userID, err)
		}
		if err := db.markVerified(ctx, tx, userID); err != nil {
			return err
		}
		return insertSession(ctx, tx, sessionHash, userID, now, sessionExpires)
	})
	if err != nil {
		return account.User{}, err
	}
	return db.UserByID(ctx, userID)
}

// SignInWithToken uses a sign-in link token and opens a session for its user in the same
// transaction; the address counts as verified since the link reached it.
func (db *DB) SignInWithToken(ctx context.Context, tokenHash, sessionHash string, sessionExpires time.Time) (account.User, error) {
	var userID int64
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if userID, err = db.consumeToken(ctx, tx, account.SignInLink, tokenHash); err != nil {
			return err
		}
		if err := db.markVerified(ctx, tx, userID); err != nil {
			return err
		}
		return insertSession(ctx, tx, sessionHash, userID, db.nowMS(), sessionExpires)
	})
	if err != nil {
		return account.User{}, err
	}
	return db.UserByID(ctx, userID)
}

// ChangePassword sets a new password hash and ends every session of the user except keep (the
// hash of the session making the change), in one transaction.
func (db *DB) ChangePassword(ctx context.Context, userID int64, passwordHash, keepSessionHash string) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		if err := expectOne(tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, passwordHash, db.nowMS(), userID)); err != nil {
			return fmt.Errorf("change password for user %d: %w", userID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, userID, keepSessionHash); err != nil {
			return fmt.Errorf("end other sessions of user %d: %w", userID, err)
		}
		// Reset links sent before the change must not undo it.
		_, err := tx.ExecContext(ctx, `UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose = $3 AND used_at IS NULL`,
			db.nowMS(), userID, string(account.ResetPassword))
		return err
	})
}

// CountSessions is how many unexpired sessions a user has (the account page and the export).
func (db *DB) CountSessions(ctx context.Context, userID int64) (int, error) {
	var n int
	err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM sessions WHERE user_id = $1 AND expires_at > $2`, userID, db.nowMS()).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count sessions of user %d: %w", userID, err)
	}
	return n, nil
}

// DeleteExpiredAccountTokens removes tokens past their expiry and reports how many went.
func (db *DB) DeleteExpiredAccountTokens(ctx context.Context) (int64, error) {
	res, err := db.sql.ExecContext(ctx, `DELETE FROM account_tokens WHERE expires_at <= $1`, db.nowMS())
	if err != nil {
		return 0, fmt.Errorf("delete expired account tokens: %w", err)
	}
	return res.RowsAffected()
}

func insertSession(ctx context.Context, tx *sql.Tx, tokenHash string, userID, now int64, expires time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, userID, now, expires.UnixMilli())
	if err != nil {
		return fmt.Errorf("create session for user %d: %w", userID, err)
	}
	return nil
}
