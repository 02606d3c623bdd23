package pricing

import "strings"

// Single letters and short codes that look like currency signs but belong to something else:
// the "R" of a tyre size, the letter of a camera's or a TV's model name.

// letterSigns answers, for the tokens of one string, whether a single-letter sign beside a
// number is part of a model's name (modelLetterSign). Whether another number stands beside a
// real currency sign is the same for every number of the string, so it is worked out once, on
// the first question that needs it: asking about every number stays linear in the string.
type letterSigns struct {
	toks  []token
	s     string
	other int8 // realSignBeside: 0 not yet known, 1 yes, -1 no
}

// tyreRim reports whether the "R" sign at toks[i] is the rim of a tyre size, not the rand: it
// follows a tyre's width and profile ("205/55") and runs into its rim diameter in inches
// ("205/55 R16", "225/45R17").
func tyreRim(toks []token, i int, s string) bool {
	if i < 3 || i+1 >= len(toks) || toks[i].kind != tokSymbol || toks[i].text(s) != "R" {
		return false
	}
	width, slash, profile, rim := toks[i-3], toks[i-2], toks[i-1], toks[i+1]
	w := width.text(s)
	w = w[strings.LastIndexByte(w, ' ')+1:] // "5 225" in "Sport 5 225/45 R17": the model and the width
	return width.kind == tokNumber && len(w) == 3 &&
		slash.kind == tokPunct && slash.text(s) == "/" &&
		profile.kind == tokNumber && len(profile.text(s)) == 2 &&
		rim.kind == tokNumber && rim.start == toks[i].end && len(rim.text(s)) == 2
}

// modelLetterSign reports whether every currency sign beside the number at toks[i] is a single
// Latin letter written onto its digits ("R6" in "Canon EOS R6", the "Q" of "55Q80C") while
// another number in the string stands beside a sign of more than one letter or none ("2.499 €"):
// that letter is part of a model's name, not the rand or the quetzal. A model's number has no
// cents or grouping, and a letter before it follows the rest of the name, not a label or the
// start of the string, unless the number has one digit ("Q3 2025 release $59.99"): "R99
// (approx. $5.40)" and "Price: R1 299 ≈ €65" are rand prices beside their value in another
// currency. Another currency's number after an aside mark does not count ("Only R99 (approx.
// $5.40)", "Bundle R499 + $10 shipping"; see asideBefore), and another single letter counts
// only apart from any digits ("Audi Q5 key cover R 299"). A sign apart after the number that is
// the next number's (see signBeforeNext) leaves the letter before it a model's ("Canon EOS R8 R
// 32 999", "Model R2 $149").
func (m *letterSigns) modelLetterSign(i int) bool {
	if !modelLetterAt(m.toks, i, m.s) {
		return false
	}
	if m.other == 0 {
		m.other = -1
		if realSignBeside(m.toks, m.s) {
			m.other = 1
		}
	}
	return m.other == 1
}

// modelLetterAt reports whether the number at toks[i] has the shape of a model's number and
// every currency sign beside it is a single Latin letter written onto it (see modelLetterSign).
func modelLetterAt(toks []token, i int, s string) bool {
	if n := toks[i].num; len(n.groups) > 1 || hasDecimals(toks[i].text(s)) {
		return false
	}
	glued := func(k int) bool {
		if !capitalLetter(toks[k].text(s)) {
			return false
		}
		if k > i {
			return toks[i].end == toks[k].start
		}
		if toks[k].end != toks[i].start {
			return false
		}
		return len(toks[i].text(s)) == 1 || k > 0 && (toks[k-1].kind == tokNumber ||
			toks[k-1].kind == tokWord && labelWords[lowerWord(toks[k-1].text(s))] == labelNone)
	}
	seen := false
	for _, k := range []int{i - 1, i + 1} {
		if k < 0 || k >= len(toks) || toks[k].kind != tokSymbol || k > i && signBeforeNext(toks, k, s) {
			continue
		}
		if !glued(k) {
			return false
		}
		seen = true
	}
	return seen
}

// realSignBeside reports whether some number of the string stands beside a currency sign that
// is no single letter written onto digits (those are models' letters; "R 299", apart from its
// digits, is the rand), other than one opened by an aside mark (see asideBefore). It does not
// depend on which number modelLetterSign asks about, so letterSigns works it out once.
func realSignBeside(toks []token, s string) bool {
	for j, t := range toks {
		if t.kind != tokSymbol || capitalLetter(t.text(s)) && gluedToNumber(toks, j) {
			continue
		}
		if asideBefore(toks, j, s) {
			continue // "Only R99 (approx. $5.40)", "Bundle R499 + $10 shipping"
		}
		if j > 0 && toks[j-1].kind == tokNumber || j+1 < len(toks) && toks[j+1].kind == tokNumber {
			return true
		}
	}
	return false
}

// capitalLetter reports a single Latin capital letter: a model's letter when written onto digits.
func capitalLetter(text string) bool { return len(text) == 1 && text[0] >= 'A' && text[0] <= 'Z' }

// gluedToNumber reports whether the sign at toks[j] is written onto the digits of a number
// before or after it ("Q5", "40R").
func gluedToNumber(toks []token, j int) bool {
	return j > 0 && toks[j-1].kind == tokNumber && toks[j-1].end == toks[j].start ||
		j+1 < len(toks) && toks[j+1].kind == tokNumber && toks[j+1].start == toks[j].end
}

// asideMarks open a second amount that is not the item's price but something beside it: its
// value in another currency ("R99 (approx. $5.40)", "Q149 ≈ US$19") or a charge added to it
// ("R499 + $10 shipping").
var asideMarks = set("(", "[", "+", "≈", "~", "=", "approx", "aprox", "approximately", "circa", "ca", "about", "env", "environ", "约")

// asideBefore reports whether the amount whose currency sign is toks[j] is opened by an aside
// mark (see asideMarks): one in the punctuation and words of approximation right before the
// amount and its sign ("(approx. $5.40)", "+ $10"), not one further back ("EOS R6 (Body)
// 2.499 €").
func asideBefore(toks []token, j int, s string) bool {
	k := j - 1
	if k >= 0 && toks[k].kind == tokNumber && toks[k].end <= toks[j].start {
		k-- // the sign after its amount: "(approx. 5,40 €)"
	}
	for ; k >= 0; k-- {
		t := toks[k]
		w := lowerWord(t.text(s))
		if asideMarks[w] {
			return true
		}
		if t.kind != tokPunct || w != "" && w != ")" && w != "," && w != ":" {
			return false
		}
	}
	return false
}

// inModelCode reports whether the capital letter at s[i] continues a model's code of capitals
// and digits ("QN55Q80C", "QN55Q80C $1,097.99"): it is written onto plain digits that are
// written onto a capital letter, so it is no currency sign ("C $" would be the Canadian dollar,
// "Q" the quetzal).
func inModelCode(toks []token, s string, i int) bool {
	if !capitalLetter(s[i:i+1]) || len(toks) < 2 {
		return false
	}
	num, before := toks[len(toks)-1], toks[len(toks)-2]
	if num.kind != tokNumber || num.end != i || len(num.num.groups) != 1 || num.num.leading != "" ||
		num.num.trailing != "" || before.end != num.start || before.kind != tokWord && before.kind != tokSymbol {
		return false
	}
	c := s[before.start]
	return c >= 'A' && c <= 'Z'
}

// modelLetterEnd reports whether the sign at toks[j], right before the number at toks[chosen]
// but apart from it, is a single capital letter written onto the digits of a number before it:
// the end of a model's code ("New Balance 2002R 149,99 €", "1906R"), not the rand.
func modelLetterEnd(toks []token, j, chosen int, s string) bool {
	return j == chosen-1 && j > 0 && capitalLetter(toks[j].text(s)) && toks[j].end < toks[chosen].start &&
		toks[j-1].kind == tokNumber && toks[j-1].end == toks[j].start
}
