package store

import (
	"context"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Retailer is a shop whose feeds tagdrop imports. Its slug is its key.
type Retailer struct {
	ID   int64
	Slug string
	Name string
}

// EnsureRetailer returns the retailer whose slug is that of name, creating it if new. An
// existing retailer keeps its name.
func (db *DB) EnsureRetailer(ctx context.Context, name string) (Retailer, error) {
	slug := catalog.Slug(name)
	if slug == "" {
		return Retailer{}, fmt.Errorf("retailer name %q has no letters or digits", name)
	}
	var r Retailer
	err := db.sql.QueryRowContext(ctx, `INSERT INTO retailers (slug, name, created_at) VALUES ($1, $2, $3)
		ON CONFLICT (slug) DO UPDATE SET slug = excluded.slug RETURNING id, slug, name`, slug, name, db.nowMS()).Scan(&r.ID, &r.Slug, &r.Name)
	if err != nil {
		return Retailer{}, fmt.Errorf("retailer %q: %w", name, err)
	}
	return r, nil
}

// RetailerBySlug finds a retailer by its slug.
func (db *DB) RetailerBySlug(ctx context.Context, slug string) (Retailer, error) {
	var r Retailer
	err := db.sql.QueryRowContext(ctx, `SELECT id, slug, name FROM retailers WHERE slug = $1`, slug).Scan(&r.ID, &r.Slug, &r.Name)
	if err != nil {
		return Retailer{}, fmt.Errorf("retailer %q: %w", slug, notFound(err))
	}
	return r, nil
}
