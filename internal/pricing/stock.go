package pricing

// Notes a price cell writes after the price paid about the stock left or a charge on top of it:
// "Only 2 left", "5 in stock", "Nur noch 1 verfügbar", "+ $5.99 shipping".

var (
	// stockAfterWords follow a count of the items left: "Only 2 left", "3 remaining", "Nur noch 1
	// verfügbar", "2 disponibles", "Solo 3 disponibili", "Solo 1 disponibile", "Nog 2 beschikbaar".
	stockAfterWords = set("left", "remaining", "available", "verfügbar", "vorrätig", "übrig", "disponible",
		"disponibles", "disponibile", "disponibili", "disponível", "disponíveis", "restantes", "beschikbaar", "kvar",
		"igjen", "tilbage")
	// stockInWords put a count in stock: "5 in stock", "3 auf Lager", "2 en stock", "4 op voorraad",
	// "2 på lager", "3 i lager".
	stockInWords = set("in", "auf", "en", "op", "på", "i", "em", "a")
	// stockPlaces are the stocks of stockInWords.
	stockPlaces = set("stock", "lager", "voorraad", "estoque", "magazzino")
)

// stockCountAt reports whether the number at toks[i] counts the items left in stock ("Only 2
// left", "5 in stock", "noch 1 verfügbar"): a whole number of up to three digits with no currency
// sign of its own beside it (a sign after a price before it is that price's: "27,95 € 3
// disponibles"), before a word of stockAfterWords or a word of stockInWords and a stock.
func stockCountAt(toks []token, i int, s string) bool {
	n := toks[i].num
	if len(n.groups) != 1 || len(n.groups[0]) > 3 || n.leading != "" || n.trailing != "" || n.percent ||
		i+1 >= len(toks) || toks[i+1].kind != tokWord {
		return false
	}
	if i > 0 && toks[i-1].kind == tokSymbol && (i < 2 || toks[i-2].kind != tokNumber) {
		return false // "€ 3 disponibles": the sign is the count's
	}
	w := toks[i+1].text(s)
	if wordIn(stockAfterWords, w) {
		return true
	}
	return wordIn(stockInWords, w) && i+2 < len(toks) && toks[i+2].kind == tokWord && wordIn(stockPlaces, toks[i+2].text(s))
}

// pairPlusMark reports whether t puts a charge on top of the price paid: the "+" of "+ $5.99
// shipping" or a word of pairPlus ("zzgl. 4,95 € Versand").
func pairPlusMark(t token, s string) bool {
	switch t.kind {
	case tokPunct:
		return t.text(s) == "+"
	case tokWord:
		return wordIn(pairPlus, t.text(s))
	}
	return false
}

// chargeAt reports whether the number at toks[i] is a charge on top of a price: after "+" or a
// word of pairPlus ("+ $5.99 shipping", "zzgl. 4,95 € Versand", "plus £3.95 delivery") with only
// currency signs (and the dot of "zzgl.") between, and before a shipping word after its signs.
func chargeAt(toks []token, i int, s string) bool {
	k := i - 1
	for k >= 0 && toks[k].kind == tokSymbol {
		k--
	}
	if k >= 0 && toks[k].kind == tokPunct && toks[k].text(s) == "." && k > 0 && toks[k-1].kind == tokWord {
		k--
	}
	if k < 0 || !pairPlusMark(toks[k], s) {
		return false
	}
	j := i + 1
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	return j < len(toks) && toks[j].kind == tokWord && wordIn(shippingWords, toks[j].text(s))
}

// chargeAfter reports whether the mark of pairPlusMark at toks[k] puts a charge on the price
// before it: an amount that chargeAt reads as one follows, or a shipping word does ("+
// shipping").
func chargeAfter(toks []token, k int, s string) bool {
	j := k + 1
	if j < len(toks) && toks[j].kind == tokPunct && toks[j].text(s) == "." {
		j++
	}
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j >= len(toks) {
		return false
	}
	if toks[j].kind == tokNumber {
		return chargeAt(toks, j, s)
	}
	return toks[j].kind == tokWord && wordIn(shippingWords, toks[j].text(s))
}

// stockNoteAt reports whether the words from toks[k] open a stock note: at most two words ("Nog",
// "Endast", "Nur noch", "Solo") before a count of the items left (see stockCountAt): "Nog 3 op
// voorraad", "Endast 2 kvar", "Solo 1 disponibile".
func stockNoteAt(toks []token, k int, s string) bool {
	for j := k; j < len(toks) && j < k+2 && toks[j].kind == tokWord; j++ {
		if j+1 < len(toks) && toks[j+1].kind == tokNumber {
			return stockCountAt(toks, j+1, s)
		}
	}
	return false
}
