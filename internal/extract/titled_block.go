package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// titleClassWords name a block that shows a title in shops that draw the product's name in a
// <div> or <p>: Imweb's "view_tit", a "goods_name", a "subject".
var titleClassWords = []string{"tit", "title", "subject", "name", "goodsname", "itemname"}

// titleClassed reports a block or inline element (not a link, button, label or form field) whose
// classes or id name a title (titleClassWords).
func titleClassed(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.P, atom.Span, atom.Strong, atom.B, atom.H4, atom.Dt, atom.Td:
		return hasWord(words(n), titleClassWords...)
	}
	return false
}
