package index

import (
	"slices"
	"testing"
)

// TestMenWaistFollowsTheShopsCurrency: a bare number on men's trousers is a waist in shops
// that price in dollars or pounds (up to 40), not in euro or franc shops (a French "32", "34"
// or "38"), and up to 36 where the currency is not known. (Numbers up to 30 and odd ones
// ParseSize itself reads as waists, whatever the shop.)
func TestMenWaistFollowsTheShopsCurrency(t *testing.T) {
	tests := []struct {
		raw, currency string
		waist         bool
	}{
		{"32", "USD", true},
		{"38", "USD", true},
		{"40", "GBP", true},
		{"32", "gbp", true},
		{"32", "EUR", false},
		{"34", "EUR", false},
		{"38", "CHF", false},
		{"32", "", true},
		{"36", "", true},
		{"38", "", false},
		{"42", "USD", false},
	}
	for _, tt := range tests {
		keys := sizeKeysIn(tt.raw, "", "bottoms", "male", tt.currency)
		got := slices.ContainsFunc(keys, func(k sizeKey) bool { return k.label == "W"+tt.raw })
		if got != tt.waist {
			t.Errorf("sizeKeysIn(%q, men's trousers, %q) = %v: waist %v, want %v", tt.raw, tt.currency, keys, got, tt.waist)
		}
	}
}
