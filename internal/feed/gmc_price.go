package feed

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/tagdrop/tagdrop/internal/pricing"
)

// parseGMCPrice reads a Merchant Center XML price. A price that names its currency in letters
// must be in the specified form ("1299.00 EUR", "EUR 1299.00"). One without letters (a bare
// "19.99", a sign as in "29,99 €" or "$49.00") is read as a delimited feed's price is, with
// defaultCurrency (Options.Currency, or the item's price currency for its sale price) for a
// bare number; without one the error names the --currency option.
func parseGMCPrice(s, defaultCurrency string) (int64, string, error) {
	minor, cur, err := pricing.ParseGMCPrice(s)
	if err == nil || hasASCIILetter(s) || !isOneAmount(s) {
		return minor, cur, err
	}
	if m, c, err2 := DefaultParsePrice(s, defaultCurrency); err2 == nil {
		return m, c, nil
	} else if p, perr := pricing.Parse(s, pricing.ParseOptions{}); perr == nil && p.Currency == "" && defaultCurrency == "" {
		return 0, "", err2
	}
	return 0, "", err
}

// hasASCIILetter says whether s has a letter a-z or A-Z: a currency code, or words.
func hasASCIILetter(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }) >= 0
}

// oneNumber is one amount: digits with "." or "," separators ("1,299.00", "29,99"), or digits
// grouped by thousands with a space, no-break space or apostrophe ("1 299,00", "1'299.00").
var oneNumber = regexp.MustCompile(`^-?(?:\d+(?:[.,]\d+)*|\d{1,3}(?:[ \x{00a0}\x{202f}']\d{3})+(?:[.,]\d+)?)$`)

// isOneAmount says whether s is one number with an optional currency sign before or after it
// ("19.99", "29,99 €", "$49.00"), the only prices without letters parseGMCPrice reads as a
// delimited feed's: a second number ("19.99 / 24.99", "12 34"), parentheses and approximation
// signs ("~19.99", "≈19.99") make it something else.
func isOneAmount(s string) bool {
	s = strings.TrimSpace(s)
	if r, n := utf8.DecodeRuneInString(s); unicode.Is(unicode.Sc, r) {
		s = strings.TrimSpace(s[n:])
	} else if r, n := utf8.DecodeLastRuneInString(s); unicode.Is(unicode.Sc, r) {
		s = strings.TrimSpace(s[:len(s)-n])
	}
	return oneNumber.MatchString(s)
}

// isCurrencyAttr reports an attribute that names the currency of a price element's amount, as
// feeds written without Merchant Center's "12.99 EUR" form do: <price currency="EUR">12.99</price>
// (also currencyId, currency_code).
func isCurrencyAttr(local string) bool {
	switch strings.ToLower(local) {
	case "currency", "currencyid", "currencycode", "currency_code", "curr":
		return true
	}
	return false
}

// withCurrency is the text v of a price or sale_price element given with the currency its
// attribute names: a bare amount ("12.99") takes the code ("12.99 EUR"); an amount that names
// or signs its own currency, an element other than a price and an attribute that is no ISO 4217
// code leave v as it is.
func withCurrency(element, v, currency string) string {
	if element != "price" && element != "sale_price" || currency == "" {
		return v
	}
	code := strings.ToUpper(strings.TrimSpace(currency))
	if !pricing.IsCurrencyCode(code) || !oneNumber.MatchString(v) {
		return v
	}
	return v + " " + code
}
