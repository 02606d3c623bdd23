package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Japanese shops and others set the number of a price in its own element and its sign or
// code beside it in the parent's text: <span class="num">13,860</span>円, or
// $<span class="amount">24.00</span>. Read alone the number has no currency; read with the sign
// beside it, it has the one the shopper sees.

// withSiblingSymbol is t, the text of n holding one number without a sign, with the currency sign
// or code that stands alone right beside n (in a text node or its own small element) added on
// its side; t itself when there is none. The forint's "Ft" counts only on a page in forints
// (hint): <span>6</span> ft is a length.
func withSiblingSymbol(n *html.Node, t string, ps []shownPrice, hint string) string {
	if len(ps) != 1 || ps[0].marked {
		return t
	}
	ok := func(s string) bool { return s != "" && (hint == "HUF" || !strings.EqualFold(s, "ft")) }
	if s := siblingSymbol(n.NextSibling, true); ok(s) {
		return t + s
	}
	if s := siblingSymbol(n.PrevSibling, false); ok(s) {
		return s + t
	}
	return t
}

// siblingSymbol is the currency sign or code that c, the node beside a price's number, holds
// alone: a text node ("円") or a small element (<span class="currency">EUR</span>); white space
// between them is passed over. next says which way to pass.
func siblingSymbol(c *html.Node, next bool) string {
	for c != nil && c.Type == html.TextNode && strings.TrimSpace(c.Data) == "" {
		if next {
			c = c.NextSibling
		} else {
			c = c.PrevSibling
		}
	}
	if c == nil {
		return ""
	}
	var s string
	switch {
	case c.Type == html.TextNode:
		s = strings.TrimSpace(c.Data)
	case c.Type == html.ElementNode && !invisibleText(c) && c.FirstChild != nil && c.FirstChild == c.LastChild && c.FirstChild.Type == html.TextNode:
		s = strings.TrimSpace(c.FirstChild.Data)
	}
	if s == "" || !isSymbolPart(s) {
		return ""
	}
	return s
}
