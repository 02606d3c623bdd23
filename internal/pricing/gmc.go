package pricing

import (
	"fmt"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// ParseGMCPrice reads a Google Merchant Center price ("1299.00 EUR", "EUR 1299.00",
// "1,299.00 EUR", "799 INR") into minor units and an upper-case ISO 4217 code. The currency is
// required: a bare number is ambiguous across a retailer's markets, so it is an error rather
// than a guess. Negative and zero amounts are errors too: GMC disapproves both.
func ParseGMCPrice(s string) (minor int64, currency string, err error) {
	amount, currency, err := splitCurrency(strings.TrimSpace(s))
	if err != nil {
		return 0, "", err
	}
	minor, err = catalog.ParseDecimal(normalizeSeparators(amount), currency)
	if err != nil {
		return 0, "", fmt.Errorf("price %q: %v", s, err)
	}
	if minor <= 0 {
		return 0, "", fmt.Errorf("price %q is not above zero", s)
	}
	return minor, currency, nil
}

// splitCurrency separates the amount from the three-letter code on either side of it, with or
// without a space between. The amount may group its thousands with spaces or no-break spaces
// ("1 990,00 EUR"), as French, Nordic and Polish shops write them.
func splitCurrency(s string) (amount, currency string, err error) {
	if s == "" {
		return "", "", fmt.Errorf("price is empty")
	}
	fields := strings.Fields(s)
	switch {
	case len(fields) == 2 && isCode(fields[1]):
		amount, currency = fields[0], fields[1]
	case len(fields) == 2 && isCode(fields[0]):
		amount, currency = fields[1], fields[0]
	case len(fields) == 1 && len(s) > 3 && isCode(s[len(s)-3:]):
		amount, currency = s[:len(s)-3], s[len(s)-3:]
	case len(fields) == 1 && len(s) > 3 && isCode(s[:3]):
		amount, currency = s[3:], s[:3]
	case len(fields) > 2 && isCode(fields[len(fields)-1]) && isSpaceGrouped(fields[:len(fields)-1]):
		amount, currency = strings.Join(fields[:len(fields)-1], ""), fields[len(fields)-1]
	case len(fields) > 2 && isCode(fields[0]) && isSpaceGrouped(fields[1:]):
		amount, currency = strings.Join(fields[1:], ""), fields[0]
	default:
		return "", "", fmt.Errorf("price %q is not AMOUNT CURRENCY (e.g. \"1299.00 EUR\")", s)
	}
	return amount, strings.ToUpper(currency), nil
}

// isSpaceGrouped says whether parts, an amount split at its spaces, are thousands groups: one
// to three digits, then groups of exactly three, the last of which may carry the decimals
// ("1", "990,00"). "12 00" is not grouped: two numbers, or a typo, are not guessed at.
func isSpaceGrouped(parts []string) bool {
	if len(parts) < 2 || !isDigitRun(parts[0], 1, 3) {
		return false
	}
	for i, p := range parts[1:] {
		if i == len(parts)-2 && len(p) > 4 && (p[3] == '.' || p[3] == ',') && isDigitRun(p[4:], 1, 4) {
			p = p[:3]
		}
		if !isDigitRun(p, 3, 3) {
			return false
		}
	}
	return true
}

// isDigitRun says whether s is min to max ASCII digits.
func isDigitRun(s string, min, max int) bool {
	if len(s) < min || len(s) > max {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

func isCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// normalizeSeparators removes thousands separators so that catalog.ParseDecimal sees a plain
// decimal. GMC asks for a dot decimal; a lone comma followed by other than three digits
// ("12,50") is read as a decimal comma, which some exports produce anyway.
func normalizeSeparators(a string) string {
	dot, comma := strings.LastIndexByte(a, '.'), strings.LastIndexByte(a, ',')
	switch {
	case comma < 0:
		return a
	case dot > comma: // 1,299.00
		return strings.ReplaceAll(a, ",", "")
	case dot >= 0: // 1.299,00
		return strings.Replace(strings.ReplaceAll(a, ".", ""), ",", ".", 1)
	case len(a)-comma-1 == 3: // 1,299
		return strings.ReplaceAll(a, ",", "")
	default: // 12,50
		return strings.Replace(a, ",", ".", 1)
	}
}
