package pricing

import "testing"

// TestParseCutPhrases: a "from … to" going down in words that only ever join a price cut ("Von
// 99,95 € auf 69,95 €") or open one with "de" ("De 79,99 € à 59,99 €") is the second price in a
// price cell; going up it stays a range.
func TestParseCutPhrases(t *testing.T) {
	pair := ParseOptions{SalePair: true}
	runParseCases(t, []parseCase{
		{in: "De 79,99 € à 59,99 €", opts: pair, amount: 5999, currency: "EUR"},
		{in: "Von 99,95 € auf 69,95 €", opts: pair, amount: 6995, currency: "EUR"},
		{in: "von 1.299,00 € auf 999,00 €", opts: pair, amount: 99900, currency: "EUR"},
		{in: "De R$ 199,90 para R$ 149,90", opts: pair, amount: 14990, currency: "BRL"},
		{in: "Van € 89,95 naar € 59,95", opts: pair, amount: 5995, currency: "EUR"},
		// Going up: a range, as before.
		{in: "De 59,99 € à 79,99 €", opts: pair, amount: 5999, high: 7999, currency: "EUR", flags: FlagRange},
	})
}

// TestParseStockAndChargeAfterPair: a stock note ("Only 2 left", "Low stock", "Nur noch 1
// verfügbar") or a charge on top ("+ $5.99 shipping") after a bare pair leaves the second price
// the price paid; a count of items left is no amount.
func TestParseStockAndChargeAfterPair(t *testing.T) {
	pair := ParseOptions{SalePair: true}
	runParseCases(t, []parseCase{
		{in: "$29.99 $24.99 Only 2 left", opts: pair, amount: 2499, currency: "USD"},
		{in: "$29.99 $24.99 Only 3 left in stock", opts: pair, amount: 2499, currency: "USD"},
		{in: "$29.99 $24.99 Low stock", opts: pair, amount: 2499, currency: "USD"},
		{in: "79,99 € 59,99 € Nur noch 1 verfügbar", opts: pair, amount: 5999, currency: "EUR"},
		{in: "£40.00 £28.00 5 in stock", opts: pair, amount: 2800, currency: "GBP"},
		{in: "$89.00 $69.00 + $5.99 shipping", opts: pair, amount: 6900, currency: "USD"},
		{in: "49,99 € 39,99 € + 4,95 € Versand", opts: pair, amount: 3999, currency: "EUR"},
		{in: "Only 2 left $24.99", amount: 2499, currency: "USD"},
		// A third price that is no charge still ends the pair.
		{in: "$89.00 $69.00 $59.00", opts: pair, amount: 8900, currency: "USD"},
		{in: "$89.00 $69.00 + $5.99", opts: pair, amount: 8900, currency: "USD"},
	})
}

// TestParseModelNumbersBeforePrice: a product line's version word ("Watch 6", "Jordan 4"), a
// model year written with an apostrophe ("Force 1 '07") and a three-digit model number after two
// capitalised words ("New Balance 550") group no digits of the price after them; a price in
// thousands after a brand still groups.
func TestParseModelNumbersBeforePrice(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Galaxy Watch 6 319 €", amount: 31900, currency: "EUR"},
		{in: "Air Jordan 4 219,99 €", amount: 21999, currency: "EUR"},
		{in: "Air Jordan 1 129,99 €", amount: 12999, currency: "EUR"},
		{in: "Nike Air Max 270 149,99 €", amount: 14999, currency: "EUR"},
		{in: "Nike Air Max '97 179,99 €", amount: 17999, currency: "EUR"},
		{in: "Nike Air Force 1 '07 119,99 €", amount: 11999, currency: "EUR"},
		{in: "New Balance 550 129,99 €", amount: 12999, currency: "EUR"},
		{in: "New Balance 990 199 €", amount: 19900, currency: "EUR"},
		// Still grouped.
		{in: "1 299 €", amount: 129900, currency: "EUR"},
		{in: "Canada Goose 1 195 €", amount: 119500, currency: "EUR"},
		{in: "Stone Island 12 500 kr", amount: 1250000},
		{in: "Bottega Veneta 2 900 €", amount: 290000, currency: "EUR"},
		{in: "Preis 550 129,99 €", amount: 55012999, currency: "EUR"},
	})
}

// TestParseSwedishNowColon: "Nu" (now) before an amount with a colon for the decimal point in
// crowns: "Nu 49:90 kr" is 49.90.
func TestParseSwedishNowColon(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Nu 49:90 kr", opts: ParseOptions{Currency: "SEK"}, amount: 4990, currency: "SEK"},
		{in: "Nu 49:90 kr", amount: 4990},
		{in: "Ord. pris 59:90 kr Nu 49:90 kr", opts: ParseOptions{Currency: "SEK"}, amount: 4990, currency: "SEK"},
	})
}

// TestParseAnyMultiBuy: "All 3 for $20", "Any 2 for £10" are multi-buys, not the item's price
// (and "All" there is no Albanian lek).
func TestParseAnyMultiBuy(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "All 3 for $20", err: ErrNoAmount},
		{in: "Any 2 for £10", err: ErrNoAmount},
		{in: "$12.99 or any 2 for $20", amount: 1299, currency: "USD"},
		{in: "ALL 1,200", amount: 120000, currency: "ALL"},
	})
}
