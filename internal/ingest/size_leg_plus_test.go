package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestImportedLegPlusAndUnisexShoes follows a feed item and what a shopper typed in settings
// (account.ParseSizes) to whether the item reaches them: a waist-and-leg shopper is sent their
// leg and waist-only trousers, not another leg; a US plus letter is the plus numbers it spans; a
// US 00 is no US 0; a dollar shop's "XS/0" is US 0; a unisex "M9 W10.5" reaches men's US 9 and
// women's US 10.5 shoppers.
func TestImportedLegPlusAndUnisexShoes(t *testing.T) {
	tests := []struct {
		productType, gender, currency, sizeSystem, size string
		kind, system, typed                             string // the shopper's settings
		match                                           bool
	}{
		{"Women > Jeans", "female", "USD", "", "W28 L32", "bottoms", "waist", "W28 L30", false},
		{"Women > Jeans", "female", "USD", "", "W28 L30", "bottoms", "waist", "W28 L30", true},
		{"Women > Jeans", "female", "EUR", "", "W28 L32", "bottoms", "waist", "W28", true},
		{"Men > Trousers", "male", "USD", "", "32W 32L", "bottoms", "waist", "32/30", false},
		{"Men > Trousers", "male", "USD", "", "32x30", "bottoms", "waist", "32/30", true},
		{"Men > Trousers", "male", "USD", "", "32", "bottoms", "waist", "32/30", true},
		{"Men > Trousers", "male", "SEK", "", "W31 L32", "bottoms", "waist", "31/34", false},
		{"Women > Dresses", "female", "USD", "US", "2X", "dresses", "US", "18W", true},
		{"Women > Dresses", "female", "USD", "US", "1X", "dresses", "US", "1X", true},
		{"Women > Dresses", "female", "USD", "US", "1X", "dresses", "US", "20W", false},
		{"Women > Tops", "female", "USD", "US", "3X", "tops", "US", "24W", true},
		{"Women > Dresses", "female", "USD", "US", "00", "dresses", "US", "0", false},
		{"Women > Dresses", "female", "USD", "US", "00", "dresses", "US", "00", true},
		{"Women > Dresses", "female", "USD", "", "XXS/00", "dresses", "US", "00", true},
		{"Women > Dresses", "female", "USD", "", "XS/0", "dresses", "US", "0", true},
		{"Unisex > Shoes > Sneakers", "unisex", "USD", "", "M9 W10.5", "shoes", "US", "10.5", true},
		{"Unisex > Shoes > Sneakers", "unisex", "USD", "", "M9 W10.5", "shoes", "EU", "42", true},
		{"Unisex > Shoes > Sneakers", "unisex", "USD", "", "M9 W10.5", "shoes", "US", "10", false},
		{"Unisex > Shoes > Sneakers", "unisex", "USD", "", "M 7 / W 8.5", "shoes", "US", "8.5", true},
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		prefs, err := account.ParseSizes(tt.kind, tt.system, tt.typed)
		if err != nil {
			t.Errorf("ParseSizes(%s, %s, %q): %v", tt.kind, tt.system, tt.typed, err)
			continue
		}
		it := feed.Item{ID: "1", Title: "Item", ProductType: tt.productType, Gender: tt.gender, Currency: tt.currency,
			SizeSystem: tt.sizeSystem, Size: tt.size, RegularPrice: 5000, Availability: "in stock"}
		ix, o := indexImported(t, it, at)
		got := false
		for _, p := range prefs {
			got = got || !ix.SizeInStock(p.Kind, p.System, p.Value).IsEmpty()
		}
		if got != tt.match {
			t.Errorf("%s %s %q (%q, imported as %q): shopper's %s %s %q matches it: %v, want %v",
				tt.productType, tt.currency, tt.size, tt.sizeSystem, o.SizeSystem, tt.kind, tt.system, tt.typed, got, tt.match)
		}
	}
}
