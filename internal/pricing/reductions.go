package pricing

import "strings"

// Labels of two words, whose words alone say something else or nothing: the lowest price of the
// last 30 days that EU shops must show beside a reduction, written as a superlative in the
// Romance languages ("le plus bas", "più basso", "más bajo"), "reduced from" and "reduced to",
// the Malay and Indonesian original price ("harga asal", "harga coret"), and a price without or
// with a discount ("без скидки", "со скидкой").

// phraseLabels maps two lower-case words, space-separated, to the label they make together.
var phraseLabels = map[string]label{
	"plus bas": labelRegular, "più basso": labelRegular, "más bajo": labelRegular, "mas bajo": labelRegular,
	"mais baixo": labelRegular,
	"reduced to": labelCurrent, "down to": labelCurrent,
	"harga asal": labelRegular, "harga coret": labelRegular,
	"reduced from": labelRegular, "down from": labelRegular, "marked from": labelRegular, "cut from": labelRegular,
	"без скидки": labelRegular, "без знижки": labelRegular, "sin descuento": labelRegular, "ohne rabatt": labelRegular,
	"со скидкой": labelCurrent, "зі знижкою": labelCurrent, "con descuento": labelCurrent, "mit rabatt": labelCurrent,
}

// phraseLabel returns the label that the word at toks[i] makes with the word before it (see
// phraseLabels), or labelNone.
func phraseLabel(toks []token, i int, s string) label {
	if i < 1 || toks[i].kind != tokWord || toks[i-1].kind != tokWord {
		return labelNone
	}
	return phraseLabels[lowerWord(toks[i-1].text(s))+" "+lowerWord(toks[i].text(s))]
}

// fromOfAnother reports whether the "from" word at toks[i] belongs to a word before it rather
// than to the price: "Reduced from £59.99", "Delivery from £3.95 £45.00".
func fromOfAnother(toks []token, i int, s string) bool {
	if i < 1 || toks[i-1].kind != tokWord || !wordIn(fromWords, toks[i].text(s)) {
		return false
	}
	return phraseLabel(toks, i, s) == labelRegular || wordIn(shippingWords, toks[i-1].text(s))
}

// fromBefore reports whether a "from" word before toks[i] makes it a lower bound: one that
// belongs to a word before it (see fromOfAnother) does so only for the number right after it.
func fromBefore(toks []token, i int, s string) bool {
	for k, t := range toks[:i] {
		if t.kind != tokWord || !wordIn(fromWords, t.text(s)) {
			continue
		}
		if !leadsToNumber(toks, k, s) {
			continue // "Ships from UK £25.00", "Made from recycled bottles $40"
		}
		if !fromOfAnother(toks, k, s) || nextNumber(toks, k) == i {
			return true
		}
	}
	return false
}

// fromFillers are words that stand between a "from" word and its amount ("from only $20",
// "starting at $5", "à partir de 20 €", "a partire da", "mulai dari", "ab nur 9,99 €").
var fromFillers = set("only", "just", "as", "low", "little", "at", "de", "da", "dari", "nur", "solo", "sólo",
	"apenas", "seulement", "price", "prices", "preis", "prix", "precio", "harga",
	// only, already, still: "vanaf slechts € 12,99", "ab nur noch 9,99 €", "ab bereits 9,99 €",
	// "desde tan solo 9,99 €", "a partire da soli 9,99 €", "fra kun 99,-", "från endast 99 kr"
	"slechts", "maar", "noch", "schon", "bereits", "tan", "soli", "sole", "appena", "só", "somente",
	"uniquement", "kun", "bare", "bara", "endast", "tylko", "już", "jen", "pouze", "již", "csak", "doar",
	"hanya", "всего", "лишь",
	// more of them: "od jedynie 49 zł", "od pouhých 199 Kč", "od len 9,99 €", "від лише 99 грн",
	// "vanaf al € 9,99", "ab lediglich 9,99 €", "ab gerade mal 9,99 €", "à partir de juste 9,90 €",
	// "desde únicamente", "a partire da soltanto", "từ chỉ 99.000₫", "from just under £10"
	"nog", "jedynie", "zaledwie", "pouhých", "pouhé", "už", "len", "iba", "лише", "всього", "вже", "уже",
	"redan", "allerede", "blot", "al", "lediglich", "gerade", "mal", "juste", "únicamente", "solamente",
	"soltanto", "chỉ", "cuma", "mindössze", "numai", "vain", "mere", "under",
	// "a" and "an", and the praise shops give the amount: "from a mere $5", "from a low of $9.99",
	// "from an unbelievable $19", "ab günstigen 9,99 €"
	"a", "an", "incredible", "unbelievable", "amazing", "unbeatable", "great", "günstigen", "sagenhaften",
	"unglaublichen", "sensationellen", "unschlagbaren",
	// articles and "of": "From the low price of $20", "desde los 9,99 €", "desde unos 20 €"
	"the", "of", "los", "las", "unos", "unas",
	// about: "From about £20", "From approx $20", "ab etwa 20 €", "à partir d'environ 20 €" (the "d" of "d'")
	"approx", "aprox", "approximately", "about", "around", "circa", "environ", "etwa", "rund", "ungefähr",
	"cerca", "ongeveer", "roughly", "cirka", "d")

// fromBreaks are the marks that end what a "from" word leads to ("Ships from UK, £25.00");
// other marks between it and its amount are its own ("From: $20", "From*: £20", "From ~$20").
var fromBreaks = set(",", ";", "|", "(", ")", "/")

// leadsToNumber reports whether the "from" word at toks[k] is followed by a number, with only
// currency signs, marks (see fromBreaks), other "from" words and other words between (five
// tokens at most besides the signs, ten in all): "From $20", "Starting from USD 20", "à partir de
// 20 €", "From: $20", "From approx. £20", "ab lediglich 9,99 €". Words between are taken as the
// shop's own filler ("from only", "from a mere") unless the words around the "from" say it is
// in another sense (see fromInAnotherSense): a place or a material ("Ships from UK £25.00",
// "Made from recycled bottles $40"), a time ("Ab sofort 19,99 €"); so does a percentage or a
// day after it ("Made from 100% recycled polyester £35.00", "from the 1st of May £20").
// Unknown filler words keep the reading "from" always had; only named senses drop it.
func leadsToNumber(toks []token, k int, s string) bool {
	if fromInAnotherSense(toks, k, s) {
		return false
	}
	for j, n := k+1, 0; j < len(toks) && j <= k+10 && n < 5; j++ {
		if toks[j].kind != tokSymbol {
			n++ // "From the low price of US$ 20": the signs do not count
		}
		switch t := toks[j]; t.kind {
		case tokNumber:
			return !t.num.percent && !ordinalAt(toks, j, s)
		case tokSymbol:
		case tokWord:
			if wordIn(fromSenseAfter, t.text(s)) {
				return false // "Ab sofort 19,99 €", "From the makers of Lego $19.99"
			}
		case tokPunct:
			if fromBreaks[t.text(s)] {
				return false
			}
		default:
			return false
		}
	}
	return false
}

// fromInAnotherSense reports whether the words around the "from" word at toks[k] make it say
// where something comes from, what it is made of or what one chooses from: the word before it
// is such a verb or noun (see fromSenseBefore: "Ships from", "Made from", "Choose from",
// "Available from", "Direct from"), or the word after it is a country's code in capitals ("from
// UK", "from EU", "from CA"). A time or a maker between it and the number does the same (see
// fromSenseAfter and leadsToNumber).
func fromInAnotherSense(toks []token, k int, s string) bool {
	if k > 0 && toks[k-1].kind == tokWord && wordIn(fromSenseBefore, toks[k-1].text(s)) {
		return true
	}
	if k+1 >= len(toks) || toks[k+1].kind != tokWord {
		return false
	}
	w := toks[k+1].text(s)
	if lw := lowerWord(w); fromFillers[lw] || fromWords[lw] {
		return false // "FROM AS LOW AS $20", "À PARTIR DE 20 €": fillers, not countries
	}
	dotted := strings.HasSuffix(w, ".") || toks[k+1].end < len(s) && s[toks[k+1].end] == '.'
	return !dotted && countryCode(w) // "ab CA. 20 €" is "circa"
}

// countryCode reports whether w is two or three capital ASCII letters: "UK", "EU", "USA".
func countryCode(w string) bool {
	if len(w) < 2 || len(w) > 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

// fromSenseBefore are words that, right before a "from" word, make it a place, a material or a
// choice rather than a lower bound ("Ships from UK £25.00", "Made from recycled plastic $40",
// "Choose from 5 colours $29.99", "Versand aus", "Fabriqué à partir de").
var fromSenseBefore = set("ships", "ship", "shipped", "shipping", "dispatched", "dispatches", "sent", "sends",
	"delivered", "made", "crafted", "handmade", "handcrafted", "imported", "sourced", "designed", "printed",
	"woven", "knitted", "cut", "produced", "manufactured", "choose", "select", "pick", "available", "sizes",
	"colours", "colors", "away", "miles", "km", "direct", "directly", "straight", "sendes", "sendt", "sold",
	"gift", "gifts", "freedom", "free", "relief", "protection", "escape", "far", "inspired", "translated", "hergestellt", "gefertigt", "versendet", "verschickt",
	"fabriqué", "fabriquée", "expédié", "expédiée", "hecho", "hecha", "fabricado", "enviado", "fatto", "fatta",
	"prodotto", "spedito", "gemaakt", "verzonden", "tillverkad", "skickas", "wykonane", "wysyłane")

// fromSenseAfter are words that, between a "from" word and the number, make it a time or a
// maker rather than a lower bound ("Ab sofort 19,99 €", "from today £20", "vanaf nu", "From the
// makers of Lego $19.99", "Fra kl. 09:00 299,-").
var fromSenseAfter = set("sofort", "heute", "morgen", "jetzt", "now", "today", "tomorrow", "immediately",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag",
	"mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "january", "february", "march", "april",
	"may", "june", "july", "august", "september", "october", "november", "december", "aujourd", "maintenant",
	"hoy", "mañana", "oggi", "domani", "vandaag", "nu", "idag", "dziś", "dzisiaj", "stock", "stocks",
	"maker", "makers", "creator", "creators", "home", "house", "team", "people", "brand", "designer", "designers",
	"collection", "range", "series", "brands", "seller", "sellers", "partner", "partners", "our", "unserem",
	"unseren", "unserer", "onze", "nos", "notre", "nuestra", "nuestras", "nuestros", "nostri", "nostro",
	"lager", "werk", "hand", "santa", "kl", "klo", "klockan", "kello", "uhr")

// ordinalAt reports whether the number at toks[j] is a day: an ordinal's letters written onto
// it ("from the 1st of May", "à partir du 1er décembre") or a month's name right after it
// ("Dès le 15 mars"), not an amount.
func ordinalAt(toks []token, j int, s string) bool {
	if j+1 >= len(toks) || toks[j+1].kind != tokWord {
		return false
	}
	w := lowerWord(toks[j+1].text(s))
	if monthNames[w] {
		return true
	}
	if toks[j+1].start != toks[j].end {
		return false
	}
	switch w {
	case "st", "nd", "rd", "th", "er", "re", "e", "ème":
		return true
	}
	return false
}

// monthNames are the months' names (and common short forms) in the languages prices are read in.
var monthNames = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
	"nov", "dec", "januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember", "janvier",
	"février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
	"noviembre", "diciembre", "gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre",
	"ottobre", "dicembre", "januari", "februari", "maart", "augustus")

// nextNumber returns the index of the first number after toks[k], or -1.
func nextNumber(toks []token, k int) int {
	for j := k + 1; j < len(toks); j++ {
		if toks[j].kind == tokNumber {
			return j
		}
	}
	return -1
}

// savingPair handles two unlabelled prices followed by the saving between them ("79,00 € 59,00 €
// Sie sparen 20,00 €", "$1,299.99 $1,499.99 Save $200"): when the saving is the difference of
// the two, the lower one is the price and the other the regular one. Both or neither stand beside
// a currency sign ("Buy 2 £10 Save £8" counts). A percentage right after a saving word, or with
// a minus before or after them ("69,99 € 49,99 € -29%", "-29% 69,99 € 49,99 €"), or with "off"
// after it ("$59.99 $44.99 (25% off)"), counts when
// both prices have a sign and it is what the lower saves on the higher (see percentPair).
// It returns the lower one's index, or -1 when the string is not of that shape.
func savingPair(toks []token, labels []label, s, decimal string) int {
	var prices []int
	lead := -1 // a percentage with a minus before both prices: "-29% 69,99 € 49,99 €"
	for i, t := range toks {
		if t.kind != tokNumber {
			continue
		}
		if t.num.percent {
			if t.num.minus && len(prices) == 0 && lead < 0 {
				lead = i
				continue
			}
			if t.num.minus || i > 0 && toks[i-1].kind == tokWord && labelWords[lowerWord(toks[i-1].text(s))] == labelSaving ||
				offAfter(toks, i, s) {
				// "$129.99 $99.99 Save 23%", "69,99 € 49,99 € -29%", "$59.99 $44.99 (25% off)"
				return percentPair(toks, prices, i, s, decimal)
			}
			continue
		}
		switch labels[i] {
		case labelNone:
			prices = append(prices, i)
		case labelSaving:
			if len(prices) != 2 || signed(toks, prices[0], s) != signed(toks, prices[1], s) {
				return -1 // "Pack of 12 $24.99 Save $12.99": a count is no price
			}
			a, okA := toks[prices[0]].num.interpret(decimal, "")
			b, okB := toks[prices[1]].num.interpret(decimal, "")
			d, okD := t.num.interpret(decimal, "")
			if !okA || !okB || !okD {
				return -1
			}
			va, vb, vd := a.minorUnits(3), b.minorUnits(3), d.minorUnits(3)
			switch {
			case va-vb == vd && vd > 0:
				return prices[1]
			case vb-va == vd && vd > 0:
				return prices[0]
			}
			return -1
		default:
			return -1
		}
	}
	if lead >= 0 {
		return percentPair(toks, prices, lead, s, decimal)
	}
	return -1
}

// offAfter reports whether a saving word written after its amount ("off", "Rabatt") follows the
// percentage at toks[i] and its "%" sign: "25% off".
func offAfter(toks []token, i int, s string) bool {
	j := i + 1
	if j < len(toks) && toks[j].kind == tokPunct && toks[j].text(s) == "%" {
		j++
	}
	return j < len(toks) && toks[j].kind == tokWord && wordIn(afterSaving, toks[j].text(s))
}

// percentPair returns the lower of the two prices at toks[prices[0]] and toks[prices[1]] when the
// percentage at toks[pct], rounded either way, is what it saves on the higher one ("$129.99
// $99.99 Save 23%"), else -1.
func percentPair(toks []token, prices []int, pct int, s, decimal string) int {
	if len(prices) != 2 || !signed(toks, prices[0], s) || !signed(toks, prices[1], s) {
		return -1
	}
	a, okA := toks[prices[0]].num.interpret(decimal, "")
	b, okB := toks[prices[1]].num.interpret(decimal, "")
	p, okP := toks[pct].num.interpret(decimal, "")
	if !okA || !okB || !okP || p.frac != "" {
		return -1
	}
	hi, lo, low := a.minorUnits(3), b.minorUnits(3), prices[1]
	if lo > hi {
		hi, lo, low = lo, hi, prices[0]
	}
	if lo == hi || lo <= 0 {
		return -1
	}
	want := p.minorUnits(0)
	saved := (hi - lo) * 100
	if saved/hi == want || (saved+hi-1)/hi == want || (saved+hi/2)/hi == want {
		return low
	}
	return -1
}

// signed reports whether a currency sign stands beside the number at toks[i] and is its own, not
// the next number's ("of 12 $24.99") nor written onto the number before ("29,900원 12개월").
func signed(toks []token, i int, s string) bool {
	own := i+1 < len(toks) && toks[i+1].kind == tokSymbol ||
		i > 0 && toks[i-1].kind == tokSymbol && !signOfPrevious(toks, i)
	return own && !signOfNext(toks, i, s)
}

// signOfPrevious reports whether the currency sign right before the number at toks[i] is
// written onto the number before it and apart from this one: the "원" of "29,900원 12개월"
// prices 29,900, not the count of months after it.
func signOfPrevious(toks []token, i int) bool {
	return i >= 2 && toks[i-2].kind == tokNumber && toks[i-2].end == toks[i-1].start && toks[i-1].end != toks[i].start
}
