package pricing

// Prices before tax beside prices with it ("£41.66 ex VAT £49.99 inc VAT", "41,66 € HT 49,99 €
// TTC", "Brutto 125,82 € Netto 105,73 €"): the marks that say which, the numbers they mark,
// and the amounts marked with tax that are no partner of a price before tax.

var (
	// exTaxWords go before a tax word to say a price leaves the tax out ("ex VAT", "excl. BTW",
	// "zzgl. MwSt.", "+ IVA", "bez DPH", "sin IVA", "hors taxes").
	exTaxWords = set("ex", "exc", "excl", "exkl", "excluding", "exclusive", "exclusief", "exclusivo", "hors",
		"zzgl", "zuzüglich", "plus", "sin", "sem", "senza", "bez", "без", "+", "ohne", "sans", "without")
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
	// exTaxAlone say on their own that a price leaves the tax out ("41,66 € HT", "105,73 € netto",
	// "税抜 3,619円", "本体価格 ¥3,000": the price of the item itself, before tax).
	exTaxAlone = set("ht", "netto", "nett", "税抜", "税抜き", "税別", "税抜価格", "本体価格")
	// inclTaxAlone say on their own that a price includes the tax ("49,99 € TTC", "Brutto 125,82 €",
	// "税込 3,980円").
	inclTaxAlone = set("ttc", "brutto", "税込", "税込み", "税込価格")
	// feeWords name a charge beside the item's price, such as its delivery or fitting ("delivery
	// £4.99 inc VAT", "installation £120.00 inc VAT", "éco-participation 1,20 € TTC").
	feeWords = set("fee", "fees", "charge", "charges", "surcharge", "installation", "fitting", "carriage",
		"participation", "écoparticipation", "ecoparticipation", "écotaxe", "ecotax", "deposit", "pfand", "frais",
		"gebühr", "gebühren", "kosten", "spese", "gastos")
)

// Tax readings of a number (termParts.tax).
const (
	taxUnsaid   int8 = iota
	taxExcluded      // "£41.66 ex VAT", "41,66 € HT"
	taxIncluded      // "£49.99 inc VAT", "49,99 € TTC"
	taxBoth          // marks on both sides of the number disagree: read as unsaid
)

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
// soit 49,99 € TTC"). A quantity with its unit is no price ("Netto 1,2 kg / Brutto 1,5 kg"); a
// fee, a regular price or an amount below the price before tax is no price with tax beside it
// (see dropFalseInclPartners).
func taxReadings(toks []token, s, decimal string) []int8 {
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
		} else if openingBefore(toks, i, s) {
			// "¥3,000 (税込 ¥3,300)": the mark opens its own aside, whose words may end with the
			// dot of an abbreviation ("€ 41,32 (inkl. MwSt. € 50,00)").
			k = numberAfterMark(toks, end+dotAt(toks, end, s), s)
		}
		if k < 0 {
			k = numberBeforeMark(toks, i, s)
		}
		if k < 0 && !before {
			k = numberAfterMark(toks, end, s)
		}
		if k >= 0 && isUnitWord(toks, k+1, s) {
			k = -1 // "Netto 1,2 kg / Brutto 1,5 kg": net and gross weights
		}
		if k >= 0 {
			if tax[k] != taxUnsaid && tax[k] != reading {
				reading = taxBoth
			}
			tax[k] = reading
		}
		i = end - 1
	}
	dropFalseInclPartners(toks, tax, s, decimal)
	for _, r := range tax {
		sawEx = sawEx || r == taxExcluded
		sawIncl = sawIncl || r == taxIncluded
	}
	if sawIncl && !sawEx {
		sawEx = markUnmarkedNet(toks, tax, s, decimal)
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

// dropFalseInclPartners unmarks the numbers tax marks as with tax that are no partner of a
// price before tax: one labelled as a fee, a delivery charge or a regular price ("£41.66 ex
// VAT, delivery £4.99 inc VAT", "£41.66 ex VAT (RRP £59.99 inc VAT)", "Was £59.99 inc VAT"),
// and one below every price before tax, since a price with tax is never less than the same price
// without it ("41,66 € HT + éco-participation 1,20 € TTC").
func dropFalseInclPartners(toks []token, tax []int8, s, decimal string) {
	var lowestEx int64 = -1
	for k, r := range tax {
		if r != taxExcluded {
			continue
		}
		if a, ok := toks[k].num.interpret(decimal, ""); ok {
			if v := a.minorUnits(3); lowestEx < 0 || v < lowestEx {
				lowestEx = v
			}
		}
	}
	for k, r := range tax {
		if r != taxIncluded {
			continue
		}
		if a, ok := toks[k].num.interpret(decimal, ""); ok && a.minorUnits(3) < lowestEx || chargeLabelBefore(toks, k, s) {
			tax[k] = taxUnsaid
		}
	}
}

// chargeLabelBefore reports whether a word for a fee, for delivery or for a regular price
// stands among the two words before the number at toks[k], after the number before it, with
// only signs and punctuation besides ("Delivery: £5.99", "(RRP £59.99", "zzgl. Versand 5,95 €").
func chargeLabelBefore(toks []token, k int, s string) bool {
	words := 0
	for j := k - 1; j >= 0 && words < 2; j-- {
		switch t := toks[j]; t.kind {
		case tokNumber:
			return false
		case tokWord:
			words++
			w := lowerWord(t.text(s))
			if feeWords[w] || shippingWords[w] || labelWords[w] == labelRegular {
				return true
			}
		}
	}
	return false
}

// maxTaxRatio bounds a price with tax over the same price without it, in thousandths: the
// highest VAT rates are 27%.
const maxTaxRatio = 1300

// markUnmarkedNet marks as before tax an unmarked number written right before the first number
// marked with tax, when that one is in parentheses that open with its mark and is above it by a
// tax rate at most ("¥3,000 (税込 ¥3,300)", "¥12,000(税込¥13,200)", "€ 41,32 (inkl. MwSt. €
// 50,00)"): the price with tax is the one paid, as when both are marked. A mark after the number
// in parentheses leaves the first price the amount ("34.12 (40.94 inc VAT)", as the real price
// strings expect), and so does a higher or much lower number before (a regular price, a fee) or
// a mark after two prices without parentheses, a note on both ("12,99 €14,99 € inkl. MwSt."). It
// reports whether it marked one.
func markUnmarkedNet(toks []token, tax []int8, s, decimal string) bool {
	incl := -1
	for k, r := range tax {
		if r == taxIncluded {
			incl = k
			break
		}
	}
	prev, paren := -1, false
	for k := incl - 1; k >= 0; k-- {
		if toks[k].kind == tokNumber {
			prev = k
			break
		}
		// The mark stands between the parenthesis and its number: "(税込 ¥3,300)".
		if end, r := taxMark(toks, k, s); end > k && r == taxIncluded && k > 0 && openingBefore(toks, k, s) {
			paren = true
		}
	}
	if prev < 0 || !paren || toks[prev].num.percent || tax[prev] != taxUnsaid {
		return false
	}
	net, okN := toks[prev].num.interpret(decimal, "")
	gross, okG := toks[incl].num.interpret(decimal, "")
	if !okN || !okG {
		return false
	}
	n, g := net.minorUnits(3), gross.minorUnits(3)
	if n <= 0 || g <= n || g*1000 > n*maxTaxRatio {
		return false
	}
	tax[prev] = taxExcluded
	return true
}

// dotAt is 1 when toks[i] is a dot, else 0.
func dotAt(toks []token, i int, s string) int {
	if i < len(toks) && toks[i].kind == tokPunct && toks[i].text(s) == "." {
		return 1
	}
	return 0
}

// openingBefore reports whether an opening parenthesis stands right before toks[i].
func openingBefore(toks []token, i int, s string) bool {
	return i > 0 && toks[i-1].kind == tokPunct && toks[i-1].text(s) == "("
}
