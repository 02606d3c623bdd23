package catalog

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

// TagdropIDMin is the first id of the range reserved for tagdrop's own taxonomy leaves
// (9,000,000–9,999,999). Google's ids are far below it, so the two never clash.
const TagdropIDMin = 9_000_000

// Node is one category of the taxonomy.
type Node struct {
	ID       int64
	ParentID int64  // 0 for a root
	Name     string // the last segment of Path
	Path     string // "Apparel & Accessories > Shoes", segments joined by " > "
	Depth    int    // 1 for a root
	// SizeKind says which of a shopper's sizes applies to things of this category: "tops",
	// "dresses", "bottoms", "outerwear", "shoes", "rings", or "" (one-size things such as bags,
	// and clothing without a shopper size kind, such as underwear and baby clothes).
	SizeKind string
}

// Segments returns the node's path split into its names, root first.
func (n Node) Segments() []string { return strings.Split(n.Path, " > ") }

// IsTagdrop reports whether the node is one of tagdrop's own leaves rather than Google's.
func (n Node) IsTagdrop() bool { return n.ID >= TagdropIDMin }

// Taxonomy is a category tree in Google's product taxonomy shape. It is read-only once loaded
// and safe for concurrent use.
type Taxonomy struct {
	nodes  []Node // in file order: every parent before its children
	byID   map[int64]int
	byPath map[string]int // by pathKey
	byName map[string][]int
	// MapProductType's keyword rules, resolved against this tree, indexed by first word;
	// compound rules also match the end of a longer word, and are indexed by their last bytes.
	rules         []resolvedRule
	ruleIndex     map[string][]int
	compoundIndex map[string][]int
	clothing      int // index of "Apparel & Accessories > Clothing"; -1 when the tree lacks it
	tops          int // index of "Apparel & Accessories > Clothing > Shirts & Tops"; -1 when the tree lacks it
}

// The embedded taxonomy: Google's "Apparel & Accessories" branch and tagdrop's own leaves.
var (
	//go:embed taxonomy_apparel.txt
	apparelTaxonomy string
	//go:embed taxonomy_tagdrop.txt
	tagdropTaxonomy string
)

var defaultTaxonomy = sync.OnceValue(func() *Taxonomy {
	t := newTaxonomy()
	if err := t.read(strings.NewReader(apparelTaxonomy), "taxonomy_apparel.txt", false); err != nil {
		panic(err) // embedded data; TestDefaultTaxonomy keeps it loadable
	}
	if err := t.read(strings.NewReader(tagdropTaxonomy), "taxonomy_tagdrop.txt", false); err != nil {
		panic(err)
	}
	t.finish()
	return t
})

// DefaultTaxonomy returns the taxonomy tagdrop ships: the whole "Apparel & Accessories" branch
// of Google's product taxonomy (id 166 and its descendants) plus tagdrop's own leaves (ids from
// TagdropIDMin). It is built once and shared.
func DefaultTaxonomy() *Taxonomy { return defaultTaxonomy() }

// LoadTaxonomy reads a taxonomy in Google's published text format (taxonomy-with-ids.*.txt):
// one "ID - Path > Path" line per category, parents before children, '#' lines as comments.
// tagdrop's own leaves are then added under whichever of their parents the file has. Errors
// name the line at fault.
func LoadTaxonomy(r io.Reader) (*Taxonomy, error) {
	t := newTaxonomy()
	if err := t.read(r, "taxonomy", false); err != nil {
		return nil, err
	}
	if len(t.nodes) == 0 {
		return nil, fmt.Errorf("taxonomy: no categories found")
	}
	if err := t.read(strings.NewReader(tagdropTaxonomy), "taxonomy_tagdrop.txt", true); err != nil {
		return nil, err
	}
	t.finish()
	return t, nil
}

func newTaxonomy() *Taxonomy {
	return &Taxonomy{byID: map[int64]int{}, byPath: map[string]int{}, byName: map[string][]int{}}
}

// read adds the lines of r. With orphansOK, a line whose parent is missing is skipped rather
// than an error (tagdrop's leaves under a branch the loaded file lacks).
func (t *Taxonomy) read(r io.Reader, name string, orphansOK bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\ufeff"))
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		idText, path, ok := strings.Cut(text, " - ")
		if !ok {
			return fmt.Errorf("%s line %d: %q is not \"ID - Path\"", name, line, clipText(text))
		}
		id, err := strconv.ParseInt(strings.TrimSpace(idText), 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("%s line %d: id %q is not a positive number", name, line, clipText(idText))
		}
		segs := splitTaxonomyPath(path)
		if len(segs) == 0 {
			return fmt.Errorf("%s line %d: empty path", name, line)
		}
		n := Node{ID: id, Name: segs[len(segs)-1], Path: strings.Join(segs, " > "), Depth: len(segs)}
		if _, dup := t.byID[id]; dup {
			return fmt.Errorf("%s line %d: id %d defined twice", name, line, id)
		}
		key := pathKey(n.Path)
		if _, dup := t.byPath[key]; dup {
			return fmt.Errorf("%s line %d: path %q defined twice", name, line, n.Path)
		}
		if len(segs) > 1 {
			parent := strings.Join(segs[:len(segs)-1], " > ")
			pi, ok := t.byPath[pathKey(parent)]
			if !ok {
				if orphansOK {
					continue
				}
				return fmt.Errorf("%s line %d: parent %q of %q is not defined before it", name, line, parent, n.Path)
			}
			n.ParentID = t.nodes[pi].ID
		}
		t.byID[id] = len(t.nodes)
		t.byPath[key] = len(t.nodes)
		nk := nameKey(n.Name)
		t.byName[nk] = append(t.byName[nk], len(t.nodes))
		t.nodes = append(t.nodes, n)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s line %d: %w", name, line+1, err)
	}
	return nil
}

// finish sets size kinds (parents come first, so inheritance is one pass) and resolves the
// product-type rules against the tree.
func (t *Taxonomy) finish() {
	for i := range t.nodes {
		n := &t.nodes[i]
		inherited := ""
		if n.ParentID != 0 {
			inherited = t.nodes[t.byID[n.ParentID]].SizeKind
		}
		n.SizeKind = sizeKindOf(n.Path, n.Name, inherited)
	}
	t.resolveRules()
}

// sizeKindRules give the size kind of a Google path and, unless overridden, its descendants.
var sizeKindRules = map[string]string{
	"Apparel & Accessories > Clothing":                                                                    "tops",
	"Apparel & Accessories > Clothing > Dresses":                                                          "dresses",
	"Apparel & Accessories > Clothing > Wedding & Bridal Party Dresses":                                   "dresses",
	"Apparel & Accessories > Clothing > One-Pieces":                                                       "dresses",
	"Apparel & Accessories > Clothing > Activewear > Dance Dresses, Skirts & Costumes":                    "dresses",
	"Apparel & Accessories > Clothing > Outerwear":                                                        "outerwear",
	"Apparel & Accessories > Clothing > Suits":                                                            "outerwear",
	"Apparel & Accessories > Clothing > Activewear > Motorcycle Protective Clothing > Motorcycle Jackets": "outerwear",
	"Apparel & Accessories > Clothing > Traditional & Ceremonial Clothing > Kimono Outerwear":             "outerwear",
	"Apparel & Accessories > Clothing > Pants":                                                            "bottoms",
	"Apparel & Accessories > Clothing > Shorts":                                                           "bottoms",
	"Apparel & Accessories > Clothing > Skirts":                                                           "dresses", // sized as dresses are; the settings ask for "Dresses and skirts"
	"Apparel & Accessories > Clothing > Skorts":                                                           "bottoms",
	"Apparel & Accessories > Clothing > Baby & Toddler Clothing":                                          "",
	"Apparel & Accessories > Clothing > Underwear & Socks":                                                "",
	"Apparel & Accessories > Shoes":                                                                       "shoes",
	"Apparel & Accessories > Costumes & Accessories > Costume Shoes":                                      "shoes",
	"Apparel & Accessories > Jewelry > Rings":                                                             "rings",
}

// sizeKindOf is the explicit rule for path, else the inherited kind, with garments named as
// legwear ("Boxing Shorts", "Hunting & Tactical Pants") sized as bottoms among tops, and
// skirts as dresses (a UK 10 skirt is found by the shopper whose dresses and skirts are UK 10).
func sizeKindOf(path, name, inherited string) string {
	if k, ok := sizeKindRules[path]; ok {
		return k
	}
	if inherited == "tops" {
		lower := strings.ToLower(name)
		if strings.Contains(lower, "skirts") {
			return "dresses"
		}
		for _, w := range []string{"pants", "shorts", "trousers", "tights", "bibs"} {
			if strings.Contains(lower, w) {
				return "bottoms"
			}
		}
	}
	return inherited
}

// Len is the number of categories.
func (t *Taxonomy) Len() int { return len(t.nodes) }

// Nodes returns every category, each parent before its children.
func (t *Taxonomy) Nodes() []Node { return append([]Node(nil), t.nodes...) }

// ByID finds a category by its id.
func (t *Taxonomy) ByID(id int64) (Node, bool) {
	i, ok := t.byID[id]
	if !ok {
		return Node{}, false
	}
	return t.nodes[i], true
}

// ByPath finds a category by its full path, ignoring case, accents and spacing
// ("apparel & accessories>shoes" finds "Apparel & Accessories > Shoes").
func (t *Taxonomy) ByPath(path string) (Node, bool) {
	i, ok := t.byPath[pathKey(path)]
	if !ok {
		return Node{}, false
	}
	return t.nodes[i], true
}

// Parent returns the parent of the category with id; false for a root or an unknown id.
func (t *Taxonomy) Parent(id int64) (Node, bool) {
	n, ok := t.ByID(id)
	if !ok || n.ParentID == 0 {
		return Node{}, false
	}
	return t.ByID(n.ParentID)
}

// Ancestors returns the ancestors of the category with id, root first, without the category
// itself; nil for a root or an unknown id.
func (t *Taxonomy) Ancestors(id int64) []Node {
	n, ok := t.ByID(id)
	if !ok {
		return nil
	}
	out := make([]Node, n.Depth-1)
	for i := n.Depth - 2; i >= 0; i-- {
		n, _ = t.ByID(n.ParentID)
		out[i] = n
	}
	return out
}

// IsDescendant reports whether the category with id lies under the one with ancestor (and is
// not ancestor itself).
func (t *Taxonomy) IsDescendant(id, ancestor int64) bool {
	for {
		n, ok := t.ByID(id)
		if !ok || n.ParentID == 0 {
			return false
		}
		if n.ParentID == ancestor {
			return true
		}
		id = n.ParentID
	}
}

// splitTaxonomyPath splits "A > B > C" into trimmed, space-collapsed segments.
func splitTaxonomyPath(path string) []string {
	var segs []string
	for _, s := range strings.Split(path, ">") {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			segs = append(segs, s)
		}
	}
	return segs
}

// pathKey is the lookup form of a path: folded, runs of spaces collapsed, no spaces around
// ">" and no empty segments ("Apparel &  Accessories >Shoes" → "apparel & accessories>shoes").
// It runs for every feed item, so it makes one pass and one string.
func pathKey(path string) string {
	f := Fold(path)
	b := make([]byte, 0, len(f))
	pending := false // a space waits to be written before the next character
	for i := 0; i < len(f); i++ {
		c := f[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			pending = true
		case c == '>':
			if len(b) > 0 && b[len(b)-1] != '>' {
				b = append(b, '>')
			}
			pending = false
		default:
			if pending && len(b) > 0 && b[len(b)-1] != '>' {
				b = append(b, ' ')
			}
			pending = false
			b = append(b, c)
		}
	}
	if len(b) > 0 && b[len(b)-1] == '>' {
		b = b[:len(b)-1]
	}
	return string(b)
}

// nameKey is the lookup form of one segment.
func nameKey(name string) string { return Fold(strings.Join(strings.Fields(name), " ")) }

// clipText shortens s for an error message.
func clipText(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return s
}
