package catalog

import (
	"errors"
	"fmt"
	"strings"
)

// Why a GTIN is refused (NormaliseGTIN wraps one of these).
var (
	ErrGTINLength     = errors.New("a GTIN has 8, 12, 13 or 14 digits")
	ErrGTINDigits     = errors.New("a GTIN holds digits only")
	ErrGTINCheckDigit = errors.New("wrong check digit")
	ErrGTINZero       = errors.New("all zeros")
)

// NormaliseGTIN validates a GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN) or GTIN-14 and returns it as 14
// digits, zero-padded on the left, so that the same article written as a UPC by one retailer and
// as an EAN by another has one spelling. Spaces and hyphens between digits are ignored; the last
// digit must be the GS1 check digit of the others.
func NormaliseGTIN(s string) (string, error) {
	var digits [14]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(digits) {
				return "", fmt.Errorf("GTIN %q: %w", s, ErrGTINLength)
			}
			digits[n] = c
			n++
		case c == ' ' || c == '-':
		default:
			return "", fmt.Errorf("GTIN %q: %w", s, ErrGTINDigits)
		}
	}
	switch n {
	case 8, 12, 13, 14:
	default:
		return "", fmt.Errorf("GTIN %q: %w", s, ErrGTINLength)
	}
	var out [14]byte
	pad := 14 - n
	for i := 0; i < pad; i++ {
		out[i] = '0'
	}
	copy(out[pad:], digits[:n])
	if string(out[:]) == "00000000000000" {
		return "", fmt.Errorf("GTIN %q: %w", s, ErrGTINZero)
	}
	if want := gtinCheckDigit(out[:13]); out[13] != want {
		return "", fmt.Errorf("GTIN %q: %w (want %c)", s, ErrGTINCheckDigit, want)
	}
	return string(out[:]), nil
}

// gtinCheckDigit is the GS1 mod-10 check digit of the digits before it: weights 3 and 1
// alternate from the rightmost digit leftwards.
func gtinCheckDigit(body []byte) byte {
	sum := 0
	for i := len(body) - 1; i >= 0; i-- {
		d := int(body[i] - '0')
		if (len(body)-1-i)%2 == 0 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

// GTINIsGlobal reports whether a normalised GTIN-14 names the same article wherever it is sold.
// GS1 sets aside prefixes that are not: restricted circulation numbers a shop assigns itself
// (in-store and variable-measure codes, GS1 prefixes 02, 04 and 20–29, which is also where
// UPC number systems 2 and 4 land) and coupons (05, 98, 99). Two retailers' items with such a
// number are unrelated, so it must not join them.
func GTINIsGlobal(gtin14 string) bool {
	if len(gtin14) != 14 {
		return false
	}
	p := gtin14[1:] // the GTIN-13 form under the packaging indicator
	switch {
	case p[0] == '2', strings.HasPrefix(p, "02"), strings.HasPrefix(p, "04"), strings.HasPrefix(p, "05"),
		strings.HasPrefix(p, "98"), strings.HasPrefix(p, "99"):
		return false
	}
	return true
}

// GTINs returns the valid, global GTINs (as 14 digits, in the order given, without repeats) in a
// feed's gtin field, which may hold several separated by commas, semicolons or whitespace, and
// how many values it refused (see NormaliseGTIN and GTINIsGlobal).
func GTINs(field string) (valid []string, refused int) {
	for _, v := range strings.FieldsFunc(field, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '\t' || r == '\n' }) {
		v = strings.TrimSpace(v)
		if v == "" {
			continue
		}
		g, err := NormaliseGTIN(v)
		if err != nil {
			// "4006381333931 4006381333948": two GTINs separated by a space, not one with a gap.
			if parts := strings.Fields(v); len(parts) > 1 {
				if sub, bad := GTINs(strings.Join(parts, ",")); len(sub) > 0 {
					valid = appendNew(valid, sub...)
					refused += bad
					continue
				}
			}
			refused++
			continue
		}
		if !GTINIsGlobal(g) {
			refused++
			continue
		}
		valid = appendNew(valid, g)
	}
	return valid, refused
}

func appendNew(list []string, vs ...string) []string {
	for _, v := range vs {
		dup := false
		for _, have := range list {
			if have == v {
				dup = true
				break
			}
		}
		if !dup {
			list = append(list, v)
		}
	}
	return list
}
