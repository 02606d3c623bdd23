package extract

import (
	"slices"
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
	"anderen bekeken ook", "misschien ook iets voor jou", "ook interessant", "você também pode gostar",
	"voce tambem pode gostar", "quem viu, viu também", "produtos relacionados",
	"おすすめ商品", "関連商品", "この商品を見た人", "最近チェックした商品", "추천 상품", "관련 상품",
}

// recommendationBlocks marks, by document position, the blocks a recommendation heading opens:
// the elements that follow the heading (or the wrappers that hold nothing but it) as siblings.
// title is the page's title heading (titleHeading), or the element findTitle picks without one.
// The heading's parent is not marked: it may be the product's own buy column with a "Pairs well
// with" row at its end. Nor is a block that holds the title or the enabled buy button, nor,
// when the heading sits in the product's own block (one holding the title or the buy button),
// the first price after the title: those are the product's.
//
// The walk stops at a sibling that is or holds a buy control, disabled too, or a stock message:
// those are the product's buy row, which a "Frequently bought together" row above it must not
// wipe. A sibling that holds nothing but product cards (cardsOnly) is marked all the same: its
// quick-add buttons buy other products, and on a sold-out page the first enabled buy button
// (the anchor kept) is one of them. In the block holding the title only the block's own content is marked.
func (d *document) recommendationBlocks(lens []int, title *html.Node) []bool {
	marks := make([]bool, len(d.elems))
	holds := d.headingHolders(title)
	var price, buy *html.Node
	for _, n := range d.elems {
		if d.recommendationOpener(n) {
			price, buy = d.productAnchors(title)
			break
		}
	}
	for i, n := range d.elems {
		if lens[i] == 0 || lens[i] > 80 || !d.recommendationOpener(n) {
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
		if holds[d.pos[p]] || buy != nil && within(buy, p) {
			keep = append(keep, price)
		}
		inTitleBlock := holds[d.pos[p]]
		// A heading known only by the grid after it (gridHeading) says nothing of what follows
		// that grid: the product's own price may come next ("Size" over size links with
		// prices, then the price), so only the grid is marked (markGrid), and the rows of
		// nothing but cards that follow it (cardsOnly): a carousel drawn in two rows. A block
		// with a buy action of its own ("Add bundle to bag") is another offer as a whole: its
		// total is marked too.
		if !recommendationHeading(n) && !d.blockAction(c, buy) {
			g := d.gridAfter(n)
			d.markGrid(g, title, holds, marks)
			for s, steps := nextElement(g), 0; s != nil && steps < recommendationSiblings && d.cardsOnly(s, gridDepth) &&
				!holds[d.pos[s]]; s, steps = nextElement(s), steps+1 {
				marks[d.pos[s]] = true
			}
			continue
		}
	siblings:
		for s, steps := c.NextSibling, 0; s != nil && steps < recommendationSiblings; s, steps = s.NextSibling, steps+1 {
			if s.Type != html.ElementNode {
				continue
			}
			if holds[d.pos[s]] || s == title {
				break
			}
			cards := d.cardsOnly(s, gridDepth)
			for _, k := range keep {
				if k != nil && within(k, s) && !cards {
					break siblings
				}
			}
			if !cards && d.buyOrStock(s, lens, true) {
				break
			}
			marks[d.pos[s]] = true
			if inTitleBlock {
				break
			}
		}
	}
	return marks
}

// recommendationHeading reports a subheading (isSubheading) whose text starts with a
// recommendation phrase and, for an h2 to h6 or role="heading", has at most
// recommendationExtraWords words after it ("You may also like", "Complete the look for
// summer"); an element that is a heading only by its class words holds the phrase alone, and one
// classed as a product's or item's title or name is none: "Wear It With Pride Tee" is a name.
func recommendationHeading(n *html.Node) bool {
	if !isSubheading(n) {
		return false
	}
	extra := recommendationExtraWords
	switch {
	case (n.DataAtom == atom.H2 || n.DataAtom == atom.H3 || n.DataAtom == atom.H4 || n.DataAtom == atom.H5 ||
		n.DataAtom == atom.H6 || strings.EqualFold(attr(n, "role"), "heading")):
	case hasWord(words(n), "product", "productname", "producttitle", "pdp", "item", "name"):
		return false
	default:
		extra = 0
	}
	t := strings.Trim(strings.ToLower(collapse(text(n, 160))), " :.!")
	for _, p := range recommendationHeadings {
		if strings.HasPrefix(t, p) && boundary(t, len(p)) && len(strings.Fields(t[len(p):])) <= extra {
			return true
		}
	}
	return false
}

// recommendationExtraWords bounds the words after a recommendation heading's phrase.
const recommendationExtraWords = 3

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
// currency sign or code, in the text or alone in the node beside the amount (siblingSymbol).
func ownPrice(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.TextNode || !hasDigit(c.Data) || len(c.Data) >= 200 {
			continue
		}
		t := collapse(c.Data)
		ps := findPrices(t, "")
		for _, p := range ps {
			if p.marked {
				return true
			}
		}
		// WooCommerce sets the sign in its own element beside the number:
		// <bdi><span class="woocommerce-Price-currencySymbol">&pound;</span>45.00</bdi>.
		if len(ps) == 1 && withSiblingSymbol(c, t, ps, "") != t {
			return true
		}
	}
	return false
}

// isSubheading reports a heading below the page's title: h2 to h6, a fieldset's legend,
// role="heading", or an element classed as a title or heading.
func isSubheading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Legend:
		return true // a legend is its fieldset's heading
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

// nextElement is the element after n among its siblings, nil when there is none or n is nil.
func nextElement(n *html.Node) *html.Node {
	if n == nil {
		return nil
	}
	s := n.NextSibling
	for s != nil && s.Type != html.ElementNode {
		s = s.NextSibling
	}
	return s
}

// blockAction reports a buy button after the heading block c among its siblings that is not the
// product's own buy control (buy) nor a card's quick add: the action of a bundle or "bought
// together" block ("Add bundle to bag", "Alle in den Warenkorb"), which offers its cards as one.
func (d *document) blockAction(c, buy *html.Node) bool {
	for s := nextElement(c); s != nil; s = nextElement(s) {
		for _, n := range d.elems[d.pos[s] : d.lastInside(s)+1] {
			if n == buy || n.DataAtom != atom.Button && n.DataAtom != atom.Input || disabled(n) {
				continue
			}
			t := strings.ToLower(collapse(text(n, 120)))
			if tw := strings.Fields(t); !containsPhrase(t, addToCartPhrases) && !(slices.Contains(tw, "add") && slices.ContainsFunc(tw, isCartWord)) {
				continue // "Add to wishlist", "Size guide"
			}
			inCard := false
			for a := n.Parent; a != nil && a != s.Parent && !inCard; a = a.Parent {
				inCard = d.gridCard(a)
			}
			if !inCard {
				return true
			}
		}
	}
	return false
}

// isCartWord reports a word that names the shopper's cart: "Add all to cart", "Add bundle to bag".
func isCartWord(w string) bool {
	return w == "cart" || w == "bag" || w == "basket" || w == "trolley"
}
