package index

import (
	"strconv"
	"strings"
)

// This file keeps what a result card shows beyond the search fields: the product's image and
// category (path and slug) and each offer's 30-day low. With them a page of hits is complete
// from the index alone, so a search page reads nothing from the database; the same change-log
// follow that keeps the search fields current keeps these.

// strtab interns strings with reference counts: products share a few image addresses in some
// catalogues (bundled illustrations, one picture per colour) and hold one each in others, and
// either way a product keeps a 4-byte id instead of a 16-byte string header and its own copy.
// A string whose last user goes is dropped and its id reused.
type strtab struct {
	ids  map[string]uint32
	strs []string
	refs []uint32
	free []uint32
}

func newStrtab() *strtab { return &strtab{ids: map[string]uint32{}} }

// add returns the id of s with one more reference; none for "".
func (t *strtab) add(s string) uint32 {
	if s == "" {
		return none
	}
	if id, ok := t.ids[s]; ok {
		t.refs[id]++
		return id
	}
	s = strings.Clone(s) // never pin a larger buffer the caller read s from
	var id uint32
	if n := len(t.free); n > 0 {
		id = t.free[n-1]
		t.free = t.free[:n-1]
		t.strs[id], t.refs[id] = s, 1
	} else {
		id = uint32(len(t.strs))
		t.strs = append(t.strs, s)
		t.refs = append(t.refs, 1)
	}
	t.ids[s] = id
	return id
}

// release drops one reference to id.
func (t *strtab) release(id uint32) {
	if id == none {
		return
	}
	if t.refs[id]--; t.refs[id] == 0 {
		delete(t.ids, t.strs[id])
		t.strs[id] = ""
		t.free = append(t.free, id)
	}
}

// get is the string of id; "" for none.
func (t *strtab) get(id uint32) string {
	if id == none {
		return ""
	}
	return t.strs[id]
}

// len is how many distinct strings are held.
func (t *strtab) len() int { return len(t.ids) }

// CategoryNode is one node of the category tree as the index knows it.
type CategoryNode struct {
	ID     int64
	Slug   string
	Name   string
	Path   string // "Women > Shoes > Boots"
	Parent string // the parent's slug; "" at the root
	Depth  int    // 0 at the root
}

// CategoryBySlug finds an indexed category by its slug; false when no indexed product is
// filed under (or below) a category of that slug.
func (ix *Index) CategoryBySlug(slug string) (CategoryNode, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	c, ok := ix.cats.bySlug[slug]
	if !ok {
		return CategoryNode{}, false
	}
	return ix.cats.nodes[c], true
}

// display fills the card fields of h from product d and its offers: the image, the product's
// own category (the last node of its path) and the lowest 30-day low among its offers in the
// shown offer's currency.
func (ix *Index) display(h *Hit, d *prodDoc, best uint32) {
	h.ImageURL = ix.images.get(d.image)
	if n := len(d.cats); n > 0 {
		c := d.cats[n-1]
		h.Category, h.CategorySlug = ix.cats.nodes[c].Path, ix.cats.nodes[c].Slug
	}
	cur := ix.offerInfo[best].currency
	for _, oid := range d.offers {
		o := &ix.offerInfo[oid]
		if o.currency == cur && o.low30 > 0 && (h.Lowest30d == 0 || o.low30 < h.Lowest30d) {
			h.Lowest30d = o.low30
		}
	}
}

// attachNodes points each category facet value (a store id) at its node.
func (ix *Index) attachNodes(list []FacetCount) {
	for i := range list {
		id, err := strconv.ParseInt(list[i].Value, 10, 64)
		if c, ok := ix.cats.ids[id]; ok && err == nil {
			list[i].Node = &ix.cats.nodes[c]
		}
	}
}
