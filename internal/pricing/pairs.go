package pricing

// barePair returns the index of the second of two prices in one currency written side by side
// with no label on either ("$59.99 $44.99", "79,99 € 59,99 €", "Save 20% $40.00 $32.00") when
// it is the lower: product pages and price cells print the struck-out regular price first and
// the price paid after it, and a page's text or a feed's cell keeps both once the markup is
// gone. Only currency signs, a "|" or the second's sale label ("$59.99 Sale $44.99") may stand
// between them, no third price beside a
// currency may stand in the string, and after the second there may be only signs, punctuation,
// a saving, a price label, a tax-included mark, a stock note ("Only 2 left", "Nog 3 op
// voorraad"; see stockNoteAt), a charge on top ("+ $5.99 shipping"; see chargeAt) or
// "or"/"each"/"free": a charge named after it
// ("$49.99 $4.99 shipping", "$45.00 $3.60 tax", "$100 $25 deposit") is no sale price. A second
// price below a tenth of the first is taken for a fee, not a sale ("$19.99 $0.99"), and a
// percentage anywhere in the string must be what the second saves on the first ("Save 20%
// $40.00 $32.00", not "$99.99 $89.99 Save 50%"). It returns -1 when the string is not of that
// shape.
func barePair(toks []token, labels []label, s, decimal string) int {
	a, b := -1, -1
	for i, t := range toks {
		if t.kind != tokNumber || t.num.percent || notAPrice(labels, i) || labels[i] == labelUnit {
			continue
		}
		if !signed(toks, i, s) || t.num.minus || minusBefore(toks, i, s) {
			if a >= 0 {
				return -1 // "$49.99 10 $39.99", "$20 - $40 15"
			}
			continue // "Size 10 $59.99 $44.99"
		}
		switch {
		case a < 0:
			a = i
		case b < 0:
			b = i
		default:
			return -1 // three prices: tiers, or was, now and a member price
		}
	}
	if b < 0 || labels[a] != labelNone && labels[a] != labelPrice || labels[b] != labelNone && labels[b] != labelCurrent {
		return -1
	}
	for k := a + 1; k < b; k++ {
		if toks[k].kind == tokWord && labels[b] == labelCurrent && labelWords[lowerWord(toks[k].text(s))] == labelCurrent {
			continue // "$59.99 Sale $44.99"
		}
		if toks[k].kind != tokSymbol && (toks[k].kind != tokPunct || toks[k].text(s) != "|") {
			return -1 // "$20 - $40", "$20 to $40", "$59.99 / $44.99"
		}
	}
	if !sameCurrency(toks, a, b, s) || !plainAfter(toks, b, s) {
		return -1
	}
	if !fallsToSale(toks, a, b, decimal) {
		return -1
	}
	for k, t := range toks {
		if t.kind == tokNumber && t.num.percent && percentPair(toks, []int{a, b}, k, s, decimal) != b {
			return -1 // "$99.99 $89.99 Save 50%": the saving names other prices
		}
	}
	return b
}

// pairTail are words that may follow the second price of a bare pair without naming it as
// something other than the price paid.
var pairTail = set("or", "each", "ea", "only", "free", "ou", "oder", "eller", "o", "of")

// pairStatus are the first words of what a price cell may say after the price paid without naming
// an amount: stock ("Sold out", "In stock", "Ausverkauft", "Auf Lager", "Esgotado"), delivery or
// tax on top ("zzgl. Versand", "plus shipping") and the way to pay ("à vista", "no Pix"). A
// number after them still ends the pair (see barePair).
var pairStatus = set("sold", "in", "out", "available", "low", "limited", "last", "instock", "ausverkauft", "vorrätig", "lieferbar", "auf",
	"épuisé", "disponible", "agotado", "esgotado", "disponível", "esaurito", "disponibile", "uitverkocht",
	"slutsåld", "utsolgt", "udsolgt", "à", "vista", "no", "pix", "boleto")

// pairPlus are the words that put a charge on top of the price paid ("zzgl. Versand", "plus
// shipping"); after a bare pair they leave it one only before a shipping word, since before
// tax they make the second a price before tax ("£45.00 £37.50 excl. VAT", "zzgl. MwSt.").
var pairPlus = set("zzgl", "plus", "excl", "exkl", "hors", "ohne", "sans")

// pairTailMarks are the punctuation marks that may follow it: brackets around a unit price or a
// saving, a list bar, marks of emphasis and footnotes, a minus before a percentage.
var pairTailMarks = set("(", ")", "[", "]", "|", "!", "*", "-", "–", ".", ",", "•")

// plainAfter reports whether what follows the price at toks[b] and its signs leaves it the
// price paid: nothing, a mark of pairTailMarks, a saving, a sale label, a tax-included mark,
// a word of pairTail or pairStatus, a stock note (see stockNoteAt), or "+" or one of pairPlus
// before a shipping word or a shipping charge ("+ $5.99 shipping", "zzgl. 4,95 € Versand").
func plainAfter(toks []token, b int, s string) bool {
	k := b + 1
	for k < len(toks) && toks[k].kind == tokSymbol {
		k++
	}
	if k >= len(toks) {
		return true
	}
	if pairPlusMark(toks[k], s) && chargeAfter(toks, k, s) {
		return true // "$89.00 $69.00 + $5.99 shipping", "zzgl. 4,95 € Versand"
	}
	switch t := toks[k]; t.kind {
	case tokPunct:
		return pairTailMarks[t.text(s)]
	case tokWord:
		w := lowerWord(t.text(s))
		if l := labelWords[w]; l == labelCurrent || l == labelSaving || pairTail[w] || freeWords[w] || pairStatus[w] {
			return true
		}
		if stockNoteAt(toks, k, s) {
			return true // "Nog 3 op voorraad", "Endast 2 kvar"
		}
		if pairPlus[w] {
			j := k + 1
			if j < len(toks) && toks[j].kind == tokPunct && toks[j].text(s) == "." {
				j++
			}
			return j < len(toks) && toks[j].kind == tokWord && wordIn(shippingWords, toks[j].text(s))
		}
		_, reading := taxMark(toks, k, s)
		return reading == taxIncluded
	}
	return true
}

// sameCurrency reports whether each currency sign beside and between the numbers at toks[a] and
// toks[b] can name the currency of the first of them: the same text ("$" and "$"), or one a
// meaning of the other ("$" and "CAD", "€" and "EUR"); not "€59.99 $64.99".
func sameCurrency(toks []token, a, b int, s string) bool {
	lo, hi := a, b
	for lo > 0 && toks[lo-1].kind == tokSymbol {
		lo--
	}
	for hi+1 < len(toks) && toks[hi+1].kind == tokSymbol {
		hi++
	}
	first := -1
	for x := lo; x <= hi; x++ {
		if toks[x].kind != tokSymbol {
			continue
		}
		if first < 0 {
			first = x
			continue
		}
		sx, sf := toks[x].sym, toks[first].sym
		if toks[x].text(s) != toks[first].text(s) && !sx.candidate(sf.code) && !sf.candidate(sx.code) {
			return false
		}
	}
	return first >= 0
}

// fromToDown returns the index of the second price of a "from … to" going down ("Da 89,00 € a
// 59,00 €", "From $89 to $59", "De 79,99 € à 59,99 €", "Von 99,95 € auf 69,95 €"; see
// cutOpener and cutEndIndex), which a price cell writes for a price cut from the first to the
// second; it returns -1 for any other string, among them a range going up ("Da 59,00 € a 89,00
// €"). Both prices have their signs in one currency, the second is no less than a tenth of the
// first, no other amount stands in the string, and after the second there is only what
// plainAfter allows. labels may be nil, when only the shape is asked.
func fromToDown(toks []token, labels []label, s, decimal string) int {
	a := nextNumber(toks, -1)
	if a < 0 || toks[a].num.percent {
		return -1
	}
	k := a - 1
	for k >= 0 && toks[k].kind == tokSymbol {
		k--
	}
	if k < 0 || toks[k].kind != tokWord || !cutOpener(toks[k].text(s)) {
		return -1
	}
	b := cutEndIndex(toks, a, s)
	if b < 0 || nextNumber(toks, b) >= 0 || !signed(toks, a, s) || !signed(toks, b, s) ||
		!sameCurrency(toks, a, b, s) || !plainAfter(toks, b, s) {
		return -1
	}
	if labels != nil && (labels[a] != labelNone && labels[a] != labelWeakRegular || labels[b] != labelNone) {
		return -1
	}
	if !fallsToSale(toks, a, b, decimal) {
		return -1
	}
	return b
}

// fallsToSale says whether the amount at b is below the one at a, but not below a tenth of it
// (a second price that small is a charge or a part, not the price the first was reduced to).
func fallsToSale(toks []token, a, b int, decimal string) bool {
	va, okA := toks[a].num.interpret(decimal, "")
	vb, okB := toks[b].num.interpret(decimal, "")
	if !okA || !okB {
		return false
	}
	hi, lo := va.minorUnits(3), vb.minorUnits(3)
	return lo < hi && lo*10 >= hi
}
