package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// leadLabel is the label an element writes just before a text node that starts with a price:
// SmartStore's hidden <span class="blind">배송비</span> before "3,000원 (30,000원 이상 구매 시
// 무료)" in the same block labels both amounts. It is the short text (at most 40 bytes, no digit
// in it) of the element right before c, "" when text (before) comes before c's first price or
// nothing such comes before c.
func leadLabel(c *html.Node, before string) string {
	if strings.TrimSpace(before) != "" {
		return ""
	}
	p := c.PrevSibling
	for p != nil && p.Type == html.TextNode && strings.TrimSpace(p.Data) == "" {
		p = p.PrevSibling
	}
	if p == nil || p.Type != html.ElementNode {
		return ""
	}
	t := collapse(text(p, 60))
	if t == "" || len(t) > 40 || hasDigit(t) {
		return ""
	}
	return t
}
