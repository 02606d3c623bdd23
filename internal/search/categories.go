package search

import (
	"context"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

// CategorySlugs finds indexed categories by slug without the database; *index.Index and Live
// implement it.
type CategorySlugs interface {
	CategoryBySlug(slug string) (index.CategoryNode, bool)
}

// IndexFirst resolves category keys from the index when it knows the slug (every category a
// product is filed under), and through next otherwise: a path or name typed out, a category
// with nothing in it, a misspelling. A search page's category filter costs no query.
func IndexFirst(ix CategorySlugs, next Categories) Categories {
	return indexFirst{ix: ix, next: next}
}

type indexFirst struct {
	ix   CategorySlugs
	next Categories
}

func (c indexFirst) CategoryBySlug(ctx context.Context, key string) (catalog.Category, error) {
	if n, ok := c.ix.CategoryBySlug(key); ok {
		return catalog.Category{ID: n.ID, Slug: n.Slug, Name: n.Name, Path: n.Path}, nil
	}
	return c.next.CategoryBySlug(ctx, key)
}

// CategoryBySlug finds a category of the live index by slug.
func (l *Live) CategoryBySlug(slug string) (index.CategoryNode, bool) {
	return l.Index().CategoryBySlug(slug)
}
