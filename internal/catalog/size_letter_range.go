package catalog

import (
	"regexp"
	"strconv"
	"strings"
)

// letterRangeRE: a letter size, or two joined by a slash or hyphen, then a range of two numbers,
// in brackets or not ("m (8-10)", "m/l (10-14)", "s 8-10", "small (4-6)", "m [38/40]").
var letterRangeRE = regexp.MustCompile(`^([a-z0-9 ]+?(?:\s*[/-]\s*[a-z0-9 ]+?)?)\s*[(\[]?\s*(\d{1,2})\s*[-–/]\s*(\d{1,2})\s*[)\]]?$`)

// LetterRangeSizes reads a letter size written with the range of numbers it spans ("M (8-10)",
// "S 8-10", "Small (4-6)", "M/L (10-14)", "M (38-40)"): the letter first (as ParseSize reads
// it), then each even number from the first to the last, in the system they are written in:
//
//   - on trousers, waists in inches: men's 28 to 40, women's 24 to 30 ("M (32-34)", "S (26-28)");
//   - sizeSystem, the feed's, when it numbers clothing (US, UK, AU, EU, FR, DE, IT);
//   - men's numbers from 30 to 48 in a shop of a WaistCurrency are the chest in inches (UK in
//     pounds, AU in Australian and New Zealand dollars, US elsewhere);
//   - other continental numbers (32 and up on women's, 44 and up on men's) are EU;
//   - women's numbers below 32 are the shop's market's (UK in pounds, AU in Australian and New
//     Zealand dollars, US in American and Canadian dollars); a euro shop's are left unread.
//
// Only tops, dresses, bottoms and outerwear; the numbers are even, ascending, at most two
// sizes apart per letter ("M (12-20)" and "M (11-13)" are no such size), each read by
// ParseSize in the system. A child's size never reaches here (its system is SystemChild).
func LetterRangeSizes(raw, sizeSystem, sizeKindHint, gender, currency string) ([]Size, bool) {
	kind := strings.ToLower(strings.TrimSpace(sizeKindHint))
	switch kind {
	case KindTops, KindDresses, KindBottoms, KindOuterwear:
	default:
		return nil, false
	}
	m := letterRangeRE.FindStringSubmatch(foldSize(raw))
	if m == nil {
		return nil, false
	}
	letterText := strings.TrimSpace(m[1])
	nLetters := 0
	for _, w := range strings.FieldsFunc(letterText, func(r rune) bool { return r == '/' || r == '-' }) {
		if letterSizes[squash(w)] == "" {
			return nil, false
		}
		nLetters++
	}
	letter, err := ParseSize(strings.ReplaceAll(letterText, "-", "/"), "", kind)
	if err != nil || letter.System != SystemLetter || letter.OneSize {
		return nil, false
	}
	lo, _ := strconv.Atoi(m[2])
	hi, _ := strconv.Atoi(m[3])
	if lo%2 != 0 || hi%2 != 0 || hi <= lo || hi-lo > 2*nLetters {
		return nil, false
	}
	system := letterRangeSystem(lo, normaliseSystem(sizeSystem), kind, gender, currency)
	if system == "" {
		return nil, false
	}
	out := []Size{letter}
	for n := lo; n <= hi; n += 2 {
		s, err := ParseSize(strconv.Itoa(n), system, kind)
		if err != nil || s.System != system || s.OneSize {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// letterRangeSystem is the system the numbers of a letter's range starting at lo are written in
// (see LetterRangeSizes), "" when not known.
func letterRangeSystem(lo int, feedSystem, kind, gender, currency string) string {
	male := IsMale(gender)
	if kind == KindBottoms && (male && lo >= 28 && lo <= 40 || !male && lo >= 24 && lo < 32) {
		return SystemWaist // trousers' "M (32-34)", jeans' "S (26-28)": waists
	}
	switch feedSystem {
	case SystemWaist:
		return "" // jeans: their numbers are waists or nothing

	case SystemUS, SystemUK, SystemAU, SystemEU, SystemFR, SystemDE, SystemIT:
		return feedSystem
	}
	currency = strings.ToUpper(strings.TrimSpace(currency))
	market := marketSystems[currency]
	if market == "" && letterNumberMarkets[currency] {
		market = SystemUS
	}
	if male {
		switch {
		case lo >= 30 && lo <= 48 && WaistCurrency(currency):
			if market == SystemUK || market == SystemAU {
				return market
			}
			return SystemUS // a chest in inches
		case lo >= 44:
			return SystemEU
		}
		return ""
	}
	if lo >= 32 {
		return SystemEU
	}
	if market == SystemJP {
		return ""
	}
	return market
}
