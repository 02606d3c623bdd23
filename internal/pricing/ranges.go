package pricing

import "strings"

// rangeStart returns the index of the number that opens a range ending at toks[i] ("1,299 -
// 1,499"), or -1.
func rangeStart(toks []token, i int, s, decimal string) int {
	k := i - 1
	if k < 0 || !isRangeMark(toks[k], s) {
		return -1
	}
	k--
	if k < 0 || toks[k].kind != tokNumber || toks[k].num.percent {
		return -1
	}
	if _, ok := toks[k].num.interpret(decimal, ""); !ok {
		return -1
	}
	return k
}

// below reports whether the number at toks[a] is less than the one at toks[b].
func below(toks []token, a, b int, decimal string) bool {
	x, okX := toks[a].num.interpret(decimal, "")
	y, okY := toks[b].num.interpret(decimal, "")
	return okX && okY && x.minorUnits(3) < y.minorUnits(3)
}

// isRangeMark reports whether t joins the two ends of a range: a dash or a word such as "to".
func isRangeMark(t token, s string) bool {
	switch t.kind {
	case tokPunct:
		text := t.text(s)
		return text == "-" || text == "–" || text == "—" || isWave(text)
	case tokWord:
		return rangeWords[strings.ToLower(t.text(s))]
	}
	return false
}

// rangeEndIndex returns the index of the number that closes a range opened at toks[i], or -1.
func rangeEndIndex(toks []token, i int, s string) int {
	j := i + 1
	if magnitudeWord(toks, j, s) > 0 {
		j++
	}
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j >= len(toks) || !isRangeMark(toks[j], s) {
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

// rangeEnd reads the top of a range that follows the amount at toks[i]: a dash or "to" word and
// a second number ("$1,299.99 - $1,499.99", "344.99 - 444.99", "10 bis 20 €").
func rangeEnd(toks []token, i int, s, decimal, three string) (amount, bool) {
	j := rangeEndIndex(toks, i, s)
	if j < 0 {
		return amount{}, false
	}
	return toks[j].num.interpret(decimal, three)
}
