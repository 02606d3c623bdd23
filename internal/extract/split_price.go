package extract

import (
	"regexp"
	"strings"
	"unicode"

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
	parts, ok := textParts(n)
	if !ok || len(parts) < 2 {
		return "", false
	}
	parts, merged := signAsDecimal(splitSymbols(parts))
	glued, numbers, symbols, ok := joinParts(parts)
	// One price, drawn in parts: not two prices side by side ("$12.99", "$17.99").
	if !ok || numbers < 2 && !merged || symbols > 1 || symbols == 0 && !hasWord(words(n), priceWords...) || len(findPrices(glued, "")) != 1 {
		return "", false
	}
	return glued, true
}

// spaceGrouped is a whole number grouped in thousands by spaces, as Polish, Czech, French and
// Russian shops write them, with the decimal separator its raised cents follow or none: "1 299,"
// (the space is a no-break one on the page; collapse has made it a plain one).
var spaceGrouped = regexp.MustCompile(`^\d{1,3}(?: \d{3})+[.,]?$`)

// textParts lists n's visible text nodes, trimmed; false when there are more than
// maxSplitParts, when one holds a number and a space (unless it is one number grouped by spaces,
// spaceGrouped), or when they lie deeper than four levels.
func textParts(n *html.Node) ([]string, bool) {
	var parts []string
	var walk func(*html.Node, int) bool
	walk = func(e *html.Node, depth int) bool {
		switch {
		case e.Type == html.TextNode:
			t := collapse(e.Data)
			if t == "" {
				return true
			}
			if spaceGrouped.MatchString(t) {
				t = strings.ReplaceAll(t, " ", "") // "1 299," before raised "00": one whole number
			}
			if len(parts) == maxSplitParts || strings.Contains(t, " ") && hasDigit(t) {
				return false
			}
			parts = append(parts, t)
			return true
		case e.Type == html.ElementNode && invisibleText(e):
			return true
		case depth > 4:
			return false
		}
		for c := e.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c, depth+1) {
				return false
			}
		}
		return true
	}
	return parts, walk(n, 0)
}

// joinParts glues parts that are each a symbol, a number or a lone separator into the text a
// shopper reads, counting the numbers and symbols; false when a part is none of these or cannot
// follow the one before it in one price.
func joinParts(parts []string) (glued string, numbers, symbols int, ok bool) {
	var b strings.Builder
	prev := "" // the last part written
	for _, p := range parts {
		switch {
		case isSeparator(p):
			if !isNumberPart(prev) || hasDecimals(prev) {
				return "", 0, 0, false
			}
		case isNumberPart(p):
			numbers++
			sep, ok := numberAfter(prev, p, numbers)
			if !ok {
				return "", 0, 0, false
			}
			b.WriteString(sep)
		case isSymbolPart(p):
			symbols++
			if isNumberPart(prev) || isSeparator(prev) {
				b.WriteByte(' ')
			}
		default:
			return "", 0, 0, false
		}
		b.WriteString(p)
		prev = p
	}
	return b.String(), numbers, symbols, true
}

// numberAfter is what goes between the part prev and the number p, the numbers-th of its price:
// nothing, or, for raised cents straight after the whole amount, the decimal separator its
// thousands groups do not use ("1.299" and "00" are 1.299,00); false when p cannot follow prev
// in one price (three digits after a whole number, a symbol between two numbers: "24 € 97").
func numberAfter(prev, p string, numbers int) (string, bool) {
	switch {
	case isNumberPart(prev) && !strings.HasSuffix(prev, ".") && !strings.HasSuffix(prev, ",") &&
		!strings.HasPrefix(p, ".") && !strings.HasPrefix(p, ","):
		if len(p) != 2 || hasDecimals(prev) || !allDigits(p) {
			return "", false
		}
		if strings.Contains(prev, ".") {
			return ",", true
		}
		return ".", true
	case isSymbolPart(prev) && numbers > 1:
		return "", false
	case isSeparator(prev):
		return "", allDigits(p)
	}
	return "", true
}

// signAsDecimal reads a currency sign written where the decimal point goes, as French shops
// draw prices ("29<sup>€99</sup>": "29", "€", "99"): the whole number and the two digits after the
// sign become one number with a separator its thousands groups do not use, the sign after it
// ("29.99", "€"), and true. Signs that are letters or codes ("29 EUR 99") are left as they are.
func signAsDecimal(parts []string) ([]string, bool) {
	for i := 0; i+2 < len(parts); i++ {
		whole, sign, cents := parts[i], parts[i+1], parts[i+2]
		if !isNumberPart(whole) || hasDecimals(whole) || strings.HasSuffix(whole, ".") || strings.HasSuffix(whole, ",") ||
			!isSymbolPart(sign) || strings.IndexFunc(sign, unicode.IsLetter) >= 0 || len(cents) != 2 || !allDigits(cents) {
			continue
		}
		if i+3 < len(parts) && (isNumberPart(parts[i+3]) || isSeparator(parts[i+3])) {
			continue
		}
		sep := "."
		if strings.Contains(whole, ".") {
			sep = ","
		}
		out := append(append([]string{}, parts[:i]...), whole+sep+cents, sign)
		return append(out, parts[i+3:]...), true
	}
	return parts, false
}

// isSeparator reports a lone decimal or thousands separator part.
func isSeparator(s string) bool { return s == "." || s == "," }

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
