package extract

import (
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// buyButtonSays reads a buy button after the title (shownAvailability): ok when n is a button,
// or a link or block drawn as one by its classes (or by role="button" or a sold-out label:
// drawnButtonSays), that is not an option of a size or colour picker; said is
// what its words say of stock (an enabled add-to-cart button says in stock, "Sold out" out of
// stock, "Pre-order" pre-order), buy that it is a buy control, enabled or not.
func buyButtonSays(n *html.Node, ws []string, formSeen bool) (said catalog.Availability, buy, ok bool) {
	isButton := n.DataAtom == atom.Button ||
		(n.DataAtom == atom.Input && (strings.EqualFold(attr(n, "type"), "submit") || strings.EqualFold(attr(n, "type"), "button"))) ||
		((n.DataAtom == atom.A || n.DataAtom == atom.Div || n.DataAtom == atom.Span) && hasWord(ws, buttonWords...) && hasWord(ws, "btn", "button", "add", "addtocart", "addtobag", "addtobasket", "buy"))
	if !isButton && (roleButton(n) || soldOutButton(n, ws)) {
		return drawnButtonSays(n)
	}
	if !isButton || !hasWord(ws, buttonWords...) && inPicker(n) {
		return "", false, false
	}
	t := buttonText(n, 120)
	if n.DataAtom == atom.Input {
		t = attr(n, "value")
	}
	if len(t) > 60 {
		return "", false, false
	}
	low := strings.ToLower(collapse(t))
	switch {
	case containsPhrase(low, outOfStockPhrases) || notifyMe(n, low):
		said = catalog.OutOfStock
	case containsPhrase(low, preorderPhrases):
		said = catalog.Preorder
	case containsPhrase(low, addToCartPhrases) || slices.Contains(addOnlyWords, low) || buyControl(n):
		buy = true
		if !disabled(n) {
			said = catalog.InStock
		}
	case buyClass(ws) && low != "" && !otherProductControl(n, formSeen):
		// A button classed add-to-bag whose words are unknown: a buy control is shown, but
		// only its words say it can be pressed for this product.
		buy = true
	}
	return said, buy, true
}

// preorderOnly reports a product whose buy button says pre-order while nothing the shopper
// sees adds it to the cart: the first buy button after the title that speaks says pre-order
// and no enabled add-to-cart button is shown. Buttons that follow the product's own buy button
// without being it do not count: Shopify's dynamic checkout ("Buy it now", Apple Pay; see
// expressCheckout), which each theme shows beside whatever the buy button says; a sticky bar's
// copy of the buy button (stickyBar); a quick add of another product (otherProductWords). A
// button that a class hides ("hidden", "visually-hidden", as pre-order apps hide the
// add-to-cart they replace) counts only when every speaking button is hidden so.
//
// open reports that the shopper can place the pre-order: the first button that decides is
// enabled and asks to order, not only announcing the product ("Coming soon": preorderOpen).
func (d *document) preorderOnly(title, end int, lens []int, skip []bool) (only, open bool) {
	titleNode := d.elems[title]
	var shown, hidden, sticky []catalog.Availability
	var shownNodes, hiddenNodes, stickyNodes []*html.Node
	var form *html.Node // the product's own form: the first product form after the title
	for i := title; i < end; i++ {
		if skip[i] {
			continue
		}
		n := d.elems[i]
		if form == nil && n.DataAtom == atom.Form && productForm(n) {
			form = n
		}
		if lens[i] == 0 && n.DataAtom != atom.Input {
			continue
		}
		said, _, ok := buyButtonSays(n, words(n), form != nil)
		if !ok || said == "" || expressCheckout(n) || otherProductControl(n, false) {
			continue
		}
		switch {
		case stickyBar(n, titleNode, form):
			sticky, stickyNodes = append(sticky, said), append(stickyNodes, n)
		case classHidden(n):
			hidden, hiddenNodes = append(hidden, said), append(hiddenNodes, n)
		default:
			shown, shownNodes = append(shown, said), append(shownNodes, n)
		}
	}
	for i, says := range [][]catalog.Availability{shown, hidden, sticky} {
		if len(says) > 0 {
			only = says[0] == catalog.Preorder && !slices.Contains(says, catalog.InStock)
			return only, only && preorderOpen([][]*html.Node{shownNodes, hiddenNodes, stickyNodes}[i][0])
		}
	}
	return false, false
}

// expressCheckout reports a button of Shopify's dynamic checkout, which themes render with
// {{ form | payment_button }} beside the buy button: "Buy it now" or a wallet's button in a
// "shopify-payment-button" block, inside <shopify-accelerated-checkout> and its
// <shopify-buy-it-now-button>. It buys what the buy button would, so it says nothing of its own
// (a pre-order's checkout is one too). A class word "payment" alone does not mark it: Debut
// puts its add-to-cart in a "product-form__item--payment-button".
func expressCheckout(n *html.Node) bool {
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if strings.EqualFold(attr(p, "data-shopify"), "payment-button") ||
			strings.HasPrefix(p.Data, "shopify-") && (strings.Contains(p.Data, "checkout") || strings.Contains(p.Data, "button")) {
			return true
		}
		for _, c := range strings.Fields(strings.ToLower(attr(p, "class"))) {
			if strings.HasPrefix(c, "shopify-payment-button") {
				return true
			}
		}
	}
	return false
}

// stickyBar reports a button in a sticky bar ("sticky-atc", "product-sticky-form", a
// <sticky-add-to-cart> element) that repeats the buy button at the edge of the screen: an
// ancestor whose classes, id or tag name say sticky and that holds neither the title heading
// nor the product's own form (form, nil when none). Dawn's "product__column-sticky" holds the
// title and the product's buy button; Flatsome's "sticky-add-to-cart-wrapper" sits in the
// product's form around its own button.
func stickyBar(n, title, form *html.Node) bool {
	if form != nil && within(n, form) {
		return false
	}
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		sticky := strings.Contains(p.Data, "sticky") || slices.ContainsFunc(words(p), func(w string) bool { return strings.HasPrefix(w, "sticky") })
		if sticky {
			return !within(title, p) && (form == nil || !within(form, p))
		}
	}
	return false
}

// classHidden reports a control that it or an ancestor hides by a class (hiddenByClass), as
// pre-order apps hide the add-to-cart button they replace. Classes that hide only where a
// script does not run or in a quick-view ("no-js-hidden", "quick-add-hidden") are no such
// class: the shopper sees the control.
func classHidden(n *html.Node) bool {
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if !hiddenElement(p, true) {
			continue
		}
		if hiddenElement(p, false) {
			return true
		}
		cs := shownFromBreakpoint(strings.Fields(strings.ToLower(attr(p, "class"))))
		if slices.ContainsFunc(cs, func(c string) bool { return hidingClass(c) && !contextHiding(c) }) ||
			slices.Contains(cs, "collapse") && !slices.Contains(cs, "show") && !slices.Contains(cs, "in") {
			return true
		}
	}
	return false
}

// contextHiding reports a class that hides an element only in some context: without a script
// ("no-js-hidden", "nojs-hide") or in a quick view ("quick-add-hidden").
func contextHiding(c string) bool {
	ws := splitWords(c, nil)
	return hasWord(ws, "nojs", "quick", "quickadd", "quickview") || hasWord(ws, "no") && hasWord(ws, "js")
}
