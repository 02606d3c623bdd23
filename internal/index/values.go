package index

import (
	"strings"
	"time"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// values interns the values of one attribute (brands, retailers, sizes, …) by their folded
// spelling, keeping the first spelling seen as the label, with one bitmap per value.
type values struct {
	ids    map[string]uint32
	labels []string
	bms    []*roaring.Bitmap
}

func newValues() *values { return &values{ids: map[string]uint32{}} }

func valueKey(s string) string { return catalog.Fold(strings.Join(strings.Fields(s), " ")) }

// intern returns the id of label, adding it when new; none for an empty label.
func (v *values) intern(label string) uint32 {
	label = strings.TrimSpace(label)
	key := valueKey(label)
	if key == "" {
		return none
	}
	if id, ok := v.ids[key]; ok {
		return id
	}
	id := uint32(len(v.labels))
	v.ids[key] = id
	v.labels = append(v.labels, label)
	v.bms = append(v.bms, roaring.New())
	return id
}

// add interns label and files x under it.
func (v *values) add(label string, x uint32) uint32 {
	id := v.intern(label)
	if id != none {
		v.bms[id].Add(x)
	}
	return id
}

func (v *values) remove(id, x uint32) {
	if id != none {
		v.bms[id].Remove(x)
	}
}

func (v *values) bitmap(id uint32) *roaring.Bitmap { return v.bms[id] }

// lookup finds a value by any spelling that folds the same.
func (v *values) lookup(label string) (uint32, bool) {
	id, ok := v.ids[valueKey(label)]
	return id, ok
}

// label is the display spelling of id; "" for none.
func (v *values) label(id uint32) string {
	if id == none {
		return ""
	}
	return v.labels[id]
}

// categories is the category tree as the indexed products describe it. Each node's bitmap
// holds the products filed under it or any descendant.
type categories struct {
	ids    map[int64]uint32
	storeI []int64
	names  []string
	parent []uint32
	bms    []*roaring.Bitmap
	// paths finds a node by its folded path from the root ("women>shoes>sandals"), so the
	// matcher resolves shoppers' category preferences without walking the tree.
	paths    map[string]uint32
	pathKeys []string
	// nodes and bySlug describe nodes for result cards and category facets (display.go): the
	// store's slug and path, or made from the names when a loader gives none. Nodes never
	// change once added, so a FacetCount may point at one.
	nodes  []CategoryNode
	bySlug map[string]uint32
}

func newCategories() *categories {
	return &categories{ids: map[int64]uint32{}, paths: map[string]uint32{}, bySlug: map[string]uint32{}}
}

// categoryPathKey folds one step of a category path.
func categoryPathKey(parent, name string) string {
	k := valueKey(name)
	if parent == "" {
		return k
	}
	return parent + ">" + k
}

// add files pid under every node of path (root first) and returns their ids.
func (c *categories) add(path []Category, pid uint32) []uint32 {
	out := make([]uint32, 0, len(path))
	parent := none
	for _, n := range path {
		id, ok := c.ids[n.ID]
		if !ok {
			id = uint32(len(c.storeI))
			c.ids[n.ID] = id
			c.storeI = append(c.storeI, n.ID)
			c.names = append(c.names, n.Name)
			c.parent = append(c.parent, parent)
			c.bms = append(c.bms, roaring.New())
			parentKey := ""
			if parent != none {
				parentKey = c.pathKeys[parent]
			}
			key := categoryPathKey(parentKey, n.Name)
			c.pathKeys = append(c.pathKeys, key)
			if _, taken := c.paths[key]; !taken {
				c.paths[key] = id
			}
			c.addNode(n, parent)
		}
		c.bms[id].Add(pid)
		out = append(out, id)
		parent = id
	}
	return out
}

func (c *categories) remove(ids []uint32, pid uint32) {
	for _, id := range ids {
		c.bms[id].Remove(pid)
	}
}

func millis(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// addNode describes the node just added for n under parent (none at the root).
func (c *categories) addNode(n Category, parent uint32) {
	node := CategoryNode{ID: n.ID, Name: n.Name, Slug: n.Slug, Path: n.Path}
	if parent != none {
		node.Parent = c.nodes[parent].Slug
	}
	if node.Path == "" {
		node.Path = n.Name
		if parent != none {
			node.Path = c.nodes[parent].Path + " > " + n.Name
		}
	}
	if node.Slug == "" {
		node.Slug = catalog.Slug(node.Path)
	}
	node.Depth = strings.Count(node.Path, " > ")
	c.nodes = append(c.nodes, node)
	if _, taken := c.bySlug[node.Slug]; !taken {
		c.bySlug[node.Slug] = uint32(len(c.nodes) - 1)
	}
}
