package pricing

import "strings"

// magnitudes are words written after a number to count it in thousands, lakhs, millions…, as
// powers of ten, with the currencies they are read in (none: any currency written or given).
// Words that are also sizes or units when alone ("M", "k", "B", "L") are only read attached to
// a number beside a currency sign, or not at all; see magnitude.
var magnitudes = map[string]struct {
	pow        int
	currencies string
}{
	"lakh": {5, ""}, "lakhs": {5, ""}, "lac": {5, "INR"}, "lacs": {5, "INR"}, "crore": {7, ""}, "crores": {7, ""},
	"cr": {7, "INR PKR NPR BDT LKR"},
	"万":  {4, ""}, "萬": {4, ""}, "億": {8, ""}, "亿": {8, ""}, "만": {4, ""}, "억": {8, ""}, "千": {3, "JPY CNY TWD HKD"},
	"천":  {3, "KRW"},
	"rb": {3, "IDR"}, "ribu": {3, "IDR"}, "jt": {6, "IDR"}, "juta": {6, "IDR"},
	"nghìn": {3, "VND"}, "ngàn": {3, "VND"}, "triệu": {6, "VND"}, "tr": {6, "VND"}, "tỷ": {9, "VND"},
	"mio": {6, ""}, "millionen": {6, ""}, "million": {6, ""}, "millions": {6, ""}, "mln": {6, ""}, "mld": {9, ""},
	"miljoen": {6, ""}, "millones": {6, ""}, "millón": {6, ""}, "milioni": {6, ""}, "milione": {6, ""},
	"milhões": {6, ""}, "milhão": {6, ""},
	"mrd": {9, ""}, "milliarden": {9, ""}, "billion": {9, ""}, "billions": {9, ""}, "miliardi": {9, ""},
}

// magnitudeChars are the magnitude words of scripts without spaces, which tokenize splits off a
// number they follow ("3万9800円", "12만원").
var magnitudeChars = "万萬億亿만억千천"

// magnitudeWord returns the power of ten of the magnitude word at toks[k] right after a number,
// whatever the currency, or 0.
func magnitudeWord(toks []token, k int, s string) int {
	if k < 1 || k >= len(toks) || toks[k].kind != tokWord || toks[k-1].kind != tokNumber {
		return 0
	}
	w := toks[k].text(s)
	if m, ok := magnitudes[lowerWord(w)]; ok {
		return m.pow
	}
	if toks[k].start == toks[k-1].end && (w == "k" || w == "K") {
		return 3
	}
	if toks[k].start == toks[k-1].end && w == "M" {
		return 6
	}
	return 0
}

// magnitude returns the power of ten that the word after the number at toks[i] multiplies it by
// in currency (the amount's ISO code, "" when it has none), or 0: "₹ 6.49 Lakh", "₹ 1.25 Cr",
// "3万9800円", "12만원", "Rp 299rb", "Rp 1,2jt", "1,2 triệu", "€ 1,2 Mio.". A "k" or "M" attached
// to the digits counts thousands or millions only when a currency sign stands beside the number
// ("$1.5k", "$1.2M", "15K €"; "14K gold" and a size "12M" are not prices), or, for "k", in
// dong, which Vietnamese shops write as "129k".
func magnitude(toks []token, i int, s, currency string) int {
	if i < 0 || i+1 >= len(toks) || toks[i].kind != tokNumber || toks[i].num.percent {
		return 0
	}
	k := toks[i+1]
	if k.kind != tokWord {
		return 0
	}
	w := k.text(s)
	if m, ok := magnitudes[lowerWord(w)]; ok {
		switch {
		case m.currencies != "" && (currency == "" || !strings.Contains(m.currencies, currency)):
			return 0
		case currency == "" && !strings.ContainsAny(w, magnitudeChars):
			return 0 // "1,2 Mio. Einwohner": no currency, no price
		}
		return m.pow
	}
	if k.start != toks[i].end {
		return 0
	}
	signBeside := i > 0 && toks[i-1].kind == tokSymbol || i+2 < len(toks) && toks[i+2].kind == tokSymbol
	switch {
	case (w == "k" || w == "K") && (signBeside || currency == "VND"):
		return 3
	case w == "M" && signBeside:
		return 6
	}
	return 0
}

// timesPow10 is the amount multiplied by 10^n, done on its digits ("1.5" times 10^3 is "1500").
func (a amount) timesPow10(n int) amount {
	frac := a.frac + strings.Repeat("0", n)
	whole := strings.TrimLeft(a.whole+frac[:n], "0")
	if whole == "" {
		whole = "0"
	}
	return amount{whole: whole, frac: strings.TrimRight(frac[n:], "0")}
}

// magnitudeRest returns the index of a number written right after the magnitude word that
// follows toks[i] and below that magnitude, which adds to the amount ("3万9800円" is
// 3×10,000 + 9,800), or -1. The rest may carry a smaller magnitude word of its own, and is then
// also written after a space ("1万2千円", "12만 9천원" is 12×10,000 + 9×1,000).
func magnitudeRest(toks []token, i, pow int, s, decimal string) (int, amount) {
	j := i + 2
	if pow < 4 || j >= len(toks) || toks[j].kind != tokNumber || toks[j].num.percent {
		return -1, amount{}
	}
	sub := 0
	if j+1 < len(toks) && toks[j+1].start == toks[j].end {
		if sub = magnitudeWord(toks, j+1, s); sub >= pow {
			return -1, amount{}
		}
	}
	gap := toks[j].start - toks[i+1].end
	if gap != 0 && (sub == 0 || gap != 1 || s[toks[i+1].end] != ' ') {
		return -1, amount{}
	}
	v, ok := toks[j].num.interpret(decimal, "")
	if !ok || v.frac != "" || len(v.whole)+sub > pow {
		return -1, amount{}
	}
	return j, v.timesPow10(sub)
}
