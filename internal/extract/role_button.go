package extract

import (
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// roleButton reports a link or block that says it is a button (role="button"), as SmartStore
// draws its "구매하기" and "품절" buttons as links with generated classes only.
func roleButton(n *html.Node) bool {
	switch n.DataAtom {
	case atom.A, atom.Div, atom.Span:
		return strings.EqualFold(strings.TrimSpace(attr(n, "role")), "button")
	}
	return false
}

// soldOutLabels are the whole texts of a sold-out button: "SOLD OUT", "품절", "售完". A link
// "Email me when available" is no such button: it offers an alert, whatever the stock.
var soldOutLabels = []string{"sold out", "soldout", "out of stock", "품절", "일시품절", "售完", "已售完", "售罄", "缺貨", "缺货",
	"売り切れ", "完売", "在庫切れ", "品切れ", "ausverkauft", "épuisé", "agotado", "esaurito", "esgotado", "uitverkocht",
	"wyprzedane", "vyprodáno", "elfogyott", "stoc epuizat", "hết hàng", "نفدت الكمية"}

// soldOutButton reports a link or block classed as a button ("btn", "button": Cafe24's
// <span class="btnNormal sizeL">SOLD OUT</span>) whose whole text is a sold-out label
// (soldOutLabels).
func soldOutButton(n *html.Node, ws []string) bool {
	switch n.DataAtom {
	case atom.A, atom.Div, atom.Span:
	default:
		return false
	}
	if !hasWord(ws, "btn", "button") {
		return false
	}
	return slices.Contains(soldOutLabels, strings.ToLower(buttonText(n, 40)))
}

// drawnButtonSays reads a link or block that only role="button" or a sold-out label makes a
// button (roleButton, soldOutButton), as buyButtonSays reads a button, from fewer words: a
// whole sold-out label says out of stock, pre-order words pre-order, add-to-cart words in stock
// unless it is disabled (aria-disabled). Anything else ("Notify me", "Previous") is no buy
// button; nor is one in a size or colour picker (a size's "Sold out"), unless the only picker
// word is Cafe24's button size ("sizeL": pickerBesidesButtonSize).
func drawnButtonSays(n *html.Node) (said catalog.Availability, buy, ok bool) {
	if pickerBesidesButtonSize(n) {
		return "", false, false
	}
	t := buttonText(n, 120)
	if len(t) > 60 {
		return "", false, false
	}
	low := strings.ToLower(collapse(t))
	switch {
	case slices.Contains(soldOutLabels, low):
		return catalog.OutOfStock, false, true
	case containsPhrase(low, preorderPhrases):
		return catalog.Preorder, false, true
	case containsPhrase(low, addToCartPhrases):
		if disabled(n) {
			return "", true, true
		}
		return catalog.InStock, true, true
	}
	return "", false, false
}

// pickerBesidesButtonSize is inPicker with the element's own button-size classes ("sizeS",
// "sizeM", "sizeL", as Cafe24 sizes its buttons) left out.
func pickerBesidesButtonSize(n *html.Node) bool {
	m := *n
	m.Attr = nil
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "class" {
			a.Val = strings.Join(slices.DeleteFunc(strings.Fields(a.Val), buttonSizeClass), " ")
		}
		m.Attr = append(m.Attr, a)
	}
	if slices.ContainsFunc(words(&m), pickerWord) {
		return true
	}
	return n.Parent != nil && n.Parent.Type == html.ElementNode && inPickerFrom(n.Parent, 3)
}

// buttonSizeClass reports Cafe24's button-size class: "size" and one capital letter.
func buttonSizeClass(c string) bool {
	return len(c) == 5 && strings.HasPrefix(c, "size") && c[4] >= 'A' && c[4] <= 'Z'
}

// inPickerFrom reports whether n or one of its levels-1 nearest ancestors is marked as a picker.
func inPickerFrom(n *html.Node, levels int) bool {
	for up := 0; n != nil && n.Type == html.ElementNode && up < levels; up, n = up+1, n.Parent {
		if slices.ContainsFunc(words(n), pickerWord) {
			return true
		}
	}
	return false
}
