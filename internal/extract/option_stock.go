package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inOption reports whether n is part of one size's or colour's option: inside a picker
// (inPicker) or a button, label or option element. Such an element's "Sold out" speaks for that
// option ("M - Sold out"), not for the product.
func inOption(n *html.Node) bool {
	if inPicker(n) {
		return true
	}
	for up, p := 0, n; up < 4 && p != nil && p.Type == html.ElementNode; up, p = up+1, p.Parent {
		switch p.DataAtom {
		case atom.Button, atom.Option, atom.Label:
			return true
		}
	}
	return false
}

// shippingNote reports whether n is in a shipping or delivery line whose classes name no stock:
// its "Not available for PO boxes" is about delivery, not stock. Such lines are read for stock
// only through a stock class (Shopware's "delivery-information delivery-soldout").
func shippingNote(n *html.Node) bool {
	for up := 0; up < 4 && n != nil && n.Type == html.ElementNode; up, n = up+1, n.Parent {
		ws := words(n)
		if hasWord(ws, stockWords...) {
			return false
		}
		if hasWord(ws, "shipping", "delivery") {
			return true
		}
	}
	return false
}
