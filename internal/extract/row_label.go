package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// rowLabel is the header of the table row a price's cell is in: Cafe24's "판매가" and
// "할인판매가" rows, a spec table's "Price" row. n is the price element or an inline element
// inside its cell; the header is the row's th before the cell, or a cell before it that holds a
// short text and no price. "" when n is in no table cell or its row has no such header.
func rowLabel(n *html.Node) string {
	cell := n
	for up := 0; cell != nil && cell.Type == html.ElementNode && cell.DataAtom != atom.Td; up, cell = up+1, cell.Parent {
		if up >= 4 || up > 0 && !inlineElement(cell) {
			return ""
		}
	}
	if cell == nil || cell.Type != html.ElementNode {
		return ""
	}
	for p := cell.PrevSibling; p != nil; p = p.PrevSibling {
		if p.Type != html.ElementNode || p.DataAtom != atom.Th && p.DataAtom != atom.Td {
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
