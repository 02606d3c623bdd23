package pricing

import (
	"errors"
	"fmt"
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Price is a price read from text: an amount in minor units of an ISO 4217 currency.
type Price struct {
	// Amount is in minor units of Currency (cents, pence, yen, fils); of a two-digit currency
	// when Currency is unknown. Never negative.
	Amount int64
	// High is the top of a range ("$1,299.99 - $1,499.99" gives Amount 129999 and High 149999),
	// 0 unless Flags has FlagRange.
	High int64
	// Currency is the ISO 4217 code, upper-case, or "" when the text names none (and no default
	// was given) or names one with no code of its own ("kr" with no hint, the Iranian toman).
	Currency string
	// Symbol is the currency text as found in the string or its context ("€", "руб.", "US$",
	// "EUR"), "" when the currency came from ParseOptions.Currency or from nowhere.
	Symbol string
	// Flags tells how the price was read.
	Flags Flags
}

// Flags record what a parse noticed beyond the amount, so callers can treat "From $20" or a
// guessed currency with care instead of as a plain price.
type Flags uint16

const (
	// FlagRange: the text gave a range; Amount is its low end, High its top.
	FlagRange Flags = 1 << iota
	// FlagFrom: a "from" word ("From $20", "ab 2,99 €", "à partir de") made the amount a
	// lower bound.
	FlagFrom
	// FlagFree: the text said free ("Free!", "gratis") and gave no number; Amount is 0.
	FlagFree
	// FlagCurrencyGuessed: the sign stands for several currencies and nothing chose one, so
	// Currency is its usual meaning ("$" as USD) or "" when it has none ("kr").
	FlagCurrencyGuessed
	// FlagCurrencyFromContext: the currency came from ParseOptions.Context, not the string.
	FlagCurrencyFromContext
	// FlagCurrencyDefault: no currency was written; Currency is ParseOptions.Currency.
	FlagCurrencyDefault
	// FlagMinorUnit: the amount was written in the minor unit ("99p", "50¢", "GBX 120").
	FlagMinorUnit
)

// ParseOptions tell Parse what the page or feed around a price string says.
type ParseOptions struct {
	// Currency is the ISO 4217 code the source prices in (a feed's or shop's currency). It
	// picks among the meanings of an ambiguous sign ("$" in a CAD feed, "kr" in a NOK shop,
	// "¥" in a CNY shop) and is the currency of a bare number.
	Currency string
	// Context is text near the price (a label, the element beside it) searched for a currency
	// when the string itself names none: "Price From £ 39.95" for "39.95".
	Context string
	// Decimal is the decimal separator when the source's locale is known: "." or "," (or a
	// shop's own, such as "€" in "140€33"). Empty lets Parse decide from the digits.
	Decimal string
	// SalePair says the text is one offer's price cell or price block, where two unlabelled
	// prices in one currency written side by side are the struck-out regular price and the price
	// paid: "$59.99 $44.99" is 44.99 (see barePair), and so is a "from … to" going down: "Da
	// 89,00 € a 59,00 €" is 59.00 (see fromToDown). Without it Parse gives the first of them,
	// as scrapinghub's price-parser does and the real table of its strings expects.
	SalePair bool
}

// ErrNoAmount is returned (wrapped, naming the text) when a string holds no price: no digits,
// only a percentage, or numbers that cannot be amounts such as dates. The Price returned with
// it still carries any currency found.
var ErrNoAmount = errors.New("no amount")

// ErrNegative is returned (wrapped) for a negative amount ("-5.00 EUR"): prices are never below
// zero, and a minus sign usually marks a discount, not a price.
var ErrNegative = errors.New("negative amount")

// Parse reads a price string as pages, feeds and CSVs write it: "€ 1.299,00", "1,299.00 USD",
// "£1,299", "CHF 1'299.–", "¥12,000", "1 299,00 €", "$1,299.99 - $1,499.99", "From $20".
//
// The amount is the first number written beside a currency, or else the first number; money never
// goes through floating point. Separators are decided per number: of two kinds the last is
// decimal; a repeated one groups, unless only two digits follow its last ("1.299.95"); a lone one
// before exactly three digits groups thousands ("1.299" is 1299) unless the currency has three
// minor digits, the whole part is 0 or longer than three digits, or opts.Decimal says otherwise;
// "-" or "–" after the separator means no decimals; a currency sign written between a whole
// number and two digits is the decimal point ("19€99"), two cents digits in a left-over <sup>
// element are decimals ("€129<sup>99</sup>") while other <sup> digits are footnote marks
// ("$1,299<sup>1</sup>"), cents written apart after a signed amount are decimals too ("$19 99",
// "29:90 kr"), other tags go (a price struck out in <del>, <s> or <strike> is a regular price;
// tags between an amount's digits and its decimal separator join them: "<span>24</span><span>.95</span>"),
// and a magnitude word multiplies ("$1.5k", "₹ 6.49 Lakh", "3万9800円",
// "Rp 1,2jt"; see magnitude). A price labelled as the current one ("now", "Nå", "Sonderpreis",
// "现价") after one labelled as the regular one ("was", "MSRP", "UVP", "Før", "通常価格"), or an
// unlabelled lower one right after a labelled regular one ("UVP 199,00 € 149,00 €"), or the
// lower of two that a saving of their difference or its percentage follows ("79,00 € 59,00 € Sie
// sparen 20,00 €", "$129.99 $99.99 Save 23%"),
// or, with opts.SalePair, the lower second of two unlabelled prices in one currency ("$59.99
// $44.99"; see barePair), is the amount; a saving ("Save $20", "$20 off"), a threshold ("orders over $50"), a multi-buy price
// ("2 for $5", "All 3 for $20"), a charge on top ("+ $5.99 shipping"), a count of items left
// ("Only 2 left"), a part payment ("4 payments of $25.00", "10x de R$ 129,99", "Pay in 3 of R
// 333", a monthly amount beside a price paid at once: "$999 or $83.25/mo.", "月々 2,980円 一括
// 71,520円"), loyalty points, a date, a number of days, or a size, time or model number after
// its word ("Size 10", "EU 43", "kl 12:00", "Galaxy S24"; see tagWords) is never one, a price per unit
// ("£2.00/kg") only when nothing else is, and a price marked before tax beside one marked with
// it ("£41.66 ex VAT £49.99 inc VAT", or unmarked before one in parentheses that open with the
// mark: "¥3,000 (税込 ¥3,300)") only when that one is no amount. A minus right before the sign or the digits ("-$20.00") makes a number
// a discount, skipped for another amount or, with none, an ErrNegative. The currency comes from an
// ISO code, a sign or a word beside the amount, else any currency sign in the string, else
// opts.Context, else opts.Currency; an ambiguous sign takes the meaning that opts.Currency or
// another currency in the text picks, else its usual one ("$" is USD, "¥" is JPY, "£" is GBP;
// "¥89.90", with cents, is CNY) and FlagCurrencyGuessed; a number with ":-" after it and no
// currency is SEK ("1 299:-"), guessed. "From" sets FlagFrom only before its amount ("From $20",
// not "Ships from UK £25.00").
func Parse(s string, opts ParseOptions) (Price, error) {
	if opts.Currency != "" && !isCode(opts.Currency) {
		return Price{}, fmt.Errorf("price %q: ParseOptions.Currency %q is not a three-letter code", s, opts.Currency)
	}
	text := normalize(s)
	custom := opts.Decimal
	if custom == "." || custom == "," {
		custom = ""
	}
	toks := tokenize(text, custom)
	if opts.Decimal == "" {
		if sign := signAsDecimal(toks, text); sign != "" {
			custom = sign
			toks = tokenize(text, custom)
		}
	}
	toks = relabel(toks, text, opts)

	chosen, rejected := chooseAmount(toks, text, opts.Decimal, opts.SalePair)
	p := Price{}
	sym, symText, where := pickCurrency(toks, chosen, text, custom, opts)
	guessed := false
	switch where {
	case fromString:
		p.Currency, guessed = resolve(sym, toks, opts)
		p.Symbol = symText
	case fromContext:
		p.Currency, guessed = resolve(sym, toks, opts)
		p.Symbol = symText
		p.Flags |= FlagCurrencyFromContext
	case fromDefault:
		p.Currency = strings.ToUpper(opts.Currency)
		p.Flags |= FlagCurrencyDefault
	case fromNowhere:
		if chosen >= 0 && colonDash(toks[chosen], text) {
			p.Currency, p.Symbol, p.Flags = "SEK", ":-", p.Flags|FlagCurrencyGuessed // "1 299:-": Swedish, no öre
		}
	}
	if guessed {
		p.Flags |= FlagCurrencyGuessed
		if chosen >= 0 {
			p.Currency = centsMeaning(sym, p.Currency, toks[chosen].num, opts.Decimal, text)
		}
	}

	if chosen < 0 {
		if saysFree(toks, text) && !hasMultiBuy(toks, text) { // not "Buy 2 get 1 free"
			p.Flags |= FlagFree
			return p, nil
		}
		if rejected != "" {
			return p, fmt.Errorf("price %q: %w (%q is not a price)", s, ErrNoAmount, rejected)
		}
		return p, fmt.Errorf("price %q: %w", s, ErrNoAmount)
	}

	num := toks[chosen].num
	if num.minus || minusBefore(toks, chosen, text) {
		return p, fmt.Errorf("price %q: %w", s, ErrNegative)
	}
	digits := 2
	if p.Currency != "" {
		digits = MinorDigits(p.Currency)
	}
	scale := digits
	if sym.minor && where == fromString && digits >= 2 {
		scale = digits - 2
		p.Flags |= FlagMinorUnit
	}
	three := threeDecimalSeps(p.Currency, digits)
	a, _ := num.interpret(opts.Decimal, three)
	pow := magnitude(toks, chosen, text, p.Currency)
	a = scaled(a, pow)
	p.Amount = a.minorUnits(scale)
	if j, rest := magnitudeRest(toks, chosen, pow, text, opts.Decimal); j >= 0 {
		p.Amount += rest.minorUnits(scale)
	}
	if hi, ok := rangeEnd(toks, chosen, text, opts.Decimal, three); ok {
		if hp := magnitude(toks, rangeEndIndex(toks, chosen, text), text, p.Currency); hp > 0 {
			// "₹ 10.99 - 14.50 Lakh": a magnitude after the top only counts the low end in it
			// too when the low end has none of its own and is not above the top.
			if pow == 0 && a.minorUnits(scale) <= hi.minorUnits(scale) {
				p.Amount = scaled(a, hp).minorUnits(scale)
			}
			hi = scaled(hi, hp)
		}
		if h := hi.minorUnits(scale); h > p.Amount {
			p.High = h
			p.Flags |= FlagRange
		}
	}
	if saysFrom(toks, chosen, text) && !(opts.SalePair && fromToDown(toks, nil, text, opts.Decimal) == chosen) {
		p.Flags |= FlagFrom
	}
	return p, nil
}

// scaled is a multiplied by 10^pow, or a itself when pow is 0 or the product would not fit.
func scaled(a amount, pow int) amount {
	if pow == 0 {
		return a
	}
	if b := a.timesPow10(pow); len(b.whole) <= maxWholeDigits {
		return b
	}
	return a
}

// String writes the price in the plain form Parse reads back: "1299.00 EUR", "12000 JPY", or
// just "12.99" with no currency.
func (p Price) String() string {
	digits := 2
	if p.Currency != "" {
		digits = MinorDigits(p.Currency)
	}
	s := formatMinor(p.Amount, digits)
	if p.Currency != "" {
		s += " " + p.Currency
	}
	return s
}

// formatMinor writes non-negative minor units as a plain decimal with digits places.
func formatMinor(v int64, digits int) string {
	s := fmt.Sprint(v)
	if digits == 0 {
		return s
	}
	for len(s) <= digits {
		s = "0" + s
	}
	return s[:len(s)-digits] + "." + s[len(s)-digits:]
}

// normalize decodes HTML character references, turns every kind of space (no-break, thin, tabs, line breaks) into one ASCII space,
// drops invisible marks (zero-width spaces, bidi marks around Arabic and Hebrew prices), turns
// full-width digits into ASCII, and trims.
func normalize(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s) // "&euro;&nbsp;12", as CSV exports of web pages carry
		if strings.IndexByte(s, '&') >= 0 {
			s = html.UnescapeString(s) // encoded twice: "&amp;euro;29.99"
		}
	}
	if strings.Contains(s, "<sup") || strings.Contains(s, "<SUP") {
		s = supCents(s)
	}
	if strings.IndexByte(s, '<') >= 0 {
		s = dropTags(s) // "<del>$59.99</del> $44.99"
	}
	if strings.Contains(s, "/-") {
		s = dropSlashDash(s)
	}
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 || c < 0x20 || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range s {
		r = asciiDigit(r)
		if (r == '，' || r == '．') && !space && b.Len() > 0 && isDigit(b.String()[b.Len()-1]) && digitFollows(s, i+len("，")) {
			// "１，２９９円", "＄１２．５０": full-width separators between digits.
			if r == '，' {
				r = ','
			} else {
				r = '.'
			}
		}
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' ||
			r == '\ufeff' || r == '\u2066' || r == '\u2067' || r == '\u2068' || r == '\u2069' ||
			r == '\u202a' || r == '\u202b' || r == '\u202c' || r == '\u202d' || r == '\u202e':
			continue
		case r == '\ufffd':
			r = ' '
		case r == '（' || r == '）':
			r -= '（' - '(' // "3,000円（税込3,300円）": full-width parentheses read as the others
		}
		if unicode.IsSpace(r) || r == '\u2007' || r == '\u202f' || unicode.IsControl(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// digitFollows reports whether s[i:] starts with an ASCII or full-width digit.
func digitFollows(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return r >= '0' && r <= '9' || r >= '０' && r <= '９'
}

// supCents reads cents that a page raised in a <sup> element and that a feed or scraper left as
// markup: "€129<sup>99</sup>" is 129.99, "$129<sup>.99</sup>" too, and "1.299<sup>99</sup> Lei"
// (eMAG) is 1299.99. Exactly two digits (or a decimal point and two digits) in the element right
// after a number with no decimals of its own become its decimals, with a decimal point of the
// kind the whole part does not already use for grouping. Any other element holding a digit is a
// footnote mark ("$1,299<sup>1</sup>", "$29.99<sup>12</sup>", a class naming a footnote) and is
// dropped with its tags; one without digits ("<sup>$</sup>", "<sup>*</sup>") leaves its text.
func supCents(s string) string {
	var b strings.Builder
	for {
		i := indexFold(s, "<sup")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		gt := strings.IndexByte(s[i:], '>')
		end := indexFold(s[i:], "</sup>")
		if gt < 0 || end < gt {
			b.WriteString(s)
			return b.String()
		}
		attrs := strings.ToLower(s[i+len("<sup") : i+gt])
		inner := strings.TrimSpace(s[i+gt+1 : i+end])
		b.WriteString(s[:i])
		whole := b.String()
		note := strings.Contains(attrs, "foot") || strings.Contains(attrs, "note") ||
			strings.Contains(attrs, "disclaimer")
		cents := !note && whole != "" && isDigit(whole[len(whole)-1]) && !hasDecimals(whole)
		switch {
		case cents && len(inner) == 3 && (inner[0] == '.' || inner[0] == ',') && digitsAt(inner, 1) == 2:
			b.WriteString(inner)
		case cents && len(inner) == 2 && digitsAt(inner, 0) == 2:
			start := len(whole)
			for start > 0 && (isDigit(whole[start-1]) || whole[start-1] == '.' || whole[start-1] == ',') {
				start--
			}
			if strings.IndexByte(whole[start:], '.') >= 0 {
				b.WriteByte(',')
			} else {
				b.WriteByte('.')
			}
			b.WriteString(inner)
		case strings.IndexFunc(inner, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0:
			// A footnote mark: dropped.
		default:
			b.WriteString(inner)
		}
		s = s[i+end+len("</sup>"):]
	}
}

// hasDecimals reports whether the number that text ends with already has decimals: its last
// separator is followed by other than three digits ("29.99", "12,5"; not "1,299" or "1.299").
func hasDecimals(text string) bool {
	n := 0
	for n < len(text) && isDigit(text[len(text)-1-n]) {
		n++
	}
	k := len(text) - 1 - n
	if k < 1 || (text[k] != '.' && text[k] != ',') || !isDigit(text[k-1]) {
		return false
	}
	return n != 3
}

// indexFold is strings.Index for an ASCII sub, ignoring case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// ASCIIDigits writes the digits of other scripts (full-width, Arabic-Indic, Persian, and those
// of South and Southeast Asia: Devanagari, Bengali, Thai, Myanmar…) and the Arabic decimal and
// thousands signs the ASCII way, leaving every other rune as it is, so that "١٬٢٩٩٫٥٠ ر.س"
// reads as "1,299.50 ر.س" and "৳১,২৯৯" as "৳1,299". A text without them is returned as it is.
func ASCIIDigits(s string) string {
	other := false
	for i := 0; i < len(s) && !other; i++ {
		// Lead bytes of U+0640–U+06FF (0xD9, 0xDB), U+07C0–U+07FF (0xDF), U+0800–U+1FFF (0xE0,
		// 0xE1) and U+F000–U+FFFF (0xEF).
		other = s[i] == 0xD9 || s[i] == 0xDB || s[i] == 0xDF || s[i] == 0xE0 || s[i] == 0xE1 || s[i] == 0xEF
	}
	if !other {
		return s
	}
	return strings.Map(asciiDigit, s)
}

// asciiDigit is r as ASCIIDigits writes it.
func asciiDigit(r rune) rune {
	switch {
	case r >= '０' && r <= '９':
		return '0' + (r - '０')
	case r >= '\u0660' && r <= '\u0669': // Arabic-Indic digits: "٢٩٩ ر.س"
		return '0' + (r - '\u0660')
	case r == '\u066b': // Arabic decimal separator
		return '.'
	case r == '\u066c': // Arabic thousands separator
		return ','
	case r >= '\u06f0' && r < 0x2000 && unicode.Is(unicode.Nd, r):
		// Persian, Devanagari ("₹ ४९९"), Bengali ("৳১,২৯৯"), Thai, Myanmar and the other
		// scripts' decimal digits, which Unicode encodes as runs of ten from zero.
		return '0' + digitValue(r)
	}
	return r
}

// digitValue is the value of the decimal digit r (unicode.Nd), whose range in that table holds
// whole runs of ten digits from zero.
func digitValue(r rune) rune {
	for _, rg := range unicode.Nd.R16 {
		if lo, hi := rune(rg.Lo), rune(rg.Hi); r >= lo && r <= hi {
			return (r - lo) % 10
		}
	}
	return 0
}

// signAsDecimal returns the currency sign a string writes in place of the decimal point, as
// French shops do ("12€99", "1 299€00"): a sign that is not a letter, written with no space
// between a whole number and exactly two digits that nothing continues. It returns "" when
// the string has no such sign.
func signAsDecimal(toks []token, s string) string {
	for i := 0; i+2 < len(toks); i++ {
		whole, sign, frac := toks[i], toks[i+1], toks[i+2]
		if whole.kind != tokNumber || sign.kind != tokSymbol || frac.kind != tokNumber ||
			whole.end != sign.start || sign.end != frac.start {
			continue
		}
		if whole.num.percent || whole.num.trailing != "" || len(whole.num.groups) > 1 && len(whole.num.groups[len(whole.num.groups)-1]) != 3 {
			continue
		}
		if frac.num.percent || len(frac.num.groups) != 1 || len(frac.num.groups[0]) != 2 || frac.num.leading != "" || frac.num.trailing != "" {
			continue
		}
		text := sign.text(s)
		if r, _ := utf8.DecodeRuneInString(text); isLetter(r) || sign.sym.iso {
			continue
		}
		return text
	}
	return ""
}
