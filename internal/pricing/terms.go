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
	tp.tax = taxReadings(toks, s, decimal)
	return tp
}

// instalmentAfter returns the index of the part payment whose count is the number at toks[i],
// or -1: a whole number of one or two digits, two or more (one payment is the price), up to
// three words ("interest-free", "monthly") with no punctuation but "-" and a word for
// instalments, then up to four words, signs or rates ("of", "sin interés de",
// "0%") and the amount ("4 interest-free payments of $25.00", "12 cuotas sin interés de $ 1.083"). A count
// written with "x" ("10x de R$ 129,99", "ou 4x 24,99 € sans frais") counts part payments when
// "de" follows it, a word for "or" comes before it, or the amount is followed by words saying
// the payments bear no interest; "2 x 24,99 €" alone, or with "+ frais de port" (delivery
// fees), is two items.
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
	times := j < len(toks) && isTimes(toks[j], s)
	if times {
		j++
	} else {
		for k := 0; ; k++ {
			if j >= len(toks) || k > 3 || toks[j].kind == tokNumber || toks[j].kind == tokSymbol ||
				toks[j].kind == tokPunct && toks[j].text(s) != "-" { // "30 days. Payment: $49.99"
				return -1
			}
			if toks[j].kind == tokWord && (wordIn(instalmentWords, toks[j].text(s)) ||
				k == 0 && wordIn(bareInstalmentWords, toks[j].text(s))) {
				break
			}
			j++
		}
		j++
	}
	each := -1
	for k := 0; j < len(toks) && k <= 4 && each < 0; j, k = j+1, k+1 {
		switch t := toks[j]; t.kind {
		case tokNumber:
			if !t.num.percent {
				each = j
			}
		case tokPunct:
			if t.text(s) != "%" { // "10 rat 0% po 129 zł"
				return -1
			}
		}
	}
	if each < 0 || !times {
		return each
	}
	byDe := toks[i+2].kind == tokWord && strings.EqualFold(toks[i+2].text(s), "de")
	byOr := orBefore(toks, i, s)
	if !byDe && !byOr && !noInterestAfter(toks, each, s) {
		return -1
	}
	return each
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
// ("Price 129 Reward points 20"), and other words between say something else ("19.99 earn
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
	return k >= len(toks) || toks[k].kind != tokNumber
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
