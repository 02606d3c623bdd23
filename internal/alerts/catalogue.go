package alerts

import (
	"context"
	"strings"

	"github.com/tagdrop/tagdrop/internal/index"
)

// Catalogue holds the offer details the matcher reads for the survivors of the set algebra
// (prices, times, titles), keyed by store offer id, and the category paths it resolves the
// shopper's categories with. Fill it from the same products the index was built from (Tee
// does both in one pass). It is not safe for concurrent Add.
type Catalogue struct {
	offers   map[int64]entry
	products map[int64][]int64 // product id → its offer ids, so Add replaces a product whole
	paths    map[string]int64  // folded "Parent > Child" path → category id
}

type entry struct {
	p *index.Product
	o index.Offer
}

// NewCatalogue returns a Catalogue of the products.
func NewCatalogue(products ...index.Product) *Catalogue {
	c := &Catalogue{offers: map[int64]entry{}, products: map[int64][]int64{}, paths: map[string]int64{}}
	for _, p := range products {
		c.Add(p)
	}
	return c
}

// Add adds p, replacing an earlier product with its ID.
func (c *Catalogue) Add(p index.Product) {
	for _, id := range c.products[p.ID] {
		delete(c.offers, id)
	}
	pp := &p
	ids := make([]int64, 0, len(p.Offers))
	for _, o := range p.Offers {
		c.offers[o.ID] = entry{pp, o}
		ids = append(ids, o.ID)
	}
	c.products[p.ID] = ids
	var names []string
	for _, cat := range p.Categories {
		names = append(names, cat.Name)
		c.paths[foldPath(strings.Join(names, " > "))] = cat.ID
	}
}

// categoryIDs resolves category paths ("Women > Shoes") to ids; paths no product is filed
// under resolve to nothing.
func (c *Catalogue) categoryIDs(paths []string) []int64 {
	var ids []int64
	for _, path := range paths {
		if id, ok := c.paths[foldPath(path)]; ok {
			ids = append(ids, id)
		}
	}
	return ids
}

func foldPath(path string) string {
	parts := strings.Split(path, ">")
	for i, s := range parts {
		parts[i] = strings.ToLower(strings.Join(strings.Fields(s), " "))
	}
	return strings.Join(parts, ">")
}

// Tee returns a Loader that feeds every product l yields to fn and also adds it to c: build
// the index through it and the Catalogue matches the index.
func (c *Catalogue) Tee(l index.Loader) index.Loader { return tee{l, c} }

type tee struct {
	l index.Loader
	c *Catalogue
}

func (t tee) LoadProducts(ctx context.Context, fn func(index.Product) error) error {
	return t.l.LoadProducts(ctx, func(p index.Product) error {
		t.c.Add(p)
		return fn(p)
	})
}
