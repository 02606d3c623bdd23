package pricing

import "testing"

// TestParseFromThroughMarksAndAbout: a "from" word still makes its amount a lower bound with a
// mark or a word for "about" between them; before a percentage it speaks of a material.
func TestParseFromThroughMarksAndAbout(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "From ~$20", amount: 2000, currency: "USD", flags: FlagFrom},
		{in: "From*: £20", amount: 2000, currency: "GBP", flags: FlagFrom},
		{in: "From approx. £20", amount: 2000, currency: "GBP", flags: FlagFrom},
		{in: "From approx $20", amount: 2000, currency: "USD", flags: FlagFrom},
		{in: "ab ca. 20 €", amount: 2000, currency: "EUR", flags: FlagFrom},
		{in: "od ok. 20 zł", amount: 2000, currency: "PLN", flags: FlagFrom},
		{in: "Ships from OK $25", amount: 2500, currency: "USD"},
		{in: "Made from 100% recycled polyester £35.00", amount: 3500, currency: "GBP"},
	})
}

// TestParseMonthlyBesideNoPrice: a monthly amount stays the price beside amounts that do not
// price the item at once: a delivery charge, a fee, a saving, a threshold, a yearly price, or
// an amount below two months' payments; beside a price paid at once it is still a part payment.
func TestParseMonthlyBesideNoPrice(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "$9.99/mo + $4.99 shipping", amount: 999, currency: "USD"},
		{in: "€ 9,99 pro Monat, Versand 4,95 €", amount: 999, currency: "EUR"},
		{in: "$35/month + $50 activation fee", amount: 3500, currency: "USD"},
		{in: "€ 39,99 / Monat, Anschlussgebühr 69,99 €", amount: 3999, currency: "EUR"},
		{in: "Gym membership £24.99 per month, joining fee £10", amount: 2499, currency: "GBP"},
		{in: "£30/month, £0 upfront", amount: 3000, currency: "GBP"},
		{in: "$49.99/mo + $99.99 setup", amount: 4999, currency: "USD"},
		{in: "Save $20 on the annual plan $9.99/mo", amount: 999, currency: "USD"},
		{in: "$5 off your first month $19.99/month", amount: 1999, currency: "USD"},
		{in: "Free shipping over $35 $12.99/month", amount: 1299, currency: "USD"},
		{in: "$29.99 every month, free shipping over $25", amount: 2999, currency: "USD"},
		{in: "$29/month or $290/year", amount: 2900, currency: "USD"},
		{in: "Pro Monthly $14.99 Pro Yearly $99.99", amount: 1499, currency: "USD"},
		{in: "$9.99/mo (billed $119.88 annually)", amount: 999, currency: "USD"},
		{in: "$999 or $83.25/mo. Save $100", amount: 99900, currency: "USD"},
		{in: "$1,299.00 or $54.13/mo. for 24 mo.", amount: 129900, currency: "USD"},
		{in: "€ 899,00 oder 37,46 € mtl.", amount: 89900, currency: "EUR"},
	})
}
