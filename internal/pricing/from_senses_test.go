package pricing

import "testing"

// TestParseFromThroughUnknownWords: a word the parser does not know between a "from" word and
// its amount keeps the amount a lower bound ("from" has always read so), unless the words
// around it name another sense: an origin or a choice before it, a place, a maker or a time
// after it, or a day for the number.
func TestParseFromThroughUnknownWords(t *testing.T) {
	runParseCases(t, []parseCase{
		// Fillers no list names: still lower bounds.
		{in: "from an affordable $15", amount: 1500, currency: "USD", flags: FlagFrom},
		{in: "From a wallet-friendly £9.99", amount: 999, currency: "GBP", flags: FlagFrom},
		{in: "ab supergünstigen 4,99 €", amount: 499, currency: "EUR", flags: FlagFrom},
		{in: "à partir de seulement 9,90 €", amount: 990, currency: "EUR", flags: FlagFrom},
		{in: "FROM AS LOW AS $20", amount: 2000, currency: "USD", flags: FlagFrom},
		{in: "À PARTIR DE 20 €", amount: 2000, currency: "EUR", flags: FlagFrom},
		// Another sense: not lower bounds.
		{in: "Choose from 5 colours $29.99", amount: 2999, currency: "USD"},
		{in: "Pick from 3 sizes £20", amount: 2000, currency: "GBP"},
		{in: "Direct from Italy €24,90", amount: 2490, currency: "EUR"},
		{in: "From UK £25", amount: 2500, currency: "GBP"},
		{in: "From our partners $29.99", amount: 2999, currency: "USD"},
		{in: "From the makers of Lego $19.99", amount: 1999, currency: "USD"},
		{in: "Ab Lager 19,99 €", amount: 1999, currency: "EUR"},
		{in: "Dès le 15 mars 19,90 €", amount: 1990, currency: "EUR"},
		{in: "À partir du 1er décembre 19,90 €", amount: 1990, currency: "EUR"},
		{in: "From 1 December £20", amount: 2000, currency: "GBP"},
	})
}
