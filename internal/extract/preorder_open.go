package extract

import (
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// announcePhrases say a product is coming without taking an order for it: a "Coming soon" button
// on a sold-out or not yet released product's page, lower case.
var announcePhrases = []string{"coming soon", "próximamente", "proximamente", "prossimamente", "demnächst", "binnenkort",
	"bientôt disponible", "em breve", "snart tillgänglig"}

// preorderOpen reports a pre-order button the shopper can press (n, the product's first buy
// button, which says pre-order): enabled, and asking to order ("Pre-order", "Vorbestellen"), not
// only announcing the product (announcePhrases).
func preorderOpen(n *html.Node) bool {
	if disabled(n) {
		return false
	}
	t := buttonText(n, 120)
	if n.DataAtom == atom.Input {
		t = attr(n, "value")
	}
	low := strings.ToLower(collapse(t))
	return containsPhrase(low, preorderPhrases) && !containsPhrase(low, announcePhrases)
}

// preorderOverSoldOut makes pre-orders of offers whose markup says sold out when the page's buy
// button takes a pre-order the shopper can place (shown.preorderOpen) and no stock message says
// in stock: a shop that sells ahead of stock keeps the stock it has, none, in its markup. Only
// when every offer is sold out: beside offers in stock the button speaks for one of those.
func preorderOverSoldOut(c *candidate, s shown) {
	if !s.preorderOnly || !s.preorderOpen || s.message == catalog.InStock || len(c.offers) == 0 {
		return
	}
	for _, o := range c.offers {
		if o.availability != catalog.OutOfStock && o.availability != catalog.Preorder {
			return
		}
	}
	for i := range c.offers {
		c.offers[i].availability = catalog.Preorder
	}
}
