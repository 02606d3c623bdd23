package pricing

import "strings"

// Numbers beside prices that are no amounts by how they are written rather than by a word
// before them: a product's generation or model number after its name ("AirPods Pro 2 279 €",
// "Nike Air Force 1 119,99 €"), and opening hours ("Mon–Fri 9:00–17:30").

// modelNumberBefore reports whether the number of one or two digits at s[i:] ends a product's
// name and so groups no digits after a space ("AirPods Pro 2 279 €" is 279, "Nike Air Max 90
// 149,99 €" 149.99): the word right before it is a word that names a product line's version
// (see modelWords: "Pro 2", "Series 9", "Force 1"), a name written with a capital inside after two
// small letters ("PlayStation 5", "iPhone 15"), or, before two digits and a price in euros,
// dollars, pounds or francs, the second of two capitalised words no list of this package knows
// ("Air Max 90", "Nike Pegasus 41"): 90,149.99 € is no price such a string gives. A lone "1"
// is a version only after "Force" or "Jordan" ("iPad Pro 1 199 €" is 1,199). A model year
// written with an apostrophe ("Air Force 1 '07") and a three-digit model number after two
// capitalised words ("New Balance 550 129,99 €") are read by modelYearAt and
// modelOfThreeBefore. A brand before a price in thousands
// still groups ("Canada Goose 1 195 €", "Stone Island 12 500 kr"), and so do "Cena 2
// 599 Kč" and "Jakke 1 299 kr"; "MacBook Pro 2 499 €" does not, as no rule without the
// products' prices can tell it from the earphones.
func modelNumberBefore(s string, i int) bool {
	n := digitsAt(s, i)
	if n == 0 || i+n >= len(s) || s[i+n] != ' ' || zeroGroupAt(s, i+n+1) {
		return false // "Rolex Datejust 10 000 €": no price after a name opens with 0
	}
	if n == 2 && modelYearAt(s, i) {
		return true // "Nike Air Force 1 '07 119,99 €"
	}
	if n == 3 {
		return modelOfThreeBefore(s, i)
	}
	if n > 2 || i < 3 || s[i-1] != ' ' {
		return false
	}
	w, k := wordBefore(s, i-1)
	if len(w) < 2 {
		return false
	}
	lw := lowerWord(w)
	if n == 1 && s[i] == '1' && !firstVersionWords[lw] {
		return false // a first version is named without its number: "iPad Pro 1 199 €" is 1,199
	}
	if modelWords[lw] || innerCapital(w) {
		return true
	}
	if n != 2 || knownWord(w) || !capitalised(w) || k < 2 || s[k-1] != ' ' || !dearSignAfter(s, i+n) {
		return false
	}
	prev, _ := wordBefore(s, k-1)
	return len(prev) >= 2 && capitalised(prev) && !knownWord(prev)
}

// dearSignAfter reports whether the digit group at s[i:] (a space and three digits, perhaps with
// cents) is followed by the sign of a currency whose prices of tens of thousands no fashion or
// electronics shop writes after a product's name: euros, dollars, pounds or francs. In crowns,
// forints or roubles they are ordinary ("Stone Island 12 500 kr").
func dearSignAfter(s string, i int) bool {
	j := i + 1 + digitsAt(s, i+1)
	if j+2 < len(s) && (s[j] == ',' || s[j] == '.') && digitsAt(s, j+1) == 2 {
		j += 3
	}
	if j < len(s) && s[j] == ' ' {
		j++
	}
	for _, sign := range []string{"€", "$", "£", "EUR", "USD", "GBP", "CHF"} {
		if strings.HasPrefix(s[j:], sign) {
			return true
		}
	}
	return false
}

// modelWords are words after which a number of one or two digits is a product's version or
// generation: "AirPods Pro 2", "Apple Watch Series 9", "Nike Air Force 1", "Nintendo Switch 2",
// "ThinkPad X1 Gen 11", "Canon EOS 5D Mark 4", "Galaxy Watch 6", "Pixel Watch 3", "Air Jordan 4".
var modelWords = set("pro", "series", "gen", "generation", "mark", "mk", "force", "switch", "edition", "version",
	"watch", "jordan")

// firstVersionWords are the modelWords of lines whose first version is named with its number:
// "Nike Air Force 1", "Air Jordan 1".
var firstVersionWords = set("force", "jordan")

// wordBefore returns the run of ASCII letters and hyphens that ends at s[end] and its start.
func wordBefore(s string, end int) (string, int) {
	k := end
	for k > 0 && (asciiLetter(s[k-1]) || s[k-1] == '-') {
		k--
	}
	return s[k:end], k
}

// capitalised reports whether w is a capital and then at least one small letter ("Max", "Nike"),
// not an abbreviation or code in capitals ("DPH", "NOK").
func capitalised(w string) bool {
	return w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z'
}

// innerCapital reports whether w has a capital after two small letters: "PlayStation",
// "AirPods", "iPhone" (after the one small letter that starts it), not "McQueen".
func innerCapital(w string) bool {
	small := 0
	for j := 0; j < len(w); j++ {
		switch c := w[j]; {
		case c >= 'a' && c <= 'z':
			small++
		case c >= 'A' && c <= 'Z' && j > 0 && (small >= 2 || j == 1 && w[0] >= 'a' && w[0] <= 'z'):
			return true
		case c == '-':
			small = 0
		}
	}
	return false
}

// knownWord reports whether w is a word the parser reads for what it says about a price: a
// label, "from", "to", a filler, "free", a shipping word, a day or month.
func knownWord(w string) bool {
	lw := lowerWord(w)
	_, label := labelWords[lw]
	return label || fromWords[lw] || rangeWords[lw] || fromFillers[lw] || freeWords[lw] || shippingWords[lw] ||
		fromSenseAfter[lw] || monthNames[lw] || tagWords[lw] || pairTail[lw] || pairStatus[lw]
}

// clockAt reports whether the numbers at toks[i] and toks[i+1] are a time of day written with a
// colon: hours of one or two digits up to 24, a colon and two digits of minutes ("9:00", "17:30").
func clockAt(toks []token, i int, s string) bool {
	if i < 0 || i+1 >= len(toks) || toks[i].kind != tokNumber || toks[i+1].kind != tokNumber {
		return false
	}
	h, m := toks[i], toks[i+1]
	if h.end >= len(s) || s[h.end] != ':' || m.start != h.end+1 || len(h.num.groups) != 1 || len(m.num.groups) != 1 ||
		h.num.percent || m.num.percent || h.num.trailing != "" || m.num.trailing != "" || h.num.leading != "" || m.num.leading != "" {
		return false
	}
	hh, mm := h.num.groups[0], m.num.groups[0]
	return len(hh) <= 2 && len(mm) == 2 && atoiSmall(hh) <= 24 && atoiSmall(mm) <= 59
}

// hoursAt reports whether the number at toks[i] is part of opening hours: a time of day joined
// by a dash to another ("10:00–18:00", "Mon–Fri 9:00–17:30"), never an amount.
func hoursAt(toks []token, i int, s string) bool {
	dash := func(k int) bool {
		if k < 0 || k >= len(toks) || toks[k].kind != tokPunct {
			return false
		}
		switch toks[k].text(s) {
		case "-", "–", "—":
			return true
		}
		return false
	}
	for _, h := range []int{i, i - 1} { // toks[i] as the hours or as the minutes
		if !clockAt(toks, h, s) {
			continue
		}
		if dash(h+2) && clockAt(toks, h+3, s) || dash(h-1) && clockAt(toks, h-3, s) {
			return true
		}
	}
	return false
}

// atoiSmall is the value of a run of at most a few ASCII digits.
func atoiSmall(d string) int {
	v := 0
	for i := 0; i < len(d); i++ {
		v = v*10 + int(d[i]-'0')
	}
	return v
}
