package pricing

import "strings"

// Amounts that are not what the item costs a shopper who buys it now: a part payment
// ("4 payments of $25.00", "10x de R$ 129,99", "12 cuotas de $ 1.083"), a price before tax
// beside the price with it ("£41.66 ex VAT £49.99 inc VAT", "41,66 € HT 49,99 € TTC"), loyalty
// points ("1,299 points", "1,200ポイント").

var (
	// instalmentWords name the part payments a price is split into, after their count
	// ("4 payments of", "12 cuotas de", "12 plazos de", "24 Monatsraten à", "12 MSI de", "10 rat
	// po"). Only plural forms: a count of two or more takes one, and "1 payment of $99.99" is the
	// price ("Reservation fee 1 payment $50", "Valid for 12 months payment $120").
	instalmentWords = set("payments", "installments", "instalments", "cuotas", "plazos", "mensualidades",
		"msi", "parcelas", "prestações", "raten", "monatsraten", "mensualités", "termijnen", "rat",
		"splátek", "splátky", "részlet", "taksit")
	// bareInstalmentWords are instalment words only right after their count: the Italian "rate"
	// ("3 rate da 33,33 €") is the English "rate" after other words ("1 day rate £45.00", "3
	// night rate from $299").
	bareInstalmentWords = set("rate")
	// monthWords count the months of a credit; with words on interest after them they count
	// monthly part payments ("12 meses sin intereses de", "6 months interest free at").
	monthWords = set("months", "meses", "mesi", "mois", "monate", "maanden")
	// instalmentTermWords say how often or how easily part payments fall, between the count and
	// the instalment word or after it ("12 monthly payments", "3 easy payments", "12 cuotas
	// mensuales", "0% APR").
	instalmentTermWords = set("monthly", "weekly", "fortnightly", "biweekly", "easy", "equal", "apr",
		"monatliche", "mensuales", "mensais", "mensili", "havi", "aylık", "miesięcznych", "měsíčních")
	// instalmentJoinWords join the instalment word to the amount of each payment ("4 payments
	// of", "12 cuotas de", "24 Monatsraten à", "3 rate da", "10 rat po", "12 Raten zu", "3
	// termijnen van", "6 weekly payments from", "10 rat x").
	instalmentJoinWords = set("of", "from", "at", "à", "a", "á", "de", "da", "di", "von", "zu", "je", "van",
		"po", "por", "x", "×")
	// interestWords name the interest or fees a split payment is said to be without ("sem juros",
	// "sin interés", "sans frais", "senza interessi", "interest-free").
	interestWords = set("juros", "interés", "interes", "intereses", "interest", "frais", "interessi", "odsetek",
		"zinsen", "faiz")
	// withoutWords say "without" before an interest word ("sans frais", "sem juros", "bez odsetek").
	withoutWords = set("sans", "sem", "sin", "senza", "without", "ohne", "bez", "no")
	// noInterestWords say on their own that a split payment bears no interest ("zinsfrei").
	noInterestWords = set("zinsfrei", "zinslos", "faizsiz")
	// orWords join a part payment to the price ("R$ 99,90 ou 3x R$ 33,30", "ou 4x 24,99 €"). The
	// Dutch "of" is the English "of" of "Pack of 2 x £4.99" unless an amount stands right before
	// it ("€ 99,99 of 3x € 33,33"; see orBefore).
	orWords = set("or", "ou", "o", "oder", "of", "eller", "albo", "nebo", "vagy", "veya", "em", "en", "in")
	// shippingFeeWords name what "frais" (fees) are for when they are delivery fees, not
	// interest ("sans frais de port", "sans frais de livraison", "frais d'envoi").
	shippingFeeWords = set("port", "envoi", "expédition", "transport")
	// pointsWords count loyalty points or a shop's own credits, which are no money.
	pointsWords = set("points", "point", "pts", "pt", "punkte", "punkten", "puntos", "pontos", "punti",
		"poäng", "poeng", "pisteet", "pistettä", "баллов", "балла", "баллы", "бонусов", "бонуса", "балів", "бали")
	// pointsPrefixes start the words for points in scripts written without spaces
	// ("1,200ポイント", "120ポイント還元", "1,200 포인트", "500积分").
	pointsPrefixes = []string{"ポイント", "포인트", "积分", "積分"}
	// loyaltyWords name a loyalty scheme between a count and its points word ("129 bonus
	// points", "2.000 Payback Punkte").
	loyaltyWords = set("bonus", "payback", "reward", "rewards", "loyalty", "club", "treue", "prämien")
)

// termParts are the numbers of a string that price a part payment (each) or count those
// payments (count), and what the string says of each number's tax (tax). Its slices are nil when
// the string has none.
type termParts struct {
	each, count []bool
	tax         []int8
}

// wordIn reports whether w, as lowerWord spells it, is one of words. Short ASCII words, most of
// what a price string holds, are lowered on the stack so that the look-up allocates nothing.
func wordIn(words map[string]bool, w string) bool {
	var buf [16]byte
	b := buf[:0]
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 0x80 || len(b) == len(buf):
			return words[lowerWord(w)]
		case c == '.':
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return words[string(b)]
}

// marked reports whether parts marks the number at k.
func marked(parts []bool, k int) bool { return parts != nil && parts[k] }

// mark sets (*parts)[k], making the slice when it is first needed.
func mark(parts *[]bool, n, k int) {
	if *parts == nil {
		*parts = make([]bool, n)
	}
	(*parts)[k] = true
}

// taxAt is what tp says of the tax in the number at k.
func (tp termParts) taxAt(k int) int8 {
	if tp.tax == nil || tp.tax[k] == taxBoth {
		return taxUnsaid
	}
	return tp.tax[k]
}

// findTerms marks the part payments and their counts in toks, and the prices before and with
// tax when the string has both (see taxReadings). Each takes two numbers, so a string with
// fewer is not searched.
func findTerms(toks []token, s, decimal string) termParts {
	var tp termParts
	numbers := 0
	for _, t := range toks {
		if t.kind == tokNumber {
			numbers++
		}
	}
	if numbers < 2 {
		return tp
	}
	for i, t := range toks {
		if t.kind == tokNumber {
			if each := instalmentAfter(toks, i, s); each > i {
				mark(&tp.count, len(toks), i)
				mark(&tp.each, len(toks), each)
			}
		}
	}
	markMonthly(toks, s, decimal, &tp)
	tp.tax = taxReadings(toks, s, decimal)
	return tp
}

// instalmentAfter returns the index of the part payment whose count is the number at toks[i],
// or -1: a whole number of one or two digits, two or more (one payment is the price), then a
// word for instalments (see instalmentWordAfter) and the amount (see partPaymentAfter): "4
// interest-free payments of $25.00", "12 cuotas sin interés de $ 1.083". A count written with
// "x" ("10x de R$ 129,99", "ou 4x 24,99 € sans frais") counts part payments when "de" follows
// it, a word for "or" comes before it, or the amount is followed by words saying the payments
// bear no interest; "2 x 24,99 €" alone, or with "+ frais de port" (delivery fees), is two
// items.
func instalmentAfter(toks []token, i int, s string) int {
	n := toks[i].num
	if len(n.groups) != 1 || len(n.groups[0]) > 2 || n.leading != "" || n.trailing != "" || n.percent || n.minus ||
		i > 0 && toks[i-1].kind == tokSymbol {
		return -1
	}
	if c := strings.TrimLeft(n.groups[0], "0"); c == "" || c == "1" {
		return -1 // one payment is the price paid at once: "1x de R$ 99,90 sem juros"
	}
	j := i + 1
	if j >= len(toks) || !isTimes(toks[j], s) {
		if w := instalmentWordAfter(toks, i, s); w > i {
			return partPaymentAfter(toks, i, w, s)
		}
		if payInCount(toks, i, s) {
			return partPaymentAfter(toks, i, i, s) // "Pay in 3 of R 333 R 999"
		}
		return -1
	}
	each := -1
	for j, k := j+1, 0; j < len(toks) && k <= 4 && each < 0; j, k = j+1, k+1 {
		switch t := toks[j]; t.kind {
		case tokNumber:
			if !t.num.percent {
				each = j
			}
		case tokPunct:
			if t.text(s) != "%" {
				return -1
			}
		}
	}
	if each < 0 {
		return -1
	}
	byDe := toks[i+2].kind == tokWord && strings.EqualFold(toks[i+2].text(s), "de")
	if !byDe && !orBefore(toks, i, s) && !noInterestAfter(toks, each, s) {
		return -1
	}
	return each
}

// instalmentWordAfter returns the index of the word for instalments that the count at toks[i]
// counts, or -1: the word right after the count, or after words saying how often or on what
// terms the payments fall ("4 interest-free payments", "6 weekly interest-free payments", "12
// monthly payments", "3 easy payments"). Any other word between ends the search: "27 Zoll MSI"
// is a screen size and a brand, "Monitor 27 Zoll MSI 249,00 €" a price. The Italian "rate"
// counts only right after its count ("3 rate da 33,33 €"; "1 day rate £45.00" is a rate). A
// word for months is one when words on interest follow it ("12 meses sin intereses de $291.58",
// "6 months interest-free at £25.00"), since months of no interest are monthly payments.
func instalmentWordAfter(toks []token, i int, s string) int {
	for j := i + 1; j < len(toks) && j <= i+5; j++ {
		t := toks[j]
		switch {
		case t.kind == tokWord && (wordIn(instalmentWords, t.text(s)) || j == i+1 && wordIn(bareInstalmentWords, t.text(s))):
			return j
		case t.kind == tokWord && wordIn(monthWords, t.text(s)) && interestTermAt(toks, j+1, s):
			return j // "12 meses sin intereses de $291.58"
		case !instalmentTermAt(toks, j, s):
			return -1
		}
	}
	return -1
}

// partPaymentAfter returns the index of the amount of each part payment after the instalment
// word at toks[w] whose count is the number at toks[i], or -1. The amount follows the word
// right away, or after words on interest ("sin interés", "0%", "senza interessi") and one word
// joining it ("of", "de", "à", "da", "po", "von", "zu", "x"), then its currency sign. Any other
// word between ends the search: a price label ("10 rat 0% Cena 2 999 zł"), terms of credit
// ("36 Raten 0% Sollzins Gesamtpreis 1.799,00 €"), a word that only spells an instalment word
// ("2 rat traps £5.99"). An amount with no joining word is a part payment only when the string
// prices the item elsewhere ("12.999 TL 6 taksit 2.166,50 TL"); alone it is the price the
// instalments pay off ("12 Monatsraten 0% 1.199,00 €", "5 Raten 199,00 €").
func partPaymentAfter(toks []token, i, w int, s string) int {
	j := w + 1
	for j < len(toks) && instalmentTermAt(toks, j, s) {
		j++
	}
	joined := j < len(toks) && (toks[j].kind == tokWord || toks[j].kind == tokPunct) && wordIn(instalmentJoinWords, toks[j].text(s))
	if joined {
		j++
	}
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j >= len(toks) || toks[j].kind != tokNumber || toks[j].num.percent {
		return -1
	}
	if !joined && !pricedElsewhere(toks, i, j) {
		return -1
	}
	return j
}

// instalmentTermAt reports whether toks[j] says how often or on what terms part payments fall:
// a rate ("0%", "0 %", "APR"), a word for how often or how easy ("monthly", "weekly", "easy"),
// or one on interest ("interest-free", "sin interés", "sem juros", "zinsfrei").
func instalmentTermAt(toks []token, j int, s string) bool {
	switch t := toks[j]; t.kind {
	case tokNumber:
		return t.num.percent || j+1 < len(toks) && toks[j+1].kind == tokPunct && toks[j+1].text(s) == "%"
	case tokPunct:
		return t.text(s) == "%" || t.text(s) == "-"
	case tokWord:
		w := t.text(s)
		return wordIn(instalmentTermWords, w) || wordIn(interestWords, w) || wordIn(withoutWords, w) ||
			wordIn(noInterestWords, w) || wordIn(freeWords, w)
	}
	return false
}

// interestTermAt reports whether toks[j] starts words on interest: "sin intereses", "interest-free",
// "zinsfrei", "0%".
func interestTermAt(toks []token, j int, s string) bool {
	if j >= len(toks) || !instalmentTermAt(toks, j, s) {
		return false
	}
	if toks[j].kind != tokWord {
		return toks[j].kind == tokNumber
	}
	w := toks[j].text(s)
	return wordIn(interestWords, w) || wordIn(withoutWords, w) || wordIn(noInterestWords, w)
}

// pricedElsewhere reports whether a number other than the count at toks[i] and the amount at
// toks[each] stands beside a currency sign.
func pricedElsewhere(toks []token, i, each int) bool {
	for k, t := range toks {
		if k != i && k != each && t.kind == tokNumber && !t.num.percent && adjacentSymbol(toks, k) {
			return true
		}
	}
	return false
}

// orBefore reports whether a word for "or" stands right before the count at toks[i]; the Dutch
// "of" counts only right after an amount ("€ 99,99 of 3x € 33,33"), since the English one
// follows a pack's name ("Pack of 2 x £4.99", "Sold in packs of 6 x £1.20").
func orBefore(toks []token, i int, s string) bool {
	if i == 0 || toks[i-1].kind != tokWord || !wordIn(orWords, toks[i-1].text(s)) {
		return false
	}
	if !strings.EqualFold(toks[i-1].text(s), "of") {
		return true
	}
	return i >= 2 && (toks[i-2].kind == tokNumber || toks[i-2].kind == tokSymbol)
}

// isTimes reports whether t is the "x" or "×" of "10x de", "12 x 108,25 €".
func isTimes(t token, s string) bool {
	text := t.text(s)
	return (t.kind == tokWord || t.kind == tokPunct) && (text == "x" || text == "X" || text == "×")
}

// noInterestAfter reports whether the words right after the amount at toks[i] (and its currency
// sign) say a split payment bears no interest: "sans frais", "sem juros", "sin interés",
// "interest-free", "zinsfrei". Words further on say other things ("2 x 24,99 € + frais de
// port", "4 x 1,99 € produits frais"), and so do fees for delivery ("2 x 12,50 € sans frais de
// port": free delivery).
func noInterestAfter(toks []token, i int, s string) bool {
	j := i + 1
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	word := func(k int, words map[string]bool) bool {
		return k < len(toks) && toks[k].kind == tokWord && wordIn(words, toks[k].text(s))
	}
	switch {
	case word(j, noInterestWords):
		return true
	case word(j, withoutWords):
		return word(j+1, interestWords) && !deliveryFeesAt(toks, j+1, s)
	case word(j, interestWords): // "interest-free", "interest free"
		k := j + 1
		if k < len(toks) && toks[k].kind == tokPunct && toks[k].text(s) == "-" {
			k++
		}
		return word(k, freeWords)
	}
	return false
}

// deliveryFeesAt reports whether the fees word at toks[i] ("frais") names delivery fees: "de",
// "du" or "d'" and a word for delivery follow ("frais de port", "frais de livraison", "frais
// d'envoi").
func deliveryFeesAt(toks []token, i int, s string) bool {
	j := i + 1
	if j < len(toks) && toks[j].kind == tokWord {
		switch w := strings.ToLower(toks[j].text(s)); w {
		case "de", "du", "d":
			j++
		default:
			if rest, ok := strings.CutPrefix(w, "d'"); ok {
				return shippingFeeWords[rest] || shippingWords[rest]
			}
		}
	}
	for j < len(toks) && toks[j].kind == tokPunct && (toks[j].text(s) == "'" || toks[j].text(s) == "’") {
		j++
	}
	if j >= len(toks) || toks[j].kind != tokWord {
		return false
	}
	w := lowerWord(toks[j].text(s))
	return shippingFeeWords[w] || shippingWords[w]
}

// pointsAt reports whether the number at toks[i] counts loyalty points, not money: a whole
// number ("19.99 points" has cents) with no currency sign beside it and a word for points right
// after it, or after a loyalty scheme's name ("1,299 points", "129 bonus points", "2.000
// Payback Punkte", "1,200ポイント"). A number after the points word is the one it counts
// ("Price 129 Reward points 20") unless it has cents, which points never do ("Earn 2,499 points
// 24.99"), and other words between say something else ("19.99 earn
// points").
func pointsAt(toks []token, i int, s string) bool {
	n := toks[i].num
	if adjacentSymbol(toks, i) || len(n.groups) > 1 && len(n.groups[len(n.groups)-1]) != 3 {
		return false
	}
	j := i + 1
	if j < len(toks) && toks[j].kind == tokWord && wordIn(loyaltyWords, toks[j].text(s)) {
		j++
	}
	if j >= len(toks) || toks[j].kind != tokWord || !isPointsWord(toks[j].text(s)) {
		return false
	}
	k := j + 1
	for k < len(toks) && toks[k].kind == tokPunct && toks[k].text(s) == ":" {
		k++
	}
	return k >= len(toks) || toks[k].kind != tokNumber || hasDecimals(toks[k].text(s))
}

// isPointsWord reports whether w is a word for loyalty points.
func isPointsWord(w string) bool {
	if wordIn(pointsWords, w) {
		return true
	}
	for _, p := range pointsPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}
