package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inOption reports whether n is part of one size's or colour's option: inside a picker
// (inPicker), a button or option element, or a label of an input (optionLabel). Such an
// element's "Sold out" speaks for that option ("M - Sold out"), not for the product. A label of
// nothing (<label class="stock-status">Out of stock</label>) is the product's stock message.
func inOption(n *html.Node) bool {
	if inPicker(n) {
		return true
	}
	for up, p := 0, n; up < 4 && p != nil && p.Type == html.ElementNode; up, p = up+1, p.Parent {
		switch p.DataAtom {
		case atom.Button, atom.Option:
			return true
		case atom.Label:
			if optionLabel(p) {
				return true
			}
		}
	}
	return false
}

// optionLabel reports a label that belongs to an input: it names one (for=) or holds a radio
// button or check box.
func optionLabel(l *html.Node) bool {
	if attr(l, "for") != "" {
		return true
	}
	var holds func(n *html.Node) bool
	holds = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if c.DataAtom == atom.Input {
				if t := attr(c, "type"); t == "radio" || t == "checkbox" {
					return true
				}
			}
			if holds(c) {
				return true
			}
		}
		return false
	}
	return holds(l)
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
