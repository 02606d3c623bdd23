package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
)

// Sign-up runs the same statements whether or not the address already has an account, so
// neither the answer nor the time it takes tells a visitor which addresses have one: the user
// insert does nothing on a taken address, the preferences insert nothing for an account that
// has them, and the caller's job insert (which mail to send is decided off the request path,
// by the job) is the same for both. Nobody is signed in until the address is confirmed.

// SignUp records a sign-up for the normalised address email with the argon2id hash of the
// chosen password, in one transaction: a new unconfirmed shopper account if the address has
// none (an existing account is left exactly as it was), and whatever enqueue adds in the same
// transaction (the job that sends the mail; it exists only if the transaction commits).
func (db *DB) SignUp(ctx context.Context, email, passwordHash string, enqueue func(tx *sql.Tx) error) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		now := db.nowMS()
		if _, err := tx.ExecContext(ctx, `INSERT INTO users (email, role, password_hash, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $4) ON CONFLICT (email) DO NOTHING`, email, string(account.Shopper), passwordHash, now); err != nil {
			return fmt.Errorf("sign up %s: %w", email, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO preferences (user_id, updated_at)
			SELECT id, CAST($2 AS BIGINT) FROM users WHERE email = $1 ON CONFLICT (user_id) DO NOTHING`, email, now); err != nil {
			return fmt.Errorf("create preferences for %s: %w", email, err)
		}
		return enqueue(tx)
	})
}

// ConfirmSignupWithToken uses a verification token: the address is confirmed and, the first
// time, every session of the account ends and the one new session given (sessionHash) opens
// for the clicker, who has just shown they read the address's mail. The password chosen at
// sign-up stays only if keepPassword (the clicker typed it, proving they chose it) or the
// clicker's own session (clickerSession, the hash of the request's cookie, or "") already
// belongs to the account; otherwise it is cleared, since anyone could have signed up with the
// address and chosen it (pre-verification takeover). first reports a first confirmation; an
// address confirmed before only has its token used up, and no session opens.
func (db *DB) ConfirmSignupWithToken(ctx context.Context, tokenHash string, keepPassword bool, clickerSession, sessionHash string,
	sessionExpires time.Time) (u account.User, first bool, err error) {
	var userID int64
	err = db.InTx(ctx, func(tx *sql.Tx) error {
		var err error
		if userID, err = db.consumeToken(ctx, tx, account.VerifyEmail, tokenHash); err != nil {
			return err
		}
		now := db.nowMS()
		res, err := tx.ExecContext(ctx, `UPDATE users SET email_verified_at = $1, updated_at = $1,
			password_hash = CASE WHEN $3 OR EXISTS (SELECT 1 FROM sessions WHERE token_hash = $4 AND user_id = $2 AND expires_at > $1)
				THEN password_hash ELSE '' END
			WHERE id = $2 AND email_verified_at IS NULL`, now, userID, keepPassword, clickerSession)
		if err != nil {
			return fmt.Errorf("confirm the address of user %d: %w", userID, err)
		}
		n, err := res.RowsAffected()
		if err != nil || n == 0 {
			return err
		}
		first = true
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID); err != nil {
			return fmt.Errorf("end sessions of user %d: %w", userID, err)
		}
		return insertSession(ctx, tx, sessionHash, userID, now, sessionExpires)
	})
	if err != nil {
		return account.User{}, false, err
	}
	u, err = db.UserByID(ctx, userID)
	return u, first, err
}
