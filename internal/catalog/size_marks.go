package catalog

import (
	"strconv"
	"strings"
)

// isToddlerShoe says whether folded shoe size text is a US toddler size: a "C" glued to or
// right after a number up to 13½ ("10C", "8.5 C", "US 10C"), which is the child's sizing, not
// the C width of an adult shoe ("8 C/D", "8 C (W)").
func isToddlerShoe(text string) bool {
	for _, m := range toddlerShoeRE.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.ParseFloat(strings.NewReplacer(",", ".", "½", ".5").Replace(m[1]), 64)
		if m[2] == "" && n >= 1 && n <= 13.5 {
			return true
		}
	}
	return false
}

// parsePlusSize reads a US women's plus size ("14W", "16W", "US 18 W") on clothing other than
// trousers sized by the waist: parseWaist has taken "28W" on bottoms and unkinded text as a
// waist, and sizes below 22 are no waist in any kind, so "14W" on trousers is a plus size too.
// Shoes ("10W": a women's size) and rings are left to parseSizeText.
func parsePlusSize(text, kind string) (Size, error, bool) {
	if kind == "" || kind == KindShoes || kind == KindRings {
		return Size{}, nil, false
	}
	m := plusSizeRE.FindStringSubmatch(strings.Join(strings.Fields(text), " "))
	if m == nil {
		return Size{}, nil, false
	}
	n, _ := strconv.ParseFloat(m[1], 64) // the pattern's digits always parse
	return numericSize(n, m[1], SystemUS, kind)
}
