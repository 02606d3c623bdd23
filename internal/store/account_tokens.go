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

// DroppedStatus is the outbox status of a link request for an address without an account, as
// tagdrop before the account-mail job (internal/accountmail) wrote them: bodies empty, never
// sent. None are written any more; the outbox hides the old ones and DeleteExpiredAccountTokens
// removes them a day after they were made.
const DroppedStatus = "dropped"

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

// confirmByLink records that a link reached an account's address. The first time (the account
// was unconfirmed) it also ends every session of the account and clears its password, in the
// caller's transaction: until then anyone could have signed up with the address and chosen the
// password, so neither the password nor the sessions it opened can be trusted (pre-verification
// takeover). The one exception is a clicker whose own session (clickerSession, the hash of the
// request's cookie) already belongs to the account: they hold the password and the mailbox, so
// the password is theirs and stays. It reports whether this was the first confirmation.
func (db *DB) confirmByLink(ctx context.Context, tx *sql.Tx, userID int64, clickerSession string) (bool, error) {
	now := db.nowMS()
	res, err := tx.ExecContext(ctx, `UPDATE users SET email_verified_at = $1, updated_at = $1,
		password_hash = CASE WHEN EXISTS (SELECT 1 FROM sessions WHERE token_hash = $3 AND user_id = $2 AND expires_at > $1)
			THEN password_hash ELSE '' END
		WHERE id = $2 AND email_verified_at IS NULL`, now, userID, clickerSession)
	if err != nil {
		return false, fmt.Errorf("confirm the address of user %d: %w", userID, err)
	}
	n, err := res.RowsAffected()
	if err != nil || n == 0 {
		return false, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
		return false, fmt.Errorf("end sessions of user %d: %w", userID, err)
	}
	return true, nil
}

// VerifyEmailWithToken uses a verification token and marks its user's address verified. When
// that is the account's first confirmation it also clears the password and ends every session
// (see confirmByLink) and opens the one new session given (sessionHash) for the clicker, who
// has just shown they read the address's mail; first reports that case. clickerSession is the
// hash of the session cookie the click came with ("" without one).
func (db *DB) VerifyEmailWithToken(ctx context.Context, tokenHash, clickerSession, sessionHash string, sessionExpires time.Time) (u account.User, first bool, err error) {
	var userID int64
	err = db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if userID, err = db.consumeToken(ctx, tx, account.VerifyEmail, tokenHash); err != nil {
			return err
		}
		if first, err = db.confirmByLink(ctx, tx, userID, clickerSession); err != nil || !first {
			return err
		}
		return insertSession(ctx, tx, sessionHash, userID, db.nowMS(), sessionExpires)
	})
	if err != nil {
		return account.User{}, false, err
	}
	u, err = db.UserByID(ctx, userID)
	return u, first, err
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
// hash, ends every session of the user, voids their other reset and sign-in links and marks the address
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
		if err := voidPasswordLinks(ctx, tx, userID, now); err != nil {
			return err
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
// transaction; the address counts as verified since the link reached it. If that is the
// account's first confirmation, the password is cleared and every other session ended first
// (see confirmByLink; clickerSession is the hash of the cookie the click came with, or "").
func (db *DB) SignInWithToken(ctx context.Context, tokenHash, clickerSession, sessionHash string, sessionExpires time.Time) (account.User, error) {
	var userID int64
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if userID, err = db.consumeToken(ctx, tx, account.SignInLink, tokenHash); err != nil {
			return err
		}
		if _, err := db.confirmByLink(ctx, tx, userID, clickerSession); err != nil {
			return err
		}
		return insertSession(ctx, tx, sessionHash, userID, db.nowMS(), sessionExpires)
	})
	if err != nil {
		return account.User{}, err
	}
	return db.UserByID(ctx, userID)
}

// ChangePassword sets a new password hash, ends every session of the user except keep (the
// hash of the session making the change) and voids their reset and sign-in links, in one
// transaction.
func (db *DB) ChangePassword(ctx context.Context, userID int64, passwordHash, keepSessionHash string) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		if err := expectOne(tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, passwordHash, db.nowMS(), userID)); err != nil {
			return fmt.Errorf("change password for user %d: %w", userID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2`, userID, keepSessionHash); err != nil {
			return fmt.Errorf("end other sessions of user %d: %w", userID, err)
		}
		return voidPasswordLinks(ctx, tx, userID, db.nowMS())
	})
}

// voidPasswordLinks marks a user's unused reset and sign-in links used. Links sent before a
// password change or reset must not undo it: a reset link would set another password, and a
// sign-in link would open a session that the change was meant to end.
func voidPasswordLinks(ctx context.Context, tx *sql.Tx, userID, now int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE account_tokens SET used_at = $1 WHERE user_id = $2 AND purpose IN ($3, $4) AND used_at IS NULL`,
		now, userID, string(account.ResetPassword), string(account.SignInLink)); err != nil {
		return fmt.Errorf("void reset and sign-in links of user %d: %w", userID, err)
	}
	return nil
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

// DeleteExpiredAccountTokens removes tokens past their expiry and reports how many went. It
// also removes dropped link requests (RequestAccountLink) older than a day: they exist only to
// make requests for unknown addresses cost the same, and hold an address that has no account.
func (db *DB) DeleteExpiredAccountTokens(ctx context.Context) (int64, error) {
	now := db.nowMS()
	res, err := db.sql.ExecContext(ctx, `DELETE FROM account_tokens WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, fmt.Errorf("delete expired account tokens: %w", err)
	}
	if _, err := db.sql.ExecContext(ctx, `DELETE FROM messages WHERE status = $1 AND created_at <= $2`,
		DroppedStatus, now-(24*time.Hour).Milliseconds()); err != nil {
		return 0, fmt.Errorf("delete dropped link requests: %w", err)
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
