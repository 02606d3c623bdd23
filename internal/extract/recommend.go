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
//
// The walk stops at a sibling after the block's own content (the first sibling) that is or holds
// a buy control, disabled too, or a stock message: those are the product's buy row, which a
// "Frequently bought together" row above it must not wipe. In the block holding the title only
// the block's own content is marked.
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
		inTitleBlock := heading[d.pos[p]]
		first := true
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
			if d.buyOrStock(s, lens, !first) {
				break
			}
			marks[d.pos[s]] = true
			if inTitleBlock {
				break
			}
			first = false
		}
	}
	return marks
}

// recommendationSiblings bounds the siblings after a recommendation heading that it marks.
const recommendationSiblings = 64

// productAnchors are the elements after the title heading (or from the page's start without
// one) that are likely the product's: the first element with a price of its own text, and the
// first enabled buy button; nil for those not found. Without a title heading there is no price
// anchor: the page's first price may be anyone's.
func (d *document) productAnchors(title *html.Node) (price, buy *html.Node) {
	start := 0
	if title != nil {
		start = d.pos[title]
	}
	for i := start; i < min(len(d.elems), start+afterTitle*2) && (price == nil && title != nil || buy == nil); i++ {
		n := d.elems[i]
		if price == nil && title != nil && ownPrice(n) {
			price = n
		}
		if buy == nil && (n.DataAtom == atom.Button || n.DataAtom == atom.Input) && !disabled(n) &&
			(buyControl(n) || containsPhrase(strings.ToLower(collapse(text(n, 120))), addToCartPhrases)) {
			buy = n
		}
	}
	return price, buy
}

// buyOrStock reports a buy control (a button or submit input that buys the product or says it
// cannot be bought, disabled too) or a stock message at s, or, with inside, anywhere in it.
func (d *document) buyOrStock(s *html.Node, lens []int, inside bool) bool {
	last := d.pos[s]
	if inside {
		last = d.lastInside(s)
	}
	for i := d.pos[s]; i <= last && i < len(d.elems); i++ {
		n := d.elems[i]
		if lens[i] > 0 && lens[i] <= 150 && hasWord(words(n), stockWords...) {
			return true
		}
		if n.DataAtom != atom.Button && n.DataAtom != atom.Input {
			continue
		}
		if n.DataAtom == atom.Input && !strings.EqualFold(attr(n, "type"), "submit") && !strings.EqualFold(attr(n, "type"), "button") {
			continue
		}
		if inPicker(n) {
			continue
		}
		t := text(n, 120)
		if n.DataAtom == atom.Input {
			t = attr(n, "value")
		}
		low := strings.ToLower(collapse(t))
		if buyControl(n) || hasWord(words(n), buttonWords...) || containsPhrase(low, addToCartPhrases) ||
			containsPhrase(low, outOfStockPhrases) || containsPhrase(low, preorderPhrases) {
			return true
		}
	}
	return false
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
