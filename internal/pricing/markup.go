package pricing

import "strings"

// What a page's markup leaves in the text of a price, and marks shops write onto amounts: tags
// are dropped, and an element that strikes a price out (<del>, <s>, <strike>, or one whose class
// names an old price) marks that price as the regular one, as a struck-out price on a page is;
// cents raised in <sup> and left apart ("$19 99") or after a Swedish colon ("29:90 kr") join
// their amount; the Indian "/-" after an amount goes.

// struckTags are the elements that strike their text out.
var struckTags = set("del", "s", "strike")

// struckClasses are words in a class attribute that name a struck-out or regular price
// ("price--compare", "old-price", "was-price", "regular-price").
var struckClasses = []string{"compare", "old", "was", "regular", "strike", "original", "before", "list"}

// dropTags removes the tags from s, writing "was " in place of an element that strikes its text
// out (see struckTags and struckClasses), so that "<del>$59.99</del> $44.99" reads as "was
// $59.99 $44.99", and a space in place of other tags, except between a number's digits and its
// decimal separator ("<span>24</span><span>.95</span>", "129,<sup>99</sup>", Amazon's
// "29<span>.</span><span>99</span>"), which join. A "<" that opens no tag ("< $50", "<50")
// stays, and so does the rest of s from a "<" that no ">" closes.
func dropTags(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	// What the tags since the last text stand for: a space and a "was " for each that strikes
	// its text out, counted rather than joined so that a run of tags costs no copying.
	tags, struck := false, 0
	flush := func() {
		if tags {
			b.WriteByte(' ')
		}
		for ; struck > 0; struck-- {
			b.WriteString("was ")
		}
		tags = false
	}
	write := func(text string) {
		if text == "" {
			return
		}
		if tags && (struck > 0 || !splitDecimal(b.String(), text)) {
			flush()
		}
		tags, struck = false, 0
		b.WriteString(text)
	}
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			write(s)
			flush()
			return b.String()
		}
		write(s[:i])
		rest := s[i+1:]
		closing := strings.HasPrefix(rest, "/")
		name := strings.TrimPrefix(rest, "/")
		if name == "" || !(name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
			write("<")
			s = rest
			continue
		}
		// The tag ends at the first ">" before the next "<"; each stretch is searched once.
		window := rest
		if lt := strings.IndexByte(rest, '<'); lt >= 0 {
			window = rest[:lt]
		}
		gt := strings.IndexByte(window, '>')
		if gt < 0 { // "<a <b>": the first "<" opens nothing
			write("<" + window)
			s = rest[len(window):]
			continue
		}
		tag := strings.ToLower(rest[:gt])
		tags = true
		if !closing && struckTag(tag) {
			struck++
		}
		s = rest[gt+1:]
	}
}

// splitDecimal reports whether markup stood inside a number, between its whole digits and its
// decimal separator or between that separator and its decimals: before ends with a digit and
// after is "." or "," alone or starts with one and a digit, or before ends with a digit and "."
// or "," that does not also stand before those digits, and after starts with a digit.
func splitDecimal(before, after string) bool {
	n := len(before)
	if n == 0 || after == "" {
		return false
	}
	if isDigit(before[n-1]) {
		// ".95", or a separator in an element of its own: Amazon's "29<span>.</span><span>99"
		return (after[0] == '.' || after[0] == ',') && (len(after) == 1 || isDigit(after[1]))
	}
	sep := before[n-1]
	if n < 2 || sep != '.' && sep != ',' || !isDigit(before[n-2]) || !isDigit(after[0]) {
		return false
	}
	k := n - 2
	for k >= 0 && isDigit(before[k]) {
		k--
	}
	return k < 0 || before[k] != sep // "Ends 24.12." is a date, not "24.12.19,99"
}

// struckTag reports whether the opening tag's text (lower-case, without "<" and ">") strikes its
// element out: by its name, or by a class naming an old price.
func struckTag(tag string) bool {
	name, attrs, _ := strings.Cut(tag, " ")
	if struckTags[strings.TrimSuffix(name, "/")] {
		return true
	}
	k := strings.Index(attrs, "class=")
	if k < 0 {
		return false
	}
	class := attrs[k+len("class="):]
	for _, w := range struckClasses {
		if containsWord(class, w) {
			return true
		}
	}
	return false
}

// containsWord reports whether w stands in class as a word of its own, between letters that are
// not ASCII letters ("price--compare", "old-price"; not "bold" or "gold").
func containsWord(class, w string) bool {
	for i := 0; ; {
		k := strings.Index(class[i:], w)
		if k < 0 {
			return false
		}
		k += i
		end := k + len(w)
		if (k == 0 || !asciiLetter(class[k-1])) && (end >= len(class) || !asciiLetter(class[end])) {
			return true
		}
		i = k + 1
	}
}

// asciiLetter reports whether c is an ASCII letter.
func asciiLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// joinApartCents joins to a whole amount the two cents digits that a page raised in a <sup>
// element and that its text, without the markup, writes apart: "$19 99", "€ 129 99", "19 99 €"
// are 19.99, 129.99 and 19.99. The whole amount has a currency sign right before it or the cents
// one right after them, no decimals of its own and no number before it; the cents are exactly
// two digits followed by nothing, a sign (not a minor unit's: "£5 99p"), a closing or listing
// mark, a dash before a sign, or a price label: "$3,499 12 meses" counts months, "$5 10%" is a
// discount, "£25 10-11 Years" a size and "£25 18+" an age. Beside "kr" a colon joins them too
// ("29:90 kr", Swedish).
func joinApartCents(toks []token, s string) []token {
	w := 0
	for i := 0; i < len(toks); i++ {
		if i+1 < len(toks) && apartCents(toks, i, s) {
			a, b := toks[i], toks[i+1]
			na := a.num
			na.groups = append(na.groups[:len(na.groups):len(na.groups)], b.num.groups[0])
			na.seps = append(na.seps[:len(na.seps):len(na.seps)], " ")
			na.spaced = true
			na.end = b.end
			toks[w] = token{kind: tokNumber, start: a.start, end: b.end, num: na}
			w++
			i++
			continue
		}
		toks[w] = toks[i]
		w++
	}
	return toks[:w]
}

// apartCents reports whether toks[i+1] holds the cents of the amount at toks[i], written apart
// (see joinApartCents).
func apartCents(toks []token, i int, s string) bool {
	a, b := toks[i], toks[i+1]
	if a.kind != tokNumber || b.kind != tokNumber || b.start != a.end+1 || s[a.end] != ' ' && s[a.end] != ':' {
		return false
	}
	na, nb := a.num, b.num
	if na.leading != "" || na.trailing != "" || na.percent || na.minus || na.spaced || na.codeTail || // "Size 8 45 GBP"
		len(na.groups) > 1 && len(na.groups[len(na.groups)-1]) != 3 {
		return false
	}
	if len(nb.groups) != 1 || len(nb.groups[0]) != 2 || nb.leading != "" || nb.trailing != "" || nb.percent {
		return false
	}
	signBefore := i > 0 && toks[i-1].kind == tokSymbol && (i < 2 || toks[i-2].kind != tokNumber)
	signAfter := i+2 < len(toks) && toks[i+2].kind == tokSymbol &&
		(i == 0 || toks[i-1].kind != tokNumber && toks[i-1].kind != tokSymbol)
	if !signBefore && !signAfter {
		return false
	}
	if s[a.end] == ':' {
		// "29:90 kr", "1 024:80 kr": Swedish writes a colon for the decimal point; beside any
		// other sign "10:00" is a time. The crowns' sign after them counts after a sign that is
		// a word too ("Nu 49:90 kr": the ngultrum's "Nu" is Swedish for "now").
		kronaAfter := i+2 < len(toks) && toks[i+2].kind == tokSymbol && toks[i+2].sym.candidate("SEK") &&
			(i == 0 || toks[i-1].kind != tokNumber)
		return signBefore && toks[i-1].sym.candidate("SEK") || kronaAfter
	}
	k := i + 2
	if k >= len(toks) {
		return true
	}
	switch t := toks[k]; t.kind {
	case tokSymbol:
		if signBefore && t.sym.iso && !toks[i-1].sym.candidate(t.sym.code) {
			return false // "€ 15 24 Std.": a word that spells another code ("Std." for hours)
		}
		return !t.sym.minor // "£5 99p" is two amounts
	case tokPunct:
		switch t.text(s) {
		case ")", "(", "*", ",", ";", "|", "·", "•":
			return true
		case "-", "–", "—":
			return k+1 < len(toks) && toks[k+1].kind == tokSymbol // "$19 99 - $29 99", not "£25 10-11 Years"
		}
		return false // "$5 10%", "$29 99+ sold", "€ 399 55\"", "£25 18+"
	case tokWord:
		return labelWords[lowerWord(t.text(s))] != labelNone
	}
	return false
}

// dropSlashDash drops the "/-" that Indian and Pakistani shops write after a whole amount ("Rs
// 1,299/-", "1,299/- Rs"), so that a sign after it stands beside the number. A "/-" not right
// after a digit, or before another digit ("12/-3"), stays.
func dropSlashDash(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '/' && i > 0 && isDigit(s[i-1]) && i+1 < len(s) && s[i+1] == '-' && (i+2 >= len(s) || !isDigit(s[i+2])) {
			i++
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
