package extract

import (
	"cmp"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// microdata reads the page's itemscope items into the same node shape JSON-LD gives, so one
// schema.org reader serves both. An item with itemprop but no enclosing item (an Offer marked up
// on its own, as many shop templates do) is read as a top-level item, unless another item pulls
// it in through itemref: then it is that item's property (see microdataReader).
func (x *extraction) microdata() []*candidate {
	r := newSchemaReader(x, "microdata")
	r.where = func(map[string]any) (string, int) { return "microdata", 0 }
	m := newMicrodataReader(x)
	var top, loose []*html.Node // itemscope elements outside any other: without itemprop, with
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode && hasAttr(n, "itemscope") {
			if hasAttr(n, "itemprop") {
				loose = append(loose, n)
			} else {
				top = append(top, n)
			}
			return
		}
		if depth > 500 {
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(x.doc.root, 0)
	// Top-level items first: the loose items their itemref pulls in are theirs, not loose.
	var roots []*html.Node
	items := map[*html.Node]any{}
	for _, n := range top {
		if m.items >= maxItems {
			break
		}
		items[n] = m.item(n, 0)
		roots = append(roots, n)
	}
	for _, n := range loose {
		if m.items >= maxItems {
			break
		}
		if !m.used[n] {
			items[n] = m.item(n, 0)
			roots = append(roots, n)
		}
	}
	if m.items >= maxItems {
		x.errorf("microdata", 0, "more than %d items: read the first %d", maxItems, maxItems)
	}
	if m.visits > maxVisits {
		x.errorf("microdata", 0, "more than %d elements to visit following itemref: read the first %d", maxVisits, maxVisits)
	}
	slices.SortFunc(roots, func(a, b *html.Node) int { return cmp.Compare(x.doc.pos[a], x.doc.pos[b]) })
	for _, n := range roots {
		r.walk(items[n], false, false, 0)
	}
	out := r.candidates()
	if len(r.orphans) > 0 {
		out = append(out, &candidate{source: "microdata", offers: r.orphans, orphan: true, order: len(out)})
	}
	return out
}

// microdataReader reads items as the microdata specification crawls an item's properties: its
// descendants up to the next itemscope, plus the elements its itemref names by id (a product
// whose offers or details sit elsewhere in the page, outside the product's element) and their
// descendants. Each element is read once per item however many ways lead to it (an id named
// twice, a referenced element inside the item itself), and the properties come in document
// order. An item that is reached again while it is being read (itemref pointing back at an
// enclosing item) is a cycle: it is reported and skipped. An itemref naming no element is
// reported and ignored. The elements visited are counted across the page and capped.
type microdataReader struct {
	x       *extraction
	ids     map[string]*html.Node // the first element with each id
	items   int                   // items read
	visits  int                   // elements visited while reading items
	reading map[*html.Node]bool   // items being read: the current path
	used    map[*html.Node]bool   // items read as another item's property
	missing map[string]bool       // itemref ids already reported as missing
	cycles  bool                  // a cycle was reported
}

func newMicrodataReader(x *extraction) *microdataReader {
	m := &microdataReader{x: x, ids: map[string]*html.Node{}, reading: map[*html.Node]bool{},
		used: map[*html.Node]bool{}, missing: map[string]bool{}}
	for _, n := range x.doc.elems {
		if id := attr(n, "id"); id != "" {
			if _, dup := m.ids[id]; !dup {
				m.ids[id] = n
			}
		}
	}
	return m
}

// item reads one itemscope element into a node: "@type" from itemtype, "@id" from itemid, each
// itemprop a list of values in document order.
func (m *microdataReader) item(n *html.Node, depth int) map[string]any {
	m.items++
	m.reading[n] = true
	defer delete(m.reading, n)
	node := map[string]any{}
	if t := strings.Fields(attr(n, "itemtype")); len(t) > 0 {
		types := make([]any, len(t))
		for i, s := range t {
			types[i] = s
		}
		node["@type"] = types
	}
	if id := strings.TrimSpace(attr(n, "itemid")); id != "" {
		node["@id"] = id
	}
	for _, p := range m.properties(n) {
		var v any
		if hasAttr(p, "itemscope") {
			if m.reading[p] {
				if !m.cycles {
					m.cycles = true
					m.x.errorf("microdata", m.refLine(p), "itemref cycle: an item is its own property; read once")
				}
				continue
			}
			if depth >= maxJSONDepth || m.items >= maxItems {
				continue
			}
			m.used[p] = true
			v = m.item(p, depth+1)
		} else {
			v = m.x.propValue(p)
		}
		for _, name := range strings.Fields(attr(p, "itemprop")) {
			l, _ := node[name].([]any)
			node[name] = append(l, v)
		}
	}
	return node
}

// properties are the elements with itemprop that belong to item n, in document order.
func (m *microdataReader) properties(n *html.Node) []*html.Node {
	memory := map[*html.Node]bool{n: true}
	var pending []*html.Node
	for _, id := range strings.Fields(attr(n, "itemref")) {
		ref, ok := m.ids[id]
		if !ok {
			if !m.missing[id] {
				m.missing[id] = true
				m.x.errorf("microdata", m.refLine(n), "itemref names no element with id %q: ignored", id)
			}
			continue
		}
		pending = append(pending, ref)
	}
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			pending = append(pending, c)
		}
	}
	var props []*html.Node
	for len(pending) > 0 && m.visits <= maxVisits {
		e := pending[len(pending)-1]
		pending = pending[:len(pending)-1]
		if memory[e] {
			continue
		}
		memory[e] = true
		m.visits++
		if hasAttr(e, "itemprop") {
			props = append(props, e)
		}
		if hasAttr(e, "itemscope") {
			continue // its descendants are its own properties
		}
		for c := e.LastChild; c != nil; c = c.PrevSibling {
			if c.Type == html.ElementNode {
				pending = append(pending, c)
			}
		}
	}
	slices.SortFunc(props, func(a, b *html.Node) int { return cmp.Compare(m.x.doc.pos[a], m.x.doc.pos[b]) })
	return props
}

// refLine is the line of the page where n's itemref attribute is written, 0 when unknown.
func (m *microdataReader) refLine(n *html.Node) int {
	ref := attr(n, "itemref")
	if ref == "" {
		return 0
	}
	return m.x.lineOf(`itemref="` + ref + `"`)
}

// propValue is an itemprop's value by element, as the microdata specification reads it; a
// content attribute on any element wins, as search engines and shop templates use it.
func (x *extraction) propValue(n *html.Node) any {
	if hasAttr(n, "content") {
		return strings.TrimSpace(attr(n, "content"))
	}
	switch n.DataAtom {
	case atom.Audio, atom.Embed, atom.Iframe, atom.Img, atom.Source, atom.Track, atom.Video:
		return resolve(x.base, attr(n, "src"))
	case atom.A, atom.Area, atom.Link:
		return resolve(x.base, attr(n, "href"))
	case atom.Object:
		return resolve(x.base, attr(n, "data"))
	case atom.Data, atom.Meter:
		return strings.TrimSpace(attr(n, "value"))
	case atom.Time:
		if hasAttr(n, "datetime") {
			return strings.TrimSpace(attr(n, "datetime"))
		}
	}
	return text(n, 4096)
}
