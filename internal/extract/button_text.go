package extract

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// buttonText is the text a buy button shows, white space collapsed, read up to limit bytes: its
// text without the parts it hides until they apply, by the hidden attribute, a display:none
// style or a class that hides them (Cafe24's "displaynone" "예약주문" inside its buy link). Text
// kept for screen readers ("visually-hidden", "sr-only") is read: it names the button.
func buttonText(n *html.Node, limit int) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(c *html.Node, depth int) {
		if b.Len() > limit || depth > 50 {
			return
		}
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
			b.WriteByte(' ')
			return
		case html.ElementNode:
			if invisibleText(c) || c != n && (hiddenElement(c, false) || partHidden(c)) {
				return
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k, depth+1)
		}
	}
	walk(n, 0)
	return collapse(b.String())
}

// partHidden reports an element a class hides from everyone, screen readers included: a hiding
// class (hidingClass) other than those that keep text for screen readers.
func partHidden(n *html.Node) bool {
	return slices.ContainsFunc(strings.Fields(strings.ToLower(attr(n, "class"))), func(c string) bool {
		return hidingClass(c) && !slices.Contains(screenReaderClasses, c)
	})
}

// screenReaderClasses hide text on screen and keep it for screen readers.
var screenReaderClasses = []string{"sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text"}
