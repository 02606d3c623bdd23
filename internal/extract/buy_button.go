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

// submitControl reports a button or input that submits its form: a submit button, a button
// without a type when it is in a form (inForm), or Shopify's name="add".
func submitControl(n *html.Node, inForm bool) bool {
	typ := strings.ToLower(strings.TrimSpace(attr(n, "type")))
	switch n.DataAtom {
	case atom.Button:
		return typ == "submit" || strings.EqualFold(attr(n, "name"), "add") || typ == "" && inForm
	case atom.Input:
		return typ == "submit" || typ == "image"
	}
	return false
}

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
