package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// microdata reads the page's itemscope items into the same node shape JSON-LD gives, so one
// schema.org reader serves both. An item with itemprop but no enclosing item (an Offer marked up
// on its own, as many shop templates do) is read as a top-level item.
func (x *extraction) microdata() []*candidate {
	r := newSchemaReader(x, "microdata")
	r.where = func(map[string]any) (string, int) { return "microdata", 0 }
	items := 0
	var roots []any
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode && hasAttr(n, "itemscope") {
			if items >= maxItems {
				return
			}
			roots = append(roots, x.item(n, &items, 0))
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
	if items >= maxItems {
		x.errorf("microdata", 0, "more than %d items: read the first %d", maxItems, maxItems)
	}
	for _, v := range roots {
		r.walk(v, false, false, 0)
	}
	out := r.candidates()
	if len(r.orphans) > 0 {
		out = append(out, &candidate{source: "microdata", offers: r.orphans, orphan: true, order: len(out)})
	}
	return out
}

// item reads one itemscope element into a node: "@type" from itemtype, each itemprop a list.
func (x *extraction) item(n *html.Node, count *int, depth int) map[string]any {
	*count++
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
	var props func(e *html.Node, d int)
	props = func(e *html.Node, d int) {
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || d > 500 {
				continue
			}
			names := strings.Fields(attr(c, "itemprop"))
			scoped := hasAttr(c, "itemscope")
			if len(names) > 0 {
				var v any
				if scoped {
					if depth >= maxJSONDepth || *count >= maxItems {
						continue
					}
					v = x.item(c, count, depth+1)
				} else {
					v = x.propValue(c)
				}
				for _, name := range names {
					l, _ := node[name].([]any)
					node[name] = append(l, v)
				}
			}
			if !scoped {
				props(c, d+1)
			}
		}
	}
	props(n, 0)
	return node
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
