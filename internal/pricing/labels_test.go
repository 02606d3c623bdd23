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
	})
}
