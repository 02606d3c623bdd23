package catalog

import (
	"strings"
	"testing"
)

// TestLetterRangeSizes checks the letter and numbers a letter size with a range reads as, in
// the feed's system or the shop's market's, and what is left unread.
func TestLetterRangeSizes(t *testing.T) {
	tests := []struct {
		raw, system, kind, gender, currency string
		want                                string // the sizes, "" for none
	}{
		{"M (8-10)", "", "dresses", "female", "USD", "M, US 8, US 10"},
		{"M (8-10)", "", "dresses", "female", "GBP", "M, UK 8, UK 10"},
		{"M (8-10)", "UK", "dresses", "female", "USD", "M, UK 8, UK 10"},
		{"M (8-10)", "", "dresses", "female", "EUR", ""},
		{"M (12-14)", "", "tops", "female", "AUD", "M, AU 12, AU 14"},
		{"M (38-40)", "", "tops", "female", "EUR", "M, EU 38, EU 40"},
		{"M (38-40)", "", "outerwear", "male", "GBP", "M, UK 38, UK 40"},
		{"L (52-54)", "", "outerwear", "male", "EUR", "L, EU 52, EU 54"},
		{"M/L (10-14)", "", "tops", "female", "GBP", "M/L, UK 10, UK 12, UK 14"},
		{"Small 4-6", "", "tops", "female", "USD", "S, US 4, US 6"},
		{"M (32-34)", "", "bottoms", "male", "USD", "M, waist 32, waist 34"},
		{"S (26-28)", "", "bottoms", "female", "EUR", "S, waist 26, waist 28"},
		{"M (12-20)", "", "dresses", "female", "GBP", ""},
		{"M (11-13)", "", "dresses", "female", "GBP", ""},
		{"M (6-7)", "", "shoes", "female", "GBP", ""},
		{"S (8)", "", "dresses", "female", "GBP", ""},
		{"8-10", "", "dresses", "female", "GBP", ""},
		{"S (2-3 years)", "", "dresses", "female", "GBP", ""},
		{"M (8-10)", "waist", "bottoms", "female", "USD", ""},
	}
	for _, tt := range tests {
		sizes, ok := LetterRangeSizes(tt.raw, tt.system, tt.kind, tt.gender, tt.currency)
		var got []string
		for _, s := range sizes {
			if s.System == SystemLetter {
				got = append(got, s.Value)
			} else {
				got = append(got, s.System+" "+s.Value)
			}
		}
		if strings.Join(got, ", ") != tt.want || ok != (tt.want != "") {
			t.Errorf("LetterRangeSizes(%q, %q, %s, %s, %s) = %q, %v; want %q", tt.raw, tt.system, tt.kind, tt.gender, tt.currency, got, ok, tt.want)
		}
	}
}
