package pricing

// Model numbers that modelNumberBefore reads beyond a version word: a model year written with an
// apostrophe ("Air Force 1 '07") and a model number of three digits after a product's name of two
// capitalised words ("New Balance 550 129,99 €").

// modelYearAt reports whether the two digits at s[i:] are a model year written with an apostrophe
// at the start of a word ("'07", "’90s"), which no price is.
func modelYearAt(s string, i int) bool {
	k := i
	switch {
	case k >= 1 && s[k-1] == '\'':
		k--
	case k >= len("’") && s[k-len("’"):k] == "’":
		k -= len("’")
	default:
		return false
	}
	return k == 0 || s[k-1] == ' '
}

// modelOfThreeBefore reports whether the number of three digits at s[i:] ends a product's name
// ("New Balance 550", "Air Max 270") rather than starting a price in hundreds of thousands:
// it follows two capitalised words that no list of this package knows and comes before a
// price in euros, dollars, pounds or francs (see dearSignAfter), where 550 129,99 € is no price
// a product name stands before. A known word ("Preis 550 129,99 €"), a currency whose prices
// run that high ("Stone Island 125 000 Ft") or a next number that reads as their group of
// thousands (see thousandsGroupAfter, and zeroGroupAt in modelNumberBefore) leaves it grouped.
func modelOfThreeBefore(s string, i int) bool {
	if i < 3 || s[i-1] != ' ' || thousandsGroupAfter(s, i) || !dearSignAfter(s, i+3) {
		return false
	}
	w, k := wordBefore(s, i-1)
	if len(w) < 2 || knownWord(w) || !capitalised(w) || k < 2 || s[k-1] != ' ' {
		return false
	}
	prev, _ := wordBefore(s, k-1)
	return len(prev) >= 2 && capitalised(prev) && !knownWord(prev)
}

// thousandsGroupAfter reports whether the three digits after the three at s[i:] and a space are
// their group of thousands rather than a price after a model number: they stand above the three
// before them ("Royal Oak 115 900 CHF"), where a model's number stands above the price that
// follows it ("New Balance 990 199 €", "Air Max 270 160 €").
func thousandsGroupAfter(s string, i int) bool {
	j := i + 4
	return digitsAt(s, j) == 3 && s[j:j+3] > s[i:i+3]
}

// zeroGroupAt reports whether s[j:] holds three digits that open with 0: a group of thousands
// ("10 000 €", "125 000 €"), never a price of its own.
func zeroGroupAt(s string, j int) bool {
	return digitsAt(s, j) == 3 && s[j] == '0'
}
