package pricing

import "testing"

// TestParseFromThroughMoreFillers: the words for "only", "merely", "already", "about" and the
// praising adjectives that shops write between a "from" word and its amount, in the languages
// whose "from" words the parser knows, keep the amount a lower bound.
func TestParseFromThroughMoreFillers(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "od jedynie 49 zł", amount: 4900, currency: "PLN", flags: FlagFrom},
		{in: "od zaledwie 49 zł", amount: 4900, currency: "PLN", flags: FlagFrom},
		{in: "od pouhých 199 Kč", amount: 19900, currency: "CZK", flags: FlagFrom},
		{in: "od len 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "od iba 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "від лише 99 грн", amount: 9900, currency: "UAH", flags: FlagFrom},
		{in: "від всього 99 грн", amount: 9900, currency: "UAH", flags: FlagFrom},
		{in: "från cirka 199 kr", opts: ParseOptions{Currency: "SEK"}, amount: 19900, currency: "SEK", flags: FlagFrom},
		{in: "vanaf al € 9,99", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "vanaf nog maar € 9,99", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "ab lediglich 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "ab gerade mal 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "ab günstigen 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "à partir de juste 9,90 €", amount: 990, currency: "EUR", flags: FlagFrom},
		{in: "à partir d'environ 20 €", amount: 2000, currency: "EUR", flags: FlagFrom},
		{in: "desde únicamente 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "a partire da soltanto 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "from a mere $5", amount: 500, currency: "USD", flags: FlagFrom},
		{in: "from a low of $9.99", amount: 999, currency: "USD", flags: FlagFrom},
		{in: "Starting at a low $9.99", amount: 999, currency: "USD", flags: FlagFrom},
		{in: "from just under £10", amount: 1000, currency: "GBP", flags: FlagFrom},
		{in: "From roughly $20", amount: 2000, currency: "USD", flags: FlagFrom},
		{in: "from an unbelievable $19", amount: 1900, currency: "USD", flags: FlagFrom},
		{in: "từ chỉ 99.000₫", amount: 99000, currency: "VND", flags: FlagFrom},
		// Still not through other words.
		{in: "Ships from a UK warehouse £25.00", amount: 2500, currency: "GBP"},
		{in: "Made from a single oak board £89", amount: 8900, currency: "GBP"},
		{in: "Vanaf nu € 9,99", amount: 999, currency: "EUR"},
	})
}

// TestParseApartCentsNotBeforeAnotherCode: two digits after a signed amount are no cents
// before a word that spells another currency's code ("24 Std." is 24 hours, not dobras).
func TestParseApartCentsNotBeforeAnotherCode(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "€ 15 24 Std. Lieferung", amount: 1500, currency: "EUR"},
		{in: "€ 15 24 Std. Versand", amount: 1500, currency: "EUR"},
		{in: "€ 19 99 EUR", amount: 1999, currency: "EUR"},
		{in: "$19 99", amount: 1999, currency: "USD"},
	})
}

// TestParseMonthlyBesideOrderValue: an amount that an order's value must reach is a threshold,
// not a price paid at once, so the monthly amount beside it stays the price.
func TestParseMonthlyBesideOrderValue(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "€ 19,99 / Monat ab 50 € Bestellwert", amount: 1999, currency: "EUR"},
		{in: "9,99 € mtl. ab 100 € Warenwert", amount: 999, currency: "EUR"},
		{in: "Gratis Versand ab 50 € Bestellwert 19,99 €", amount: 1999, currency: "EUR"},
	})
}

// TestParseMonthlyBesideDepositOrDueAtSigning: a deposit, an excess or an amount due at signing
// is not a price paid at once, so the monthly amount beside it stays the price.
func TestParseMonthlyBesideDepositOrDueAtSigning(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Miete 49 € / Monat zzgl. 200 € Kaution", amount: 4900, currency: "EUR"},
		{in: "Lease $299/mo $2,999 due at signing", amount: 29900, currency: "USD"},
		{in: "Pet insurance $30/month $250 deductible", amount: 3000, currency: "USD"},
		{in: "$35/month, 12-month contract, $99 down", amount: 3500, currency: "USD"},
		{in: "Location 39 €/mois, caution 300 €", amount: 3900, currency: "EUR"},
		{in: "Car lease £249 a month, £2,000 deposit", amount: 24900, currency: "GBP"},
		{in: "$999 or $83.25/mo.", amount: 99900, currency: "USD"},
	})
}

// TestParseMonthlyBesideNumberOfAnotherSign: a number whose only sign is the monthly amount's,
// written onto it ("2024 $22.99/mo"), is no price paid at once beside it.
func TestParseMonthlyBesideNumberOfAnotherSign(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Photoshop CC 2024 $22.99/mo", amount: 2299, currency: "USD"},
		{in: "Plan 500 $49.99/month", amount: 4999, currency: "USD"},
		{in: "Abo 2024 €9,99/Monat", amount: 999, currency: "EUR"},
		{in: "999 € 41,63 €/Monat", amount: 99900, currency: "EUR"},
		{in: "$999 $83.25/mo.", amount: 99900, currency: "USD"},
	})
}

// TestParseMarkupInsideNumber: tags between an amount's whole digits and its decimal separator,
// or between the separator and the decimals, as product pages write them, join the number.
func TestParseMarkupInsideNumber(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: `<span class="a-price-symbol">$</span><span class="a-price-whole">29<span class="a-price-decimal">.</span></span><span class="a-price-fraction">99</span>`, amount: 2999, currency: "USD"},
		{in: `<span>£</span><span>24</span><span>.95</span>`, amount: 2495, currency: "GBP"},
		{in: `<span class="price">€ 129<span class="decimals">,99</span></span>`, amount: 12999, currency: "EUR"},
		{in: `<div class="price">R$ <strong>129</strong>,90</div>`, amount: 12990, currency: "BRL"},
		{in: `<del>$29.99</del><ins>$19.99</ins>`, amount: 1999, currency: "USD"},
		{in: `<b>2</b>, <b>3</b> or <b>4</b> pieces $12.99`, amount: 1299, currency: "USD"},
		{in: `<p>Ends 24.12.</p><p>19,99 €</p>`, amount: 1999, currency: "EUR"},
		{in: `<span>1.299</span><span>,</span><span>00</span> <span>€</span>`, amount: 129900, currency: "EUR"},
		{in: `<span class="int">49</span><span class="dec">,90</span><span class="cur">€</span>`, amount: 4990, currency: "EUR"},
	})
}

// TestParseNordicNowBeforeColonDash: "Nu" before an amount written with ":-" is the Swedish
// "now", not the ngultrum.
func TestParseNordicNowBeforeColonDash(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Nu 599:- Ord. pris 799:-", amount: 59900, currency: "SEK"},
		{in: "Nu 1 499:-", amount: 149900, currency: "SEK"},
		{in: "Nu 599", amount: 59900, currency: "BTN"},
	})
}
