package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestImportedContinentalCoatsAndPlusJeans follows two readings the fit and waist rules must
// leave alone: a men's blazer or coat numbered 46 and up in a pound shop is continental (IT/EU
// 50 is a 40 chest; chests past 45 are rare, and suit sizes from 46 are read as continental),
// and one numbered 32 to 45 in a dollar shop is a US chest,
// and a plus-size women's jeans "24" in a feed that says US is a US plus size, not a 24 waist; a
// euro shop's women's "38 Long" coat or "38L" trousers is EU 38 (no men's chest, no waist), and
// a yen shop's "2L" is XL.
func TestImportedContinentalCoatsAndPlusJeans(t *testing.T) {
	tests := []struct {
		productType, title, gender, currency, sizeSystem, size string
		kind, system, value                                    string // the shopper's size
		match                                                  bool
	}{
		{"Men > Blazers", "Wool Blazer", "male", "GBP", "", "50", "outerwear", "EU", "50", true},
		{"Men > Blazers", "Wool Blazer", "male", "GBP", "", "48", "outerwear", "EU", "48", true},
		{"Men > Coats", "Overcoat", "male", "GBP", "", "52", "outerwear", "IT", "52", true},
		{"Men > Coats", "Overcoat", "male", "GBP", "", "52", "outerwear", "UK", "52", false},
		{"Men > Blazers", "Wool Blazer", "male", "GBP", "", "40", "outerwear", "UK", "40", true}, // a chest stays one
		{"Men > Blazers", "Sport Coat", "male", "USD", "", "40", "outerwear", "US", "40", true},
		{"Men > Blazers", "Sport Coat", "male", "USD", "", "40", "outerwear", "EU", "40", false},
		{"Women > Jeans", "Plus Size Straight Jeans", "female", "USD", "US", "24", "bottoms", "US", "24", true},
		{"Women > Jeans", "Plus Size Straight Jeans", "female", "USD", "US", "24", "bottoms", "waist", "24", false},
		{"Women > Plus Size > Jeans", "Skinny Jeans", "female", "USD", "US", "26", "bottoms", "US", "26", true},
		{"Women > Jeans", "Skinny Jeans", "female", "USD", "US", "26", "bottoms", "waist", "26", true}, // a waist stays one
		// A euro shop's women's sizes with a length are continental sizes in a long or short cut.
		{"Damen > Mäntel", "Wollmantel", "female", "EUR", "", "38 Long", "outerwear", "EU", "38", true},
		{"Damen > Mäntel", "Wollmantel", "female", "EUR", "", "38 Long", "outerwear", "US", "38", false},
		{"Femme > Pantalons", "Pantalon large", "female", "EUR", "", "38L", "bottoms", "EU", "38", true},
		{"Femme > Pantalons", "Pantalon large", "female", "EUR", "", "38L", "bottoms", "waist", "38", false},
		{"Damen > Hosen", "Stoffhose", "female", "EUR", "", "36S", "bottoms", "EU", "36", true},
		{"Herren > Anzüge", "Sakko", "male", "USD", "", "40R", "outerwear", "US", "40", true}, // a men's chest stays one
		// Japanese 2L is XL, as LL is.
		{"Women > Tops > T-Shirts", "Cotton T-Shirt", "female", "JPY", "", "2L", "tops", "letter", "XL", true},
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		it := feed.Item{ID: "1", Title: tt.title, ProductType: tt.productType, Gender: tt.gender, Currency: tt.currency,
			SizeSystem: tt.sizeSystem, Size: tt.size, RegularPrice: 5000, Availability: "in stock"}
		ix, o := indexImported(t, it, at)
		if got := !ix.SizeInStock(tt.kind, tt.system, tt.value).IsEmpty(); got != tt.match {
			t.Errorf("%s %q, %s %q: %q imported as system %q; shopper's %s %s %s matches it: %v, want %v",
				tt.productType, tt.title, tt.currency, tt.sizeSystem, tt.size, o.SizeSystem, tt.kind, tt.system, tt.value, got, tt.match)
		}
	}
}
