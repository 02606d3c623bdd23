package pricing

import (
	"strings"
	"testing"
)

// TestParseFromInOtherSenses: "from" before a place or a material is no lower bound; before
// its amount, with only signs and fillers between, it is.
func TestParseFromInOtherSenses(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Ships from UK £25.00", amount: 2500, currency: "GBP"},
		{in: "Made from recycled plastic $40", amount: 4000, currency: "USD"},
		{in: "Ab sofort 19,99 €", amount: 1999, currency: "EUR"},
		{in: "From $20", amount: 2000, currency: "USD", flags: FlagFrom},
		{in: "Starting from only £5", amount: 500, currency: "GBP", flags: FlagFrom},
		{in: "À partir de 39,00 €", amount: 3900, currency: "EUR", flags: FlagFrom},
		{in: "Mulai dari Rp 25.000", amount: 2500000, currency: "IDR", flags: FlagFrom},
	})
}

// TestParseMonthlyBesidePrice: a monthly amount beside a price paid at once is a part payment;
// alone it is the price.
func TestParseMonthlyBesidePrice(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "$54.13/mo. or $1,299.00", amount: 129900, currency: "USD"},
		{in: "24,99 € / Monat 599,00 €", amount: 59900, currency: "EUR"},
		{in: "£1,099 or £45.79 per month", amount: 109900, currency: "GBP"},
		{in: "月々 2,980円 一括 71,520円", amount: 71520, currency: "JPY"},
		{in: "월 29,900원 12개월 할부 358,800원", amount: 358800, currency: "KRW"},
		{in: "Pay in 3 of R 333 R 999", amount: 99900, currency: "ZAR"},
		{in: "月額 980円", amount: 980, currency: "JPY"},
		{in: "$9.99/month", amount: 999, currency: "USD"},
	})
}

// TestParseNetThenTaxInParentheses: a price with tax in parentheses that open with the tax
// mark wins over the unmarked net price before it; with the mark after its number, or after two
// prices, the first price stays the amount.
func TestParseNetThenTaxInParentheses(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "¥3,000 (税込 ¥3,300)", amount: 3300, currency: "JPY"},
		{in: "¥12,000(税込¥13,200)", amount: 13200, currency: "JPY"},
		{in: "3,000円 (税込3,300円)", amount: 3300, currency: "JPY"},
		{in: "3,300円(税込)", amount: 3300, currency: "JPY"},
		{in: "34.12 (40.94 inc VAT)", amount: 3412},
		{in: "12,99 €14,99 € inkl. MwSt.", amount: 1299, currency: "EUR"},
		{in: "¥3,000 (税込 ¥9,900)", amount: 3000, currency: "JPY"}, // no tax rate is 230%
	})
}

// TestParseCodesBeforePrice: letters and numbers of a model's code or a reference are no sign
// and no part of the price.
func TestParseCodesBeforePrice(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Samsung QN55Q80C $1,097.99", amount: 109799, currency: "USD"},
		{in: "Ref. 2024-118 129,00 €", amount: 12900, currency: "EUR"},
		{in: "1 299-1 499 €", amount: 129900, high: 149900, currency: "EUR", flags: FlagRange},
		{in: "100 000-120 000 Ft", amount: 10000000, high: 12000000, currency: "HUF", flags: FlagRange},
		{in: "Giá gốc: 1.590.000₫ Giá KM: 1.290.000₫", amount: 1290000, currency: "VND"},
		{in: "KM 49,90", amount: 4990, currency: "BAM"},
	})
}

// TestParseStruckMarkup: a price in <del>, <s> or <strike>, or an element whose class names an
// old price, is the regular one; other tags are dropped, and a "<" that opens none stays.
func TestParseStruckMarkup(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "<del>$59.99</del> $44.99", amount: 4499, currency: "USD"},
		{in: "<s>£30.00</s> £20.00", amount: 2000, currency: "GBP"},
		{in: `<span class="price price--compare">49,99 €</span> <span class="price">39,99 €</span>`, amount: 3999, currency: "EUR"},
		{in: `<span class="bold">$19.99</span>`, amount: 1999, currency: "USD"},
		{in: "<b>Price:</b> $19.99", amount: 1999, currency: "USD"},
		{in: "< $50 $19.99", amount: 5000, currency: "USD"},
		{in: "<a <del>$59.99</del> $44.99", amount: 4499, currency: "USD"},
	})
}

// TestParseCentsWrittenApart: two cents digits written apart after a signed whole amount are
// its decimals, not before months, a per cent sign or a unit; after a colon only beside "kr".
func TestParseCentsWrittenApart(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "$19 99", amount: 1999, currency: "USD"},
		{in: "19 99 €", amount: 1999, currency: "EUR"},
		{in: "$1,299 99", amount: 129999, currency: "USD"},
		{in: "$3,499 12 meses sin intereses de $291.58", amount: 349900, currency: "USD"},
		{in: "$5 10%", amount: 500, currency: "USD"},
		{in: "Size 10 R 299", amount: 29900, currency: "ZAR"},
		{in: "29:90 kr", opts: ParseOptions{Currency: "SEK"}, amount: 2990, currency: "SEK"},
		{in: "Öppet 10:00 29,90 kr", opts: ParseOptions{Currency: "SEK"}, amount: 2990, currency: "SEK"},
		{in: "Ends 10:00 £5", amount: 500, currency: "GBP"},
	})
}

// TestParseOtherSigns: "/-" after an Indian amount, "¢" before a unit, Swedish ":-", Hungarian
// "felett" after a threshold, "Mix & match" multi-buys.
func TestParseOtherSigns(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "1,299/- Rs", amount: 129900, currency: "INR"},
		{in: "49¢/lb", amount: 49, currency: "USD"},
		{in: "£12.99 p/m", amount: 1299, currency: "GBP"},
		{in: "1 299:-", amount: 129900, currency: "SEK"},
		{in: "Ingyenes szállítás 20 000 Ft felett 8 990 Ft", amount: 899000, currency: "HUF"},
		{in: "Mix & match 3 for £10 £3.75 each", amount: 375, currency: "GBP"},
		{in: "Ordinarie pris 349 kr Kampanjpris 279 kr", opts: ParseOptions{Currency: "SEK"}, amount: 27900, currency: "SEK"},
	})
}

// BenchmarkParseLongShapes parses half a megabyte of each shape the rules above look at, one
// shape per sub-benchmark: run it at two sizes to see a rule go quadratic (no timing threshold
// in the tests: the machine is shared).
//
//	go test -run '^$' -bench ParseLongShapes ./internal/pricing/
func BenchmarkParseLongShapes(b *testing.B) {
	for _, unit := range []string{"from from from ", "<del>", "<s $1 ", "<a ", "$19 99 ", "1/-", "2024-118 ", "QN55Q80C ", "월 29,900원 "} {
		s := strings.Repeat(unit, (1<<19)/len(unit)) + ">" // a ">" at the very end: "<a <a … >"
		b.Run(strings.TrimSpace(unit), func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				Parse(s, ParseOptions{})
			}
		})
	}
}
