package pricing

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokenKind uint8

const (
	tokNumber tokenKind = iota
	tokSymbol
	tokWord
	tokPunct
)

// token is one piece of a price string: a number, a currency sign or word, another word, or a
// punctuation rune. Spaces and colons separate tokens without breaking adjacency, so "US$:12.99"
// and "EUR 12" both put the currency beside the number.
type token struct {
	kind       tokenKind
	start, end int
	num        rawNumber
	sym        symbol
}

func (t token) text(s string) string { return s[t.start:t.end] }

// tokenize splits normalised text into tokens. custom is the caller's own decimal separator,
// if it is not "." or ",".
func tokenize(s, custom string) []token {
	toks := make([]token, 0, 8)
	prevLetter := false
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == ':' {
			i++
			prevLetter = false
			continue
		}
		if isDigit(c) || startsLeadingDecimal(s, i) {
			n := scanNumber(s, i, custom)
			toks = append(toks, token{kind: tokNumber, start: i, end: n.end, num: n})
			i = n.end
			prevLetter = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		letter := isLetter(r)
		if letter && len(toks) > 0 && toks[len(toks)-1].kind == tokNumber && toks[len(toks)-1].end == i &&
			strings.ContainsRune(magnitudeChars, r) {
			// "3万9800円", "12만원": the magnitude is a word of its own.
			toks = append(toks, token{kind: tokWord, start: i, end: i + size})
			i += size
			prevLetter = false
			continue
		}
		if !letter || !prevLetter && !inModelCode(toks, s, i) {
			if sy, n, ok := matchSymbol(s, i); ok {
				toks = append(toks, token{kind: tokSymbol, start: i, end: i + n, sym: sy})
				last, _ := utf8.DecodeLastRuneInString(s[i : i+n])
				i += n
				prevLetter = isLetter(last)
				continue
			}
		}
		if letter {
			j := i + size
			for j < len(s) {
				r2, size2 := utf8.DecodeRuneInString(s[j:])
				if !isLetter(r2) {
					break
				}
				j += size2
			}
			toks = append(toks, token{kind: tokWord, start: i, end: j})
			i = j
			prevLetter = true
			continue
		}
		toks = append(toks, token{kind: tokPunct, start: i, end: i + size})
		i += size
		prevLetter = false
	}
	return joinApartCents(toks, s)
}

// startsLeadingDecimal reports whether s[i:] is a number written from its decimal point
// (".75", "..75"), not preceded by a digit.
func startsLeadingDecimal(s string, i int) bool {
	if i > 0 && isDigit(s[i-1]) {
		return false
	}
	j := i
	for j < len(s) && (s[j] == '.' || s[j] == ',') {
		j++
	}
	return j > i && j < len(s) && isDigit(s[j])
}

// signOfNext reports whether the only currency sign beside the number at toks[i] stands after
// it, apart from it and written onto the next number: the "£" of "Pack of 100 £41.66" prices
// 41.66, not 100. When the next number has a sign of its own after it, the sign between closes
// the first price: "29,99 €39,99 €" is two prices written together, each with its "€" after it.
// A sign that is only ever written before its amount (see prefixSigns) belongs to the next
// number even apart from it: "Size 10 R 299", "Modelo 2024 S/ 2,499".
func signOfNext(toks []token, i int, s string) bool {
	if i > 0 && toks[i-1].kind == tokSymbol {
		return false
	}
	return signBeforeNext(toks, i+1, s)
}

// signBeforeNext reports whether the currency sign at toks[k] stands apart from the token before
// it and is the next number's: written onto its digits, or one only ever written before its
// amount (see prefixSigns), unless that number has its own sign after it ("29,99 €39,99 €").
func signBeforeNext(toks []token, k int, s string) bool {
	if k < 1 || k+1 >= len(toks) {
		return false
	}
	sign, next := toks[k], toks[k+1]
	if sign.kind != tokSymbol || sign.start == toks[k-1].end || next.kind != tokNumber ||
		next.start != sign.end && !prefixSigns[sign.text(s)] {
		return false
	}
	return !signAfterOwn(toks, k+1)
}

// prefixSigns are currency signs that shops write only before the amount ("R 299", "Q 1,499",
// "S/ 59.90", "RM 129", "Rp 459.000", "R$ 159,90", "₹ 499", "₱ 299", "₦ 4,500"), never after
// it, so one between two numbers is the later one's.
var prefixSigns = set("R", "Q", "S/", "S/.", "RM", "Rp", "Rp.", "R$", "Rs", "Rs.", "KSh", "US$", "NT$", "HK$",
	"C$", "CA$", "A$", "AU$", "NZ$", "S$", "RD$", "J$", "TT$", "₹", "₱", "₦")

// signAfterOwn reports whether a currency sign after the number at toks[i] is that number's: it
// follows the number and is not written onto a number after it ("£289.96" in "R16 £289.96").
func signAfterOwn(toks []token, i int) bool {
	j := i + 1
	if j >= len(toks) || toks[j].kind != tokSymbol {
		return false
	}
	return j+1 >= len(toks) || toks[j+1].kind != tokNumber || toks[j+1].start != toks[j].end
}

// adjacentSymbol reports whether a currency token stands right before or after toks[i].
func adjacentSymbol(toks []token, i int) bool {
	return i > 0 && toks[i-1].kind == tokSymbol || i+1 < len(toks) && toks[i+1].kind == tokSymbol
}

// chooseAmount picks the token holding the price: the labelled current one (see
// labelledCurrent), else the lower of two prices that a saving of their difference follows (see
// savingPair), else, when salePair, the lower second of two unlabelled prices (see barePair) or
// of a "from … to" going down (see fromToDown), else the first number beside a currency, else
// the first number.
// Percentages, savings and thresholds ("Save $20", "orders over $50"), multi-buy prices, part
// payments ("4 payments of $25.00"), numbers that count days, dates, units or points, and
// numbers that cannot be amounts are skipped; the first of these is returned to name in an
// error. A price with tax beside one before tax counts as beside a currency ("41,66 HT 49,99
// TTC"). A price per unit ("£2.00/kg"), one before tax ("£41.66 ex VAT £49.99 inc VAT") and a
// negative amount ("Coupon -$5.00 $39.99") are taken only when no other amount is there. A
// labelled regular price yields only to a later price with tax beside one before tax ("Prix
// public conseillé 59,99 € TTC 41,66 € HT 49,99 € TTC"), not to its own value before tax ("RRP
// £250.00 (£208.33 ex VAT)"). In "1,299.00 - 1,499.00 USD" the number beside the currency ends
// a range, so its low end is the amount (a size above it is none: "Taille 40 – 39,99 €"). A number beside a single letter that belongs to a
// model's name ("EOS R6 … 2.499 €"; see modelLetterSign) counts as beside no currency.
func chooseAmount(toks []token, s, decimal string, salePair bool) (chosen int, rejected string) {
	labels := numberLabels(toks, s, decimal)
	if i := labelledCurrent(toks, labels, s, decimal); i >= 0 {
		return i, ""
	}
	if i := savingPair(toks, labels, s, decimal); i >= 0 {
		return i, ""
	}
	if salePair {
		if i := barePair(toks, labels, s, decimal); i >= 0 {
			return i, ""
		}
		if i := fromToDown(toks, labels, s, decimal); i >= 0 {
			return i, ""
		}
	}
	first, unit, negative, regular := -1, -1, -1, -1
	models := letterSigns{toks: toks, s: s}
	for i, t := range toks {
		if t.kind != tokNumber || t.num.percent {
			continue
		}
		if labels[i] == labelUnit || labels[i] == labelExTax {
			if unit < 0 {
				unit = i
			}
			continue
		}
		if notAPrice(labels, i) {
			if rejected == "" {
				rejected = t.text(s)
			}
			continue
		}
		if i > 0 && magnitudeWord(toks, i-1, s) >= 4 && toks[i-1].end == t.start {
			continue // the "9800" of "3万9800円" adds to the number before
		}
		if _, ok := t.num.interpret(decimal, ""); !ok {
			if rejected == "" {
				rejected = t.text(s)
			}
			continue
		}
		if (t.num.minus || minusBefore(toks, i, s)) && rangeStart(toks, i, s, decimal) < 0 {
			if negative < 0 {
				negative = i
			}
			continue
		}
		if signed(toks, i, s) && !models.modelLetterSign(i) || labels[i] == labelInclTax {
			if labels[i] == labelRegular {
				if regular < 0 {
					regular = i
				}
				continue
			}
			if regular >= 0 && labels[i] != labelInclTax {
				return regular, rejected
			}
			if i == 0 || toks[i-1].kind != tokSymbol {
				if low := rangeStart(toks, i, s, decimal); low >= 0 && labels[low] != labelNotAmount && below(toks, low, i, decimal) {
					return low, rejected // not "Taille 40 – 39,99 €", which is no range
				}
			}
			return i, rejected
		}
		if first < 0 {
			first = i
		}
	}
	switch {
	case regular >= 0:
		return regular, rejected
	case negative >= 0 && (first < 0 || adjacentSymbol(toks, negative)):
		return negative, rejected
	case first >= 0:
		return first, rejected
	}
	return unit, rejected
}

type source uint8

const (
	fromNowhere source = iota
	fromString
	fromContext
	fromDefault
)

// pickCurrency finds the currency for the amount at toks[chosen] (-1 when there is none): a
// sign beside it, an ISO code in preference to a sign ("NZD $100.70"); else a currency sign
// anywhere in the string; else one in opts.Context; else opts.Currency.
func pickCurrency(toks []token, chosen int, s, custom string, opts ParseOptions) (symbol, string, source) {
	if chosen >= 0 {
		best := -1
		consider := func(j int) {
			if best < 0 || rank(toks[j], s) > rank(toks[best], s) {
				best = j
			}
		}
		for j := chosen - 1; j >= 0 && toks[j].kind == tokSymbol; j-- {
			if j < chosen-1 && j > 0 && toks[j-1].kind == tokNumber && toks[j-1].end == toks[j].start {
				break // the "R" of "Jeans 32R $59.99" is the number's before it
			}
			if modelLetterEnd(toks, j, chosen, s) {
				break // the "R" of "New Balance 2002R 149,99 €" ends the model's code
			}
			consider(j)
		}
		after := chosen + 1
		if pow := magnitudeWord(toks, after, s); pow > 0 { // "12万원", "3万9800円", "12만 9천원"
			after++
			if j, _ := magnitudeRest(toks, chosen, pow, s, ""); j >= 0 {
				after = j + 1
				if magnitudeWord(toks, after, s) > 0 {
					after++
				}
			} else if after < len(toks) && toks[after].kind == tokNumber && toks[after].start == toks[after-1].end {
				after++
			}
		}
		for j := after; j < len(toks) && toks[j].kind == tokSymbol; j++ {
			if best >= 0 && j > chosen && signBeforeNext(toks, j, s) {
				break // the "€" of "£60 €45" prices 45
			}
			consider(j)
		}
		if end := rangeEndIndex(toks, chosen, s); best < 0 && end >= 0 {
			for j := end + 1; j < len(toks) && toks[j].kind == tokSymbol; j++ {
				consider(j)
			}
		}
		if best >= 0 {
			return toks[best].sym, toks[best].text(s), fromString
		}
		// "140€33" with "€" as the decimal separator: the separator names the currency.
		if custom != "" && strings.Contains(toks[chosen].text(s), custom) {
			if sy, ok := lookupSymbol(custom); ok {
				return sy, custom, fromString
			}
		}
	}
	for _, t := range toks {
		if t.kind == tokSymbol && strong(t, s) {
			return t.sym, t.text(s), fromString
		}
	}
	if opts.Context != "" {
		ctx := normalize(opts.Context)
		for _, t := range tokenize(ctx, "") {
			if t.kind == tokSymbol && usableInContext(t, ctx) {
				return t.sym, t.text(ctx), fromContext
			}
		}
	}
	if opts.Currency != "" {
		return symbol{}, "", fromDefault
	}
	return symbol{}, "", fromNowhere
}

// rank orders the signs beside an amount: an ISO code names a currency outright, a sign with
// one meaning beats an ambiguous one, and one with no ISO meaning comes last, as does a code
// not written in capitals, which is more often a word ("€ 49,95 all-in", "19,99 € Top-Angebot").
func rank(t token, s string) int {
	switch sy := t.sym; {
	case sy.iso && t.text(s) != sy.code:
		return 0
	case sy.iso:
		return 3
	case sy.code != "" && len(sy.alts) == 0:
		return 2
	case sy.code != "":
		return 1
	}
	return 0
}

// strong reports whether a currency token far from the amount still names the currency: a
// currency sign ("€", "$", "руб." is not one) or an upper-case ISO code.
func strong(t token, s string) bool {
	text := t.text(s)
	if t.sym.iso {
		return text == t.sym.code
	}
	for _, r := range text {
		if unicode.Is(unicode.Sc, r) {
			return true
		}
	}
	return false
}

// usableInContext reports whether a currency token found in free text near a price can be
// trusted: not a lower-case code ("all", "try" are words) nor a short Latin abbreviation
// ("Rp", "kr", "R", "p") that ordinary words and units also spell.
func usableInContext(t token, s string) bool {
	text := t.text(s)
	if t.sym.iso {
		return text == t.sym.code
	}
	letters := 0
	for _, r := range text {
		switch {
		case r < 0x80 && isLetter(r):
			letters++
		case r == '.':
		default:
			return true
		}
	}
	return letters > 2
}

// resolve turns a currency sign into an ISO code: the sign's only meaning; or the meaning
// opts.Currency or another currency in the string or context picks among its possible ones
// ("¥" beside "元" is CNY); or its usual meaning, reported as guessed.
func resolve(sy symbol, toks []token, opts ParseOptions) (code string, guessed bool) {
	if sy.iso {
		return sy.code, false
	}
	if oc := strings.ToUpper(opts.Currency); sy.candidate(oc) {
		return oc, false
	}
	if len(sy.alts) == 0 && sy.code != "" {
		return sy.code, false
	}
	pick := func(ts []token) string {
		for _, t := range ts {
			if t.kind == tokSymbol && t.sym.code != "" && sy.candidate(t.sym.code) && (t.sym.iso || len(t.sym.alts) == 0) {
				return t.sym.code
			}
		}
		return ""
	}
	if c := pick(toks); c != "" {
		return c, false
	}
	if opts.Context != "" {
		if c := pick(tokenize(normalize(opts.Context), "")); c != "" {
			return c, false
		}
	}
	return sy.code, true
}

var (
	rangeWords = set("to", "bis", "à", "a", "до", "tot", "hasta", "till", "al", "til")
	fromWords  = set("from", "ab", "vanaf", "desde", "dès", "partir", "partire", "från", "fra",
		"od", "от", "starting", "starts", "da", "von", "від", "mulai", "dari", "từ", "alkaen")
	freeWords = set("free", "gratis", "kostenlos", "gratuit", "gratuite", "gratuito", "gratuita",
		"zdarma", "бесплатно", "darmowy", "ingyenes")
	// notFreeWords make "free" about something other than the item ("Free shipping").
	notFreeWords = set("shipping", "delivery", "returns", "versand", "lieferung", "livraison",
		"envío", "envio", "spedizione", "doprava", "доставка")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// saysFree reports whether the text calls the item free. A free word joined to the word before
// it by a hyphen says something else is free ("interest-free", "tax-free", "gluten-free"), as
// does one right after a word for interest ("4 x 24,99 € interest free").
func saysFree(toks []token, s string) bool {
	free := false
	for i, t := range toks {
		if t.kind != tokWord {
			continue
		}
		w := strings.ToLower(t.text(s))
		if notFreeWords[w] {
			return false
		}
		compound := i >= 2 && toks[i-1].kind == tokPunct && toks[i-1].text(s) == "-" &&
			toks[i-1].start == toks[i-2].end && toks[i-1].end == t.start && toks[i-2].kind == tokWord
		interest := i >= 1 && toks[i-1].kind == tokWord && wordIn(interestWords, toks[i-1].text(s))
		free = free || freeWords[w] && !compound && !interest
	}
	return free
}
