package pricing

import "testing"

// TestParseThousandsGroupAfterTwoWords: three digits that open with 0, or that stand above the
// three digits before them, are those digits' group of thousands, not a price after a model
// number, so a luxury price after two capitalised words ("Rolex Datejust 10 000 €", "Patek
// Philippe 125 000 €", "Royal Oak 115 900 CHF") is no model number before a price of 0 or 900;
// a model number before a lower price still is one.
func TestParseThousandsGroupAfterTwoWords(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Patek Philippe 125 000 €", amount: 12500000, currency: "EUR"},
		{in: "Richard Mille 250 000 €", amount: 25000000, currency: "EUR"},
		{in: "Audemars Piguet 150 000 CHF", amount: 15000000, currency: "CHF"},
		{in: "Patek Philippe 125 000,00 €", amount: 12500000, currency: "EUR"},
		{in: "Bottega Veneta 125 000 €", opts: ParseOptions{SalePair: true}, amount: 12500000, currency: "EUR"},
		{in: "Rolex Datejust 10 000 €", amount: 1000000, currency: "EUR"},
		{in: "Omega Speedmaster 57 000 CHF", amount: 5700000, currency: "CHF"},
		// Three digits above the three before them are their thousands' last group.
		{in: "Royal Oak 115 900 CHF", amount: 11590000, currency: "CHF"},
		{in: "Richard Mille 145 500 €", amount: 14550000, currency: "EUR"},
		// Still a model number.
		{in: "New Balance 574 99,99 €", amount: 9999, currency: "EUR"},
		{in: "Air Max 270 160 €", amount: 16000, currency: "EUR"},
	})
}

// TestParseStockNoteAfterPairInWords: a stock note after a bare pair leaves the second price the
// price paid in every language the stock words know, whatever words stand before its count
// ("Nog 3 op voorraad", "Endast 2 kvar", "Solo 1 disponibile") and with the currency sign of the
// second price right before the count ("27,95 € 3 disponibles").
func TestParseStockNoteAfterPairInWords(t *testing.T) {
	pair := ParseOptions{SalePair: true}
	runParseCases(t, []parseCase{
		{in: "39,95 € 27,95 € 3 disponibles", opts: pair, amount: 2795, currency: "EUR"},
		{in: "49,95 € 34,95 € Nog 3 op voorraad", opts: pair, amount: 3495, currency: "EUR"},
		{in: "1 199 kr 899 kr Endast 2 kvar", opts: ParseOptions{SalePair: true, Currency: "SEK"}, amount: 89900, currency: "SEK"},
		{in: "79,00 € 55,00 € Solo 1 disponibile", opts: pair, amount: 5500, currency: "EUR"},
		{in: "59,00 € 39,00 € Noch 2 verfügbar", opts: pair, amount: 3900, currency: "EUR"},
		// Without SalePair the first price stays the amount, and a count is no amount.
		{in: "39,95 € 27,95 € 3 disponibles", amount: 3995, currency: "EUR"},
		{in: "Nog 3 op voorraad", err: ErrNoAmount},
		// A number after words that is no stock count still ends the pair.
		{in: "79,00 € 55,00 € ab 3 Stück", opts: pair, amount: 7900, currency: "EUR"},
	})
}

// TestParseModelCodesBeforePrice: a model's code ending in a capital letter written onto its
// digits ("New Balance 2002R") lends that letter to no price after it (not the rand), and one
// joined to its digits by a hyphen ("Salomon XT-6") is no minus sign and groups no digits of the
// price after it.
func TestParseModelCodesBeforePrice(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "New Balance 2002R 149,99 €", amount: 14999, currency: "EUR"},
		{in: "New Balance 1906R 169,99 €", amount: 16999, currency: "EUR"},
		{in: "Salomon XT-6 180 €", amount: 18000, currency: "EUR"},
		{in: "Asics GT-2160 139,95 €", amount: 13995, currency: "EUR"},
		// Still the rand, and still a minus.
		{in: "R 1 299", amount: 129900, currency: "ZAR"},
		{in: "Jeans 32R $59.99", amount: 5999, currency: "USD"},
		{in: "-5,00 €", err: ErrNegative},
		{in: "EUR-5,00", err: ErrNegative},
	})
}
