package store

import (
	"context"
	"slices"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// categorySizeKinds maps each category id to its size kind (resolveSizeKinds), as the index
// files offers by it (categoryIndex); "" for one-size things. Listings use it to tell an item that comes in one size
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
	kinds := resolveSizeKinds(cats)
	c.mu.Lock()
	c.kinds, c.kindsOf = kinds, cats
	c.mu.Unlock()
	return kinds, nil
}

// resolveSizeKinds works out each category's size kind: the stored one, else the one the
// taxonomy gives the category's path, else its parent's, and so on up the tree; "" when none
// of them has one. It follows parent ids, so the order of cats does not matter, and a cycle of
// parents (which the schema does not prevent) ends the walk rather than looping.
func resolveSizeKinds(cats []catalog.Category) map[int64]string {
	byID := make(map[int64]catalog.Category, len(cats))
	for _, c := range cats {
		byID[c.ID] = c
	}
	tax := catalog.DefaultTaxonomy()
	kinds := make(map[int64]string, len(cats))
	var walk []int64
	for _, c := range cats {
		walk = walk[:0]
		kind := "" // stays "" when the parents run out or go round in a cycle
		for cur, ok := c, true; ok; cur, ok = byID[cur.ParentID] {
			if k, done := kinds[cur.ID]; done {
				kind = k
				break
			}
			if slices.Contains(walk, cur.ID) {
				break // a cycle: no kind above here
			}
			walk = append(walk, cur.ID)
			if kind = cur.SizeKind; kind == "" {
				if node, found := tax.ByPath(cur.Path); found {
					kind = node.SizeKind
				}
			}
			if kind != "" {
				break
			}
		}
		for _, id := range walk {
			kinds[id] = kind
		}
	}
	return kinds
}
