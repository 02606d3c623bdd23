package extract

import (
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Exceptions to the excluded words of skipped: class words that look like a side block's but
// name the product's own buy box or wrapper.

// headingHolders marks, by document position, the elements that hold the page's title heading
// (titleHeading). The title is the product's name, so a block holding it is the product itself,
// whatever its classes say: WooCommerce puts "shipping-taxable" on every product's wrapper, and
// themes tag it with "bundle" or "reward" for the product's type. Other h1s (a cart drawer's
// "Your cart", a carousel's) keep nothing from skipping.
func (d *document) headingHolders(title *html.Node) []bool {
	holds := make([]bool, len(d.elems))
	if title == nil {
		return holds
	}
	for p := title.Parent; p != nil; p = p.Parent {
		i, ok := d.pos[p]
		if !ok || holds[i] {
			break
		}
		holds[i] = true
	}
	return holds
}

// titleHeading is the h1 that shows the product's name: the first whose text is one of names
// (the markup's) or the og:title, folded, without a shop's suffix after " | ", " – " or " - "
// ("Linen Dress | Acme Store"), or holds one, or is held by one when the h1 has two words or
// more or is at least half the name ("Tote Bag" in "Classic Tote Bag"); with no name to match,
// the page's only h1. nil when no h1 qualifies: an h1 that is not the product's (a cart
// drawer's "Your cart") is never taken for it, nor a short h1 the name merely contains (a
// drawer's "Bag" beside "Tote Bag"), nor any h1 inside a cart, drawer, mini cart or basket
// (inCartBlock).
func (d *document) titleHeading(names []string) *html.Node {
	var folded []string
	var h1s []*html.Node
	var carts *cartBlocks
	for _, n := range d.elems {
		switch {
		case n.DataAtom == atom.H1:
			if carts == nil {
				carts = d.newCartBlocks()
			}
			if !carts.holds(n) {
				h1s = append(h1s, n)
			}
		case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "property"), "og:title"):
			names = append(names[:len(names):len(names)], attr(n, "content"))
		}
	}
	for _, name := range names {
		for _, v := range nameForms(name) {
			if f := collapse(catalog.Fold(v)); f != "" {
				folded = append(folded, f)
			}
		}
	}
	if len(folded) == 0 {
		if len(h1s) == 1 {
			return h1s[0]
		}
		return nil
	}
	for _, h := range h1s {
		ft := collapse(catalog.Fold(text(h, titleMaxLength)))
		if ft == "" {
			continue
		}
		long := strings.Count(ft, " ") >= 1
		for _, f := range folded {
			if ft == f || strings.Contains(ft, f) ||
				(long || 2*len(ft) >= len(f)) && containsPhrase(f, []string{ft}) {
				return h
			}
		}
	}
	return nil
}

// siteSeparators part a product's name from a shop's name in a page title.
var siteSeparators = []string{" | ", " – ", " - "}

// nameForms are a name and the name without a site suffix: the part before the first and
// before the last separator (siteSeparators), when not empty.
func nameForms(name string) []string {
	forms := []string{name}
	for _, sep := range siteSeparators {
		if i := strings.Index(name, sep); i > 0 {
			forms = append(forms, name[:i])
		}
		if i := strings.LastIndex(name, sep); i > 0 {
			forms = append(forms, name[:i])
		}
	}
	return forms
}

// pageWrapperClasses are the classes themes give a wrapper of the whole page that a drawer
// slides over (Shopify's Debut, Brooklyn, Timber): not a drawer.
var pageWrapperClasses = []string{"drawer-page-content", "is-moved-by-drawer", "page-container"}

// cartBlocks tells the carts, drawers, mini carts and baskets of a page (holds).
type cartBlocks struct {
	d     *document
	lens  []int
	body  int          // the body's text length (the root's without a body)
	mains []int        // the document positions of the <main> elements
	memo  map[int]bool // by document position, whether a cart-classed element counts
}

// newCartBlocks reads the text lengths and <main> elements cartBlocks needs.
func (d *document) newCartBlocks() *cartBlocks {
	c := &cartBlocks{d: d, lens: d.textLengths(), body: -1, memo: map[int]bool{}}
	for i, e := range d.elems {
		switch {
		case e.DataAtom == atom.Body && c.body < 0:
			c.body = c.lens[i]
		case e.DataAtom == atom.Main:
			c.mains = append(c.mains, i)
		}
	}
	if c.body < 0 && len(c.lens) > 0 {
		c.body = c.lens[0]
	}
	return c
}

// holds reports an element inside one classed as a cart, drawer, mini cart or basket (not a
// buy action's "add-to-cart", nor a page wrapper's class, pageWrapperClasses). Such an ancestor
// counts only when it holds no <main> and less than half the body's text: a theme's wrapper of
// the whole page is no cart.
func (c *cartBlocks) holds(n *html.Node) bool {
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		i, ok := c.d.pos[p]
		if !ok {
			break
		}
		cart, seen := c.memo[i]
		if !seen {
			cart = hasWord(withoutBuyAction(cartClassWords(p)), "cart", "drawer", "minicart", "basket") &&
				2*c.lens[i] < c.body && !c.holdsMain(p)
			c.memo[i] = cart
		}
		if cart {
			return true
		}
	}
	return false
}

// holdsMain reports an element holding a <main>.
func (c *cartBlocks) holdsMain(p *html.Node) bool {
	if len(c.mains) == 0 {
		return false
	}
	first, last := c.d.pos[p], c.d.lastInside(p)
	for _, m := range c.mains {
		if m > first && m <= last {
			return true
		}
	}
	return false
}

// cartClassWords are an element's words (words) without its page wrapper classes
// (pageWrapperClasses).
func cartClassWords(n *html.Node) []string {
	m := *n
	m.Attr = nil
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "class" {
			var keep []string
			for _, c := range strings.Fields(a.Val) {
				if !slices.Contains(pageWrapperClasses, strings.ToLower(c)) {
					keep = append(keep, c)
				}
			}
			a.Val = strings.Join(keep, " ")
		}
		m.Attr = append(m.Attr, a)
	}
	return words(&m)
}

// withoutBuyAction drops the words of a buy action from an element's class words: "add to
// cart", "add-to-bag", "addtocart", "tocart". Salesforce's SFRA wraps the price and its button in
// "prices-add-to-cart-actions"; the cart there is where the product goes, not a cart's totals.
func withoutBuyAction(ws []string) []string {
	out := ws[:0:0]
	for i := 0; i < len(ws); i++ {
		switch {
		case i+2 < len(ws) && ws[i] == "add" && ws[i+1] == "to" && buyTarget(ws[i+2]):
			i += 2
		case i+1 < len(ws) && ws[i] == "add" && buyTarget(ws[i+1]):
			i++
		case ws[i] == "addtocart" || ws[i] == "tocart" || ws[i] == "addtobag" || ws[i] == "addtobasket":
		default:
			out = append(out, ws[i])
		}
	}
	return out
}

// buyTarget reports a word naming where an added product goes.
func buyTarget(w string) bool {
	return w == "cart" || w == "bag" || w == "basket" || w == "trolley"
}
