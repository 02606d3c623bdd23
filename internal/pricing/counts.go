package pricing

// Numbers that are not a price of one item: unit prices ("£2.00/kg"), dates and counts of days
// ("31/12", "30 Tage"), multi-buys ("Leve 3 por", "2 voor €10,00").

// Words that tell what the numbers around them count.
var (
	// unitWords are units of measure a unit price is given per ("/kg", "per 100ml", "€/l").
	unitWords = set("kg", "g", "gr", "mg", "lb", "lbs", "oz", "floz", "l", "ml", "cl", "dl", "lt", "ltr",
		"cm", "mm", "m²", "m2", "sqm", "sqft", "ft", "yd", "qt", "gal", "kilo", "kilogram", "kilogramm",
		"kilogramme", "liter", "litre", "litro", "litr", "pound", "ounce")
	// perWords join a unit price to its unit ("per kg", "pro kg", "le kg", "je 100 g").
	perWords = set("per", "pro", "par", "je", "le", "za")
	// periodWords follow a number of days, weeks or months ("der letzten 30 Tage").
	periodWords = set("day", "days", "tag", "tage", "tagen", "jour", "jours", "giorni", "días", "dias", "dagen",
		"dager", "dagar", "dage", "dni", "dní", "dnů", "päivän", "päivää", "napja", "nap", "gün", "дней", "днів",
		"日", "天", "일", "week", "weeks", "wochen", "month", "months", "monate", "monaten", "mois", "meses",
		"mesi", "maanden", "måneder", "månader", "miesięcy", "year", "years")
	// betweenPeriodWords stand between a number and its period word ("30 derniers jours").
	betweenPeriodWords = set("derniers", "dernières", "last", "past")
	// multiBuyVerbs come before the quantity of a multi-buy ("Leve 3 por", "Buy 2 get 1", "Mix
	// & match 3 for £10").
	multiBuyVerbs = set("buy", "leve", "compre", "lleve", "llévate", "kaufe", "kauf", "achetez", "prenez",
		"koop", "köp", "kjøp", "køb", "prendi", "acquista", "kup", "osta", "match")
	// multiBuyFor joins a multi-buy's quantity to its price ("2 for $5", "3 für 10 €", "2 pour 5 €").
	multiBuyFor = set("for", "für", "pour", "por", "voor", "för", "per", "za", "за")
	// afterSaving words follow an amount that is a saving ("$20 off", "10 € Rabatt").
	afterSaving = set("off", "rabatt", "korting", "sconto", "descuento", "desconto", "rabat")
	// afterThreshold words follow an amount that is a threshold ("20 000 Ft felett": over 20 000
	// Ft; "50 zł powyżej" is written before instead), or name the order value it is one of ("ab
	// 50 € Bestellwert").
	afterThreshold = set("felett", "fölött", "üzeri", "üstü", "üzerine",
		"bestellwert", "mindestbestellwert", "warenwert", "einkaufswert")
	// shippingWords name a delivery fee written before its amount ("Normal shipping 4,99 €
	// 29,99 €"); with no other amount after it the fee is all the string prices.
	shippingWords = set("shipping", "delivery", "postage", "p&p", "versand", "versandkosten", "lieferung",
		"livraison", "envío", "envio", "frete", "spedizione", "verzending", "verzendkosten", "porto", "frakt",
		"fragt", "toimitus", "wysyłka", "dostawa", "doprava", "szállítás", "доставка", "kargo",
		"运费", "運費", "送料", "배송비")
	// arrows stand between a regular price and the current one ("39,000원 → 29,000원").
	arrows = set("→", "⟶", "➔", "➜", "⇒")
)

// isUnitWord reports whether toks[k] is a unit of measure.
func isUnitWord(toks []token, k int, s string) bool {
	return k < len(toks) && toks[k].kind == tokWord && wordIn(unitWords, toks[k].text(s))
}

// unitPhrase reports whether toks[j:] start with a unit ("kg") or a quantity and its unit
// ("100ml", "100 g").
func unitPhrase(toks []token, j int, s string) bool {
	if isUnitWord(toks, j, s) {
		return true
	}
	return j < len(toks) && toks[j].kind == tokNumber && !toks[j].num.percent && isUnitWord(toks, j+1, s)
}

// isPerMark reports whether toks[k] joins a price to the unit after it: "/" or a word for "per".
func isPerMark(toks []token, k int, s string) bool {
	if k >= len(toks) {
		return false
	}
	switch t := toks[k]; t.kind {
	case tokPunct:
		return t.text(s) == "/"
	case tokWord:
		return wordIn(perWords, t.text(s))
	}
	return false
}

// perUnitAfter reports whether the number at toks[i] is a price per unit: its currency signs,
// then "/" or "per" and a unit ("£2.00/kg", "39,98 €/kg", "$1/100g", "12,99 € le kg").
func perUnitAfter(toks []token, i int, s string) bool {
	j := i + 1
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	return isPerMark(toks, j, s) && unitPhrase(toks, j+1, s)
}

// dateParts marks the numbers that write a date with slashes ("31/12", "12/31/2026"): one or two
// digits each, a day and a month in either order, and an optional year.
func dateParts(toks []token, s string) []bool {
	parts := make([]bool, len(toks))
	small := func(k int) (int, bool) {
		if k >= len(toks) || toks[k].kind != tokNumber || len(toks[k].num.groups) != 1 || toks[k].num.leading != "" ||
			toks[k].num.trailing != "" || toks[k].num.percent || toks[k].num.minus {
			return 0, false
		}
		g := toks[k].num.groups[0]
		if len(g) == 0 || len(g) > 2 {
			return 0, false
		}
		v := 0
		for i := 0; i < len(g); i++ {
			v = v*10 + int(g[i]-'0')
		}
		return v, v > 0
	}
	slash := func(k int) bool {
		return k < len(toks) && toks[k].kind == tokPunct && toks[k].text(s) == "/" &&
			toks[k].start == toks[k-1].end && k+1 < len(toks) && toks[k+1].start == toks[k].end
	}
	for i := 0; i+2 < len(toks); i++ {
		a, ok1 := small(i)
		if !ok1 || !slash(i+1) {
			continue
		}
		b, ok2 := small(i + 2)
		if !ok2 || !(a <= 31 && b <= 12 || a <= 12 && b <= 31) || i > 0 && toks[i-1].end == toks[i].start && toks[i-1].kind == tokPunct {
			continue
		}
		parts[i], parts[i+2] = true, true
		if slash(i+3) && i+4 < len(toks) && toks[i+4].kind == tokNumber && len(toks[i+4].num.groups) == 1 &&
			(len(toks[i+4].num.groups[0]) == 2 || len(toks[i+4].num.groups[0]) == 4) {
			parts[i+4] = true
		}
	}
	return parts
}

// notAmountAt reports whether the number at toks[i] counts something other than money: a
// number of days or months ("30 Tage", "30-day", "30 derniers jours"), the quantity of a unit after "per" or "/"
// ("per 100ml", "/100g"), or a count of the items left in stock ("Only 2 left"; see stockCountAt).
func notAmountAt(toks []token, i int, s string) bool {
	if stockCountAt(toks, i, s) {
		return true // "Only 2 left", "5 in stock"
	}
	j := i + 1
	if j+1 < len(toks) && toks[j].kind == tokPunct && toks[j].text(s) == "-" && toks[j].start == toks[i].end {
		j++ // "30-day"
	}
	if j+1 < len(toks) && toks[j].kind == tokWord && wordIn(betweenPeriodWords, toks[j].text(s)) &&
		!adjacentSymbol(toks, i) && !hasDecimals(toks[i].text(s)) {
		j++ // "30 derniers jours", not the price of "£9.99 last day of sale"
	}
	if j < len(toks) && toks[j].kind == tokWord && wordIn(periodWords, toks[j].text(s)) {
		return true
	}
	return i > 0 && isPerMark(toks, i-1, s) && isUnitWord(toks, i+1, s)
}

// multiBuyQuantity reports whether the number at toks[i] is how many items a multi-buy offer
// sells together: after a verb for "buy" ("Leve 3 por", "Buy 2 get 1"), or a whole number of
// one or two digits with no currency beside it and no other word than a label before it, before
// "for" and a number ("2 for $5", "3 für 10 €") or before "/" and a sign ("2/$5"), or after a
// word for "all" or "any" ("All 3 for $20"; see anyMultiBuy).
func multiBuyQuantity(toks []token, i int, s string) bool {
	t := toks[i]
	if anyMultiBuy(toks, i, s) {
		return true // "All 3 for $20"
	}
	if len(t.num.groups) != 1 || t.num.leading != "" || t.num.trailing != "" || t.num.percent || adjacentSymbol(toks, i) {
		return false
	}
	if i > 0 && toks[i-1].kind == tokWord && wordIn(multiBuyVerbs, toks[i-1].text(s)) {
		return true
	}
	if len(t.num.groups[0]) > 2 || i+2 >= len(toks) ||
		i > 0 && toks[i-1].kind == tokWord && labelWords[lowerWord(toks[i-1].text(s))] == labelNone {
		return false // "Pack of 2 for $9.99": the pack's price
	}
	next := toks[i+1]
	if next.kind == tokPunct && next.text(s) == "/" {
		return toks[i+2].kind == tokSymbol
	}
	if next.kind != tokWord || !wordIn(multiBuyFor, next.text(s)) {
		return false
	}
	j := i + 2
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	return j < len(toks) && toks[j].kind == tokNumber && !toks[j].num.percent
}

// hasMultiBuy reports whether the string offers a multi-buy ("Buy 2 get 1 free", "3 für 2").
func hasMultiBuy(toks []token, s string) bool {
	for i, t := range toks {
		if t.kind == tokNumber && multiBuyQuantity(toks, i, s) {
			return true
		}
	}
	return false
}
