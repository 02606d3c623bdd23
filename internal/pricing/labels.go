package pricing

import (
	"strings"
	"unicode/utf8"
)

// label is what a word in a price string says about the number after it (or, for the words
// that follow the price they name, before it).
type label uint8

const (
	labelNone label = iota
	// labelCurrent: the price a shopper pays now ("Now", "Sale", "Sonderpreis", "现价").
	labelCurrent
	// labelRegular: the struck-out or recommended price ("Was", "UVP", "MRP", "通常価格").
	labelRegular
	// labelWeakRegular: a word that names the regular price only when a current label follows
	// ("De R$ 1.499,00 por R$ 1.299,00", "Van €99,99 Nu €79,99"); alone it is a preposition.
	labelWeakRegular
	// labelPrice: a word for price that does not say which ("Price", "Prix", "Cena").
	labelPrice
	// labelAfterRegular: a word after a number that makes that number the regular price
	// ("9 990 Ft helyett 7 990 Ft": helyett is "instead of").
	labelAfterRegular
	// labelSaving: the number after it is a saving, not a price ("Save $20.00", "You save").
	labelSaving
	// labelThreshold: the number after it is a threshold ("Free shipping on orders over $50").
	labelThreshold
	// labelNotAmount: a number that is no amount of money: a period ("der letzten 30 Tage"), a
	// date ("31/12"), the quantity of a unit ("per 100ml") or of a multi-buy ("Leve 3 por").
	// It does not take the label pending for the next number.
	labelNotAmount
	// labelUnit: a price per unit of measure ("£2.00/kg", "39,98 €/kg", "Price per oz $2.50"),
	// never the price of the item while another amount stands in the string.
	labelUnit
	// labelMultiBuy: the price of several items ("Leve 3 por R$ 99,90", "2 for $5", "3 für 10 €").
	labelMultiBuy
	// labelFee: the number after a shipping word is a delivery fee ("Normal shipping 4,99 €").
	labelFee
	// labelInstalment: a part payment ("4 payments of $25.00", "10x de R$ 129,99"), never the price.
	labelInstalment
	// labelExTax: a price before tax beside one with tax ("£41.66 ex VAT £49.99 inc VAT"), the
	// price only when no other amount stands in the string.
	labelExTax
	// labelInclTax: a price with tax beside one before tax ("41,66 € HT 49,99 € TTC"), the
	// price even when no currency sign stands beside it.
	labelInclTax
)

// labelWords maps lower-case words (and abbreviations without their dots, "mrp" for "M.R.P.")
// to what they say about a price. Shops write one word of a label next to the price often
// enough that each word is listed on its own: the "Normaler" of Shopify's German "Normaler
// Preis", the "habituel" of "Prix habituel".
var labelWords = func() map[string]label {
	m := map[string]label{}
	add := func(l label, words string) {
		for _, w := range strings.Fields(words) {
			if _, dup := m[w]; dup {
				panic("pricing: label word listed twice: " + w)
			}
			m[w] = l
		}
	}
	add(labelCurrent, "now sale our current special deal offer your "+
		"jetzt nur aktionspreis angebot angebotspreis sonderpreis reduziert "+ // de
		"maintenant soldé promo actuel réduit "+ // fr
		"ahora oferta venta rebajado especial por agora promocional "+ // es, pt
		"ora scontato offerta "+ // it
		"nu voor aanbiedingsprijs actieprijs aanbieding "+ // nl, sv
		"nå nyt tilbud tilbudspris kampanjepris kampanjpris extrapris rea reapris udsalgspris "+ // no, da, sv, fi
		"teraz promocyjna promocja obniżona nowa jest "+ // pl
		"tarjoushinta alennushinta tarjous "+ // fi
		"الحالي "+ // ar: "السعر الحالي", the price now
		"akční nyní zlevněná akciová "+ // cs, sk
		"akciós redus новая сейчас стало нова зараз indirimli şimdi kampanyalı "+ // hu ro ru uk tr
		"セール価格 販売価格 特価 特別価格 现价 售价 促销价 优惠价 活动价 折后价 到手价 現價 特價 "+
		"할인가 판매가 혜택가 특가 ราคาพิเศษ ราคาลด ราคาขาย")
	add(labelRegular, "was reg regular orig original rrp msrp mrp list compare normally typical previous instead "+
		"uvp statt normalpreis normaler streichpreis bisher ursprünglich ursprünglicher vorher preisempfehlung "+ // de
		"avant habituel barré initial conseillé ancien lieu "+ // fr
		"antes habitual normal anterior lista "+ // es, pt
		"prima listino consigliato anziché "+ // it
		"normale adviesprijs vanprijs "+ // nl
		"før førpris tidligere ord ordinarie ordinær normalpris tidigare veil vejl vejledende veiledende normaalihinta ovh norm "+
		// The lowest price of the last 30 days that EU shops must show beside a reduction.
		"lowest niedrigster niedrigste laagste lägsta laveste najniższa nejnižší "+
		"regularna przed poprzednia katalogowa było stara "+ // pl
		"الأصلي "+ // ar: "السعر الأصلي", the original price
		"běžná původní doporučená obvyklá bežná pôvodná eredeti régi vechi старая прежняя было стара eski piyasa "+
		"通常価格 定価 希望小売価格 メーカー希望小売価格 参考価格 原价 市场价 划线价 吊牌价 专柜价 原價 "+
		"정가 소비자가 정상가 시중가 ราคาปกติ ราคาเดิม gốc")
	add(labelWeakRegular, "de van")
	add(labelPrice, "price preis prix precio prezzo prijs pris cena цена ціна preço fiyat fiyatı ár preț pret "+
		"hinta harga giá 価格 价格 가격 ราคา السعر מחיר")
	add(labelAfterRegular, "helyett yerine")
	add(labelSaving, "save saving savings sparen sparst ersparnis économisez économie ahorra ahorras ahorro "+
		"risparmi risparmia risparmio bespaar bespaart besparing spara sparar sparer säästä säästät "+
		"oszczędzasz oszczędność ušetříte úspora economize economia экономия економія tasarruf hemat jimat 省 立省 节省 節省")
	add(labelThreshold, "over above spend über oltre")
	return m
}()

// lowerWord is a word as labelWords and the other word sets spell it: lower-case, without the
// dot that lower-casing the Turkish "İ" leaves, and without the dots of an abbreviation.
func lowerWord(w string) string {
	w = strings.ToLower(w)
	if strings.ContainsAny(w, ".\u0307") {
		w = strings.NewReplacer(".", "", "\u0307", "").Replace(w)
	}
	return w
}

// adjectiveSaving are saving words that are also adjectives ("economical"), which Malay and
// Indonesian write after the noun they describe: after another word they name a value pack or
// price ("Paket Hemat", "Harga Hemat", "Pek Jimat"), not a saving.
var adjectiveSaving = set("hemat", "jimat")

// relabel adjusts tokens whose reading depends on the words around them. Single letters joined
// by dots that spell a label ("M.R.P.") become one word, so that "R" and "P" are not read as
// rand and pula, and neither is the "R" of a tyre size ("205/55 R16"; see tyreRim) nor the
// letters of a label ("Giá KM"; see labelLetters). The ngultrum's "Nu"/"Nu." becomes the word "nu" (Swedish, Danish and Dutch for
// "now") when the string names another currency or opts or the context do, so that
// "Ord.pris 1 499 kr Nu 999 kr" in a SEK shop is 999 SEK.
func relabel(toks []token, s string, opts ParseOptions) []token {
	out := toks[:0:0]
	otherCurrency := func() bool {
		if oc := strings.ToUpper(opts.Currency); oc != "" && oc != "BTN" {
			return true
		}
		for _, t := range toks {
			if t.kind == tokSymbol && t.sym.code != "BTN" && (t.sym.code != "" || len(t.sym.alts) > 0) {
				return true
			}
		}
		if opts.Context != "" {
			ctx := normalize(opts.Context)
			for _, t := range tokenize(ctx, "") {
				if t.kind == tokSymbol && t.sym.code != "BTN" && usableInContext(t, ctx) {
					return true
				}
			}
		}
		return false
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if end, last := abbreviation(toks, i, s); last > i {
			out = append(out, token{kind: tokWord, start: t.start, end: end})
			i = last
			continue
		}
		if tyreRim(toks, i, s) || labelLetters(toks, i, s) {
			t = token{kind: tokWord, start: t.start, end: t.end}
		}
		if t.kind == tokSymbol && t.sym.code == "BTN" && strings.HasPrefix(t.text(s), "Nu") && (otherCurrency() || nordicNow(toks, i, s)) {
			t = token{kind: tokWord, start: t.start, end: t.start + len("Nu")}
		}
		out = append(out, t)
	}
	return out
}

// labelLetters reports whether the currency sign at toks[i] is letters that continue a price
// label, not a currency: they follow a word for price and come before a number with its own sign
// after it ("Giá KM: 1.290.000₫", Vietnamese for the promotional price, is not the convertible mark).
func labelLetters(toks []token, i int, s string) bool {
	if toks[i].kind != tokSymbol || i == 0 || i+2 >= len(toks) || toks[i-1].kind != tokWord ||
		labelWords[lowerWord(toks[i-1].text(s))] != labelPrice || toks[i+1].kind != tokNumber || toks[i+2].kind != tokSymbol {
		return false
	}
	for _, r := range toks[i].text(s) {
		if !isLetter(r) {
			return false
		}
	}
	return true
}

// nordicNow reports whether the "Nu" at toks[i] is the word "now" by the words and numbers
// around it: a regular-price or saving word before it ("Før 1.499,- Nu 999,-", "Van 99,99 Nu
// 79,99", "Spar 200,- Nu 799,-") or a number after it written with a dash for no decimals
// ("Nu 999,-") or a colon and a dash ("Nu 599:-"), which Nordic shops write and Bhutanese ones
// do not.
func nordicNow(toks []token, i int, s string) bool {
	for _, t := range toks[:i] {
		if t.kind != tokWord {
			continue
		}
		w := lowerWord(t.text(s))
		if l := labelWords[w]; l == labelRegular || l == labelWeakRegular || w == "spar" {
			return true
		}
	}
	if i+1 < len(toks) && toks[i+1].kind == tokNumber && colonDash(toks[i+1], s) {
		return true // "Nu 599:- Ord. pris 799:-"
	}
	if i+1 < len(toks) && toks[i+1].kind == tokNumber && toks[i+1].num.trailing != "" {
		last, _ := utf8.DecodeLastRuneInString(toks[i+1].text(s))
		return last == '-' || last == '–' || last == '—'
	}
	return false
}

// abbreviation returns, when toks[i:] spell a label as single letters joined by dots ("M.R.P.",
// "M.R.P"), the end offset of the abbreviation (its final dot included) and the index of its
// last token; last is i when there is none.
func abbreviation(toks []token, i int, s string) (end, last int) {
	letter := func(k int) bool {
		if k >= len(toks) || toks[k].kind != tokWord && toks[k].kind != tokSymbol {
			return false
		}
		r, n := utf8.DecodeRuneInString(toks[k].text(s))
		return n == toks[k].end-toks[k].start && isLetter(r)
	}
	dot := func(k int) bool {
		return k < len(toks) && toks[k].kind == tokPunct && toks[k].text(s) == "." && toks[k].start == toks[k-1].end
	}
	if !letter(i) || i > 0 && toks[i-1].end == toks[i].start && toks[i-1].kind != tokPunct {
		return 0, i
	}
	k := i
	for dot(k+1) && letter(k+2) && toks[k+2].start == toks[k+1].end {
		k += 2
	}
	if k == i {
		return 0, i
	}
	end, last = toks[k].end, k
	if dot(k + 1) {
		end, last = toks[k+1].end, k+1
	}
	if _, ok := labelWords[lowerWord(s[toks[i].start:end])]; !ok {
		return 0, i
	}
	return end, last
}

// onlySymbolsBetween reports whether nothing but currency signs stands between toks[a] and toks[b].
func onlySymbolsBetween(toks []token, a, b int) bool {
	for k := a + 1; k < b; k++ {
		if toks[k].kind != tokSymbol {
			return false
		}
	}
	return true
}

// numberLabels gives each number token the label that applies to it (labelNone for other
// tokens). A label word applies to the next number; a saving or threshold word only when no
// other word stands between. A plain price word after a regular price names the current one
// ("List Price: $59.99 Price: $45.00"); a weak regular word does not replace another label
// ("Precio de venta"). A word for "instead of" makes the number before it the regular price,
// "off" makes it a saving ("$20 off") and "felett" (over) a threshold, and an arrow makes it the regular price and the one
// after it the current one ("39,000원 → 29,000원"). Numbers that count days, dates, units or
// multi-buy items are no amounts and leave the pending label to the next number; a price per
// unit ("£2.00/kg", "Price per oz $2.50") and the price of a multi-buy ("Leve 3 por R$ 99,90")
// are labelled as such. The Danish and Norwegian "Spar" is a saving only with two amounts after
// it ("Spar 200,- Nu 799,-"), since SPAR is also a shop; a shipping word likewise makes the
// amount after it a fee only when another amount follows. Part payments, their counts and
// loyalty points are no price, and prices before and with tax are labelled as such when no
// other label is pending, or before tax when a current label is, which then passes to the next
// price with tax (see findTerms). Labels of two words ("le plus bas", "reduced from", "со
// скидкой") are read as one (see phraseLabels), and "to" after a regular price names the
// current one ("Reduced from £59.99 to £41.66").
func numberLabels(toks []token, s, decimal string) []label {
	labels := make([]label, len(toks))
	dates := dateParts(toks, s)
	sawRegular := false
	pending := labelNone
	lastNumber := -1
	pendingPhrase := false // pending came from a label of two words ("reduced from")
	phraseRegular := -1    // the number such a label named regular
	multiBuy := false
	currentWithTax := false // a current label waits for the price with tax of the price it named
	terms := findTerms(toks, s, decimal)
	amountsAfter := func(i int) int {
		n := 0
		for _, t := range toks[i+1:] {
			if t.kind == tokNumber && !t.num.percent {
				n++
			}
		}
		return n
	}
	for i, t := range toks {
		switch t.kind {
		case tokWord:
			w := lowerWord(t.text(s))
			l := labelWords[w]
			if adjectiveSaving[w] && i > 0 && toks[i-1].kind == tokWord {
				l = labelNone // "Paket Hemat Rp 49.000" is a value pack, "Hemat Rp 20.000" a saving
			}
			phrase := phraseLabel(toks, i, s)
			switch {
			case afterSaving[w] && lastNumber >= 0 && onlySymbolsBetween(toks, lastNumber, i):
				labels[lastNumber] = labelSaving
			case afterThreshold[w] && lastNumber >= 0 && onlySymbolsBetween(toks, lastNumber, i):
				labels[lastNumber] = labelThreshold // "Ingyenes szállítás 20 000 Ft felett"
			case perWords[w] && unitPhrase(toks, i+1, s) && (i == 0 || toks[i-1].kind != tokNumber && toks[i-1].kind != tokSymbol):
				pending = labelUnit // "Price per 100ml £16.67"
			case w == "spar" && amountsAfter(i) >= 2:
				pending = labelSaving
			case shippingWords[w] && amountsAfter(i) >= 2 && (i == 0 || !wordIn(freeWords, toks[i-1].text(s))):
				pending = labelFee // "Normal shipping 4,99 € 29,99 €", not "Free shipping $29.99"
			case phrase != labelNone:
				pending = phrase // "Prix le plus bas des 30 derniers jours", "Reduced from £59.99"
				pendingPhrase = true
			case rangeWords[w] && lastNumber >= 0 && lastNumber == phraseRegular && onlySymbolsBetween(toks, lastNumber, i):
				// not "Was $20 to $30": after a one-word label "to" makes a range
				pending = labelCurrent // "Reduced from £59.99 to £41.66"
			case fromWords[w] && pending == labelFee:
				// "Delivery from £3.95 £45.00": the fee keeps its label
			case l == labelAfterRegular:
				if lastNumber >= 0 && labels[lastNumber] == labelNone {
					labels[lastNumber] = labelRegular
					sawRegular = true
				}
			case l == labelPrice:
				if sawRegular && pending == labelNone {
					pending = labelCurrent
				}
			case l == labelWeakRegular:
				if pending == labelNone {
					pending = l
				}
			case l != labelNone:
				pending, pendingPhrase = l, false
			case pending == labelSaving || pending == labelThreshold || pending == labelFee:
				pending = labelNone
			}
		case tokPunct:
			if arrows[t.text(s)] && lastNumber >= 0 && onlySymbolsBetween(toks, lastNumber, i) {
				if labels[lastNumber] == labelNone {
					labels[lastNumber] = labelRegular
				}
				sawRegular = true
				pending = labelCurrent
			}
		case tokNumber:
			switch {
			case dates[i] || notAmountAt(toks, i, s) || marked(terms.count, i) || pointsAt(toks, i, s) || taggedAt(toks, i, s) ||
				hoursAt(toks, i, s):
				labels[i] = labelNotAmount
				continue
			case marked(terms.each, i):
				labels[i] = labelInstalment
			case chargeAt(toks, i, s):
				labels[i] = labelFee // "$69.00 + $5.99 shipping"
			case multiBuyQuantity(toks, i, s):
				labels[i] = labelNotAmount
				multiBuy = true
				pending = labelNone
				continue
			case multiBuy:
				labels[i] = labelMultiBuy
				multiBuy = false
			case perUnitAfter(toks, i, s):
				labels[i] = labelUnit
			case (pending == labelNone || pending == labelCurrent) && terms.taxAt(i) == taxExcluded:
				// A sale label keeps its say ("Was £59.99 Now £41.66 ex VAT": no price with tax), a
				// current one passes to the price with tax ("Our Price: £41.66 ex VAT £49.99 inc
				// VAT", "Was £59.99 Now £41.66 ex VAT £49.99 inc VAT").
				labels[i] = labelExTax
				currentWithTax = currentWithTax || pending == labelCurrent
			case pending == labelNone && terms.taxAt(i) == taxIncluded && currentWithTax:
				labels[i] = labelCurrent
				currentWithTax = false
			case pending == labelNone && terms.taxAt(i) == taxIncluded:
				labels[i] = labelInclTax
			default:
				labels[i] = pending
			}
			if labels[i] == labelRegular || labels[i] == labelWeakRegular {
				sawRegular = true
			}
			if labels[i] == labelRegular && pendingPhrase {
				phraseRegular = i
			}
			pending = labelNone
			pendingPhrase = false
			lastNumber = i
		}
	}
	return labels
}

// labelledCurrent handles strings that carry both prices with labels ("Was $120.00 Now
// $60.00", "UVP 199 € jetzt 149 €", "Før 1 499,- Nå 999,-"): when a regular-price label
// precedes one number and a current-price label precedes a later one, the later one is the
// price. So is a number with no label that follows a labelled regular price with nothing but
// currency signs (and "instead of" words) between, when both or neither have a sign beside
// them and it is the lower of the two ("UVP 199,00 € 149,00 €", "MRP ₹1,49,999 ₹1,29,999"),
// or its price with tax when it is a price before tax ("UVP 99,00 € 70,59 € netto 84,00 €
// brutto").
// A weak regular label ("De … por") only counts with a current one. It returns -1 when the
// string is not of that shape.
func labelledCurrent(toks []token, labels []label, s, decimal string) int {
	sawRegular, sawWeak := false, false
	lastRegular := -1
	var regular amount
	for i, t := range toks {
		if t.kind != tokNumber || t.num.percent {
			continue
		}
		v, ok := t.num.interpret(decimal, "")
		if !ok {
			continue
		}
		nonZero := strings.Trim(v.whole+v.frac, "0") != ""
		switch labels[i] {
		case labelNotAmount:
			continue
		case labelRegular:
			sawRegular, lastRegular, regular = true, i, v
			continue
		case labelWeakRegular:
			sawWeak = true
		case labelCurrent:
			if (sawRegular || sawWeak) && nonZero {
				return i
			}
		case labelNone, labelExTax, labelInclTax:
			if lastRegular >= 0 && nonZero && followsDirectly(toks, lastRegular, i, s) &&
				adjacentSymbol(toks, lastRegular) == adjacentSymbol(toks, i) && v.minorUnits(3) < regular.minorUnits(3) {
				if labels[i] == labelExTax {
					if k := nextLabelled(labels, i, labelInclTax); k >= 0 {
						return k // "RRP £59.99 £41.66 ex VAT £49.99 inc VAT"
					}
				}
				return i
			}
		}
		lastRegular = -1
	}
	return -1
}

// nextLabelled returns the index of the first number after toks[i] labelled l, or -1.
func nextLabelled(labels []label, i int, l label) int {
	for k := i + 1; k < len(labels); k++ {
		if labels[k] == l {
			return k
		}
	}
	return -1
}

// followsDirectly reports whether only currency signs, magnitude words and "instead of" words
// stand between toks[a] and toks[b].
func followsDirectly(toks []token, a, b int, s string) bool {
	for k := a + 1; k < b; k++ {
		switch t := toks[k]; t.kind {
		case tokSymbol:
		case tokWord:
			if labelWords[lowerWord(t.text(s))] != labelAfterRegular && magnitudeWord(toks, k, s) == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// notAPrice reports whether the number at toks[i] is labelled as a saving, a threshold, the
// price of a multi-buy, a delivery fee, a part payment or no amount at all.
func notAPrice(labels []label, i int) bool {
	switch labels[i] {
	case labelSaving, labelThreshold, labelNotAmount, labelMultiBuy, labelFee, labelInstalment:
		return true
	}
	return false
}

// colonDash reports the Nordic ":-" written after the number t ("1 299:-": whole crowns).
func colonDash(t token, s string) bool { return strings.HasPrefix(s[t.end:], ":-") }
