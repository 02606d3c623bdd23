package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rowLabel is the header of the table row a price's cell is in: Cafe24's "판매가" and
// "할인판매가" rows, a spec table's "Price" row; or the term of the definition list entry it
// describes, as Godomall lists "판매가" and "배송비" (<dt>/<dd>). n is the price element or an
// inline element inside its cell; the header is the row's th before the cell, or a cell before
// it that holds a short text and no price, and a description's is the term before it. "" when
// n is in no table cell or description, or its row has no such header.
func rowLabel(n *html.Node) string {
	cell := n
	for up := 0; cell != nil && cell.Type == html.ElementNode && cell.DataAtom != atom.Td && cell.DataAtom != atom.Dd; up, cell = up+1, cell.Parent {
		if up >= 4 || up > 0 && !inlineElement(cell) {
			return ""
		}
	}
	if cell == nil || cell.Type != html.ElementNode {
		return ""
	}
	header := func(p *html.Node) bool { return p.DataAtom == atom.Th || p.DataAtom == atom.Td }
	if cell.DataAtom == atom.Dd {
		header = func(p *html.Node) bool { return p.DataAtom == atom.Dt }
	}
	for p := cell.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type != html.ElementNode || !header(p) {
			continue
		}
		t := text(p, 60)
		if t == "" || len(t) > 40 || len(findPrices(t, "")) > 0 {
			return ""
		}
		return t
	}
	return ""
}
