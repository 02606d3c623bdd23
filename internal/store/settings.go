package store

import (
	"context"
	"fmt"
)

// Setting reads one installation-wide setting. A key never set gives ErrNotFound.
func (db *DB) Setting(ctx context.Context, key string) (string, error) {
	var v string
	if err := db.sql.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v); err != nil {
		return "", fmt.Errorf("setting %q: %w", key, notFound(err))
	}
	return v, nil
}

// SetSetting writes one installation-wide setting, replacing any earlier value.
func (db *DB) SetSetting(ctx context.Context, key, value string) error {
	_, err := db.sql.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("set setting %q: %w", key, err)
	}
	return nil
}
