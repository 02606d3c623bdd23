package pricing

import "testing"

// TestParseMarkupLeftInText: full-width separators, cents in a <sup> element and entities
// encoded twice, as feeds and scrapers leave them.
func TestParseMarkupLeftInText(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "￥１２，０００", amount: 12000, currency: "JPY"},
		{in: "１，２９９円", amount: 1299, currency: "JPY"},
		{in: "１，９８０円（税込）", amount: 1980, currency: "JPY"},
		{in: "＄１２．５０", amount: 1250, currency: "USD"},
		{in: "€129<sup>99</sup>", amount: 12999, currency: "EUR"},
		{in: "$129<sup>.99</sup>", amount: 12999, currency: "USD"},
		{in: "$129<sup>99</sup>", amount: 12999, currency: "USD"},
		{in: "1.299<sup>99</sup> Lei", amount: 129999, currency: "RON"},
		{in: `1.299<sup class="small">99</sup> Lei`, amount: 129999, currency: "RON"},
		{in: "$19.99<sup>*</sup>", amount: 1999, currency: "USD"},
		{in: "€ 129<sup>,99</sup>", amount: 12999, currency: "EUR"},
		{in: "<sup>$</sup>29<sup>97</sup>", amount: 2997, currency: "USD"},
		// Footnote marks: one digit, a number that already has decimals, or a footnote class.
		{in: "$1,299<sup>1</sup>", amount: 129900, currency: "USD"},
		{in: "From $799<sup>1</sup>", amount: 79900, currency: "USD", flags: FlagFrom},
		{in: "$29.99<sup>2</sup>", amount: 2999, currency: "USD"},
		{in: "$29.99<sup>12</sup>", amount: 2999, currency: "USD"},
		{in: "€1.299<sup>1</sup>", amount: 129900, currency: "EUR"},
		{in: `$1,299<sup class="footnote">12</sup>`, amount: 129900, currency: "USD"},
		{in: "$129<sup>.999</sup>", amount: 12900, currency: "USD"},
		{in: "2<sup>e</sup> démarque -30% 49,99 €", amount: 4999, currency: "EUR"},
		{in: "&amp;euro;29.99", amount: 2999, currency: "EUR"},
		{in: "&amp;pound;1,299.00", amount: 129900, currency: "GBP"},
		{in: "AT&amp;T $20", amount: 2000, currency: "USD"},
	})
}

// TestParseWaveDash: "～", "〜" and "~" join a range, and after a price make it a lower bound.
func TestParseWaveDash(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "¥1,980～¥3,980", amount: 1980, high: 3980, currency: "JPY", flags: FlagRange},
		{in: "1,980円〜3,980円", amount: 1980, high: 3980, currency: "JPY", flags: FlagRange},
		{in: "$10~$20", amount: 1000, high: 2000, currency: "USD", flags: FlagRange},
		{in: "¥3,980～", amount: 3980, currency: "JPY", flags: FlagFrom},
		{in: "39,900원~", amount: 39900, currency: "KRW", flags: FlagFrom},
		{in: "~ 1.299 €", amount: 129900, currency: "EUR"},
	})
}

// TestParseFromWords: "from" written before or after the price in more languages.
func TestParseFromWords(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "4 990 Ft-tól", amount: 499000, currency: "HUF", flags: FlagFrom},
		{in: "de la 49,99 lei", opts: ParseOptions{Currency: "RON"}, amount: 4999, currency: "RON", flags: FlagFrom},
		{in: "від 899 грн", amount: 89900, currency: "UAH", flags: FlagFrom},
		{in: "￥89.90 起", opts: ParseOptions{Currency: "CNY"}, amount: 8990, currency: "CNY", flags: FlagFrom},
		{in: "3,980円から", amount: 3980, currency: "JPY", flags: FlagFrom},
		{in: "39,900원부터", amount: 39900, currency: "KRW", flags: FlagFrom},
		{in: "Prix de la semaine 20 €", amount: 2000, currency: "EUR"},
	})
}
