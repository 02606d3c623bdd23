package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// trailingLabel reads the label a price block writes after each of its prices, as Wix writes its
// screen-reader labels: "€120,00" "Regular Price" "€89,00" "Sale Price". The labels trail when
// the first of n's siblings that shows text holds a price and the last is a label that names a
// price's role (roleLabels) and holds none; then n's label is the one right after it ("" when
// none is), never the one before it, which is the previous price's. ok is false when the labels,
// if any, come before their prices.
func trailingLabel(n *html.Node) (label string, ok bool) {
	if n.Parent == nil {
		return "", false
	}
	var first, last *html.Node
	for c := n.Parent.FirstChild; c != nil; c = c.NextSibling {
		if siblingText(c) == "" {
			continue
		}
		if first == nil {
			first = c
		}
		last = c
	}
	if first == nil || last == n || len(findPrices(siblingText(first), "")) == 0 || !roleLabel(siblingText(last)) {
		return "", false
	}
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		t := siblingText(c)
		if t == "" {
			continue
		}
		if roleLabel(t) {
			return t, true
		}
		break
	}
	return "", true
}

// roleLabel reports a short text without a price that names a price's role ("Regular Price",
// "Sale Price").
func roleLabel(t string) bool {
	return len(t) <= 40 && len(findPrices(t, "")) == 0 && containsPhrase(strings.ToLower(t), roleLabels)
}

// siblingText is the text a node shows, white space collapsed: "" for a script or other node
// that shows none.
func siblingText(n *html.Node) string {
	switch n.Type {
	case html.TextNode:
		return collapse(n.Data)
	case html.ElementNode:
		if !invisibleText(n) {
			return text(n, 60)
		}
	}
	return ""
}
