package pricing

// multiBuyAny are the words for "all" or "any" that open a multi-buy before its quantity ("All 3
// for $20", "Any 2 for £10", "Alle 3 für 10 €", "Tous les 2 pour 15 €"): "All" is also the code of
// the Albanian lek, which must not make the quantity an amount in lekë.
var multiBuyAny = set("all", "any", "alle", "beliebige", "tous", "toutes", "todos", "todas", "qualsiasi", "elke")

// anyMultiBuy reports whether the number at toks[i] is the quantity of a multi-buy opened by a
// word of multiBuyAny: a whole number of one or two digits right after the word (or after an
// article: "Tous les 2 pour"), then a word of multiBuyFor and an amount.
func anyMultiBuy(toks []token, i int, s string) bool {
	t := toks[i]
	if i < 1 || len(t.num.groups) != 1 || len(t.num.groups[0]) > 2 || t.num.leading != "" || t.num.trailing != "" ||
		t.num.percent || i+2 >= len(toks) {
		return false
	}
	k := i - 1
	if k > 0 && toks[k].kind == tokWord && wordIn(articles, toks[k].text(s)) {
		k--
	}
	if toks[k].kind != tokWord && toks[k].kind != tokSymbol || !wordIn(multiBuyAny, toks[k].text(s)) {
		return false
	}
	if toks[i+1].kind != tokWord || !wordIn(multiBuyFor, toks[i+1].text(s)) {
		return false
	}
	j := i + 2
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	return j < len(toks) && toks[j].kind == tokNumber && !toks[j].num.percent
}

// articles may stand between a word of multiBuyAny and the quantity ("Tous les 2 pour 15 €").
var articles = set("les")
