package pricing

// Marks around a number that change what it is: a word after it that makes it a lower bound
// ("4 990 Ft-tól", "1,980円から"), a wave dash, and a minus before its sign (a discount).

// fromSuffixes are words written after a price to make it a lower bound: Hungarian "-tól",
// "-től" ("4 990 Ft-tól"), Chinese "起", Japanese "から", Korean "부터", Finnish "alkaen".
var fromSuffixes = set("tól", "től", "起", "から", "부터", "alkaen")

// saysFrom reports whether the amount at toks[i] is a lower bound: a "from" word anywhere before
// it (see fromBefore), "de la" (Romanian) right before it, or a "from" suffix or a wave dash with no number after
// it ("¥3,980～", "39,900원~") right after it.
func saysFrom(toks []token, i int, s string) bool {
	if fromBefore(toks, i, s) {
		return true
	}
	k := i - 1
	for k >= 0 && toks[k].kind == tokSymbol {
		k--
	}
	if k >= 1 && toks[k].kind == tokWord && toks[k-1].kind == tokWord &&
		lowerWord(toks[k].text(s)) == "la" && lowerWord(toks[k-1].text(s)) == "de" {
		return true
	}
	j := i + 1
	for j < len(toks) && (toks[j].kind == tokSymbol || magnitudeWord(toks, j, s) > 0) {
		j++
	}
	if j < len(toks) && toks[j].kind == tokPunct && toks[j].text(s) == "-" && j+1 < len(toks) && toks[j+1].start == toks[j].end {
		j++ // "Ft-tól"
	}
	if j >= len(toks) {
		return false
	}
	switch t := toks[j]; t.kind {
	case tokWord:
		return wordIn(fromSuffixes, t.text(s))
	case tokPunct:
		return isWave(t.text(s)) && (j+1 >= len(toks) || toks[j+1].kind != tokNumber && toks[j+1].kind != tokSymbol)
	}
	return false
}

// isWave reports whether text is a tilde or wave dash, which Japanese, Chinese and Korean shops
// write for "to" in a range and after a lower bound.
func isWave(text string) bool { return text == "~" || text == "～" || text == "〜" }

// minusBefore reports whether a minus sign stands right before the currency sign of the amount
// at toks[i] ("-$20.00", "Coupon: -€10,00"): a discount, not a price. A dash after a number
// joins a range instead ("$10 -$20"), and one spaced from the sign or the digits is a list mark
// ("- $44.99", "- 44,99 €"); one right before the digits marks the number itself (rawNumber.minus).
func minusBefore(toks []token, i int, s string) bool {
	k := i - 1
	sign := k >= 0 && toks[k].kind == tokSymbol
	if sign {
		k--
	}
	if k < 0 || toks[k].kind != tokPunct {
		return false
	}
	if text := toks[k].text(s); text != "-" && text != "−" {
		return false
	}
	if !sign {
		return false
	}
	if toks[k].end != toks[k+1].start {
		return false // "- $44.99": a dash set apart from the sign is a list mark
	}
	return k == 0 || toks[k-1].kind != tokNumber && toks[k-1].kind != tokSymbol
}
