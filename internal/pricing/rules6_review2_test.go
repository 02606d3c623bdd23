package pricing

import "testing"

// TestParseFromThroughOnlyAndArticles: a "from" word still makes its amount a lower bound with
// words for "only", "already" or "still", or an article, between them; not before a day.
func TestParseFromThroughOnlyAndArticles(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Vanaf slechts € 12,99", amount: 1299, currency: "EUR", flags: FlagFrom},
		{in: "vanaf maar € 12,99", amount: 1299, currency: "EUR", flags: FlagFrom},
		{in: "Ab nur noch 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "ab bereits 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "desde tan solo 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "desde los 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "a partire da soli 9,99 €", amount: 999, currency: "EUR", flags: FlagFrom},
		{in: "From the low price of $20", amount: 2000, currency: "USD", flags: FlagFrom},
		{in: "Free from the 1st of May £20", amount: 2000, currency: "GBP"},
		{in: "Imported from the USA $29.99", amount: 2999, currency: "USD"},
	})
}

// TestParseMonthlyBesideRegularOrReward: a monthly amount stays the price beside a larger amount
// labelled as the regular price or a value, one the shopper gets (a gift card, cashback,
// credit) or one billed yearly; beside a price paid at once it is still a part payment.
func TestParseMonthlyBesideRegularOrReward(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Was £40 Now £15 a month", amount: 1500, currency: "GBP"},
		{in: "Was: £40 Now: £15 a month", amount: 1500, currency: "GBP"},
		{in: "RRP £120 Now £10 a month", amount: 1000, currency: "GBP"},
		{in: "Was $59.99 Now $19.99 per month", amount: 1999, currency: "USD"},
		{in: "Membership $12/month Retail value $120", amount: 1200, currency: "USD"},
		{in: "$15/mo with $100 gift card", amount: 1500, currency: "USD"},
		{in: "$15/mo + $200 Amazon gift card", amount: 1500, currency: "USD"},
		{in: "$24.99/mo Unlimited plan $50 Visa prepaid card", amount: 2499, currency: "USD"},
		{in: "£20 a month + £50 cashback", amount: 2000, currency: "GBP"},
		{in: "$9.99/month (billed annually at $119.88)", amount: 999, currency: "USD"},
		{in: "Was £1,099 Now £999 or £41.62/month", amount: 99900, currency: "GBP"},
		{in: "$1,299 or $54.13/mo. Get $100 credit", amount: 129900, currency: "USD"},
	})
}

// TestParseCentsApartNotBeforeSizesOrAges: two digits after a whole amount are no cents before a
// dash into a size, a plus of an age or a count, an inch mark or a pence sign.
func TestParseCentsApartNotBeforeSizesOrAges(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "Kids Hoodie £25 10-11 Years", amount: 2500, currency: "GBP"},
		{in: "GTA V £25 18+", amount: 2500, currency: "GBP"},
		{in: "$29 99+ sold", amount: 2900, currency: "USD"},
		{in: "$5 10-pack", amount: 500, currency: "USD"},
		{in: "€ 399 55\"", amount: 39900, currency: "EUR"},
		{in: "£5 99p", amount: 500, currency: "GBP"},
		{in: "$19 99 (20% off)", amount: 1999, currency: "USD"},
		{in: "$19 99*", amount: 1999, currency: "USD"},
		{in: "Was $24 99 Now $19 99", amount: 1999, currency: "USD"},
	})
}

// TestParseMinusPercentPair: a percentage with a minus before or after two prices picks the
// lower when it is what the lower saves on the higher.
func TestParseMinusPercentPair(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "69,99 € 49,99 € -29%", amount: 4999, currency: "EUR"},
		{in: "69,99 € 49,99 € -29 %", amount: 4999, currency: "EUR"},
		{in: "-29% 69,99 € 49,99 €", amount: 4999, currency: "EUR"},
		{in: "£40.00 £20.00 -50%", amount: 2000, currency: "GBP"},
	})
}

// TestParseTaxAsideFullWidthAndDotted: the price with tax in parentheses after the price before
// it, in full-width parentheses or after a mark ending with an abbreviation's dot.
func TestParseTaxAsideFullWidthAndDotted(t *testing.T) {
	runParseCases(t, []parseCase{
		{in: "3,000円（税込3,300円）", amount: 3300, currency: "JPY"},
		{in: "¥3,000（税込 ¥3,300）", amount: 3300, currency: "JPY"},
		{in: "1,000円（税抜） 1,100円（税込）", amount: 1100, currency: "JPY"},
		{in: "€ 41,32 (inkl. MwSt. € 50,00)", amount: 5000, currency: "EUR"},
		{in: "€ 41,32 (inkl. MwSt. € 9,68)", amount: 4132, currency: "EUR"},
		{in: "3,300円（税込）", amount: 3300, currency: "JPY"},
	})
}
