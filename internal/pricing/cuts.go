package pricing

// The words of a price cut written "from … to" in a price cell (see fromToDown): "Von 99,95 € auf
// 69,95 €", "De 79,99 € à 59,99 €", "De R$ 199,90 para R$ 149,90", "Van € 89,95 naar € 59,95".

// cutJoiners join the two prices of a cut and never the ends of a range: the German "auf" (down
// to), the Portuguese "para" and the Dutch "naar".
var cutJoiners = set("auf", "para", "naar")

// cutOpener reports whether the word w opens a "from … to": a word of fromWords, or a weak
// regular label ("de", "van"), which alone is a preposition.
func cutOpener(w string) bool {
	return wordIn(fromWords, w) || labelWords[lowerWord(w)] == labelWeakRegular
}

// cutEndIndex returns the index of the number that closes a "from … to" opened at toks[i]: the
// end of a range (see rangeEndIndex), or a number after a word of cutJoiners and any currency
// signs. It returns -1 when there is none.
func cutEndIndex(toks []token, i int, s string) int {
	if j := rangeEndIndex(toks, i, s); j >= 0 {
		return j
	}
	j := i + 1
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j >= len(toks) || toks[j].kind != tokWord || !wordIn(cutJoiners, toks[j].text(s)) {
		return -1
	}
	j++
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j >= len(toks) || toks[j].kind != tokNumber || toks[j].num.percent {
		return -1
	}
	return j
}
