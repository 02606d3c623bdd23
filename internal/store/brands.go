package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// queryer is what both *sql.DB and *sql.Tx offer, so helpers work in and out of transactions.
type queryer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// FindBrand looks a brand up by name, slug or alias (accents and case ignored).
func (db *DB) FindBrand(ctx context.Context, name string) (catalog.Brand, error) {
	return findBrand(ctx, db.sql, name)
}

func findBrand(ctx context.Context, q queryer, name string) (catalog.Brand, error) {
	slug := catalog.Slug(name)
	var b catalog.Brand
	err := q.QueryRowContext(ctx, `SELECT b.id, b.slug, b.name FROM brands b WHERE b.slug = $1
		UNION ALL SELECT b.id, b.slug, b.name FROM brand_aliases a JOIN brands b ON b.id = a.brand_id WHERE a.alias = $1
		LIMIT 1`, slug).Scan(&b.ID, &b.Slug, &b.Name)
	if err != nil {
		return catalog.Brand{}, fmt.Errorf("brand %q: %w", name, notFound(err))
	}
	return b, nil
}

// EnsureBrand returns the brand known by name (or one of its aliases), creating it if new.
func (db *DB) EnsureBrand(ctx context.Context, name string) (catalog.Brand, error) {
	return ensureBrand(ctx, db.sql, name, db.nowMS())
}

func ensureBrand(ctx context.Context, q queryer, name string, now int64) (catalog.Brand, error) {
	slug := catalog.Slug(name)
	if slug == "" {
		return catalog.Brand{}, fmt.Errorf("brand name %q has no letters or digits", name)
	}
	if b, err := findBrand(ctx, q, name); err == nil {
		return b, nil
	}
	var b catalog.Brand
	err := q.QueryRowContext(ctx, `INSERT INTO brands (slug, name, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id, slug, name`, slug, name, now).Scan(&b.ID, &b.Slug, &b.Name)
	if err != nil {
		return catalog.Brand{}, fmt.Errorf("create brand %q: %w", name, err)
	}
	return b, nil
}

// AddBrandAlias makes alias another name for brand.
func (db *DB) AddBrandAlias(ctx context.Context, brandID int64, alias string) error {
	slug := catalog.Slug(alias)
	if slug == "" {
		return fmt.Errorf("brand alias %q has no letters or digits", alias)
	}
	_, err := db.sql.ExecContext(ctx, `INSERT INTO brand_aliases (alias, brand_id) VALUES ($1, $2)
		ON CONFLICT (alias) DO UPDATE SET brand_id = excluded.brand_id`, slug, brandID)
	if err != nil {
		return fmt.Errorf("add alias %q: %w", alias, err)
	}
	return nil
}

// ListBrands returns all brands by name.
func (db *DB) ListBrands(ctx context.Context) ([]catalog.Brand, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, slug, name FROM brands ORDER BY slug`)
	if err != nil {
		return nil, fmt.Errorf("list brands: %w", err)
	}
	defer rows.Close()
	var out []catalog.Brand
	for rows.Next() {
		var b catalog.Brand
		if err := rows.Scan(&b.ID, &b.Slug, &b.Name); err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
