package pricing

import (
	"errors"
	"testing"
)

// parseCase is one row of the table tests by domain (labels, magnitudes, markup, signs): what
// Parse must read from in. Only the FlagRange and FlagFrom bits of flags are compared.
type parseCase struct {
	in       string
	opts     ParseOptions
	amount   int64
	high     int64
	currency string
	flags    Flags
	err      error
}

func runParseCases(t *testing.T, cases []parseCase) {
	t.Helper()
	for _, tt := range cases {
		t.Run(tt.in, func(t *testing.T) {
			p, err := Parse(tt.in, tt.opts)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Parse(%q) = %+v, %v; want error %v", tt.in, p, err, tt.err)
				}
				return
			}
			const shown = FlagRange | FlagFrom
			if err != nil || p.Amount != tt.amount || p.High != tt.high || p.Currency != tt.currency || p.Flags&shown != tt.flags&shown {
				t.Fatalf("Parse(%q, %+v) = %+v, %v; want amount %d high %d %q flags %b",
					tt.in, tt.opts, p, err, tt.amount, tt.high, tt.currency, tt.flags&shown)
			}
		})
	}
}

// TestParseSaleLabels: a price after a regular-price label, or an unlabelled price right after a
// labelled regular one, is the current price, in the labels shops write in many languages.
func TestParseSaleLabels(t *testing.T) {
	runParseCases(t, []parseCase{
		// An unlabelled price right after a labelled regular one.
		{in: "UVP 199,00 € 149,00 €", amount: 14900, currency: "EUR"},
		{in: "Compare at $89.00 $59.00", amount: 5900, currency: "USD"},
		{in: "MRP ₹1,49,999 ₹1,29,999", amount: 12999900, currency: "INR"},
		{in: "M.R.P.: ₹1,49,999 Deal of the Day: ₹1,29,999", amount: 12999900, currency: "INR"},
		{in: "9 990 Ft helyett 7 990 Ft", amount: 799000, currency: "HUF"}, // helyett: "instead of"
		{in: "1.499 TL yerine 1.299 TL", amount: 129900, currency: "TRY"},
		// Labelled pairs.
		{in: "Før 1 499,- Nå 999,-", opts: ParseOptions{Currency: "NOK"}, amount: 99900, currency: "NOK"},
		{in: "Normaler Preis €15,99 Sonderpreis €12,99", amount: 1299, currency: "EUR"},
		{in: "Prix habituel €15,99 Prix soldé €12,99", amount: 1299, currency: "EUR"},
		{in: "Precio habitual $15.99 Precio de venta $12.99", amount: 1299, currency: "USD"},
		{in: "Normale prijs €15,99 Aanbiedingsprijs €12,99", amount: 1299, currency: "EUR"},
		{in: "通常価格 ¥5,500 セール価格 ¥3,980", amount: 3980, currency: "JPY"},
		{in: "原价 ¥299 现价 ¥199", opts: ParseOptions{Currency: "CNY"}, amount: 19900, currency: "CNY"},
		{in: "原价¥299，现价¥199", opts: ParseOptions{Currency: "CNY"}, amount: 19900, currency: "CNY"},
		{in: "정가 49,000원 할인가 39,900원", amount: 39900, currency: "KRW"},
		{in: "De R$ 1.499,00 por R$ 1.299,00", amount: 129900, currency: "BRL"},
		{in: "Normal: $19.990 Oferta: $12.990", opts: ParseOptions{Currency: "CLP"}, amount: 12990, currency: "CLP"},
		{in: "Prix barré : 129,00 € Prix : 99,00 €", amount: 9900, currency: "EUR"},
		{in: "Prezzo di listino 129,00 € Prezzo scontato 99,00 €", amount: 9900, currency: "EUR"},
		{in: "Normalpreis 129,00 € Angebot 99,00 €", amount: 9900, currency: "EUR"},
		{in: "Van €99,99 Nu €79,99", amount: 7999, currency: "EUR"},
		{in: "Cena regularna 199,00 zł Cena promocyjna 149,00 zł", amount: 14900, currency: "PLN"},
		{in: "Běžná cena 1 299 Kč Akční cena 999 Kč", amount: 99900, currency: "CZK"},
		{in: "Старая цена 3 199 ₽ Новая цена 2 499 ₽", amount: 249900, currency: "RUB"},
		{in: "Eski fiyat 1.499 TL İndirimli fiyat 1.299 TL", amount: 129900, currency: "TRY"},
		{in: "ราคาปกติ ฿1,590 ราคาพิเศษ ฿1,290", amount: 129000, currency: "THB"},
		{in: "Norm. 49,90 € Nyt 29,90 €", amount: 2990, currency: "EUR"}, // Finnish
		{in: "定価 5,980円 → 3,980円", amount: 3980, currency: "JPY"},
		{in: "39,000원 → 29,000원", amount: 29000, currency: "KRW"},
		// The EU's lowest price of the last 30 days is a reference, and its 30 no amount.
		{in: "UVP 79,99 € Niedrigster Preis der letzten 30 Tage: 59,99 € 49,99 €", amount: 4999, currency: "EUR"},
		{in: "Lowest price in 30 days: $59.99 Now $49.99", amount: 4999, currency: "USD"},
		// An unlabelled price after a regular one is the current one only when lower.
		{in: "Was $49.99 $59.99", amount: 4999, currency: "USD"},
		{in: "UVP 199,00 € 249,00 €", amount: 19900, currency: "EUR"},
		// Not of that shape: the first price stays.
		{in: "RRP £250.00 (£208.33 ex VAT)", amount: 25000, currency: "GBP"},
		{in: "Was $100.00 Pay in 4 installments of $25.00", amount: 10000, currency: "USD"},
		{in: "CHF 59.90 statt 79.90", amount: 5990, currency: "CHF"},
		{in: "19€99 au lieu de 29€99", amount: 1999, currency: "EUR"},
		{in: "Tilbud 999,- Før 1 299,-", opts: ParseOptions{Currency: "NOK"}, amount: 99900, currency: "NOK"},
		{in: "De 10 à 20 €", amount: 1000, high: 2000, currency: "EUR", flags: FlagRange},
		{in: "Price list 2024: $20", amount: 2000, currency: "USD"},
	})
}

// TestParseNuIsNow: "Nu"/"Nu." is the ngultrum only when nothing else names a currency; in
// Swedish, Danish and Dutch it is "now".
func TestParseNuIsNow(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Nu 799 kr", opts: ParseOptions{Currency: "SEK"}, amount: 79900, currency: "SEK"},
		{in: "Nu: 1 299 kr", opts: ParseOptions{Currency: "SEK"}, amount: 129900, currency: "SEK"},
		{in: "Ord.pris 1 499 kr Nu 999 kr", opts: ParseOptions{Currency: "SEK"}, amount: 99900, currency: "SEK"},
		{in: "Nu 799 kr Ord.pris 1 199 kr", opts: ParseOptions{Currency: "SEK"}, amount: 79900, currency: "SEK"},
		{in: "Nu 799", opts: ParseOptions{Currency: "DKK"}, amount: 79900, currency: "DKK"},
		{in: "Nu 799", opts: ParseOptions{Context: "SEK"}, amount: 79900, currency: "SEK"},
		{in: "Nu. 1,200", amount: 120000, currency: "BTN"},
		{in: "Nu 450", opts: ParseOptions{Currency: "BTN"}, amount: 45000, currency: "BTN"},
		// Beside a Nordic or Dutch regular label, or before a ",-" amount, with no currency.
		{in: "Før 1.499,- Nu 999,-", amount: 99900},
		{in: "Van 99,99 Nu 79,99", amount: 7999},
		{in: "Spar 200,- Nu 799,- Før 999,-", amount: 79900},
	})
}

// TestParseSavingsAndThresholds: a saving or a free-shipping threshold is no price.
func TestParseSavingsAndThresholds(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Save $20.00", err: ErrNoAmount},
		{in: "You save: £20.00 (40%)", err: ErrNoAmount},
		{in: "Sie sparen 20,00 €", err: ErrNoAmount},
		{in: "Free shipping on orders over $50", err: ErrNoAmount},
		{in: "$79.99 Save $20.00", amount: 7999, currency: "USD"},
		{in: "Price: $45.00 List Price: $59.99 You Save: $14.99 (25%)", amount: 4500, currency: "USD"},
		{in: "$19.99 Free shipping on orders over $50", amount: 1999, currency: "USD"},
		{in: "Save 20% $79.99", amount: 7999, currency: "USD"},
		// "off" after an amount makes it a saving.
		{in: "Spend $100, get $20 off", err: ErrNoAmount},
		{in: "–$10.00 off", err: ErrNoAmount},
		{in: "Was $50, now $40 - $10 off", amount: 4000, currency: "USD"},
		// "Spar" (da, no) is a saving only with another amount after it; SPAR is also a shop.
		{in: "Spar 200 kr. 799 kr.", opts: ParseOptions{Currency: "DKK"}, amount: 79900, currency: "DKK"},
		{in: "SPAR 2,49 €", amount: 249, currency: "EUR"},
		// A fee after a shipping word, when another amount follows.
		{in: "Normal shipping 4,99 € 29,99 €", amount: 2999, currency: "EUR"},
		{in: "Shipping: $4.99", amount: 499, currency: "USD"},
		{in: "Free shipping $29.99", amount: 2999, currency: "USD"},
	})
}

// TestParseUnitPrices: a price per unit of measure is never the current price while another
// amount stands in the string; alone it is read.
func TestParseUnitPrices(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "£3.00 Was £4.00 £2.00/kg", amount: 300, currency: "GBP"},
		{in: "Was £4.00 £2.00/kg", amount: 400, currency: "GBP"},
		{in: "Was $12.99 $0.50/oz", amount: 1299, currency: "USD"},
		{in: "Reg. $9.99 $4.99/lb", amount: 999, currency: "USD"},
		{in: "UVP 19,99 € 39,98 €/kg", amount: 1999, currency: "EUR"},
		{in: "2,49 € 4,98 € pro kg", amount: 249, currency: "EUR"},
		{in: "RRP £25.00 Price per 100ml £16.67", amount: 2500, currency: "GBP"},
		{in: "Was $49.99 Price per oz $2.50", amount: 4999, currency: "USD"},
		{in: "£2.00 per kg", amount: 200, currency: "GBP"},
		{in: "€1,99 / 100 g", amount: 199, currency: "EUR"},
		{in: "12,99 € le kg", amount: 1299, currency: "EUR"},
	})
}

// TestParseNotAmounts: dates and numbers of days are never amounts.
func TestParseNotAmounts(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Offer ends 31/12 £29.99", amount: 2999, currency: "GBP"},
		{in: "Valid until 12/31/2026 $19.99", amount: 1999, currency: "USD"},
		{in: "Free returns within 30 days $49.99", amount: 4999, currency: "USD"},
		{in: "30-day lowest price €59.99 €49.99", amount: 4999, currency: "EUR"},
	})
}

// TestParseMultiBuy: the price of several items is not the price of one.
func TestParseMultiBuy(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "De R$ 49,90 Leve 3 por R$ 99,90", amount: 4990, currency: "BRL"},
		{in: "Reg. $29.99 2 for $40", amount: 2999, currency: "USD"},
		{in: "$5.99 2 for $10", amount: 599, currency: "USD"},
		{in: "3 für 10 € 3,99 €", amount: 399, currency: "EUR"},
		{in: "2 pour 5 € 2,79 €", amount: 279, currency: "EUR"},
		{in: "Buy 2 get 1 free $12.99", amount: 1299, currency: "USD"},
		{in: "2 for $5", err: ErrNoAmount},
		{in: "Buy 2 get 1 free", err: ErrNoAmount},
		{in: "Pack of 2 for $9.99", amount: 999, currency: "USD"},
	})
}
