package pricing

import "strings"

// Amounts that are not what the item costs a shopper who buys it now: a part payment
// ("4 payments of $25.00", "10x de R$ 129,99", "12 cuotas de $ 1.083"), a price before tax
// beside the price with it ("£41.66 ex VAT £49.99 inc VAT", "41,66 € HT 49,99 € TTC"), loyalty
// points ("1,299 points", "1,200ポイント").

var (
	// instalmentWords name the part payments a price is split into, after their count
	// ("4 payments of", "12 cuotas de", "24 Monatsraten à", "12 MSI de", "10 rat po").
	instalmentWords = set("payment", "payments", "installment", "installments", "instalment", "instalments",
		"cuota", "cuotas", "mensualidades", "msi", "parcela", "parcelas", "prestações", "rate", "raten",
		"monatsraten", "mensualités", "termijnen", "rat", "splátek", "splátky", "részlet", "taksit")
	// interestWords name the interest or fees a split payment is said to be without ("sem juros",
	// "sin interés", "sans frais", "senza interessi", "interest-free").
	interestWords = set("juros", "interés", "interes", "intereses", "interest", "frais", "interessi", "odsetek",
		"zinsen", "faiz")
	// withoutWords say "without" before an interest word ("sans frais", "sem juros", "bez odsetek").
	withoutWords = set("sans", "sem", "sin", "senza", "without", "ohne", "bez", "no")
	// noInterestWords say on their own that a split payment bears no interest ("zinsfrei").
	noInterestWords = set("zinsfrei", "zinslos", "faizsiz")
	// orWords join a part payment to the price ("R$ 99,90 ou 3x R$ 33,30", "ou 4x 24,99 €").
	orWords = set("or", "ou", "o", "oder", "of", "eller", "albo", "nebo", "vagy", "veya", "em", "en", "in")
	// exTaxWords go before a tax word to say a price leaves the tax out ("ex VAT", "excl. BTW",
	// "zzgl. MwSt.", "+ IVA", "bez DPH", "sin IVA", "hors taxes").
	exTaxWords = set("ex", "exc", "excl", "exkl", "excluding", "exclusive", "exclusief", "exclusivo", "hors",
		"zzgl", "zuzüglich", "plus", "sin", "sem", "senza", "bez", "без", "+")
	// inclTaxWords go before a tax word to say a price includes the tax ("inc VAT", "inkl.
	// MwSt.", "incl. btw", "TVA incluse", "con IVA", "s DPH", "z VAT").
	inclTaxWords = set("inc", "incl", "including", "inclusive", "inkl", "inklusive", "inclusief", "incluido",
		"incluida", "incluso", "inclusa", "incluse", "inclus", "included", "incluído", "incluída", "con", "com",
		"avec", "with", "s", "z", "с", "з")
	// exTaxAfterWords go after a tax word to say a price leaves it out ("IVA excluido").
	exTaxAfterWords = set("excluido", "excluida", "excluído", "excluída", "esclusa", "escluso", "exclue",
		"excluded", "excl", "exkl")
	// taxWords name the tax a price includes or leaves out.
	taxWords = set("vat", "tax", "taxes", "taxe", "mwst", "ust", "btw", "tva", "iva", "igv", "gst", "hst",
		"dph", "áfa", "afa", "kdv", "ндс", "пдв", "moms", "mva", "alv", "ppn")
	// exTaxAlone say on their own that a price leaves the tax out ("41,66 € HT", "105,73 € netto").
	exTaxAlone = set("ht", "netto", "nett")
	// inclTaxAlone say on their own that a price includes the tax ("49,99 € TTC", "Brutto 125,82 €").
	inclTaxAlone = set("ttc", "brutto")
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

// Tax readings of a number (termParts.tax).
const (
	taxUnsaid   int8 = iota
	taxExcluded      // "£41.66 ex VAT", "41,66 € HT"
	taxIncluded      // "£49.99 inc VAT", "49,99 € TTC"
	taxBoth          // marks on both sides of the number disagree: read as unsaid
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
func findTerms(toks []token, s string) termParts {
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
	tp.tax = taxReadings(toks, s)
	return tp
}

// instalmentAfter returns the index of the part payment whose count is the number at toks[i],
// or -1: a whole number of one or two digits, up to three words ("interest-free", "monthly")
// and a word for instalments, then up to four words, signs or rates ("of", "sin interés de",
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
	j := i + 1
	times := j < len(toks) && isTimes(toks[j], s)
	if times {
		j++
	} else {
		for k := 0; ; k++ {
			if j >= len(toks) || k > 3 || toks[j].kind == tokNumber || toks[j].kind == tokSymbol {
				return -1
			}
			if toks[j].kind == tokWord && wordIn(instalmentWords, toks[j].text(s)) {
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
	byOr := i > 0 && toks[i-1].kind == tokWord && wordIn(orWords, toks[i-1].text(s))
	if !byDe && !byOr && !noInterestAfter(toks, each, s) {
		return -1
	}
	return each
}

// isTimes reports whether t is the "x" or "×" of "10x de", "12 x 108,25 €".
func isTimes(t token, s string) bool {
	text := t.text(s)
	return (t.kind == tokWord || t.kind == tokPunct) && (text == "x" || text == "X" || text == "×")
}

// noInterestAfter reports whether the words right after the amount at toks[i] (and its currency
// sign) say a split payment bears no interest: "sans frais", "sem juros", "sin interés",
// "interest-free", "zinsfrei". Words further on say other things ("2 x 24,99 € + frais de
// port", "4 x 1,99 € produits frais").
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
		return word(j+1, interestWords)
	case word(j, interestWords): // "interest-free", "interest free"
		k := j + 1
		if k < len(toks) && toks[k].kind == tokPunct && toks[k].text(s) == "-" {
			k++
		}
		return word(k, freeWords)
	}
	return false
}

// taxMark returns the end (exclusive token index) of a mark at toks[i] saying whether a price
// includes the tax, and which (taxExcluded or taxIncluded); end is i when there is none. A
// mark is "HT", "netto", "TTC" or "brutto" alone, a word such as "ex", "zzgl.", "+", "inc",
// "inkl." or "con" before a tax word ("ex VAT", "zzgl. 19% MwSt.", "inc. GST", "s DPH"), or a
// tax word before "incluida" or "excluido" ("IVA incluida").
func taxMark(toks []token, i int, s string) (end int, reading int8) {
	if toks[i].kind != tokWord && toks[i].kind != tokPunct {
		return i, taxUnsaid
	}
	w := toks[i].text(s)
	switch {
	case toks[i].kind == tokWord && wordIn(exTaxAlone, w):
		return i + 1, taxExcluded
	case toks[i].kind == tokWord && wordIn(inclTaxAlone, w):
		return i + 1, taxIncluded
	case wordIn(exTaxWords, w):
		reading = taxExcluded
	case toks[i].kind == tokWord && wordIn(inclTaxWords, w):
		reading = taxIncluded
	case toks[i].kind == tokWord && wordIn(taxWords, w):
		j := i + 1
		for j < len(toks) && toks[j].kind == tokPunct && toks[j].text(s) == "." {
			j++
		}
		if j < len(toks) && toks[j].kind == tokWord {
			switch after := toks[j].text(s); {
			case wordIn(inclTaxWords, after):
				return j + 1, taxIncluded
			case wordIn(exTaxAfterWords, after):
				return j + 1, taxExcluded
			}
		}
		return i, taxUnsaid
	default:
		return i, taxUnsaid
	}
	j := i + 1
	for j < len(toks) && (toks[j].kind == tokPunct && (toks[j].text(s) == "." || toks[j].text(s) == "%") ||
		toks[j].kind == tokNumber && toks[j].num.percent) {
		j++
	}
	if j < len(toks) && toks[j].kind == tokWord && wordIn(taxWords, toks[j].text(s)) {
		return j + 1, reading
	}
	return i, taxUnsaid
}

// taxReadings returns what the string says of each number's tax, or nil unless it marks one
// number as before tax and another as with it ("£41.66 ex VAT £49.99 inc VAT", "Brutto 125,82
// € Netto 105,73 €"): a price marked only as before tax is the price the shop shows ("Lot de
// 10 : 41,66 € HT"). Marks follow their numbers ("41,66 € HT 49,99 € TTC") unless the first mark
// stands before the first number, when each mark goes before its number ("Inc VAT £49.99 Ex
// VAT £41.66"); a mark with no number on its side takes the one on the other ("Prix HT 41,66 €
// soit 49,99 € TTC").
func taxReadings(toks []token, s string) []int8 {
	var tax []int8
	firstNumber := -1
	for i, t := range toks {
		if t.kind == tokNumber && !t.num.percent {
			firstNumber = i
			break
		}
	}
	before := false // marks go before their numbers
	sawEx, sawIncl := false, false
	for i := 0; i < len(toks); i++ {
		end, reading := taxMark(toks, i, s)
		if end <= i {
			continue
		}
		if tax == nil {
			before = i < firstNumber
			tax = make([]int8, len(toks))
		}
		k := -1
		if before {
			k = numberAfterMark(toks, end, s)
		}
		if k < 0 {
			k = numberBeforeMark(toks, i, s)
		}
		if k < 0 && !before {
			k = numberAfterMark(toks, end, s)
		}
		if k >= 0 {
			if tax[k] != taxUnsaid && tax[k] != reading {
				reading = taxBoth
			}
			tax[k] = reading
		}
		i = end - 1
	}
	for _, r := range tax {
		sawEx = sawEx || r == taxExcluded
		sawIncl = sawIncl || r == taxIncluded
	}
	if !sawEx || !sawIncl {
		return nil
	}
	return tax
}

// numberBeforeMark returns the index of the number right before the tax mark at toks[i], with
// only currency signs and an opening parenthesis between ("41,66 € HT", "24.71 (exc VAT"), or -1.
func numberBeforeMark(toks []token, i int, s string) int {
	k := i - 1
	for k >= 0 && (toks[k].kind == tokSymbol || toks[k].kind == tokPunct && toks[k].text(s) == "(") {
		k--
	}
	if k >= 0 && toks[k].kind == tokNumber && !toks[k].num.percent {
		return k
	}
	return -1
}

// numberAfterMark returns the index of the number right after a tax mark ending at toks[end],
// with only currency signs and a colon between ("Netto: 105,73 €", "excl. VAT £41.66"), or -1.
func numberAfterMark(toks []token, end int, s string) int {
	j := end
	for j < len(toks) && (toks[j].kind == tokSymbol || toks[j].kind == tokPunct && toks[j].text(s) == ":") {
		j++
	}
	if j < len(toks) && toks[j].kind == tokNumber && !toks[j].num.percent {
		return j
	}
	return -1
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
