package catalog

import (
	"regexp"
	"strconv"
	"strings"
)

// plusLetterRE: a US women's plus letter size ("1X", "2x", "3X Plus" once fit words are gone).
var plusLetterRE = regexp.MustCompile(`^([1-5])\s*x$`)

// plusLetterRun reads a US women's plus letter size in US sizes (sizeSystem US, on tops,
// dresses, trousers or coats) as the two plus numbers it spans: 1X is 14W and 16W, 2X 18W and
// 20W, 3X 22W and 24W, 4X 26W and 28W, 5X 30W (the largest US size tagdrop reads). Without the
// US system a "1X" is the letter XL, as men's big sizes and unlabelled feeds use it.
func plusLetterRun(raw, sizeSystem, sizeKindHint string) ([]Size, bool) {
	kind := strings.ToLower(strings.TrimSpace(sizeKindHint))
	switch kind {
	case KindTops, KindDresses, KindBottoms, KindOuterwear:
	default:
		return nil, false
	}
	if normaliseSystem(sizeSystem) != SystemUS {
		return nil, false
	}
	text, _ := cleanSize(foldSize(raw), kind)
	m := plusLetterRE.FindStringSubmatch(dropLeadingLabel(text))
	if m == nil {
		return nil, false
	}
	x, _ := strconv.Atoi(m[1])
	var out []Size
	for _, n := range []int{10 + 4*x, 12 + 4*x} {
		if s, err := ParseSize(strconv.Itoa(n), SystemUS, kind); err == nil && s.System == SystemUS {
			out = append(out, s)
		}
	}
	return out, len(out) > 0
}

// DollarPlusLetter reads a women's plus letter ("1X", "2X") on clothing in a dollar shop
// (USD, CAD) that gives no size system as the US plus sizes it spans too (1X: US 14 and 16):
// there a women's "1X" is the shop's own plus size as much as the letter XL it is read as, so a
// shopper who types "1X" or "US 16" in US sizes finds it. False for men's "1X" and "2X" (big
// sizes), other markets, and anything else.
func DollarPlusLetter(raw, kind, gender, currency string) ([]Size, bool) {
	if !letterNumberMarkets[strings.ToUpper(strings.TrimSpace(currency))] || !isFemale(gender) {
		return nil, false
	}
	return plusLetterRun(raw, SystemUS, kind)
}
