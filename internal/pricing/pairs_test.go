package pricing

import "testing"

// TestParseSalePair: with ParseOptions.SalePair, the lower second of two unlabelled prices in one
// currency side by side is the price paid; anything that makes the pair something else leaves
// the first. Without the option Parse gives the first, as the real table expects.
func TestParseSalePair(t *testing.T) {
	pair := ParseOptions{SalePair: true}
	sek := ParseOptions{SalePair: true, Currency: "SEK"}
	runParseCases(t, []parseCase{
		{in: "$59.99 $44.99", opts: pair, amount: 4499, currency: "USD"},
		{in: "$59.99 $44.99", amount: 5999, currency: "USD"}, // no option: the first
		{in: "79,99 € 59,99 €", opts: pair, amount: 5999, currency: "EUR"},
		{in: "Save 20% $40.00 $32.00", opts: pair, amount: 3200, currency: "USD"},
		{in: "1 299 kr 999 kr", opts: sek, amount: 99900, currency: "SEK"},
		{in: "$59.99 USD $44.99 USD", opts: pair, amount: 4499, currency: "USD"},
		{in: "59,99 € 44,99 EUR", opts: pair, amount: 4499, currency: "EUR"},
		{in: "Size 10 $59.99 $44.99", opts: pair, amount: 4499, currency: "USD"},
		{in: "$59.99 Sale $44.99", opts: pair, amount: 4499, currency: "USD"},
		{in: "$4.99 $3.99 ($1.00/oz)", opts: pair, amount: 399, currency: "USD"},
		{in: "$59.99 $44.99 or 4 payments of $11.25", opts: pair, amount: 4499, currency: "USD"},
		{in: "79,99 € 59,99 € inkl. MwSt.", opts: pair, amount: 5999, currency: "EUR"},
		{in: "$59.99 $44.99 (25% off)", opts: pair, amount: 4499, currency: "USD"},
		{in: "¥5,500 ¥3,980 (税込)", opts: pair, amount: 3980, currency: "JPY"},
		// Not a sale pair: the first stays.
		{in: "$20 - $40", opts: pair, amount: 2000, high: 4000, currency: "USD", flags: FlagRange},
		{in: "$20 to $40", opts: pair, amount: 2000, high: 4000, currency: "USD", flags: FlagRange},
		{in: "$44.99 $59.99", opts: pair, amount: 4499, currency: "USD"},
		{in: "$49.99 $4.99 shipping", opts: pair, amount: 4999, currency: "USD"},
		{in: "$45.00 $3.60 tax", opts: pair, amount: 4500, currency: "USD"},
		{in: "$100 $25 deposit", opts: pair, amount: 10000, currency: "USD"},
		{in: "£29.99 £3.99 P&P", opts: pair, amount: 2999, currency: "GBP"},
		{in: "$19.99 $0.99", opts: pair, amount: 1999, currency: "USD"},
		{in: "$99.99 $89.99 Save 50%", opts: pair, amount: 9999, currency: "USD"},
		{in: "€59.99 $44.99", opts: pair, amount: 5999, currency: "EUR"},
		{in: "$5.00 $4.50 $4.00", opts: pair, amount: 500, currency: "USD"},
		{in: "$59.99 / $44.99", opts: pair, amount: 5999, currency: "USD"},
		{in: "£49.99 £41.66 ex VAT", opts: pair, amount: 4999, currency: "GBP"},
	})
}

// TestParseTaggedNumbers: a number after a size, time or model word, or written onto letters
// that spell no currency, is no amount, groups no digits after a space and starts no range.
func TestParseTaggedNumbers(t *testing.T) {
	sek := ParseOptions{Currency: "SEK"}
	eur, usd := ParseOptions{Currency: "EUR"}, ParseOptions{Currency: "USD"}
	runParseCases(t, []parseCase{
		{in: "EU 43 119,90 €", amount: 11990, currency: "EUR"},
		{in: "EU 42 - 89,95 €", amount: 8995, currency: "EUR"},
		{in: "Galaxy S24 799 €", amount: 79900, currency: "EUR"},
		{in: "kl 12 199 kr", opts: sek, amount: 19900, currency: "SEK"},
		{in: "kl 12:00 199 kr", opts: sek, amount: 19900, currency: "SEK"},
		{in: "Åbner kl. 10 - 249 kr.", opts: ParseOptions{Currency: "DKK"}, amount: 24900, currency: "DKK"},
		{in: "Fra kl. 09:00 299,-", opts: ParseOptions{Currency: "NOK"}, amount: 29900, currency: "NOK"},
		{in: "Storlek 38 1 299 kr", opts: sek, amount: 129900, currency: "SEK"},
		// Still grouped: a sign written onto the number, or no tag word.
		{in: "R1 299", amount: 129900, currency: "ZAR"},
		{in: "EUR1 299,00", amount: 129900, currency: "EUR"},
		{in: "1 299 kr", opts: sek, amount: 129900, currency: "SEK"},
		{in: "Jakke 1 299 kr", opts: sek, amount: 129900, currency: "SEK"},
		{in: "Taille 40 – 39,99 €", amount: 3999, currency: "EUR"},
		{in: "Size 10.5 129.99", opts: usd, amount: 12999, currency: "USD"}, // a half size stays a size
		{in: "Kl 12.00 199 kr", opts: sek, amount: 19900, currency: "SEK"},  // and a time its minutes
		// Cents make a price, not a size: the market word names where it ships or sells.
		{in: "EU 79,00", opts: eur, amount: 7900, currency: "EUR"},
		{in: "Versand EU 4,95", opts: eur, amount: 495, currency: "EUR"},
		{in: "Ships to US 12.50", opts: usd, amount: 1250, currency: "USD"},
		{in: "Contact us 59.99", opts: usd, amount: 5999, currency: "USD"},
		{in: "UK 39.99", opts: ParseOptions{Currency: "GBP"}, amount: 3999, currency: "GBP"},
		{in: "Model 899.00", opts: usd, amount: 89900, currency: "USD"},
	})
}
