package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/editorial"
)

// CreateCollection stores a new collection with its items in one transaction and returns its id.
// Items name their products by ProductKey; a key with no product fails the whole collection with
// an error naming it (wrapping ErrNotFound). A taken slug gives ErrConflict.
func (db *DB) CreateCollection(ctx context.Context, c editorial.Collection) (int64, error) {
	if c.Slug == "" || c.Title == "" {
		return 0, fmt.Errorf("create collection: slug and title are required")
	}
	if c.Status == "" {
		c.Status = editorial.Draft
	}
	now := db.nowMS()
	var publishAt sql.NullInt64
	if !c.PublishAt.IsZero() {
		publishAt = sql.NullInt64{Int64: c.PublishAt.UnixMilli(), Valid: true}
	}
	var id int64
	err := db.InTx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO collections (slug, title, cover_image, intro_md, status, publish_at, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
			c.Slug, c.Title, c.CoverImage, c.IntroMD, string(c.Status), publishAt, now).Scan(&id)
		if isUniqueViolation(err) {
			return fmt.Errorf("collection %s: %w", c.Slug, ErrConflict)
		}
		if err != nil {
			return fmt.Errorf("create collection %s: %w", c.Slug, err)
		}
		for i, it := range c.Items {
			productID := it.ProductID
			if it.ProductKey != "" {
				err := tx.QueryRowContext(ctx, `SELECT id FROM products WHERE product_key = $1`, it.ProductKey).Scan(&productID)
				if errors.Is(err, sql.ErrNoRows) {
					return fmt.Errorf("collection %s: item %d: no product with key %q: %w", c.Slug, i+1, it.ProductKey, ErrNotFound)
				}
				if err != nil {
					return fmt.Errorf("collection %s: item %d: %w", c.Slug, i+1, err)
				}
			}
			if productID == 0 {
				return fmt.Errorf("collection %s: item %d names no product", c.Slug, i+1)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO collection_items (collection_id, position, product_id, blurb) VALUES ($1, $2, $3, $4)`,
				id, i+1, productID, it.Blurb); err != nil {
				return fmt.Errorf("collection %s: item %d: %w", c.Slug, i+1, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	return id, nil
}
