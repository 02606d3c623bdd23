package extract

import (
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
// (the markup's) or the og:title, folded, or holds one; with no name to match, the page's only
// h1. nil when no h1 qualifies: an h1 that is not the product's (a cart drawer's "Your cart") is
// never taken for it, nor a short h1 the name merely contains (a drawer's "Bag" beside "Tote
// Bag"), nor any h1 inside a cart, drawer, mini cart or basket (inCartBlock).
func (d *document) titleHeading(names []string) *html.Node {
	var folded []string
	var h1s []*html.Node
	for _, n := range d.elems {
		switch {
		case n.DataAtom == atom.H1 && !inCartBlock(n):
			h1s = append(h1s, n)
		case n.DataAtom == atom.Meta && strings.EqualFold(attr(n, "property"), "og:title"):
			names = append(names[:len(names):len(names)], attr(n, "content"))
		}
	}
	for _, name := range names {
		if f := catalog.Fold(name); f != "" {
			folded = append(folded, f)
		}
	}
	if len(folded) == 0 {
		if len(h1s) == 1 {
			return h1s[0]
		}
		return nil
	}
	for _, h := range h1s {
		ft := catalog.Fold(text(h, titleMaxLength))
		if ft == "" {
			continue
		}
		for _, f := range folded {
			if ft == f || strings.Contains(ft, f) {
				return h
			}
		}
	}
	return nil
}

// inCartBlock reports an element inside one classed as a cart, drawer, mini cart or basket
// (not a buy action's "add-to-cart").
func inCartBlock(n *html.Node) bool {
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if hasWord(withoutBuyAction(words(p)), "cart", "drawer", "minicart", "basket") {
			return true
		}
	}
	return false
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
