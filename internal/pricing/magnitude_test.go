package pricing

import "testing"

// TestParseMagnitudeWords: lakh, crore, 万, 만, rb, jt, triệu, Mio. and an attached "M" beside a
// sign multiply the number; sizes, units and numbers with no currency stay as written.
func TestParseMagnitudeWords(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "₹ 6.49 Lakh*", amount: 64900000, currency: "INR"},
		{in: "₹ 10.99 - 14.50 Lakh", amount: 109900000, high: 145000000, currency: "INR", flags: FlagRange},
		{in: "₹ 999 - 1.5 Lakh", amount: 99900, high: 15000000, currency: "INR", flags: FlagRange},
		{in: "₹ 1.25 Cr", amount: 1250000000, currency: "INR"},
		{in: "3万9800円", amount: 39800, currency: "JPY"},
		{in: "12万원", amount: 120000, currency: "KRW"},
		{in: "12만원", amount: 120000, currency: "KRW"},
		{in: "1.5万元", amount: 1500000, currency: "CNY"},
		{in: "Rp 299rb", amount: 29900000, currency: "IDR"},
		{in: "Rp 1,2jt", amount: 120000000, currency: "IDR"},
		{in: "1,2 triệu", opts: ParseOptions{Currency: "VND"}, amount: 1200000, currency: "VND"},
		{in: "Giá: 129k", opts: ParseOptions{Currency: "VND"}, amount: 129000, currency: "VND"},
		{in: "€ 1,2 Mio.", amount: 120000000, currency: "EUR"},
		{in: "$1.2M", amount: 120000000, currency: "USD"},
		{in: "2,5 mld zł", amount: 250000000000, currency: "PLN"}, // Polish "miliard"
		// Left alone.
		{in: "$29.99 M", amount: 2999, currency: "USD"},
		{in: "12M", amount: 1200},
		{in: "14K gold 29.99", amount: 1400}, // a known limit: a shopper reads 29.99; "k" without a currency is left as it was
		{in: "1,2 Mio. Einwohner", amount: 120},
		{in: "£20 Cr", amount: 2000, currency: "GBP"},
		{in: "299rb", amount: 29900},
	})
}
