package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Preferences reads a shopper's standing request.
func (db *DB) Preferences(ctx context.Context, userID int64) (account.Preferences, error) {
	p := account.Preferences{UserID: userID}
	var maxPrice sql.NullInt64
	var hide int64
	var freq string
	err := db.sql.QueryRowContext(ctx, `SELECT currency, max_price, min_discount_pct, hide_questionable, frequency, digest_hour, time_zone
		FROM preferences WHERE user_id = $1`, userID).Scan(&p.Currency, &maxPrice, &p.MinDiscountPct, &hide, &freq, &p.DigestHour, &p.TimeZone)
	if err != nil {
		return p, fmt.Errorf("preferences of user %d: %w", userID, notFound(err))
	}
	p.MaxPrice = maxPrice.Int64
	p.HideQuestionable = hide != 0
	p.Frequency = account.Frequency(freq)
	if p.Brands, err = strings1(ctx, db.sql, `SELECT b.name FROM preference_brands pb JOIN brands b ON b.id = pb.brand_id WHERE pb.user_id = $1 ORDER BY b.slug`, userID); err != nil {
		return p, err
	}
	if p.Categories, err = strings1(ctx, db.sql, `SELECT c.path FROM preference_categories pc JOIN categories c ON c.id = pc.category_id WHERE pc.user_id = $1 ORDER BY c.path`, userID); err != nil {
		return p, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT kind, system, value FROM preference_sizes WHERE user_id = $1 ORDER BY kind, system, value`, userID)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var s account.SizePref
		if err := rows.Scan(&s.Kind, &s.System, &s.Value); err != nil {
			return p, err
		}
		p.Sizes = append(p.Sizes, s)
	}
	return p, rows.Err()
}

// SavePreferences replaces a shopper's preferences in one transaction: all of them or, on any
// error, none. Brands must be known by name or alias, to the catalogue or to tagdrop's brand
// directory (catalog.DefaultBrands; such a brand is added, so a shopper can follow a label
// before its first sale arrives), and categories must exist (by path, name or slug); the error
// names the first that is not and wraps ErrNotFound.
func (db *DB) SavePreferences(ctx context.Context, p account.Preferences) error {
	return db.InTx(ctx, func(tx *sql.Tx) error {
		var maxPrice sql.NullInt64
		if p.MaxPrice > 0 {
			maxPrice = sql.NullInt64{Int64: p.MaxPrice, Valid: true}
		}
		hide := 0
		if p.HideQuestionable {
			hide = 1
		}
		if p.Currency == "" {
			p.Currency = "EUR"
		}
		if p.Frequency == "" {
			p.Frequency = account.Daily
		}
		if p.TimeZone == "" {
			p.TimeZone = "UTC"
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO preferences (user_id, currency, max_price, min_discount_pct, hide_questionable, frequency, digest_hour, time_zone, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
			ON CONFLICT (user_id) DO UPDATE SET currency = excluded.currency, max_price = excluded.max_price,
			min_discount_pct = excluded.min_discount_pct, hide_questionable = excluded.hide_questionable,
			frequency = excluded.frequency, digest_hour = excluded.digest_hour, time_zone = excluded.time_zone,
			updated_at = excluded.updated_at`,
			p.UserID, p.Currency, maxPrice, p.MinDiscountPct, hide, string(p.Frequency), p.DigestHour, p.TimeZone, db.nowMS())
		if err != nil {
			return fmt.Errorf("save preferences of user %d: %w", p.UserID, err)
		}
		for _, q := range []string{`DELETE FROM preference_brands WHERE user_id = $1`, `DELETE FROM preference_sizes WHERE user_id = $1`,
			`DELETE FROM preference_categories WHERE user_id = $1`} {
			if _, err := tx.ExecContext(ctx, q, p.UserID); err != nil {
				return err
			}
		}
		for _, name := range p.Brands {
			b, err := findBrand(ctx, tx, name)
			if errors.Is(err, ErrNotFound) {
				if canonical, ok := catalog.DefaultBrands().LookupBrand(name); ok {
					b, err = ensureBrand(ctx, tx, canonical, db.nowMS())
				}
			}
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO preference_brands (user_id, brand_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, p.UserID, b.ID); err != nil {
				return err
			}
		}
		for _, s := range p.Sizes {
			if _, err := tx.ExecContext(ctx, `INSERT INTO preference_sizes (user_id, kind, system, value) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
				p.UserID, s.Kind, s.System, s.Value); err != nil {
				return err
			}
		}
		for _, c := range p.Categories {
			var id int64
			err := tx.QueryRowContext(ctx, `SELECT id FROM categories WHERE path = $1 OR slug = $2 OR lower(name) = lower($1) ORDER BY length(path) LIMIT 1`,
				c, catalog.Slug(c)).Scan(&id)
			if err != nil {
				return fmt.Errorf("category %q: %w", c, notFound(err))
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO preference_categories (user_id, category_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, p.UserID, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// strings1 runs a query returning one text column.
func strings1(ctx context.Context, q queryer, query string, args ...any) ([]string, error) {
	return queryColumn[string](ctx, q, query, args...)
}
