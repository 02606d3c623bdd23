package store

import (
	"context"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// categorySizeKinds maps each category id to its size kind, as the index files offers by it
// (categoryIndex): the stored kind, else the one the taxonomy gives the category's path, else
// its parent's; "" for one-size things. Listings use it to tell an item that comes in one size
// from a sized one whose shops give no size. The map is cached beside the category tree and
// rebuilt when the tree grows; callers only read it.
func (db *DB) categorySizeKinds(ctx context.Context) (map[int64]string, error) {
	cats, err := db.Categories(ctx)
	if err != nil {
		return nil, err
	}
	c := &db.cache
	c.mu.Lock()
	if c.kinds != nil && len(c.kindsOf) == len(cats) && (len(cats) == 0 || &c.kindsOf[0] == &cats[0]) {
		kinds := c.kinds
		c.mu.Unlock()
		return kinds, nil
	}
	c.mu.Unlock()
	tax := catalog.DefaultTaxonomy()
	kinds := make(map[int64]string, len(cats))
	for _, cat := range cats { // parents come before their children (Categories)
		k := cat.SizeKind
		if k == "" {
			if node, ok := tax.ByPath(cat.Path); ok {
				k = node.SizeKind
			}
		}
		if k == "" {
			k = kinds[cat.ParentID]
		}
		kinds[cat.ID] = k
	}
	c.mu.Lock()
	c.kinds, c.kindsOf = kinds, cats
	c.mu.Unlock()
	return kinds, nil
}
