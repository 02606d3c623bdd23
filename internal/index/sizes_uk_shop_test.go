package index

import (
	"slices"
	"testing"
)

// TestBareSizesInPoundShopsAreUK: a bare small number on a dress or a shoe in a shop that
// prices in pounds is a UK size, not a US one, and on a dress in one that prices in Australian
// or New Zealand dollars an AU size; elsewhere, or written with a system or letters, or read
// as EU, it keeps its reading.
func TestBareSizesInPoundShopsAreUK(t *testing.T) {
	tests := []struct {
		raw, kind, gender, currency string
		want, notWant               string
	}{
		{"10", "dresses", "female", "GBP", "UK 10", "UK 14"},
		{"10", "dresses", "female", "USD", "US 10", "UK 10"},
		{"10", "dresses", "female", "", "US 10", "UK 10"},
		{"8, 10, 12", "tops", "female", "GBP", "UK 12", "UK 16"},
		{"20, 22, 24", "dresses", "female", "GBP", "UK 20", ""},
		{"18, 20, 22", "dresses", "female", "GBP", "UK 18", "UK 24"},
		{"10", "dresses", "female", "AUD", "AU 10", "UK 14"},
		{"8, 10", "tops", "female", "nzd", "UK 8", "UK 12"},
		{"9", "shoes", "male", "AUD", "US 9", ""}, // AU women's shoes are US sizes by some charts, UK by others
		{"6", "shoes", "female", "GBP", "UK 6", "US 6"},
		{"6.5", "shoes", "female", "gbp", "UK 6.5", "US 6.5"},
		{"6", "shoes", "female", "EUR", "US 6", "UK 6"},
		{"38", "dresses", "female", "GBP", "EU 38", ""},
		{"42", "shoes", "male", "GBP", "EU 42", ""},
		{"32", "bottoms", "male", "GBP", "W32", ""},
		{"US 10", "dresses", "female", "GBP", "US 10", "UK 10"},
		{"M", "tops", "female", "GBP", "M", ""},
	}
	for _, tt := range tests {
		var labels []string
		for _, k := range sizeKeysIn(tt.raw, "", tt.kind, tt.gender, tt.currency) {
			labels = append(labels, k.label)
		}
		if !slices.Contains(labels, tt.want) || tt.notWant != "" && slices.Contains(labels, tt.notWant) {
			t.Errorf("sizeKeysIn(%q, %s, %s, %q) = %v: want %q among them, not %q", tt.raw, tt.kind, tt.gender, tt.currency, labels, tt.want, tt.notWant)
		}
	}
}
