package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A product form's submit control is its buy button in any language: Shopify names it
// name="add", and a form posting to the cart submits the product. Such a button, enabled, says
// the product can be bought whatever its words. A disabled one, or a form without one, says
// nothing by itself: an instalment widget's "form" posts to the cart too.

// productForm reports a form that adds the product to the cart: it posts to a cart address or
// its classes name a product or cart form, and not a review, question, newsletter or search
// form (otherFormWords).
func productForm(n *html.Node) bool {
	if n.DataAtom != atom.Form {
		return false
	}
	ws := words(n)
	if hasWord(ws, otherFormWords...) {
		return false
	}
	action := strings.ToLower(attr(n, "action"))
	return strings.Contains(action, "/cart") || strings.Contains(action, "add-to-cart") || strings.Contains(action, "basket") ||
		hasWord(ws, "product", "cart", "addtocart", "basket")
}

// otherFormWords name the forms of a product page that do not buy it.
var otherFormWords = []string{"review", "reviews", "question", "questions", "newsletter", "subscribe", "search", "login",
	"notify", "notification", "wishlist", "rating", "contact", "coupon"}

// submitControl reports a button or input that submits its form: a submit button or Shopify's
// name="add". A button without a type submits its form too, but themes leave the type off their
// quantity, wishlist and share buttons, so one counts only when its words say it buys. None
// counts whose classes or label name a quantity step, a wishlist or sharing (helperWords).
func submitControl(n *html.Node, inForm bool) bool {
	typ := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	if hasWord(words(n), helperWords...) || containsPhrase(strings.ToLower(attr(n, "aria-label")), helperWords) {
		return false
	}
	switch n.DataAtom {
	case atom.Button:
		return typ == "submit" || strings.EqualFold(attr(n, "name"), "add") ||
			typ == "" && inForm && hasWord(words(n), buttonWords...)
	case atom.Input:
		return typ == "submit" || typ == "image"
	}
	return false
}

// helperWords name the buttons of a product form that do not buy: quantity steps, wishlists,
// sharing.
var helperWords = []string{"qty", "quantity", "minus", "plus", "increase", "decrease", "increment", "decrement",
	"wishlist", "favorite", "favourite", "favorites", "share", "compare"}

// buyControl reports a product form's submit control: one named "add", or one in a product form.
// Buttons of a size or colour picker are not.
func buyControl(n *html.Node) bool {
	if n.DataAtom != atom.Button && n.DataAtom != atom.Input {
		return false
	}
	form := formOf(n)
	if !submitControl(n, form != nil) || inPicker(n) {
		return false
	}
	return strings.EqualFold(attr(n, "name"), "add") || form != nil && productForm(form)
}

// disabled reports a control the shopper cannot press.
func disabled(n *html.Node) bool {
	return hasAttr(n, "disabled") || strings.EqualFold(attr(n, "aria-disabled"), "true")
}

// formOf is the form n is in, nil when none.
func formOf(n *html.Node) *html.Node {
	for p := n.Parent; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if p.DataAtom == atom.Form {
			return p
		}
	}
	return nil
}
