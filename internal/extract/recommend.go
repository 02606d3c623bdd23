package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Recommendation blocks whose classes say nothing ("module", "grid", a hashed class) still have a
// heading a shopper reads: "You may also like", "Complete the look", "Das könnte dir auch
// gefallen". Their prices and sold-out badges are other products'.

// recommendationHeadings are such headings' phrases, lower case, by language.
var recommendationHeadings = []string{
	"you may also like", "you might also like", "you may like", "you might like", "related products", "related items",
	"similar products", "similar items", "similar styles", "customers also bought", "customers also viewed",
	"customers who bought", "customers who viewed", "frequently bought together", "complete the look", "shop the look",
	"wear it with", "style it with", "recently viewed", "recommended for you", "pairs well with",
	"das könnte dir auch gefallen", "das könnte ihnen auch gefallen", "ähnliche produkte", "ähnliche artikel", "passend dazu",
	"zuletzt angesehen", "kunden kauften auch", "vous aimerez aussi", "vous aimerez peut-être aussi", "produits similaires",
	"articles similaires", "produits associés", "vus récemment", "potrebbe interessarti", "ti potrebbe piacere",
	"prodotti correlati", "prodotti simili", "te puede interesar", "también te puede gustar", "productos relacionados",
	"productos similares", "misschien ook leuk", "vergelijkbare producten", "gerelateerde producten", "du kanske också gillar",
	"おすすめ商品", "関連商品", "この商品を見た人", "最近チェックした商品", "추천 상품", "관련 상품",
}

// recommendationBlocks marks, by document position, the blocks a recommendation heading opens:
// the elements that follow the heading (or the wrappers that hold nothing but it) as siblings.
// The heading's parent is not marked: it may be the product's own buy column with a "Pairs well
// with" row at its end. Nor is a block that holds the title heading (heading marks its holders)
// or the enabled buy button, nor, when the heading sits in the product's own block (one holding
// the title or the buy button), the first price after the title: those are the product's.
func (d *document) recommendationBlocks(lens []int, heading []bool, title *html.Node) []bool {
	marks := make([]bool, len(d.elems))
	var price, buy *html.Node
	for _, n := range d.elems {
		if isSubheading(n) && containsPhrase(strings.ToLower(collapse(text(n, 160))), recommendationHeadings) {
			price, buy = d.productAnchors(title)
			break
		}
	}
	for i, n := range d.elems {
		if !isSubheading(n) || lens[i] == 0 || lens[i] > 80 {
			continue
		}
		if !containsPhrase(strings.ToLower(collapse(text(n, 160))), recommendationHeadings) {
			continue
		}
		c, p := n, n.Parent
		for p != nil && p.Type == html.ElementNode && soleElement(p) == c {
			c, p = p, p.Parent
		}
		if p == nil || p.Type != html.ElementNode || p.DataAtom == atom.Html {
			continue
		}
		keep := []*html.Node{buy}
		if heading[d.pos[p]] || buy != nil && within(buy, p) {
			keep = append(keep, price)
		}
	siblings:
		for s, steps := c.NextSibling, 0; s != nil && steps < recommendationSiblings; s, steps = s.NextSibling, steps+1 {
			if s.Type != html.ElementNode {
				continue
			}
			if heading[d.pos[s]] || s == title {
				break
			}
			for _, k := range keep {
				if k != nil && within(k, s) {
					break siblings
				}
			}
			marks[d.pos[s]] = true
		}
	}
	return marks
}

// recommendationSiblings bounds the siblings after a recommendation heading that it marks.
const recommendationSiblings = 64

// productAnchors are the elements after the title heading (or from the page's start without
// one) that are likely the product's: the first element with a price of its own text, and the
// first enabled buy button; nil for those not found.
func (d *document) productAnchors(title *html.Node) (price, buy *html.Node) {
	start := 0
	if title != nil {
		start = d.pos[title]
	}
	for i := start; i < min(len(d.elems), start+afterTitle*2) && (price == nil || buy == nil); i++ {
		n := d.elems[i]
		if price == nil && ownPrice(n) {
			price = n
		}
		if buy == nil && (n.DataAtom == atom.Button || n.DataAtom == atom.Input) && !disabled(n) &&
			(buyControl(n) || containsPhrase(strings.ToLower(collapse(text(n, 120))), addToCartPhrases)) {
			buy = n
		}
	}
	return price, buy
}

// ownPrice reports an element whose own text (not its children's) has an amount marked by a
// currency sign or code.
func ownPrice(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode && hasDigit(c.Data) && len(c.Data) < 200 {
			for _, p := range findPrices(c.Data, "") {
				if p.marked {
					return true
				}
			}
		}
	}
	return false
}

// isSubheading reports a heading below the page's title: h2 to h6, role="heading", or an element
// classed as a title or heading.
func isSubheading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	case atom.H1:
		return false
	}
	return strings.EqualFold(attr(n, "role"), "heading") || hasWord(words(n), "title", "heading", "headline")
}

// soleElement is p's one child element when p holds nothing else but white space, else nil.
func soleElement(p *html.Node) *html.Node {
	var only *html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && only == nil:
			only = c
		case c.Type == html.ElementNode, c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		}
	}
	return only
}
