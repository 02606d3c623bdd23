package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// document is a parsed page with every element numbered in document order, so "closest to the
// title" is a subtraction.
type document struct {
	root  *html.Node
	elems []*html.Node
	pos   map[*html.Node]int
	// grids memoises gridHeading and cards productCard, by document position.
	grids, cards []memoBool
	// cardCounts memoises siblingCards by parent element.
	cardCounts map[*html.Node]int
}

// memoBool is a memoised yes or no: the zero value is "not yet known".
type memoBool uint8

// The values of a memoBool.
const (
	memoUnknown memoBool = iota
	memoNo
	memoYes
)

// memo returns the memoised answer at position i of *m (which it allocates for d's elements on
// first use), computing it with f the first time.
func (d *document) memo(m *[]memoBool, i int, f func() bool) bool {
	if *m == nil {
		*m = make([]memoBool, len(d.elems))
	}
	if (*m)[i] == memoUnknown {
		(*m)[i] = memoNo
		if f() {
			(*m)[i] = memoYes
		}
	}
	return (*m)[i] == memoYes
}

func newDocument(root *html.Node) *document {
	d := &document{root: root, pos: map[*html.Node]int{}}
	// Iterative walk: a hostile page's nesting must not grow the Go stack.
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode {
			d.pos[n] = len(d.elems)
			d.elems = append(d.elems, n)
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return d
}

// lastInside is the document position of the last element inside n (n's own when it has none):
// the elements inside n are those after it up to there.
func (d *document) lastInside(n *html.Node) int {
	last := d.pos[n]
	for c := n.LastChild; c != nil; {
		if c.Type == html.ElementNode {
			last = d.pos[c]
			c = c.LastChild
			continue
		}
		c = c.PrevSibling
	}
	return last
}

// attr is an element's attribute value ("" when absent).
func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, name string) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return true
		}
	}
	return false
}

// invisibleText are elements whose text a shopper never reads as page text.
func invisibleText(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg, atom.Head, atom.Title, atom.Select, atom.Option, atom.Textarea:
		return true
	}
	return false
}

// text is an element's visible text with white space collapsed, read up to limit bytes.
func text(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if b.Len() > limit || depth > 200 {
			return
		}
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			b.WriteByte(' ')
			return
		case html.ElementNode:
			if invisibleText(n) {
				return
			}
			if n.DataAtom == atom.Br || n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Li {
				b.WriteByte(' ')
			}
		}
		// Stop at the limit rather than visit the rest of the children: a container of
		// thousands of tiles would otherwise cost a pass over all of them on every call.
		for c := n.FirstChild; c != nil && b.Len() <= limit; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return collapse(b.String())
}

// collapse trims and folds runs of white space (including no-break spaces) to one space.
func collapse(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '\v'
	}), " ")
}

// baseURL is the absolute URL relative links resolve against: <base href> resolved against the
// page's own URL, else the page URL, else the canonical URL a saved page declares.
func (d *document) baseURL(pageURL string) string {
	base := absoluteHTTP(pageURL)
	for _, n := range d.elems {
		if n.DataAtom == atom.Base && attr(n, "href") != "" {
			if u := resolve(base, attr(n, "href")); absoluteHTTP(u) != "" {
				return u
			}
			break
		}
	}
	if base != "" {
		return base
	}
	return d.canonical("")
}

// canonical is the page's declared address: <link rel=canonical>, else og:url.
func (d *document) canonical(base string) string {
	var og string
	for _, n := range d.elems {
		switch {
		case n.DataAtom == atom.Link && strings.EqualFold(strings.TrimSpace(attr(n, "rel")), "canonical"):
			if u := absoluteHTTP(resolve(base, attr(n, "href"))); u != "" {
				return u
			}
		case n.DataAtom == atom.Meta && og == "" && (attr(n, "property") == "og:url" || attr(n, "name") == "og:url"):
			og = absoluteHTTP(resolve(base, attr(n, "content")))
		}
	}
	return og
}

// absoluteHTTP returns s when it is an absolute http(s) URL, else "".
func absoluteHTTP(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// resolve makes ref absolute against base when it can; otherwise it returns ref trimmed.
func resolve(base, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	if r.IsAbs() {
		return r.String()
	}
	b, err := url.Parse(base)
	if err != nil || base == "" {
		if strings.HasPrefix(ref, "//") {
			return "https:" + ref
		}
		return ref
	}
	return b.ResolveReference(r).String()
}
