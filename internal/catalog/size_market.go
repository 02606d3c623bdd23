package catalog

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// SystemChild is the size system written on a child's size (an item whose feed's age_group
// is a child's): a span of ages ("8-10"), a girls' "10", a kids' "S" or shoe "12". It numbers
// nothing adult: such a size is found under its own text and reaches no adult shopper. The
// name is the one the first such sizes, spans of years, were written in.
const SystemChild = "years"

// marketSystems are the size systems shops pricing in a currency write bare numbers in, where
// one system rules that market: British shops number dresses and shoes in UK sizes, Australian
// and New Zealand ones dresses in AU sizes, Japanese ones in JP sizes.
var marketSystems = map[string]string{"GBP": SystemUK, "AUD": SystemAU, "NZD": SystemAU, "JPY": SystemJP}

// letterNumberMarkets are the currencies of shops whose number beside a letter size ("XS/0",
// "S (4)") is a US size; their bare numbers are read by range, as no market's.
var letterNumberMarkets = map[string]bool{"USD": true, "CAD": true}

// waistCurrencies are the currencies of countries whose shops size men's trousers by the waist
// in inches.
var waistCurrencies = map[string]bool{"USD": true, "GBP": true, "CAD": true, "AUD": true, "NZD": true, "INR": true}

// WaistCurrency says whether shops pricing in currency ("USD", " gbp ") size men's trousers
// by the waist in inches, so that a bare "32" on them is a waist.
func WaistCurrency(currency string) bool {
	return waistCurrencies[strings.ToUpper(strings.TrimSpace(currency))]
}

// IsMale says whether a feed's gender ("male", "Men", "mens") is men's.
func IsMale(gender string) bool {
	switch strings.ToLower(strings.TrimSpace(gender)) {
	case "male", "men", "man", "mens":
		return true
	}
	return false
}

// MarketSizeSystem is the size system a shop pricing in currency writes raw in, when raw is
// bare numbers that name no system, "" otherwise. Readers of a feed that names no size system
// use it before ParseSize's guess by range, which reads a bare "10" as a US size:
//
//   - men's trousers (kind bottoms, gender men's, IsMale) in a shop of a WaistCurrency: bare
//     numbers 28 to 40, or a list of them, with at most label and fit words ("Size 32", "32
//     Short"), or beside their French size ("32 (EU 42)"), are waists ("waist"), not
//     continental sizes;
//   - in a shop of a market with its own numbering (pounds: UK; Australian and New Zealand
//     dollars: AU; yen: JP), numbers ParseSize reads as US or UK sizes, and a lone number it
//     reads as EU, that the market's system can read: "10", "6.5", "6½", "8, 10, 12", a
//     neighbouring pair ("8/10", "8-10", see ParseSizePair), with label and fit words ("Size
//     10", "10 Petite", "6 Wide Fit"), or beside one letter size ("S (8)", "XS/6");
//   - in a shop of a WaistCurrency without numbering of its own (dollars, rupees), a men's coat
//     or jacket's lone number 32 to 45 is its chest in inches (US), not a continental size;
//   - in such a shop, a bare number beside its own equivalents in other systems that confirm
//     the market's reading ("8 (EU 36)" in pounds: UK 8 is EU 36, US 8 is not); in a shop of
//     any other currency, the one of UK and US numbering they confirm ("8 (EU 36)" in euros is
//     UK 8).
//
// Sizes written with a system ("US 8"), a width ("8.5 B(M)"), a US plus mark ("14W"), or
// that the market's system cannot read (an AU shoe: AU women's shoe sizes are US ones by some
// charts, UK ones by others) are not bare; nor is anything on rings.
func MarketSizeSystem(raw, kind, gender, currency string) string {
	currency = strings.ToUpper(strings.TrimSpace(currency))
	kind = strings.ToLower(strings.TrimSpace(kind))
	nums, letters, ok := bareSizeWords(raw, kind)
	if waistCurrencies[currency] && (statedWaist(raw, kind, gender) ||
		ok && letters == 0 && len(nums) > 0 && kind == KindBottoms && IsMale(gender) && menWaists(nums)) {
		return SystemWaist // "32", "Size 32", "32 Short", "32 (EU 42)"
	}
	if !ok && kind != KindRings {
		return statedMarketSystem(raw, kind, gender, marketSystems[currency])
	}
	if waistCurrencies[currency] && marketSystems[currency] == "" && usChest(raw, kind, gender) {
		return SystemUS // a dollar shop's men's coat "40": the chest
	}
	if len(nums) == 0 || kind == KindRings {
		return ""
	}
	market := marketSystems[currency]
	if market == "" && letters == 1 && letterNumberMarkets[currency] {
		market = SystemUS // a dollar shop's "XS/0", "S (4)": the number is a US size
	}
	if market == "" || letters > 1 || letters == 1 && (len(nums) != 1 || kind == KindShoes) {
		return ""
	}
	single := len(nums) == 1 && letters == 0 && isDigitsOnly(strings.TrimSpace(raw))
	for _, p := range nums {
		s, err := ParseSize(p, "", kind)
		if err != nil || s.System != SystemUS && s.System != SystemUK && !(single && s.System == SystemEU) {
			return ""
		}
		if _, err := ParseSize(p, market, kind); err != nil || s.System == SystemEU && !marketReadsEU(p, market, kind, gender) {
			return ""
		}
	}
	if _, err := ParseSize(raw, market, kind); err != nil {
		if _, ok := ParseSizePair(raw, market, kind); !ok {
			return ""
		}
	}
	return market
}

// MenWaistNumbers says whether raw is bare numbers 28 to 40 without words, or a list of them,
// on men's trousers (kind bottoms, gender men's, IsMale): waists in inches wherever trousers are
// sized in inches, and what a feed means by a US or UK "32" on them (no US or UK men's trouser
// size is a 32 but the waist). "Size 32" is a label and "EU 32" names a system: neither is.
func MenWaistNumbers(raw, kind, gender string) bool {
	kind = strings.ToLower(strings.TrimSpace(kind))
	if kind != KindBottoms || !IsMale(gender) || strings.ContainsFunc(raw, unicode.IsLetter) {
		return false
	}
	nums, letters, ok := bareSizeWords(raw, kind)
	return ok && letters == 0 && len(nums) > 0 && menWaists(nums)
}

// menWaists says whether each number is a men's trouser waist: 28 to 40 inches.
func menWaists(nums []string) bool {
	for _, p := range nums {
		n, err := strconv.Atoi(p)
		if err != nil || n < 28 || n > 40 {
			return false
		}
	}
	return true
}

// halfSizeRE: a half size written with "½" or " 1/2" ("6½", "6 1/2"), read as "6.5".
var halfSizeRE = regexp.MustCompile(`(\d)(?:\s*½|\s+1/2\b)`)

// bareSizeWords splits folded size text into its numbers and counts its letter sizes, dropping
// the words that label a size or name a fit ("Size", "Petite", on shoes "Wide") and, off shoes
// and rings, a fit letter glued to a number ("10P", "34S"). ok is false
// when any other word is left: a system, a width, a country's label ("Taglia"), anything else.
func bareSizeWords(raw, kind string) (nums []string, letters int, ok bool) {
	text := halfSizeRE.ReplaceAllString(foldSize(raw), "$1.5")
	words := strings.FieldsFunc(text, func(r rune) bool {
		return strings.ContainsRune(",;|/()[]-–: \t", r)
	})
	for _, w := range words {
		w = strings.TrimSuffix(w, ".")
		switch {
		case w == "":
		case isSizeNumber(w):
			nums = append(nums, w)
		case labelSystems[w] != "":
			return nil, 0, false // "Taglia 42": a country's label
		case noiseWords[w], fitWords[w], kind == KindShoes && shoeFitWords[w]:
		case letterSizes[squash(w)] != "":
			letters++
		case kind != KindShoes && kind != KindRings && fitLettered(w):
			nums = append(nums, w[:len(w)-1]) // "10P", "34S": a fit letter
		default:
			return nil, 0, false
		}
	}
	return nums, letters, true
}

// isSizeNumber says whether w is a whole or half number: "10", "6.5".
func isSizeNumber(w string) bool {
	whole, half, found := strings.Cut(w, ".")
	return isDigitsOnly(whole) && len(whole) <= 2 && (!found || half == "5")
}

// isDigitsOnly says whether s is one or more ASCII digits.
func isDigitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
