package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Two kinds of chooser inside a buy box are not what their class or shape first says.
//   - A pack or bundle chooser classed "bundle" ("bundle-selector", "kaching-bundles") offers the
//     product itself in packs of one, three or six, the chosen one checked: its chosen option's
//     price is the shopper's, though "bundle" elsewhere marks a "Buy it with" block of other
//     products (bundleChooser).
//   - A chooser of delivery options drawn like a pack chooser (a legend "Delivery" over radio
//     buttons with prices, one checked) offers a fee, never the product's price
//     (deliveryHeading).
//
// Apart from both, the labels of a radio group's unchecked buttons are options not chosen
// (uncheckedRadioLabels).

// bundleChooser reports a block classed "bundle" that is a chooser of the product's own packs: a
// grid of cards (productGrid) one of which holds the current choice (currentCard), a checked
// radio button or a class such as "bundle-option--selected". A "Frequently bought together"
// bundle picks its items with checkboxes, all at once, and is no such chooser.
func (d *document) bundleChooser(n *html.Node) bool {
	return d.productGrid(n, gridDepth) && d.currentCard(n)
}

// markBundleChoices marks, by document position, the cards of the bundle chooser n other than
// the chosen one: the prices of the packs the shopper has not chosen.
func (d *document) markBundleChoices(n *html.Node, marks []bool) {
	last := d.lastInside(n)
	for i := d.pos[n] + 1; i <= last; i++ {
		c := d.elems[i]
		if d.gridCard(c) {
			if !d.holdsCurrent(c) {
				marks[i] = true
			}
			i = d.lastInside(c)
		}
	}
}

// deliveryHeading reports a heading that names delivery or shipping ("Delivery", "Choose your
// delivery", "Versand", "配送"): the options under it are fees. A heading that promises free
// delivery ("Bundle & save + free shipping") names a perk of the options under it, not fees.
func deliveryHeading(n *html.Node) bool {
	t := strings.ToLower(collapse(text(n, 160)))
	return containsPhrase(t, shippingWords) && !anyWordIn(strings.Fields(t), freeWords, true)
}

// purchaseOptionPhrases name a way of buying the product itself rather than of delivering it:
// a one-time purchase or a subscription, often under "Choose your delivery".
var purchaseOptionPhrases = []string{"one-time", "one time", "onetime", "subscribe", "subscription", "einmalkauf",
	"einmaliger kauf", "abonnement", "abonnieren", "achat unique", "compra única", "compra unica", "acquisto singolo",
	"eenmalige aankoop", "buy once", "one-off", "single purchase", "autoship", "auto-ship", "auto ship", "auto-delivery",
	"auto delivery", "auto-replenish", "auto replenish", "autoreplenish", "repeat delivery", "deliver every", "delivered every",
	"delivery every", "ships every", "lieferung alle", "livraison tous les"}

// purchaseOptions reports a chooser whose options are ways of buying the product (a one-time
// purchase beside a subscription): their prices are the product's, not delivery fees.
func purchaseOptions(s *html.Node) bool {
	return containsPhrase(strings.ToLower(collapse(text(s, 2000))), purchaseOptionPhrases)
}

// uncheckedRadioLabels marks, by document position, the labels of radio buttons left unchecked
// in a group (one name) where another is checked: the options the shopper has not chosen, whose
// labels may show their prices, as Shopify's variant pills do for a gift card's amounts
// ("<input type=radio name=Amount checked><label for=…>$50.00</label>"). A label is tied to
// its radio button by its "for" attribute or by following it.
func (d *document) uncheckedRadioLabels(marks []bool) {
	checked := map[string]bool{}
	byID := map[string]*html.Node{}
	for _, n := range d.elems {
		if !radioButton(n) {
			continue
		}
		if name := attr(n, "name"); name != "" && hasAttr(n, "checked") {
			checked[name] = true
		}
		if id := attr(n, "id"); id != "" {
			byID[id] = n
		}
	}
	if len(checked) == 0 {
		return
	}
	for _, n := range d.elems {
		if n.DataAtom != atom.Label {
			continue
		}
		r := byID[attr(n, "for")]
		if r == nil {
			r = previousElement(n)
		}
		if r != nil && radioButton(r) && !hasAttr(r, "checked") && checked[attr(r, "name")] {
			marks[d.pos[n]] = true
		}
	}
}

// previousElement is n's previous sibling element, nil when there is none.
func previousElement(n *html.Node) *html.Node {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type == html.ElementNode {
			return p
		}
	}
	return nil
}
