package extract

import (
	"strings"

	"golang.org/x/net/html"
)

// Many shops draw a price from parts, each in its own element, so that the cents can be set
// small and raised: <span>$</span><span>24</span><span>97</span> (the cents in superscript, no
// separator), or <span>22<span>.</span></span><span>99</span>. A browser shows the parts side by
// side; read with a space between text nodes they are "$ 24 97", which is not one price. A
// short price element made of such parts alone is read glued: "$24.97", "$22.99".

// maxSplitParts bounds the text parts of one split price: symbol, whole, separator, cents,
// code, and one to spare.
const maxSplitParts = 6

// gluedPrice is the text of a price element drawn from parts, glued as a shopper reads it, and
// false when n is not one: its text nodes must be only currency symbols or codes, numbers and
// lone separators, with at least two numbers, and a currency symbol among them or a price class
// on n itself. A number after a whole number with no separator between them is its cents (exactly two
// digits), so "$", "24", "97" reads "$24.97"; anything else between two numbers is not a price.
func gluedPrice(n *html.Node) (string, bool) {
	if onlyChild(n) != nil {
		// The innermost element holding all the parts is read, so that what marks it (a <del>,
		// a "was-price" class) is seen by roleOf.
		return "", false
	}
	var parts []string
	ok := true
	var walk func(*html.Node, int)
	walk = func(e *html.Node, depth int) {
		if !ok {
			return
		}
		switch e.Type {
		case html.TextNode:
			if t := collapse(e.Data); t != "" {
				if len(parts) == maxSplitParts || strings.Contains(t, " ") && hasDigit(t) {
					ok = false
					return
				}
				parts = append(parts, t)
			}
			return
		case html.ElementNode:
			if invisibleText(e) {
				return
			}
		}
		if depth > 4 {
			ok = false
			return
		}
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	if !ok || len(parts) < 2 {
		return "", false
	}
	parts = splitSymbols(parts)
	var b strings.Builder
	numbers, symbols := 0, 0
	prev := "" // the last part written
	for _, p := range parts {
		switch {
		case p == "." || p == ",":
			if !isNumberPart(prev) || hasDecimals(prev) {
				return "", false
			}
			b.WriteString(p)
		case isNumberPart(p):
			numbers++
			switch {
			case isNumberPart(prev) && !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, ",") &&
				!strings.HasPrefix(p, ".") && !strings.HasPrefix(p, ","):
				// Raised cents straight after the whole amount, joined by the separator its
				// thousands groups do not use: "1.299" and "00" are 1.299,00.
				if len(p) != 2 || hasDecimals(prev) || !allDigits(p) {
					return "", false
				}
				if strings.Contains(prev, ".") {
					b.WriteByte(',')
				} else {
					b.WriteByte('.')
				}
			case isSymbolPart(prev) && numbers > 1:
				return "", false // a symbol between two numbers: "24 € 97"
			case prev == "." || prev == ",":
				if !allDigits(p) {
					return "", false
				}
			}
			b.WriteString(p)
		case isSymbolPart(p):
			symbols++
			if isNumberPart(prev) || prev == "." || prev == "," {
				b.WriteByte(' ')
			}
			b.WriteString(p)
		default:
			return "", false
		}
		prev = p
	}
	// One price, drawn in parts: not two prices side by side ("$12.99", "$17.99").
	if numbers < 2 || symbols > 1 || symbols == 0 && !hasWord(words(n), priceWords...) || len(findPrices(b.String(), "")) != 1 {
		return "", false
	}
	return b.String(), true
}

// splitSymbols splits parts that hold a symbol and a number ("$24" before a raised ".97",
// "24€") into the two, so that each part is one or the other.
func splitSymbols(parts []string) []string {
	out := make([]string, 0, len(parts)+2)
	for _, p := range parts {
		i := strings.IndexAny(p, "0123456789.,")
		j := strings.LastIndexAny(p, "0123456789")
		switch {
		case i > 0 && isSymbolPart(strings.TrimSpace(p[:i])) && isNumberPart(p[i:]):
			out = append(out, strings.TrimSpace(p[:i]), p[i:])
		case j >= 0 && j < len(p)-1 && isNumberPart(p[:j+1]) && isSymbolPart(strings.TrimSpace(p[j+1:])):
			out = append(out, p[:j+1], strings.TrimSpace(p[j+1:]))
		default:
			out = append(out, p)
		}
	}
	return out
}

// isNumberPart reports a part made of digits and the separators a price uses inside a number
// ("24", "1,299", ".99", "22."), with at least one digit.
func isNumberPart(s string) bool {
	if !hasDigit(s) {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r == '.' || r == ',' || r == '\'' || r == '’') {
			return false
		}
	}
	return true
}

// isSymbolPart reports a currency symbol or code standing alone: "$", "€", "US $", "EUR", "kr".
func isSymbolPart(s string) bool {
	if hasDigit(s) || len(s) > 6 {
		return false
	}
	if _, ok := currencySymbols[strings.ToLower(s)]; ok {
		return true
	}
	compact := strings.ReplaceAll(s, " ", "")
	if _, ok := currencySymbols[strings.ToLower(compact)]; ok {
		return true
	}
	return len(compact) == 3 && strings.Contains(isoInText, strings.ToUpper(compact)) && strings.ToUpper(compact) == compact
}

// hasDecimals reports a number that already ends in decimals: its last separator is followed
// by one or two digits ("22.99", "1.299,5"), not three ("1,299": a thousands group).
func hasDecimals(s string) bool {
	i := strings.LastIndexAny(s, ".,")
	if i < 0 {
		return false
	}
	d := len(s) - i - 1
	return d > 0 && d != 3
}

// onlyChild is n's one child element when n holds nothing else with text (no text of its own,
// no other element with text), else nil.
func onlyChild(n *html.Node) *html.Node {
	var only *html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return nil
		case c.Type == html.ElementNode && !invisibleText(c) && text(c, 1) != "":
			if only != nil {
				return nil
			}
			only = c
		}
	}
	return only
}

func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}
