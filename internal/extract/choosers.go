package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Two kinds of chooser inside a buy box are not what their class or shape first says.
//   - A pack or bundle chooser classed "bundle" ("bundle-selector", "kaching-bundles") offers the
//     product itself in packs of one, three or six, the chosen one checked: its chosen option's
//     price is the shopper's, though "bundle" elsewhere marks a "Buy it with" block of other
//     products (bundleChooser).
//   - A chooser of delivery options drawn like a pack chooser (a legend "Delivery" over radio
//     buttons with prices, one checked) offers a fee, never the product's price
//     (deliveryHeading).

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
// delivery", "Versand", "配送"): the options under it are fees.
func deliveryHeading(n *html.Node) bool {
	return containsPhrase(strings.ToLower(collapse(text(n, 160))), shippingWords)
}

// purchaseOptionPhrases name a way of buying the product itself rather than of delivering it:
// a one-time purchase or a subscription, often under "Choose your delivery".
var purchaseOptionPhrases = []string{"one-time", "one time", "onetime", "subscribe", "subscription", "einmalkauf",
	"einmaliger kauf", "abonnement", "abonnieren", "achat unique", "compra única", "compra unica", "acquisto singolo",
	"eenmalige aankoop"}

// purchaseOptions reports a chooser whose options are ways of buying the product (a one-time
// purchase beside a subscription): their prices are the product's, not delivery fees.
func purchaseOptions(s *html.Node) bool {
	return containsPhrase(strings.ToLower(collapse(text(s, 2000))), purchaseOptionPhrases)
}
