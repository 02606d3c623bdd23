package extract

import (
	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// headingTitle is the title of a page that marks none (findTitle finds no h1, itemprop=name or
// product-title class): an h2 or h3, or an element classed as a title (titleClassed), whose text
// is a name the markup gives or how the page's <title> or a given name begins before the shop's
// name ("울 블렌드 코트 - 모노하우스", SmartStore's og:title "린넨 셔츠 원피스 : 모아룩"), as Cafe24
// themes show the product's name in their info area's <h2>, SmartStore in an <h3> of generated
// classes and Imweb in a <div class="view_tit">. nil when no element is.
func (d *document) headingTitle(names []string, skip []bool) *html.Node {
	want := map[string]bool{}
	for _, n := range names {
		for _, f := range titleNames(n) {
			want[f] = true
		}
	}
	for _, f := range titleNames(d.pageTitle()) {
		want[f] = true
	}
	if len(want) == 0 {
		return nil
	}
	for i, n := range d.elems {
		if skip[i] || n.DataAtom != atom.H2 && n.DataAtom != atom.H3 && !titleClassed(n) {
			continue
		}
		if t := text(n, titleMaxLength*2); len(t) >= 2 && len(t) <= titleMaxLength && want[catalog.Fold(t)] {
			return n
		}
	}
	return nil
}

// pageTitle is the text of the page's <title>, "" when it has none.
func (d *document) pageTitle() string {
	for _, n := range d.elems {
		if n.DataAtom == atom.Title && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			return n.FirstChild.Data[:min(len(n.FirstChild.Data), titleMaxLength)]
		}
		if n.DataAtom == atom.Body {
			break
		}
	}
	return ""
}
