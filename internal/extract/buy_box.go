package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// addActionWords are the path words of a form's action that add an item to the cart:
// "/basket/add/" (Shoper), "/cart/add", "/action/Cart/addCartItem/".
var addActionWords = []string{"add", "addcartitem", "additem", "addtocart", "addtobasket", "addproduct"}

// addForm reports a form whose action adds an item to the cart (addActionWords).
func addForm(n *html.Node) bool {
	if n.DataAtom != atom.Form {
		return false
	}
	action := strings.ToLower(attr(n, "action"))
	if action == "" {
		return false
	}
	return hasWord(splitWords(attr(n, "action"), nil), addActionWords...) || strings.Contains(action, "add-to-cart") || strings.Contains(action, "add_to_cart")
}

// buyBox reports an element classed as a basket that is the product's buy box, not a cart:
// it is or holds exactly one form that adds an item (addForm), as Shoper wraps its price and
// "Do koszyka" button in <div class="basket"><form class="form-basket" action="/basket/add/">.
func buyBox(p *html.Node) bool {
	forms := 0
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 40 || forms > 1 {
			return
		}
		if n.Type == html.ElementNode && addForm(n) {
			forms++
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(p, 0)
	return forms == 1
}

// basketBuyBox reports a block that only its cart words (ws: "basket", "cart") exclude and that
// is the product's buy box (buyBox).
func basketBuyBox(n *html.Node, ws []string) bool {
	return hasWord(ws, "basket", "cart") && !hasWord(withoutWords(ws, "basket", "cart"), excludedWords...) && buyBox(n)
}
