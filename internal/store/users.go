package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/account"
)

const userColumns = `id, email, role, display_name, password_hash, email_verified_at, created_at`

func scanUser(row interface{ Scan(...any) error }) (account.User, error) {
	var u account.User
	var role string
	var verified sql.NullInt64
	var created int64
	if err := row.Scan(&u.ID, &u.Email, &role, &u.DisplayName, &u.PasswordHash, &verified, &created); err != nil {
		return account.User{}, notFound(err)
	}
	u.Role = account.Role(role)
	u.EmailVerified = verified.Valid
	u.CreatedAt = fromMS(created)
	return u, nil
}

// CreateUser adds an account. email must already be normalised; passwordHash may be empty for an
// account that signs in by link only. It returns ErrConflict if the address is taken.
func (db *DB) CreateUser(ctx context.Context, email string, role account.Role, passwordHash string, verified bool) (account.User, error) {
	now := db.nowMS()
	var verifiedAt sql.NullInt64
	if verified {
		verifiedAt = sql.NullInt64{Int64: now, Valid: true}
	}
	row := db.sql.QueryRowContext(ctx, `INSERT INTO users (email, role, password_hash, email_verified_at, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $5) RETURNING `+userColumns, email, string(role), passwordHash, verifiedAt, now)
	u, err := scanUser(row)
	if isUniqueViolation(err) {
		return account.User{}, fmt.Errorf("user %s: %w", email, ErrConflict)
	}
	if err != nil {
		return account.User{}, fmt.Errorf("create user %s: %w", email, err)
	}
	_, err = db.sql.ExecContext(ctx, `INSERT INTO preferences (user_id, updated_at) VALUES ($1, $2)`, u.ID, now)
	if err != nil {
		return account.User{}, fmt.Errorf("create preferences for %s: %w", email, err)
	}
	return u, nil
}

// UserByEmail finds an account by its normalised address.
func (db *DB) UserByEmail(ctx context.Context, email string) (account.User, error) {
	u, err := scanUser(db.sql.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE email = $1`, email))
	if err != nil {
		return account.User{}, fmt.Errorf("user %s: %w", email, err)
	}
	return u, nil
}

// UserByID finds an account by id.
func (db *DB) UserByID(ctx context.Context, id int64) (account.User, error) {
	u, err := scanUser(db.sql.QueryRowContext(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return account.User{}, fmt.Errorf("user %d: %w", id, err)
	}
	return u, nil
}

// ListUsers returns every account in order of creation.
func (db *DB) ListUsers(ctx context.Context) ([]account.User, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []account.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetPassword replaces a user's password hash and ends all their sessions.
func (db *DB) SetPassword(ctx context.Context, userID int64, hash string) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		if err := expectOne(tx.ExecContext(ctx, `UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3`, hash, db.nowMS(), userID)); err != nil {
			return fmt.Errorf("set password for user %d: %w", userID, err)
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, userID)
		return err
	})
}

// SetRole changes a user's role.
func (db *DB) SetRole(ctx context.Context, userID int64, role account.Role) error {
	err := expectOne(db.sql.ExecContext(ctx, `UPDATE users SET role = $1, updated_at = $2 WHERE id = $3`, string(role), db.nowMS(), userID))
	if err != nil {
		return fmt.Errorf("set role for user %d: %w", userID, err)
	}
	return nil
}

// DeleteUser removes an account and, through foreign keys, everything personal that hangs off it.
func (db *DB) DeleteUser(ctx context.Context, userID int64) error {
	if err := expectOne(db.sql.ExecContext(ctx, `DELETE FROM users WHERE id = $1`, userID)); err != nil {
		return fmt.Errorf("delete user %d: %w", userID, err)
	}
	return nil
}

// expectOne turns "no row changed" into ErrNotFound.
func expectOne(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}
