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
	k := i - 1
	for k >= 0 && toks[k].kind == tokSymbol {
		k--
	}
	if k >= 0 && toks[k].kind == tokWord && wordIn(monthlyBefore, toks[k].text(s)) {
		return true
	}
	j := i + 1
	for j < len(toks) && toks[j].kind == tokSymbol {
		j++
	}
	if j >= len(toks) || toks[j].kind != tokWord && toks[j].kind != tokPunct {
		return false
	}
	w := toks[j].text(s)
	if toks[j].kind == tokWord && wordIn(monthlyAfter, w) {
		return true
	}
	if !wordIn(monthJoinWords, w) || j+1 >= len(toks) || toks[j+1].kind != tokWord {
		return false
	}
	return wordIn(monthUnits, toks[j+1].text(s))
}

// markMonthly marks as part payments the amounts written as paid each month when the string
// also prices the item at once: an amount with a currency sign beside it that is not paid
// monthly ("$999 or $83.25/mo."). A monthly amount alone is the price ("月額 980円").
func markMonthly(toks []token, s string, tp *termParts) {
	var monthly []int
	once := false
	for i, t := range toks {
		if t.kind != tokNumber || t.num.percent || marked(tp.count, i) {
			continue
		}
		switch {
		case monthlyAt(toks, i, s):
			monthly = append(monthly, i)
		case adjacentSymbol(toks, i) && !marked(tp.each, i):
			once = true
		}
	}
	if !once {
		return
	}
	for _, i := range monthly {
		mark(&tp.each, len(toks), i)
	}
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
