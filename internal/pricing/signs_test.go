package pricing

import "testing"

// TestParseMinusBeforeSign: a minus right before the currency sign or the digits marks a
// discount; spaced from them it is a list mark; a discount beside a price leaves the price.
func TestParseMinusBeforeSign(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "-$20.00", err: ErrNegative},
		{in: "-€10,00", err: ErrNegative},
		{in: "-10,00 €", err: ErrNegative},
		{in: "Coupon: -$5.00", err: ErrNegative},
		{in: "−$5.00", err: ErrNegative},
		{in: "- $44.99", amount: 4499, currency: "USD"}, // a list mark, as a real page writes it
		{in: "- 44,99 €", amount: 4499, currency: "EUR"},
		{in: "Coupon -$5.00 $39.99", amount: 3999, currency: "USD"},
		{in: "Rabatt -10,00 € 89,99 €", amount: 8999, currency: "EUR"},
		{in: "10 -20 €", amount: 1000, high: 2000, currency: "EUR", flags: FlagRange},
		{in: "$10-$20", amount: 1000, high: 2000, currency: "USD", flags: FlagRange},
		{in: "Size 10 - $49.99", amount: 4999, currency: "USD"},
	})
}

// TestParseSignsOfPricesWrittenTogether: a sign between two numbers is the second's only when
// the second has no sign of its own after it.
func TestParseSignsOfPricesWrittenTogether(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "29,99 €39,99 €", amount: 2999, currency: "EUR"},
		{in: "99,90 zł129,90 zł", amount: 9990, currency: "PLN"},
		{in: "24.99 USD29.99 USD", amount: 2499, currency: "USD"},
		{in: "Pack of 100 £41.66", amount: 4166, currency: "GBP"},
	})
}

// TestParseSignSpellings: signs that read differently by place or beside other letters.
func TestParseSignSpellings(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "1.299.000 đồng", amount: 1299000, currency: "VND"},
		{in: "P1,299.00", opts: ParseOptions{Currency: "PHP"}, amount: 129900, currency: "PHP"},
		{in: "P 250.00", amount: 25000, currency: "BWP"},
		{in: "£12.99 p/m", amount: 1299, currency: "GBP"},
		{in: "£12.99 p.m.", amount: 1299, currency: "GBP"},
		{in: "99p", amount: 99, currency: "GBP"},
	})
}
