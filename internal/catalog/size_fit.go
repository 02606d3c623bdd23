package catalog

import (
	"regexp"
	"strconv"
	"strings"
)

var (
	// suitChestRE: a suit's or jacket's chest in inches with its length ("40r", "42 l", "38
	// short", "uk 40 regular"), in folded size text.
	suitChestRE = regexp.MustCompile(`^(?:(us|uk|au|eu|it|fr|de)\s*)?(\d{2})\s*(r|s|l|reg|regular|short|long)$`)
	// fitLetterRE: a clothing size with a fit letter glued to it: petite, regular, long, short
	// ("10p", "10 r", "uk 12l", "34s").
	fitLetterRE = regexp.MustCompile(`^((?:(?:us|uk|au|eu|it|fr|de)\s*)?(\d{1,2}))\s?([prls])$`)
)

// Men's chests in inches: the span US, UK and AU numbers on suits, blazers and coats run over.
const (
	leastChest = 32
	mostChest  = 56
	// leastContinentalSuit: an unlabelled suit size from here up is read as continental.
	leastContinentalSuit = 46
)

// parseSuitChest reads a men's suit or jacket size, the chest in inches and a length ("40R",
// "42L", "38 Short", "UK 40 Regular") on coats and jackets or tops: US, UK and AU chests are the
// same number, so an unlabelled one is read in the feed's system, else US below 46 and EU from
// 46 ("50R": continental sizes with a length). A labelled one keeps its label's system. ok is false for anything else.
func parseSuitChest(text, kind, feedSystem string) (Size, bool) {
	if kind != KindOuterwear && kind != KindTops {
		return Size{}, false
	}
	m := suitChestRE.FindStringSubmatch(text)
	if m == nil {
		return Size{}, false
	}
	system := feedSystem
	if m[1] != "" {
		system = systemWords[m[1]]
	}
	n, _ := strconv.Atoi(m[2])
	switch system {
	case "", SystemWaist, SystemLetter:
		system = SystemUS
		if n >= leastContinentalSuit {
			system = SystemEU // "50R": continental suit sizes run from 44, chests seldom past 44
			break
		}
		fallthrough
	case SystemUS, SystemUK, SystemAU:
		if n < leastChest || n > mostChest {
			return Size{}, false
		}
	default:
		if lo, hi := clothingRange(system); lo < 0 || float64(n) < lo || float64(n) > hi {
			return Size{}, false
		}
	}
	return Size{Kind: kind, System: system, Value: m[2]}, true
}

// dropFitLetter drops the fit letter glued to a clothing size ("10P", "12L", "10 R": petite,
// long, regular), which names a cut, as "Petite" does: the size is the number. On trousers a
// number of the waists' span (23 to 44) with a fit letter ("34S", "30L", "25P") is a waist,
// unless the feed numbers them in continental sizes. Japanese letters ("2L" to "5L") and
// other kinds are left as they are.
func dropFitLetter(text, kind, feedSystem string) string {
	switch kind {
	case KindTops, KindDresses, KindBottoms, KindOuterwear:
	default:
		return text
	}
	m := fitLetterRE.FindStringSubmatch(text)
	if m == nil || m[1] == m[2] && m[3] == "l" && (m[2] == "2" || m[2] == "3" || m[2] == "4" || m[2] == "5") {
		return text
	}
	n, _ := strconv.Atoi(m[2])
	continental := false
	switch feedSystem {
	case SystemEU, SystemIT, SystemFR, SystemDE:
		continental = true
	}
	if kind == KindBottoms && m[1] == m[2] && !continental && n >= 23 && n <= 44 {
		return "w" + m[2]
	}
	return m[1]
}

// marketReadsEU says whether a lone number ParseSize reads as EU ("30", "42") is one the
// market's own numbering holds: a dress size of its range (UK sizes run to 32), or on men's coats
// and jackets a chest below the continental suit sizes ("42" in a pound shop is a UK 42 chest;
// "50" is IT/EU 50, as parseSuitChest reads "50R"). A women's coat "42" stays EU 42.
func marketReadsEU(num, market, kind, gender string) bool {
	n, err := strconv.ParseFloat(num, 64)
	lo, hi := clothingRange(market)
	if kind == KindOuterwear && IsMale(gender) {
		hi = leastContinentalSuit - 1
	}
	return err == nil && n >= lo && n <= hi
}

// fitLettered says whether a folded word is a whole number with a fit letter glued to it
// ("10p", "34s", "12l", "10r").
func fitLettered(w string) bool {
	n := len(w)
	return n >= 2 && strings.IndexByte("prls", w[n-1]) >= 0 && isDigitsOnly(w[:n-1]) && n-1 <= 2
}

// usChest says whether raw is a lone whole number a men's coat or jacket (kind outerwear,
// IsMale) is numbered by the chest in inches: 32 up to the continental suit sizes (46).
func usChest(raw, kind, gender string) bool {
	raw = strings.TrimSpace(raw)
	n, err := strconv.Atoi(raw)
	return kind == KindOuterwear && IsMale(gender) && err == nil && isDigitsOnly(raw) &&
		n >= leastChest && n < leastContinentalSuit
}

// ContinentalFitSystem is the system a women's size with a fit letter or a length ("38L", "38
// Long", "40 R") is read in by a shop pricing in a currency of continental sizes (EUR, SEK, CHF:
// neither a WaistCurrency nor one of its own numbering): EU, where "38 Long" on a coat is a
// continental 38 in a long cut, not a men's US chest, and "38L" on trousers no waist. "" for
// anything else (men's and unisex items, labelled sizes, other shops).
func ContinentalFitSystem(raw, kind, gender, currency string) string {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	if currency == "" || waistCurrencies[currency] || marketSystems[currency] != "" || !isFemale(gender) {
		return ""
	}
	switch kind {
	case KindTops, KindDresses, KindBottoms, KindOuterwear:
	default:
		return ""
	}
	t := foldSize(raw)
	if t == "" || t[0] < '0' || t[0] > '9' || !suitChestRE.MatchString(t) && !fitLetterRE.MatchString(t) {
		return ""
	}
	if s, err := ParseSize(raw, SystemEU, kind); err == nil && s.System == SystemEU {
		return SystemEU
	}
	return ""
}

// isFemale says whether a feed's gender ("female", "Women", "womens") is women's.
func isFemale(gender string) bool {
	switch strings.ToLower(strings.TrimSpace(gender)) {
	case "female", "women", "woman", "womens", "women's", "ladies":
		return true
	}
	return false
}
