package pricing

// Monthly payments written beside the price they pay off: "$999 or $83.25/mo.", "€ 29,99 /
// Monat 599,00 €", "月々 2,980円 一括 71,520円", "월 29,900원 … 358,800원", and part payments
// counted after "Pay in" ("Pay in 3 of R 333 R 999").

var (
	// monthlyBefore say before an amount that it is paid each month ("月々", "月額", "毎月",
	// "월", "매월", "monthly").
	monthlyBefore = set("月々", "月額", "毎月", "월", "매월", "monthly")
	// monthWords name the month after "/" or "per" ("/mo.", "per month", "/Monat", "al mes",
	// "par mois", "/mês", "/měsíc", "/mies.", "/mnd", "/kk").
	monthUnits = set("mo", "mos", "mth", "mths", "month", "monat", "mes", "mois", "mês", "mese", "měsíc",
		"mesiac", "mies", "miesiąc", "mnd", "mån", "månad", "måned", "kk", "hó", "ay", "ayda", "maand", "mėn")
	// monthlyAfter say after an amount that it is paid each month ("24,99 € mtl.", "monatlich",
	// "p.m.", "mensuel").
	monthlyAfter = set("mtl", "monatlich", "monthly", "pm", "mensuel", "mensuels", "mensual", "mensal", "mensile",
		"maandelijks", "månedlig", "månadsvis", "miesięcznie", "měsíčně", "havonta", "aylık", "ежемесячно")
	// monthJoinWords stand between an amount and a month word ("per month", "a month", "al mes",
	// "par mois", "pro Monat", "im Monat", "al mese", "per maand", "za miesiąc").
	monthJoinWords = set("per", "a", "al", "par", "pro", "im", "/", "za", "each", "every", "un", "in", "le")
)

// monthlyAt reports whether the amount at toks[i] is written as paid each month (see
// monthlyBefore, monthUnits, monthlyAfter).
func monthlyAt(toks []token, i int, s string) bool {
	return periodAt(toks, i, s, monthlyBefore, nil, monthlyAfter, monthUnits)
}

// periodAt reports whether the amount at toks[i] is written as paid each period: a word of
// before stands before it and its signs (with a word of join between: "billed annually at
// $119.88"), a word of after right after them ("$9.99 monthly"), or a word of monthJoinWords
// and then one of units ("$9.99 per month", "$83.25/mo.").
func periodAt(toks []token, i int, s string, before, join, after, units map[string]bool) bool {
	k := i - 1
	for k >= 0 && toks[k].kind == tokSymbol {
		k--
	}
	if k >= 1 && toks[k].kind == tokWord && wordIn(join, toks[k].text(s)) {
		k--
	}
	if k >= 0 && toks[k].kind == tokWord && wordIn(before, toks[k].text(s)) {
		return true
	}
	j := i + 1
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j >= len(toks) || toks[j].kind != tokWord && toks[j].kind != tokPunct {
		return false
	}
	if toks[j].kind == tokWord && wordIn(after, toks[j].text(s)) {
		return true
	}
	return wordIn(monthJoinWords, toks[j].text(s)) && j+1 < len(toks) && toks[j+1].kind == tokWord &&
		wordIn(units, toks[j+1].text(s))
}

// markMonthly marks as part payments the amounts written as paid each month when the string
// also prices the item at once (see paidAtOnce): "$999 or $83.25/mo.". A monthly amount alone
// is the price ("月額 980円"), and so is one beside a fee, a delivery charge, a saving, a
// threshold or a yearly price ("$9.99/mo + $4.99 shipping", "$29/month or $290/year").
func markMonthly(toks []token, s, decimal string, tp *termParts) {
	var monthly, once []int
	for i, t := range toks {
		if t.kind != tokNumber || t.num.percent || marked(tp.count, i) {
			continue
		}
		switch {
		case monthlyAt(toks, i, s):
			monthly = append(monthly, i)
		case signed(toks, i, s) && !marked(tp.each, i): // not "2024 $22.99/mo"
			once = append(once, i)
		}
	}
	if len(monthly) == 0 || len(once) == 0 {
		return
	}
	most := int64(-1)
	for _, i := range monthly {
		a, ok := toks[i].num.interpret(decimal, "")
		if !ok {
			return
		}
		most = max(most, a.minorUnits(3))
	}
	for _, i := range once {
		if paidAtOnce(toks, i, s, decimal, most) {
			for _, k := range monthly {
				mark(&tp.each, len(toks), k)
			}
			return
		}
	}
}

// minMonthsPaid bounds the price paid at once over the largest monthly amount beside it: a
// price that monthly payments pay off is at least two of them (most run 3 to 36 months), so a
// smaller amount is a fee or a delivery charge ("$35/month + $50 activation fee", "£30/month,
// £0 upfront").
const minMonthsPaid = 2

// paidAtOnce reports whether the amount at toks[i] is a price paid at once beside monthly
// amounts of at most monthly (in thousandths): at least minMonthsPaid of them, not paid yearly
// ("$290/year", "Yearly $99.99"), and not labelled a saving, a threshold, a fee, a regular price
// or a value, nor a reward ("Save $20", "$5 off", "over $35", "joining fee £10", "Was £40 Now
// £15 a month", "Retail value $120", "$100 gift card", "£50 cashback").
func paidAtOnce(toks []token, i int, s, decimal string, monthly int64) bool {
	a, ok := toks[i].num.interpret(decimal, "")
	if !ok || a.minorUnits(3) < minMonthsPaid*monthly || yearlyAt(toks, i, s) {
		return false
	}
	k := i - 1
	for k >= 0 && (toks[k].kind == tokSymbol || toks[k].kind == tokPunct && toks[k].text(s) == ":") {
		k-- // "Was: $59.99"
	}
	if k >= 0 && toks[k].kind == tokWord {
		w := lowerWord(toks[k].text(s))
		if l := labelWords[w]; l == labelSaving || l == labelThreshold || l == labelRegular || shippingWords[w] ||
			feeWords[w] || signUpWords[w] || valueWords[w] {
			return false
		}
	}
	j := i + 1
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j < len(toks) && toks[j].kind == tokWord {
		w := lowerWord(toks[j].text(s))
		if afterSaving[w] || afterThreshold[w] || shippingWords[w] || feeWords[w] || signUpWords[w] || valueWords[w] {
			return false
		}
	}
	for n := 0; j < len(toks) && n < 3 && toks[j].kind == tokWord; j, n = j+1, n+1 {
		if wordIn(rewardWords, toks[j].text(s)) {
			return false // "$100 Amazon gift card", "$50 Visa prepaid card"
		}
	}
	return true
}

var (
	// yearUnits name the year after "/" or "per" ("/yr", "per year", "/Jahr", "par an", "al
	// año", "/år").
	yearUnits = set("yr", "yrs", "year", "jahr", "an", "año", "ano", "anno", "år", "jaar", "rok", "annum")
	// yearlyWords say before or after an amount that it is paid each year ("Yearly $99.99",
	// "$99 annually", "99 € jährlich", "p.a.").
	yearlyWords = set("yearly", "annual", "annually", "jährlich", "jährliche", "pa", "annuel", "anual", "annuale",
		"jaarlijks", "årlig", "rocznie")
	// signUpWords name, besides feeWords, a charge paid once when a monthly price starts
	// ("activation fee", "joining", "set-up", "Anschlussgebühr", "£0 upfront"), a deposit or a
	// down payment ("200 € Kaution", "caution 300 €", "$2,999 due at signing") or
	// an insurance's excess ("$250 deductible").
	signUpWords = set("activation", "joining", "setup", "set-up", "connection", "anschlussgebühr", "upfront",
		"kaution", "mietkaution", "caution", "cauzione", "fianza", "depósito", "borg", "waarborg", "depositum",
		"kaucja", "due", "down", "anzahlung", "deductible", "selbstbeteiligung", "excess")
	// valueWords name what an item or a plan is worth, not what it costs ("Retail value $120",
	// "$120 value").
	valueWords = set("value", "valued", "worth", "wert", "valeur", "valor", "valore", "waarde")
	// rewardWords follow an amount the shopper gets, not pays, within its next three words ("$100
	// gift card", "£50 cashback", "$200 credit", "$50 Visa prepaid card", "€ 50 Gutschein").
	rewardWords = set("gift", "giftcard", "cashback", "credit", "voucher", "bonus", "rebate", "reward", "rewards", "prepaid",
		"gutschein", "guthaben", "prämie", "bon", "tegoedbon")
	// yearlyJoinWords stand between a yearly word and its amount ("billed annually at $119.88").
	yearlyJoinWords = set("at", "of", "à", "de", "von", "zu")
)

// yearlyAt reports whether the amount at toks[i] is written as paid each year (see yearUnits,
// yearlyWords).
func yearlyAt(toks []token, i int, s string) bool {
	return periodAt(toks, i, s, yearlyWords, yearlyJoinWords, yearlyWords, yearUnits)
}

// payInCount reports whether the count at toks[i] follows "pay in" or "split in" ("Pay in 3 of
// R 333", "Pay in 4 interest-free payments of $12.50"), which counts part payments.
func payInCount(toks []token, i int, s string) bool {
	if i < 2 || toks[i-1].kind != tokWord || toks[i-2].kind != tokWord || lowerWord(toks[i-1].text(s)) != "in" {
		return false
	}
	w := lowerWord(toks[i-2].text(s))
	return w == "pay" || w == "split"
}
