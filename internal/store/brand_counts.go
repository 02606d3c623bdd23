package store

import (
	"context"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// BrandCount is a brand with how much of the catalogue and of the shoppers it has.
type BrandCount struct {
	catalog.Brand
	Products  int
	Followers int
}

// BrandCounts returns every brand by name with its product and follower counts: the list an
// admin reads to find brands to merge.
func (db *DB) BrandCounts(ctx context.Context) ([]BrandCount, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT b.id, b.slug, b.name,
		(SELECT COUNT(*) FROM products p WHERE p.brand_id = b.id),
		(SELECT COUNT(*) FROM preference_brands f WHERE f.brand_id = b.id)
		FROM brands b ORDER BY b.slug`)
	if err != nil {
		return nil, fmt.Errorf("brand counts: %w", err)
	}
	defer rows.Close()
	var out []BrandCount
	for rows.Next() {
		var b BrandCount
		if err := rows.Scan(&b.ID, &b.Slug, &b.Name, &b.Products, &b.Followers); err != nil {
			return nil, fmt.Errorf("brand counts: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
