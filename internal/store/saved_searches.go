package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// SavedSearch is a search a shopper named and kept: Query is the search's URL query string as
// search.Request.Values writes it (checked by search.Parse before it is saved).
type SavedSearch struct {
	ID        int64
	UserID    int64
	Name      string
	Query     string
	CreatedAt time.Time
}

// SaveSearch stores a named search; ErrConflict when the shopper already has one of that name,
// ErrLimit when they already keep MaxSavedSearches.
func (db *DB) SaveSearch(ctx context.Context, userID int64, name, query string) (SavedSearch, error) {
	s := SavedSearch{UserID: userID, Name: name, Query: query, CreatedAt: fromMS(db.nowMS())}
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		if err := db.lockUser(ctx, tx, userID); err != nil {
			return err
		}
		if err := underCap(ctx, tx, "saved searches", MaxSavedSearches, `SELECT COUNT(*) FROM saved_searches WHERE user_id = $1`,
			"", userID); err != nil {
			return err
		}
		return tx.QueryRowContext(ctx, `INSERT INTO saved_searches (user_id, name, query, created_at) VALUES ($1, $2, $3, $4) RETURNING id`,
			userID, name, query, s.CreatedAt.UnixMilli()).Scan(&s.ID)
	})
	if errors.Is(err, ErrLimit) {
		return SavedSearch{}, err
	}
	if isUniqueViolation(err) {
		return SavedSearch{}, fmt.Errorf("save search %q: %w", name, ErrConflict)
	}
	if err != nil {
		return SavedSearch{}, fmt.Errorf("save search %q of user %d: %w", name, userID, err)
	}
	return s, nil
}

// SavedSearches lists a shopper's saved searches by name.
func (db *DB) SavedSearches(ctx context.Context, userID int64) ([]SavedSearch, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, user_id, name, query, created_at FROM saved_searches
		WHERE user_id = $1 ORDER BY name, id`, userID)
	if err != nil {
		return nil, fmt.Errorf("saved searches of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []SavedSearch
	for rows.Next() {
		var s SavedSearch
		var created int64
		if err := rows.Scan(&s.ID, &s.UserID, &s.Name, &s.Query, &created); err != nil {
			return nil, fmt.Errorf("saved searches of user %d: %w", userID, err)
		}
		s.CreatedAt = fromMS(created)
		out = append(out, s)
	}
	return out, rows.Err()
}

// DeleteSavedSearch removes one of a shopper's saved searches (ErrNotFound if it is not theirs).
func (db *DB) DeleteSavedSearch(ctx context.Context, userID, id int64) error {
	if err := expectOne(db.sql.ExecContext(ctx, `DELETE FROM saved_searches WHERE id = $1 AND user_id = $2`, id, userID)); err != nil {
		return fmt.Errorf("delete saved search %d: %w", id, err)
	}
	return nil
}
