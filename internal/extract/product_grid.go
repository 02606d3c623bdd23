package extract

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A recommendation block's heading may be in a language recommendationHeadings does not list
// ("Похожие товары", "Sprawdź też", "Zákazníci také nakoupili"); its shape still says what it
// is: a short heading and, right after it, a grid of product cards, each a link to another
// product with a price of its own.

// gridHeading reports a short subheading (isSubheading, at most gridHeadingWords words, no
// price in it) whose next element, or the next element of the wrappers that hold nothing but
// it, holds a product grid (productGrid).
func (d *document) gridHeading(n *html.Node) bool {
	return d.memo(&d.grids, d.pos[n], func() bool {
		return n.DataAtom != atom.H1 && isSubheading(n) && d.opensGrid(n)
	})
}

// opensGrid is gridHeading's test, without its memo: a grid of other products after the
// heading (gridAfter), not a chooser of the product's own options (currentCard).
func (d *document) opensGrid(n *html.Node) bool {
	s := d.gridAfter(n)
	return s != nil && !d.currentCard(s)
}

// gridAfter is the element after a short heading n, or after the wrappers that hold nothing but
// it, when that element holds a product grid (productGrid), or the parent of both when the
// cards are the heading's siblings (flatCards); else nil. The grid is tested first,
// then the heading's words (at most gridHeadingWords, no price).
func (d *document) gridAfter(n *html.Node) *html.Node {
	c := n
	for p := n.Parent; p != nil && p.Type == html.ElementNode && soleElement(p) == c; p = p.Parent {
		c = p
	}
	s := nextElement(c)
	if s != nil && d.flatCards(s) {
		s = s.Parent // "<fieldset><legend>Pack</legend><label>…</label><label>…</label>"
	} else if s == nil || !d.productGrid(s, gridDepth) {
		return nil
	}
	t := collapse(text(n, 160))
	if t == "" || len(strings.Fields(t)) > gridHeadingWords || len(findPrices(t, "")) > 0 {
		return nil
	}
	return s
}

// flatCards reports a product card s followed by a sibling card of its tag and shape
// (cardShape): a grid whose cards are the heading's own siblings, with no list around them.
func (d *document) flatCards(s *html.Node) bool {
	t := nextElement(s)
	return t != nil && t.Data == s.Data && d.productCard(s) && d.productCard(t) && cardShape(s) == cardShape(t)
}

// markGrid marks the product grid s that a heading known only by its shape opens (gridAfter):
// all of s when it holds nothing but cards (cardsOnly), else only its cards that have sibling
// cards, so that the product's own price or buy box beside them ("Details" over colour links
// with prices, the price and a sold-out line) stays read. Nothing is marked when s is nil or
// holds the title heading.
func (d *document) markGrid(s, title *html.Node, holds, marks []bool) {
	if s == nil || s == title || holds[d.pos[s]] {
		return
	}
	if d.cardsOnly(s, gridDepth) {
		marks[d.pos[s]] = true
		return
	}
	last := d.lastInside(s)
	for i := d.pos[s] + 1; i <= last; i++ {
		c := d.elems[i]
		if d.gridCard(c) {
			marks[i] = true
			i = d.lastInside(c)
		}
	}
}

// otherChoices marks, by document position, the cards of an option chooser (a grid after a
// heading with a current card, currentCard) other than the current one: the prices of the
// colours, editions or sizes the shopper has not chosen. Under a heading that names delivery
// (deliveryHeading) every card is marked, the checked one too, unless the cards are ways of
// buying the product (purchaseOptions: "One-time purchase", "Subscribe & save").
func (d *document) otherChoices(marks []bool) {
	d.uncheckedRadioLabels(marks)
	for _, n := range d.elems {
		if n.DataAtom == atom.H1 || !isSubheading(n) {
			continue
		}
		s := d.gridAfter(n)
		if s == nil {
			continue
		}
		fees := deliveryHeading(n) && !purchaseOptions(s) // delivery options: none of them is the product's price
		if !fees && !d.currentCard(s) {
			continue
		}
		for _, c := range d.elems[d.pos[s] : d.lastInside(s)+1] {
			if d.gridCard(c) && (fees || !d.holdsCurrent(c)) {
				marks[d.pos[c]] = true
			}
		}
	}
}

// gridCard reports a product card with at least one card beside it: a tile of a grid.
func (d *document) gridCard(c *html.Node) bool {
	return c.Parent != nil && d.productCard(c) && d.siblingCards(c.Parent) >= 2
}

// siblingCards counts the child elements of p that are product cards, once per p: every card
// of a grid asks about the same parent.
func (d *document) siblingCards(p *html.Node) int {
	if k, ok := d.cardCounts[p]; ok {
		return k
	}
	k := 0
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && d.productCard(c) {
			k++
		}
	}
	if d.cardCounts == nil {
		d.cardCounts = map[*html.Node]int{}
	}
	d.cardCounts[p] = k
	return k
}

// holdsCurrent reports n or an element inside it marked as the current choice (currentMark).
func (d *document) holdsCurrent(n *html.Node) bool {
	return slices.ContainsFunc(d.elems[d.pos[n]:d.lastInside(n)+1], currentMark)
}

// recommendationOpener reports a heading that opens a block of other products: a
// recommendation phrase (recommendationHeading) or a product grid after it (gridHeading).
func (d *document) recommendationOpener(n *html.Node) bool {
	return recommendationHeading(n) || d.gridHeading(n)
}

// gridHeadingWords bounds the words of a heading that opens a product grid.
const gridHeadingWords = 6

// gridDepth bounds the wrappers between a grid's block and its cards (a slider's track, a list).
const gridDepth = 3

// productGrid reports n, or an element up to depth levels inside it, whose child elements
// include at least two product cards (productCard) of the same tag and class (cardShape): the
// tiles of a carousel or a list of other products, or the options of a chooser.
func (d *document) productGrid(n *html.Node, depth int) bool {
	shapes := map[string]bool{} // tag and cardShape of the cards met so far
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || !d.productCard(c) {
			continue
		}
		key := c.Data + " " + cardShape(c)
		if shapes[key] {
			return true
		}
		shapes[key] = true
	}
	if depth == 0 {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && d.productGrid(c, depth-1) {
			return true
		}
	}
	return false
}

// cardShape is a card's class without the class names that mark it chosen or in view
// ("swatch--active", "slick-current"): a chooser's current card has its siblings' shape.
func cardShape(n *html.Node) string {
	var kept []string
	for _, c := range strings.Fields(attr(n, "class")) {
		ws := splitWords(c, nil)
		if !hasWord(ws, selectionWords...) {
			kept = append(kept, c)
		}
	}
	return strings.Join(kept, " ")
}

// cardsOnly reports n, or the element that n's wrappers hold alone up to depth levels in, whose
// child elements are all product cards (productCard), two at least: a grid with nothing of the
// page's own product beside its tiles.
func (d *document) cardsOnly(n *html.Node, depth int) bool {
	for ; depth > 0; depth-- {
		only := soleElement(n)
		if only == nil {
			break
		}
		n = only
	}
	cards := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if !d.productCard(c) {
			return false
		}
		cards++
	}
	return cards >= 2
}

// productCard reports an element of at most cardElements elements holding a link with an
// address, or a radio button, and an amount marked by a currency sign or code: a tile of another
// product, or an option of a chooser drawn as labels with radio buttons ("3 pairs €14.95").
func (d *document) productCard(n *html.Node) bool {
	return d.memo(&d.cards, d.pos[n], func() bool { return d.isProductCard(n) })
}

// isProductCard is productCard's test, without its memo.
func (d *document) isProductCard(n *html.Node) bool {
	first, last := d.pos[n], d.lastInside(n)
	if last-first >= cardElements {
		return false
	}
	link, price := false, false
	for _, c := range d.elems[first : last+1] {
		link = link || c.DataAtom == atom.A && attr(c, "href") != "" || radioButton(c)
		price = price || ownPrice(c)
		if link && price {
			return true
		}
	}
	return false
}

// radioButton reports an <input type="radio">.
func radioButton(n *html.Node) bool {
	return n.DataAtom == atom.Input && strings.EqualFold(attr(n, "type"), "radio")
}

// currentCard reports a product card inside n that holds the shopper's current choice
// (currentMark): the cards are the product's own options (its colours, editions or sizes, each
// a link with its price), not other products. A carousel's current dot is no card and does not
// count.
func (d *document) currentCard(n *html.Node) bool {
	for _, c := range d.elems[d.pos[n] : d.lastInside(n)+1] {
		if !currentMark(c) {
			continue
		}
		for a := c; a != nil && a != n.Parent; a = a.Parent {
			if a.Type == html.ElementNode && d.productCard(a) {
				return true
			}
		}
	}
	return false
}

// currentMark reports an element marked as the current choice: by aria-current, aria-selected,
// a checked radio button (a checked checkbox picks a bundle's items, all of them at once), or a
// class word of selectionWords ("swatch--active", "is-selected") that is not a slider's
// (sliderWords: "slick-current", "swiper-slide-active" mark the slide in view).
func currentMark(n *html.Node) bool {
	if cur := strings.ToLower(attr(n, "aria-current")); cur != "" && cur != "false" || strings.EqualFold(attr(n, "aria-selected"), "true") {
		return true
	}
	if radioButton(n) && hasAttr(n, "checked") {
		return true // the option's own radio button: "<li><input type=radio checked><a>1 pair</a> £8</li>"
	}
	ws := words(n)
	return hasWord(ws, selectionWords...) && !hasWord(ws, sliderWords...)
}

// selectionWords are class words of a chosen option.
var selectionWords = []string{"selected", "active", "current", "chosen", "checked"}

// sliderWords are class words of a carousel's slides.
var sliderWords = []string{"slide", "slides", "slider", "slick", "swiper", "carousel", "glide", "splide", "owl", "flickity", "cell"}

// cardElements bounds the elements of a product card.
const cardElements = 60
