package extract

import (
	"slices"
	"strings"

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
			if choiceInput(c) {
				return true
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

// choiceInput reports a radio button or check box: one choice of a picker.
func choiceInput(n *html.Node) bool {
	return radioButton(n) || n.DataAtom == atom.Input && strings.EqualFold(attr(n, "type"), "checkbox")
}

// pickerOption reports an option of a size or colour picker: a radio button or a button in
// one (inPicker) that names no buy action.
func pickerOption(n *html.Node) bool {
	isOption := n.DataAtom == atom.Button || choiceInput(n)
	return isOption && !hasWord(words(n), buttonWords...) && inPicker(n)
}

// soldOutOptionWords mark an option that cannot be chosen, on it or its two nearest ancestors.
var soldOutOptionWords = []string{"disabled", "unavailable", "notavailable", "soldout", "outofstock", "oos", "inactive"}

// optionSoldOut reports a picker's option that cannot be chosen: disabled, or marked sold out.
func optionSoldOut(n *html.Node) bool {
	if disabled(n) {
		return true
	}
	for up := 0; up < 3 && n != nil && n.Type == html.ElementNode; up, n = up+1, n.Parent {
		ws := words(n)
		if hasWord(ws, soldOutOptionWords...) || hasWord(ws, "sold") && hasWord(ws, "out") || hasWord(ws, "out") && hasWord(ws, "stock") {
			return true
		}
	}
	return false
}

// selectPicker reports a select of sizes or colours: in a picker, or named so.
func selectPicker(n *html.Node) bool {
	return inPicker(n) || slices.ContainsFunc(splitWords(attr(n, "name"), nil), pickerWord)
}

// selectOpen reports a select with an option that can be chosen, its placeholder (no value)
// left out.
func selectOpen(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == atom.Optgroup && selectOpen(c) {
			return true
		}
		if c.DataAtom == atom.Option && (!hasAttr(c, "value") || attr(c, "value") != "") && !disabled(c) {
			return true
		}
	}
	return false
}
