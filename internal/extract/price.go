package extract

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// Prices as shown to shoppers: "$1,299.00", "1.299,00 €", "EUR 49,95", "¥12,800", "12,-".
// findPrices locates amounts in a text (and reads them, as a fallback); the amount and currency
// of each located price come from Options.ParsePrice, by default pricing.Parse.

// currencySymbols maps symbols and local abbreviations to ISO 4217 codes. Ambiguous ones ("$",
// "¥", "kr", "R") map to "" and take the page's currency when the markup names one.
var currencySymbols = map[string]string{
	"$": "", "¥": "", "kr": "", "kr.": "", ",-": "",
	"us$": "USD", "us $": "USD", "au $": "AUD", "ca $": "CAD", "nz $": "NZD", "hk $": "HKD", "usd$": "USD", "ca$": "CAD", "c$": "CAD", "cad$": "CAD", "cdn$": "CAD", "cdn $": "CAD", "a$": "AUD", "au$": "AUD",
	"nz$": "NZD", "hk$": "HKD", "s$": "SGD", "sg$": "SGD", "r$": "BRL", "mx$": "MXN", "nt$": "TWD",
	"€": "EUR", "£": "GBP", "₹": "INR", "rs": "INR", "rs.": "INR", "₩": "KRW", "원": "KRW", "₽": "RUB",
	"руб": "RUB", "₺": "TRY", "tl": "TRY", "₪": "ILS", "₫": "VND", "฿": "THB", "₱": "PHP", "zł": "PLN",
	"kč": "CZK", "円": "JPY", "元": "CNY", "rmb": "CNY", "rm": "MYR", "rp": "IDR", "ft": "HUF",
	"lei": "RON", "лв": "BGN", "chf": "CHF", "fr.": "CHF", "₴": "UAH", "грн": "UAH", "₦": "NGN",
	"₡": "CRC", "د.إ": "AED", "ر.س": "SAR", "r": "ZAR",
	"kd": "KWD", "د.ك": "KWD", "ر.ق": "QAR", "د.ب": "BHD", "ر.ع": "OMR", "ج.م": "EGP", "đ": "VND", "￥": "",
}

// dollarLike are the currencies a bare "$" may mean; yenLike the same for "¥", kronaLike for "kr".
var (
	dollarLike = "USD CAD AUD NZD HKD SGD MXN TWD ARS CLP COP"
	yenLike    = "JPY CNY"
	kronaLike  = "SEK NOK DKK ISK"
)

var isoInText = "USD EUR GBP JPY CNY KRW INR AUD CAD NZD CHF SEK NOK DKK ISK PLN CZK HUF RON BGN TRY RUB UAH BRL MXN ARS CLP COP PEN ZAR AED SAR ILS HKD SGD TWD THB MYR IDR PHP VND EGP NGN KES KWD QAR BHD OMR JOD"

// priceRe finds an amount with an optional currency before or after it. Indian shops group
// lakhs and crores in twos: "₹1,29,999" is 129999 (only in rupees: lakhRe).
var priceRe = regexp.MustCompile(
	`(?i)(?:(` + symbolAlt() + `)` + signSpace + `?)?` +
		`(\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:[.,'’ \x{00a0}\x{202f}\x{2009}]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,3})?)` +
		`(,-|\.-|,–|\.–|:-)?` +
		`(?:` + signSpace + `?(` + symbolAlt() + `)(?:$|[^\p{L}]))?`)

// signSpace is the one space a sign may stand apart from its number by: an ASCII one, or the
// no-break and thin spaces shops set there ("19,90&nbsp;€", "12\u202f€").
const signSpace = `[\s\x{00a0}\x{202f}\x{2009}]`

// lakhRe is a number grouped in lakhs and crores, which priceRe reads only beside ₹, INR or Rs,
// or on an Indian page (findPrices).
var lakhRe = regexp.MustCompile(`^\d{1,2}(?:,\d{2})+,\d{3}`)

func symbolAlt() string {
	alts := strings.Fields(isoInText)
	for s := range currencySymbols {
		if s != ",-" && s != "r" {
			alts = append(alts, regexp.QuoteMeta(s))
		}
	}
	// Longest first so "US$" wins over "$".
	for i := 1; i < len(alts); i++ {
		for j := i; j > 0 && (len(alts[j]) > len(alts[j-1]) || (len(alts[j]) == len(alts[j-1]) && alts[j] < alts[j-1])); j-- {
			alts[j], alts[j-1] = alts[j-1], alts[j]
		}
	}
	return strings.Join(alts, "|")
}

// shownPrice is one amount found in a text.
type shownPrice struct {
	start, end int
	amount     string // plain decimal
	currency   string // ISO code, "" when the text does not say
	marked     bool   // a currency symbol or code stood beside the number
}

// findPrices lists the amounts in s; hint settles ambiguous symbols.
func findPrices(s, hint string) []shownPrice {
	if !strings.ContainsAny(s, "0123456789") {
		return nil
	}
	var out []shownPrice
	skipTo := 0 // the end of the last price, when it ran past its match ("29€99")
	for _, m := range priceRe.FindAllStringSubmatchIndex(s, 8) {
		if m[0] < skipTo {
			continue
		}
		sym := ""
		switch {
		case m[2] >= 0:
			sym = s[m[2]:m[3]]
		case m[8] >= 0:
			sym = s[m[8]:m[9]]
		}
		if m[2] >= 0 && isLetter(s[m[2]]) && isLetterBefore(s[:m[2]]) {
			sym = "" // "shift 12" does not hold a forint
			if m[8] >= 0 {
				sym = s[m[8]:m[9]]
			}
		}
		if looseForint(s, m, sym, hint) || looseDinar(s, m, sym, hint) {
			// "Length 6 ft" is feet: the forint's "Ft" counts only glued to its number or on a
			// page in forints.
			sym = ""
			m[2], m[3], m[8], m[9] = -1, -1, -1, -1
		}
		start, randName := m[0], false
		num := s[m[4]:m[5]]
		if sym == "" && m[2] < 0 && m[8] < 0 {
			if r, ok := randBefore(s[:m[4]], hint); ok {
				sym, start, randName = "R", r, randInName(s[:r], r+1 == m[4], num)
			}
		}
		// A number glued to letters ("A4", "24h", "size 38") is not a price unless marked.
		if sym == "" && m[4] > 0 && isLetterBefore(s[:m[4]]) {
			continue
		}
		cur := symbolCurrency(sym, hint)
		// Lakh grouping is Indian: "12,50,000 €" is no amount, "₹12,50,000" is 1250000.
		if lakhRe.MatchString(num) && cur != "INR" && hint != "INR" {
			continue
		}
		amt, ok := normalizeAmount(num)
		if !ok {
			continue
		}
		end := m[5]
		if m[8] >= 0 {
			end = m[9]
			if cents, ok := centsAfterSign(s, m); ok && !strings.Contains(amt, ".") {
				amt += "." + cents
				end += len(cents)
				skipTo = end
			}
		} else if m[6] >= 0 {
			end = m[7]
		}
		out = append(out, shownPrice{start: start, end: end, amount: amt, currency: cur, marked: (sym != "" || m[6] >= 0) && !randName})
	}
	return out
}

// centsAfterSign returns the two digits after the currency sign of match m in s when the sign
// stands where the decimal point goes ("29€99", as French shops write prices): a sign that is
// not a letter, glued to the number before it and to exactly two digits after it.
func centsAfterSign(s string, m []int) (string, bool) {
	if m[6] >= 0 || m[8] != m[5] || isLetter(s[m[8]]) {
		return "", false
	}
	rest := s[m[9]:]
	if len(rest) < 2 || !isDigitByte(rest[0]) || !isDigitByte(rest[1]) || len(rest) > 2 && (isDigitByte(rest[2]) || (rest[2] == '.' || rest[2] == ',') && len(rest) > 3 && isDigitByte(rest[3])) {
		return "", false
	}
	return rest[:2], true
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

func isLetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func isLetterBefore(s string) bool {
	r := []rune(s)
	if len(r) == 0 {
		return false
	}
	c := r[len(r)-1]
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// symbolCurrency maps a symbol or code to ISO 4217, using hint for ambiguous symbols.
func symbolCurrency(sym, hint string) string {
	if sym == "" {
		return ""
	}
	if code := currencyCode(sym); code != "" && strings.Contains(isoInText, code) {
		return code
	}
	code, ok := currencySymbols[strings.ToLower(sym)]
	if !ok || code != "" {
		return code
	}
	switch {
	case hint == "":
		return ""
	case sym == "$" && strings.Contains(dollarLike, hint),
		(sym == "¥" || sym == "￥") && strings.Contains(yenLike, hint),
		strings.HasPrefix(strings.ToLower(sym), "kr") && strings.Contains(kronaLike, hint):
		return hint
	}
	return ""
}

// randBefore reports the rand's sign, a capital "R" standing alone (at the start, after a
// space, a colon or a bracket), right before a number on a page in rand (hint): "R 549",
// "R1,299", "Our price: R699". It returns where the sign starts. Elsewhere "R" is not a
// currency ("R 20" is a size, a road, a rating), so priceRe leaves it out.
func randBefore(head, hint string) (int, bool) {
	if hint != "ZAR" {
		return 0, false
	}
	t := strings.TrimSuffix(head, " ")
	if !strings.HasSuffix(t, "R") {
		return 0, false
	}
	if before := t[:len(t)-1]; before != "" && !strings.ContainsAny(before[len(before)-1:], " :([") {
		return 0, false // "YZF-R125", "205/R16", "BAR 20"
	}
	return len(t) - 1, true
}

// randInName reports an "R" and number that read as part of a name, not as a price, even on a
// page in rand: a whole number of four digits or more not grouped in thousands (a year or a
// code: "Grade R 2025", "Style R 2024"), a glued one of one or two digits (a rim, a battery or
// a model: "R16", "R6", "EOS R50"), or any after a word in capitals or one holding a digit
// ("205/55 R16", "EOS R100", "AA R6"). head is the text before the "R". Such an amount counts
// as an unmarked number: a price only as the whole text of a price element ("R79" in
// class="price"). After a price word ("Was R1299", "NOW R1,499.00", "Save R300") it is a price.
func randInName(head string, glued bool, num string) bool {
	fs := strings.Fields(head)
	var w string
	if len(fs) > 0 {
		w = fs[len(fs)-1]
	}
	if strings.HasSuffix(w, ":") || randPriceWords[strings.ToLower(w)] {
		return false // a label: "RRP: R899", "Was R1299"
	}
	if strings.Trim(num, "0123456789") == "" && (len(num) >= 4 || glued && len(num) <= 2) {
		return true
	}
	if w == "" {
		return false
	}
	return strings.ContainsAny(w, "0123456789") || len(w) >= 2 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// randPriceWords are the words a South African shop writes right before a price.
var randPriceWords = map[string]bool{"was": true, "now": true, "save": true, "from": true, "only": true,
	"price": true, "sale": true, "rrp": true, "nou": true, "vanaf": true, "/": true}

// looseForint reports a match whose sign is the forint's "Ft" apart from its number ("6 ft") on
// a page not in forints (hint): the sign of feet as often as of forints. Glued to its number
// the forint is written "Ft"; "100ft" is a length.
func looseForint(s string, m []int, sym, hint string) bool {
	if !strings.EqualFold(sym, "ft") || hint == "HUF" {
		return false
	}
	if sym != "Ft" {
		return true
	}
	if m[8] >= 0 {
		end := m[5]
		if m[6] >= 0 {
			end = m[7]
		}
		return m[8] != end
	}
	return m[2] >= 0 && m[3] != m[4]
}

// looseDinar reports a "KD" beside a number that is no Kuwaiti dinar price: Kuwaiti shops write
// "KD 12.500" and "29.000 KD", three decimals, while "Nike KD 16" names a shoe. On a page whose
// markup says KWD any "KD" counts but one after a name word ("Nike KD 16 EP" in a Kuwaiti
// sneaker shop); after a price word or a label ("Now KD 15", "Price: KD 15") it is the dinar.
func looseDinar(s string, m []int, sym, hint string) bool {
	if !strings.EqualFold(sym, "kd") {
		return false
	}
	num := s[m[4]:m[5]]
	if dot := strings.LastIndexAny(num, ".,"); dot >= 0 && len(num)-dot == 4 {
		return false
	}
	if hint != "KWD" {
		return true
	}
	if m[2] < 0 {
		return false
	}
	fs := strings.Fields(s[:m[2]])
	if len(fs) == 0 {
		return false
	}
	w := fs[len(fs)-1]
	if randPriceWords[strings.ToLower(w)] {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isLetter(w[i]) {
			return false // "Price:", "(KD 15)", an Arabic label
		}
	}
	return true
}

// normalizeAmount turns "1,299.00", "1.299,00", "1 299", "12" into a plain decimal string.
func normalizeAmount(num string) (string, bool) {
	var digits strings.Builder
	groups := strings.FieldsFunc(num, func(r rune) bool { return r < '0' || r > '9' })
	seps := strings.FieldsFunc(num, func(r rune) bool { return r >= '0' && r <= '9' })
	if len(groups) == 0 {
		return "", false
	}
	decimals := ""
	if len(groups) > 1 {
		last := seps[len(seps)-1]
		lastGroup := groups[len(groups)-1]
		sameKind := true
		for _, s := range seps[:len(seps)-1] {
			if s != last {
				sameKind = false
			}
		}
		isDecimal := (last == "." || last == ",") && len(lastGroup) != 3 && len(lastGroup) <= 2
		if !sameKind && (last == "." || last == ",") && len(lastGroup) <= 3 {
			isDecimal = true // "1.299,00", "1,299.00"
		}
		if len(seps) > 1 && sameKind {
			isDecimal = false // "1,299,000", "1.299.000"
		}
		if isDecimal {
			decimals = lastGroup
			groups = groups[:len(groups)-1]
		}
	}
	for _, g := range groups {
		digits.WriteString(g)
	}
	whole := strings.TrimLeft(digits.String(), "0")
	if len(whole) > 15 {
		return "", false
	}
	if whole == "" {
		whole = "0"
	}
	if whole == "0" && strings.Trim(decimals, "0") == "" {
		return "", false
	}
	if decimals == "" {
		return whole, true
	}
	return whole + "." + decimals, true
}

// pricingParse is the default Options.ParsePrice: pricing.Parse, with a currency it had to guess
// ("$" alone as USD) dropped, since unknown fields are omitted rather than guessed.
func pricingParse(text, hint string) (string, string, bool) {
	p, err := pricing.Parse(text, pricing.ParseOptions{Currency: hint})
	if err != nil || p.Amount <= 0 || p.Flags&pricing.FlagFree != 0 {
		return "", "", false
	}
	cur := p.Currency
	if p.Flags&pricing.FlagCurrencyGuessed != 0 && hint == "" {
		cur = ""
	}
	return minorToDecimal(p.Amount, pricing.MinorDigits(p.Currency)), cur, true
}

// minorToDecimal writes minor units with d decimals: 129900, 2 → "1299.00".
func minorToDecimal(minor int64, d int) string {
	s := strconv.FormatInt(minor, 10)
	if d <= 0 {
		return s
	}
	for len(s) <= d {
		s = "0" + s
	}
	return s[:len(s)-d] + "." + s[len(s)-d:]
}

// parseShownPrice is the built-in reader behind findPrices: the first amount in text.
func parseShownPrice(text, hint string) (string, string, bool) {
	ps := findPrices(pricing.ASCIIDigits(text), hint)
	if len(ps) == 0 {
		return "", "", false
	}
	cur := ps[0].currency
	if cur == "" {
		cur = hint
	}
	return ps[0].amount, cur, true
}
