package pricing

import "strings"

// rawNumber is a run of digits and separators as written ("1.299,00", "1 299", "1'299.–"),
// split into digit groups and the separators between them, before anyone decides which
// separator is the decimal one.
type rawNumber struct {
	start, end int      // byte offsets in the scanned text
	groups     []string // digit runs
	seps       []string // seps[i] stands between groups[i] and groups[i+1]
	leading    string   // separators before the first digit (".75", "$..75")
	trailing   string   // a decimal separator with no digits after it ("1.899,-", "610,", "1700.")
	spaced     bool     // the last group followed its separator after a space ("119. 95")
	minus      bool     // a minus sign stood right before the digits
	percent    bool     // a per cent sign followed ("40%"): a discount, not a price
	codeTail   bool     // not grouped by spaces: written onto "2024-", onto letters ("S24"), after a tag word ("EU 43") or a name ("Pro 2")
}

// amount is a number read in full: its whole and fractional digits.
type amount struct {
	whole, frac string
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// digitsAt returns the length of the run of ASCII digits at s[i:].
func digitsAt(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

// isDecimalSep reports whether s[i:] starts with a separator that can be a decimal point: a
// dot, a comma, or the caller's own decimal separator (some shops write "140€33"). It returns
// its length.
func isDecimalSep(s string, i int, custom string) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '.' || s[i] == ',' {
		return 1
	}
	if custom != "" && strings.HasPrefix(s[i:], custom) {
		return len(custom)
	}
	return 0
}

// groupSep returns the length of a separator that only ever groups thousands (apostrophes,
// including the typographic one) at s[i:].
func groupSep(s string, i int) int {
	if i < len(s) && s[i] == '\'' {
		return 1
	}
	if strings.HasPrefix(s[i:], "’") {
		return len("’")
	}
	return 0
}

// dashAt returns the length of a dash at s[i:] that stands for zero decimals ("-", "–", "—"),
// provided no digit follows it.
func dashAt(s string, i int) int {
	for _, d := range []string{"-", "–", "—"} {
		if strings.HasPrefix(s[i:], d) {
			j := i + len(d)
			if j < len(s) && isDigit(s[j]) {
				return 0
			}
			for strings.HasPrefix(s[j:], d) { // "1.899,--"
				j += len(d)
			}
			return j - i
		}
	}
	return 0
}

// scanNumber reads the number starting at s[i:], where s[i] is a digit or a decimal separator
// followed by digits. Spaces in s are single ASCII spaces (normalize has run).
func scanNumber(s string, i int, custom string) rawNumber {
	r := rawNumber{start: i}
	if i > 0 && (s[i-1] == '-' || strings.HasSuffix(s[:i], "−")) {
		before := strings.TrimSuffix(strings.TrimSuffix(s[:i], "-"), "−")
		switch {
		case s[i-1] == '-' && codeBeforeHyphen(before):
			// "Salomon XT-6 180 €", "Asics GT-2160": a hyphen in a model's code, no minus
			r.codeTail = true
		case before == "" || !isDigit(before[len(before)-1]):
			r.minus = true
			r.codeTail = referenceHead(before)
		default:
			r.codeTail = referenceHead(before)
		}
	}
	if !r.codeTail && i > 0 {
		// "EU 43 119,90 €", "kl 12 199 kr", "Galaxy S24 799 €", "AirPods Pro 2 279 €"
		r.codeTail = tagBefore(s[:i]) || modelNumberBefore(s, i)
	}
	for i < len(s) && (s[i] == '.' || s[i] == ',') {
		r.leading += s[i : i+1]
		i++
	}
	for {
		n := digitsAt(s, i)
		r.groups = append(r.groups, s[i:i+n])
		i += n
		if sep, next, ok := nextGroup(s, i, custom, &r); ok {
			r.seps = append(r.seps, sep)
			i = next
			if r.spaced {
				i += digitsAt(s, i)
				r.groups = append(r.groups, s[next:i])
				break
			}
			continue
		}
		// A decimal separator with nothing after it, or with a dash for zero decimals.
		if n := isDecimalSep(s, i, ""); n > 0 {
			sep := s[i : i+n]
			j := i + n
			k := j
			if k < len(s) && s[k] == ' ' {
				k++
			}
			if d := dashAt(s, k); d > 0 {
				r.trailing, i = sep, k+d
			} else if j >= len(s) || !isDigit(s[j]) {
				r.trailing, i = sep, j
			}
		}
		break
	}
	if i < len(s) && s[i] == '%' || strings.HasPrefix(s[i:], " %") {
		r.percent = true
	}
	r.end = i
	return r
}

// nextGroup decides whether the text at s[i:] continues the number with another digit group,
// and returns the separator and the offset of that group.
func nextGroup(s string, i int, custom string, r *rawNumber) (sep string, next int, ok bool) {
	if n := isDecimalSep(s, i, custom); n > 0 {
		j := i + n
		if digitsAt(s, j) > 0 {
			return s[i:j], j, true
		}
		// "119. 95", "1.837, 32": two digits after a space end the number as its decimals.
		if j < len(s) && s[j] == ' ' && digitsAt(s, j+1) == 2 && !continuesNumber(s, j+3, custom) {
			r.spaced = true
			return s[i:j], j + 1, true
		}
		return "", 0, false
	}
	if n := groupSep(s, i); n > 0 && digitsAt(s, i+n) > 0 {
		return s[i : i+n], i + n, true
	}
	// A space groups thousands only in "1 299", "120 000 000": groups of three after one of
	// one to three digits, and no other separator seen before.
	if i < len(s) && s[i] == ' ' && digitsAt(s, i+1) == 3 && len(r.groups[len(r.groups)-1]) <= 3 && !r.codeTail {
		for _, sp := range r.seps {
			if sp != " " {
				return "", 0, false
			}
		}
		if r.leading != "" {
			return "", 0, false
		}
		return " ", i + 1, true
	}
	return "", 0, false
}

// referenceHead reports whether text, which a hyphen and then a number follow, ends with four
// or more digits that no separator joins to others ("Ref. 2024-118 129,00 €"): the start of a
// reference or a date, so the number after the hyphen ends it and groups no digits after a space
// ("118", not "118 129,00"). The low end of a range is written as its top is ("1 299-1 499 €").
func referenceHead(text string) bool {
	n := 0
	for n < len(text) && isDigit(text[len(text)-1-n]) {
		n++
	}
	if n < 4 {
		return false
	}
	k := len(text) - 1 - n
	if k < 0 {
		return true
	}
	return text[k] != '.' && text[k] != ',' && text[k] != '\'' && (text[k] != ' ' || k == 0 || !isDigit(text[k-1]))
}

// codeBeforeHyphen reports whether text, which a hyphen and digits follow, ends in Latin letters
// that are no currency sign: the start of a model's code ("XT-6", "GT-2160"), not a sign before
// a negative amount ("EUR-5,00").
func codeBeforeHyphen(text string) bool {
	k := len(text)
	for k > 0 && asciiLetter(text[k-1]) {
		k--
	}
	if k == len(text) {
		return false
	}
	_, sign := lookupSymbol(text[k:])
	return !sign
}

// continuesNumber reports whether s[i:] goes on with a separator and a digit, in which case
// "12. 34" is not "12.34" followed by the end.
func continuesNumber(s string, i int, custom string) bool {
	if i >= len(s) {
		return false
	}
	if isDigit(s[i]) {
		return true
	}
	n := isDecimalSep(s, i, custom)
	return n > 0 && digitsAt(s, i+n) > 0
}

// interpret decides which separator, if any, is the decimal point, and returns the amount.
// decimal is the caller's hint ("" to decide alone); threeDecimals holds the separators before
// which the currency writes three minor digits (see threeDecimalSeps), so that "423.923" in
// dinars is not four hundred thousand. ok is false when the digits cannot be a price: groups
// of the wrong size ("15.08.2017") or too many digits.
func (r rawNumber) interpret(decimal, threeDecimals string) (a amount, ok bool) {
	dec := -1 // index into seps of the decimal separator; -1 for none
	trailingDec := false
	switch {
	case decimal != "":
		for i := len(r.seps) - 1; i >= 0; i-- {
			if r.seps[i] == decimal {
				dec = i
				break
			}
		}
		if dec < 0 && r.trailing == decimal {
			trailingDec = true
		}
	case r.spaced:
		dec = len(r.seps) - 1
	case r.trailingDecides():
		trailingDec = true
	default:
		dec = r.guessDecimal(threeDecimals)
	}
	if dec < 0 && !trailingDec && r.leading != "" &&
		(decimal == "" && len(r.seps) == 0 || decimal != "" && strings.Contains(r.leading, decimal)) {
		// ".75", "$..75": the leading separator is the decimal point. With separators in the
		// body ("$.750.30") and no hint, the leading ones are stray and dropped.
		var b strings.Builder
		for _, g := range r.groups {
			b.WriteString(g)
		}
		return amount{whole: "0", frac: b.String()}, true
	}
	if dec >= 0 && decimal == "" && !r.validGroups(dec) {
		return amount{}, false
	}
	if dec < 0 && decimal == "" && !r.validGroups(len(r.groups)-1) {
		return amount{}, false
	}
	var whole strings.Builder
	last := len(r.groups)
	if dec >= 0 {
		last = dec + 1
	}
	for _, g := range r.groups[:last] {
		whole.WriteString(g)
	}
	for _, g := range r.groups[last:] {
		a.frac += g
	}
	a.whole = strings.TrimLeft(whole.String(), "0")
	if a.whole == "" {
		a.whole = "0"
	}
	if len(a.whole) > maxWholeDigits {
		return amount{}, false
	}
	return a, true
}

// trailingDecides reports whether a separator with no digits after it marks the decimal point:
// "1.899,-" and "€ 610," say the comma is decimal and the dot groups. A trailing separator of a
// kind the number already uses ("12.99.", "1.299,00.") is only punctuation.
func (r rawNumber) trailingDecides() bool {
	if r.trailing == "" {
		return false
	}
	kinds := 0
	seen := ""
	for _, sp := range r.seps {
		if sp == " " || groupSep(sp, 0) == len(sp) {
			continue
		}
		if sp == r.trailing {
			return false
		}
		if sp != seen {
			kinds++
			seen = sp
		}
	}
	return kinds <= 1
}

// threeDecimalSeps returns the separators before which currency, whose minor unit has digits
// digits, writes its three minor digits: "." for the Gulf's, Jordan's, Iraq's and Libya's dinars
// ("KD 12.500", while "KD 1,299" groups thousands), "." and "," for the Tunisian dinar, which
// Tunisian shops write with a decimal comma ("29,900 DT", "1 299,000 DT"); "" for a currency
// without three minor digits.
func threeDecimalSeps(currency string, digits int) string {
	switch {
	case digits != 3:
		return ""
	case currency == "TND":
		return ".,"
	}
	return "."
}

// maxWholeDigits bounds the whole part so that minor units fit an int64 in any currency.
const maxWholeDigits = 15

// guessDecimal picks the decimal separator without a hint. The last of two kinds of separator
// is the decimal one ("1.299,00", "1,299.00"); a kind that appears twice only groups
// ("1.144.000", "1,29,999"); a single separator followed by exactly three digits groups
// thousands ("1.299", "73,460") unless that cannot be ("0.750", "1250.600") or the currency
// counts in thousandths written after that separator (threeDecimals: "12.500 KD", "29,900 DT");
// any other single separator is the decimal point ("1,5", "34.992001").
func (r rawNumber) guessDecimal(threeDecimals string) int {
	last, lastKind := -1, ""
	kinds, lastCount := 0, 0
	for i, sp := range r.seps {
		if sp == " " || groupSep(sp, 0) == len(sp) {
			continue
		}
		if sp != lastKind {
			kinds++
			lastCount = 0
		}
		lastCount++
		last, lastKind = i, sp
	}
	if last < 0 {
		return -1
	}
	if kinds > 1 {
		return last
	}
	if lastCount > 1 {
		// "1.299.95", "1,299,95": one kind of separator throughout, grouping thousands and
		// then standing before two digits, which only a decimal part has.
		if len(r.groups[last+1]) == 2 && r.validGroups(last) {
			return last
		}
		return -1
	}
	after := r.groups[last+1]
	if len(after) != 3 {
		return last
	}
	before := r.groups[last]
	if strings.Contains(threeDecimals, lastKind) {
		return last
	}
	if last == 0 && (before == "0" || len(before) > 3) {
		return last
	}
	return -1
}

// validGroups checks that the groups up to and including groups[upto] are laid out as thousands
// are: a first group of one to three digits, then groups of three (or of two before a final
// three, as in India's "1,29,999"). A single group is always valid.
func (r rawNumber) validGroups(upto int) bool {
	if upto <= 0 {
		return true
	}
	if n := len(r.groups[0]); n < 1 || n > 3 {
		return false
	}
	for i := 1; i <= upto; i++ {
		n := len(r.groups[i])
		if n == 3 || (n == 2 && i < upto && r.seps[i-1] == ",") {
			continue
		}
		return false
	}
	return true
}

// minorUnits turns the amount into minor units with digits decimal places, rounding half up on
// the dropped digits.
func (a amount) minorUnits(digits int) int64 {
	frac := a.frac
	round := false
	if len(frac) > digits {
		round = frac[digits] >= '5'
		frac = frac[:digits]
	}
	for len(frac) < digits {
		frac += "0"
	}
	var v int64
	for _, c := range a.whole + frac {
		v = v*10 + int64(c-'0')
	}
	if round {
		v++
	}
	return v
}
