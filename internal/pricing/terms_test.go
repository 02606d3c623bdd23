package pricing

import "testing"

// TestParseTerms: part payments, prices before tax beside prices with it, and points are not
// the price while another amount stands; a quantity written with "x", a price before tax with
// no price with tax beside it, sale labels and compound "-free" words keep their old readings.
func TestParseTerms(t *testing.T) {
	runParseCases(t, []parseCase{
		// Part payments.
		{in: "10x de R$ 129,99 sem juros", err: ErrNoAmount},
		{in: "3 rate da 33,33 € senza interessi", err: ErrNoAmount},
		{in: "10 rat po 129 zł", err: ErrNoAmount},
		{in: "10 rat 0% po 129 zł", err: ErrNoAmount},
		{in: "0% APR 12 monthly payments of £41.58", err: ErrNoAmount},
		{in: "699,00 € oppure 3 rate da 233,00 €", amount: 69900, currency: "EUR"},
		{in: "1 290 zł lub 10 rat 0% po 129 zł", amount: 129000, currency: "PLN"},
		{in: "Was $120 Now $99 or 4 payments of $24.75", amount: 9900, currency: "USD"},
		{in: "2 x 24,99 €", amount: 2499, currency: "EUR"},            // a quantity, not part payments
		{in: "24 x 12 oz cans $19.99", amount: 1999, currency: "USD"}, // a pack
		{in: "Tax-free!", err: ErrNoAmount},                           // "-free" says nothing of the price
		{in: "12 plazos de $1.083", err: ErrNoAmount},
		{in: "$12.999 o 12 plazos sin interés de $1.083", amount: 1299900, currency: "USD"},
		// One payment is the price; English "rate", "of" and words after a full stop are no terms.
		{in: "1 payment of $99.99", amount: 9999, currency: "USD"},
		{in: "1 payment of $99.99 or 3 payments of $33.33", amount: 9999, currency: "USD"},
		{in: "1x de R$ 99,90 sem juros", amount: 9990, currency: "BRL"},
		{in: "Valid for 12 months payment $120", amount: 12000, currency: "USD"},
		{in: "Free returns within 30 days. Payment: $49.99", amount: 4999, currency: "USD"},
		{in: "1 day rate £45.00", amount: 4500, currency: "GBP"},
		{in: "2 week hire rate £120", amount: 12000, currency: "GBP"},
		{in: "10 rate da 69,90 €", err: ErrNoAmount},
		{in: "Pack of 2 x £4.99", amount: 499, currency: "GBP"},
		{in: "Sold in packs of 6 x £1.20", amount: 120, currency: "GBP"},
		{in: "€ 99,99 of 3x € 33,33", amount: 9999, currency: "EUR"}, // Dutch "or" after an amount
		{in: "2 x 12,50 € sans frais de port", amount: 1250, currency: "EUR"},
		{in: "3 x 9,90 € sans frais d'envoi", amount: 990, currency: "EUR"},
		{in: "4x 24,99 € sans frais de dossier", err: ErrNoAmount}, // no credit fees: part payments
		{in: "Free!", flags: FlagFree},
		// Prices before tax.
		{in: "£49.99 inc VAT £41.66 ex VAT", amount: 4999, currency: "GBP"},
		{in: "Price ex. VAT: £41.66 Price inc. VAT: £49.99", amount: 4999, currency: "GBP"},
		{in: "Prix HT : 41,66 € Prix TTC : 49,99 €", amount: 4999, currency: "EUR"},
		{in: "149,00 € netto (177,31 € brutto)", amount: 17731, currency: "EUR"},
		{in: "UVP 199,00 € 149,00 € zzgl. MwSt.", amount: 14900, currency: "EUR"},
		{in: "Ex VAT £41.66", amount: 4166, currency: "GBP"},
		{in: "Netto 2,99 €", amount: 299, currency: "EUR"},
		{in: "Plus size £29.99", amount: 2999, currency: "GBP"},
		{in: "Inc VAT £49.99 Ex VAT £41.66", amount: 4999, currency: "GBP"}, // labels before their numbers
		{in: "TTC 49,99 € HT 41,66 €", amount: 4999, currency: "EUR"},
		{in: "2 in stock 41,66 HT 49,99 TTC", amount: 4999},                // the price with tax, not the count
		{in: "Lot de 10 : 41,66 € HT", amount: 4166, currency: "EUR"},      // before tax alone: the price shown
		{in: "£41.66 + VAT Delivery £5.00", amount: 4166, currency: "GBP"}, // no price with tax: first price
		{in: "$129.00 plus tax, 2 in stock", amount: 12900, currency: "USD"},
		{in: "Was £59.99 Now £41.66 ex VAT", amount: 4166, currency: "GBP"}, // the sale label keeps its say
		{in: "UVP 199,00 € nur 149,00 € netto", amount: 14900, currency: "EUR"},
		{in: "Pack of 100 £41.66 ex VAT", amount: 4166, currency: "GBP"}, // the "£" is 41.66's
		{in: "Our Price: £41.66 ex VAT £49.99 inc VAT", amount: 4999, currency: "GBP"},
		// A fee, an RRP or a was-price with tax is no partner of the price before tax.
		{in: "£41.66 ex VAT, delivery £4.99 inc VAT", amount: 4166, currency: "GBP"},
		{in: "£8.33 ex VAT, delivery £9.99 inc VAT", amount: 833, currency: "GBP"},
		{in: "£41.66 ex VAT (RRP £59.99 inc VAT)", amount: 4166, currency: "GBP"},
		{in: "£41.66 ex VAT Was £59.99 inc VAT", amount: 4166, currency: "GBP"},
		{in: "£499.00 ex VAT + installation £120.00 inc VAT", amount: 49900, currency: "GBP"},
		{in: "41,66 € HT + éco-participation 1,20 € TTC", amount: 4166, currency: "EUR"},
		{in: "84,03 € netto zzgl. Versand 5,95 € brutto", amount: 8403, currency: "EUR"},
		{in: "£41.66 ex VAT £49.99 inc VAT, delivery £4.99 inc VAT", amount: 4999, currency: "GBP"},
		// A current label on the price before tax passes to its price with tax.
		{in: "Was £59.99 Now £41.66 ex VAT £49.99 inc VAT", amount: 4999, currency: "GBP"},
		{in: "Statt 119,00 € brutto jetzt 84,03 € netto 100,00 € brutto", amount: 10000, currency: "EUR"},
		{in: "Prix barré 59,99 € TTC Prix 41,66 € HT 49,99 € TTC", amount: 4999, currency: "EUR"},
		{in: "Prix public conseillé 59,99 € TTC 41,66 € HT 49,99 € TTC", amount: 4999, currency: "EUR"},
		{in: "UVP 99,00 € 70,59 € netto 84,00 € brutto", amount: 8400, currency: "EUR"},
		{in: "Netto 1,2 kg / Brutto 1,5 kg: 49,99 €", amount: 4999, currency: "EUR"}, // weights
		// "frais" and "interest" only make part payments right after the amount.
		{in: "3x 33,30 € sans frais", err: ErrNoAmount},
		{in: "2 x 24,99 € + frais de port", amount: 2499, currency: "EUR"},
		{in: "4 x 1,99 € produits frais", amount: 199, currency: "EUR"},
		{in: "2 x $24.99 – interest-free financing available", amount: 2499, currency: "USD"},
		{in: "4 x 24,99 € interest free", err: ErrNoAmount}, // part payments, not a free item
		// The instalment word follows its count, the part payment follows that word.
		{in: "Monitor 27 Zoll MSI 249,00 €", amount: 24900, currency: "EUR"}, // a size and a brand
		{in: "2 rat traps £5.99", amount: 599, currency: "GBP"},
		{in: "10 rat 0% Cena 2 999 zł", amount: 299900, currency: "PLN"}, // a price label ends it
		{in: "36 Raten 0% Sollzins Gesamtpreis 1.799,00 €", amount: 179900, currency: "EUR"},
		{in: "12 Monatsraten 0% 1.199,00 €", amount: 119900, currency: "EUR"}, // alone: the price financed
		{in: "6 weekly interest-free payments from $14.99", err: ErrNoAmount},
		{in: "849,00 € oder in 12 Raten zu 70,75 €", amount: 84900, currency: "EUR"},
		{in: "$999.99 or 12 monthly payments $83.33", amount: 99999, currency: "USD"},
		// Points.
		{in: "$129.99 with 130 points", amount: 12999, currency: "USD"},
		{in: "120ポイント還元", err: ErrNoAmount},
		{in: "129 bonus points", err: ErrNoAmount},
		{in: "19.99 earn points", amount: 1999},           // cents: no points
		{in: "Price 129 Reward points 20", amount: 12900}, // the points word counts the 20
		{in: "49,99 Payback Punkte 50", opts: ParseOptions{Currency: "EUR"}, amount: 4999, currency: "EUR"},
	})
}

// TestParseCurrencyReadings: a lower-case code beside a sign is a word, "¥" with cents is the
// yuan, the Tunisian dinar's decimal comma, digits of South and Southeast Asian scripts.
func TestParseCurrencyReadings(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "€ 49,95 all-in", amount: 4995, currency: "EUR"},
		{in: "49,95 € all inclusive", amount: 4995, currency: "EUR"},
		{in: "$12.99 usd", amount: 1299, currency: "USD"},
		{in: "¥89.90", amount: 8990, currency: "CNY"},
		{in: "¥1,980", amount: 1980, currency: "JPY"},
		{in: "¥ 1,299.00", opts: ParseOptions{Currency: "JPY"}, amount: 1299, currency: "JPY"},
		{in: "¥1,100.00 税込", amount: 1100, currency: "JPY"}, // Japanese text: yen
		{in: "価格 ¥3,300.00", amount: 3300, currency: "JPY"},
		{in: "¥1,364.00(税抜)", amount: 1364, currency: "JPY"},
		{in: "¥2,980.00 税別", amount: 2980, currency: "JPY"},
		{in: "¥4,500.00 送料無料", amount: 4500, currency: "JPY"},
		{in: "JP¥1,280.00", amount: 1280, currency: "JPY"},
		{in: "₩12,900.00", amount: 12900, currency: "KRW"}, // the rule is the yen's alone
		{in: "29,900 DT", amount: 29900, currency: "TND"},
		{in: "1 299,000 DT", amount: 1299000, currency: "TND"},
		{in: "KD 1,299", amount: 1299000, currency: "KWD"},
		{in: "৳১,২৯৯", amount: 129900, currency: "BDT"},
		{in: "฿๑,๒๙๐", amount: 129000, currency: "THB"},
		{in: "၁၂,၉၀၀ Ks", amount: 1290000, currency: "MMK"},
	})
}

// TestASCIIDigitsScripts: every decimal digit Unicode lists below U+2000 maps to its value.
func TestASCIIDigitsScripts(t *testing.T) {
	for _, zero := range []rune{0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0BE6, 0x0E50, 0x0ED0, 0x1040, 0x17E0} {
		in := string([]rune{zero + 1, zero + 2, zero + 9, zero})
		if got := ASCIIDigits(in); got != "1290" {
			t.Errorf("ASCIIDigits(%q) = %q, want 1290", in, got)
		}
	}
}

// TestParseWithoutTax: "ohne", "sans" and "without" before a tax word mark a net price as "ex"
// does, so the price with tax beside it is the price.
func TestParseWithoutTax(t *testing.T) {
	for _, s := range []string{"41,66 € ohne MwSt. 49,99 € inkl. MwSt.", "41,66 € sans TVA 49,99 € TTC", "£41.66 without VAT £49.99 inc VAT"} {
		p, err := Parse(s, ParseOptions{})
		if err != nil || p.Amount != 4999 {
			t.Errorf("Parse(%q) = %v, %v; want 49.99", s, p, err)
		}
	}
}
