package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// EnsureCategory returns the id of the category at path (root first, e.g. ["Women", "Shoes",
// "Boots"]), creating it and any missing ancestors. A node's path is its ancestors' names and
// its own joined by " > "; its slug is the path's slug, so "Women > Shoes" and "Men > Shoes" are
// two nodes.
func (c *CatalogTx) EnsureCategory(ctx context.Context, path []string) (int64, error) {
	var parent int64
	for i := range path {
		full := strings.Join(path[:i+1], " > ")
		id, err := c.ensureCategoryNode(ctx, parent, path[i], full)
		if err != nil {
			return 0, err
		}
		parent = id
	}
	return parent, nil
}

func (c *CatalogTx) ensureCategoryNode(ctx context.Context, parent int64, name, path string) (int64, error) {
	slug := catalog.Slug(path)
	// DO NOTHING on any conflict keeps the transaction usable on PostgreSQL (a failed statement
	// would abort it); the SELECT then finds the node whichever way it came to exist.
	for attempt := 0; attempt < 2; attempt++ {
		if _, err := c.tx.ExecContext(ctx, `INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, $2, $3, $4)
			ON CONFLICT DO NOTHING`, nullID(parent), slug, name, path); err != nil {
			return 0, fmt.Errorf("category %q: %w", path, err)
		}
		var id int64
		err := c.tx.QueryRowContext(ctx, `SELECT id FROM categories WHERE path = $1`, path).Scan(&id)
		if err == nil {
			return id, nil
		}
		if notFound(err) != ErrNotFound {
			return 0, fmt.Errorf("category %q: %w", path, err)
		}
		// Another path has the same slug ("A & B" and "A B"): make this one's unique.
		sum := sha256.Sum256([]byte(path))
		slug = slug + "-" + hex.EncodeToString(sum[:4])
	}
	return 0, fmt.Errorf("category %q: cannot find a free slug", path)
}
