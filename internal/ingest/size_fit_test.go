package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestImportedFitsWaistsAndSuits follows sizes the last review found misfiled from the feed
// item to a shopper's size: women's and unisex jeans numbered by the waist in a feed that says
// US, men's trouser waists with a label or a leg length, a number with its continental
// equivalent, fit letters glued to a dress size ("10P"), maternity sizes, suit chests with a
// length ("40R"), and runs of neighbouring sizes ("6/8/10", "38/39").
func TestImportedFitsWaistsAndSuits(t *testing.T) {
	tests := []struct {
		productType, gender, currency, sizeSystem, size string
		kind, system, value                             string // the shopper's size
		match                                           bool
	}{
		// Jeans numbered by the waist, whatever the feed calls the system.
		{"Women > Jeans", "female", "USD", "US", "27", "bottoms", "waist", "27", true},
		{"Women > Jeans", "female", "USD", "US", "27", "bottoms", "US", "27", false},
		{"Women > Jeans", "female", "USD", "US", "30", "bottoms", "waist", "30", true},
		{"Women > Jeans", "female", "USD", "US", "29 Petite", "bottoms", "waist", "29", true},
		{"Women > Jeans", "female", "USD", "US", "8", "bottoms", "US", "8", true}, // a dress size stays one
		{"Unisex > Jeans", "unisex", "USD", "US", "32", "bottoms", "waist", "32", true},
		// Men's trousers in a pound shop: a label, a leg length, a French equivalent.
		{"Men > Trousers", "male", "GBP", "", "Size 32", "bottoms", "waist", "32", true},
		{"Men > Trousers", "male", "GBP", "", "32 (EU 42)", "bottoms", "waist", "32", true},
		{"Men > Trousers", "male", "GBP", "", "34S", "bottoms", "waist", "34", true},
		{"Men > Trousers", "male", "GBP", "", "30L", "bottoms", "waist", "30", true},
		// A number beside its own continental size says its system, in any shop.
		{"Women > Dresses", "female", "EUR", "", "8 (EU 36)", "dresses", "UK", "8", true},
		{"Women > Dresses", "female", "EUR", "", "8 (EU 36)", "dresses", "US", "8", false},
		{"Women > Dresses", "female", "GBP", "", "Size 8 (EU 36)", "dresses", "UK", "8", true},
		// Fit letters and words.
		{"Women > Dresses", "female", "USD", "US", "10P", "dresses", "US", "10", true},
		{"Women > Dresses", "female", "GBP", "UK", "10R", "dresses", "UK", "10", true},
		{"Women > Dresses", "female", "GBP", "UK", "10L", "dresses", "UK", "10", true},
		{"Women > Dresses", "female", "GBP", "UK", "10L", "dresses", "UK", "14", false},
		{"Women > Dresses", "female", "GBP", "UK", "Maternity 10", "dresses", "UK", "10", true},
		{"Women > Dresses", "female", "GBP", "", "Maternity 12", "dresses", "UK", "12", true},
		{"Women > Tops", "female", "GBP", "", "Maternity M", "tops", "letter", "M", true},
		{"Women > Dresses", "female", "USD", "", "0P", "dresses", "US", "0", true},
		// Suits and blazers: the chest in inches and a length.
		{"Men > Suits", "male", "GBP", "UK", "40R", "outerwear", "UK", "40", true},
		{"Men > Suits", "male", "GBP", "UK", "40R", "outerwear", "EU", "50", true},
		{"Men > Suits", "male", "USD", "US", "42L", "outerwear", "US", "42", true},
		{"Men > Blazers", "male", "USD", "", "38S", "outerwear", "US", "38", true},
		{"Men > Suits", "male", "GBP", "", "44L", "outerwear", "UK", "44", true},
		{"Men > Coats", "male", "GBP", "", "40 Regular", "outerwear", "UK", "40", true},
		{"Men > Coats", "male", "GBP", "", "40 Regular", "outerwear", "UK", "42", false},
		// Runs of neighbouring sizes: each.
		{"Women > Dresses", "female", "GBP", "", "6/8/10", "dresses", "UK", "10", true},
		{"Women > Dresses", "female", "GBP", "", "6/8/10", "dresses", "UK", "12", false},
		{"Women > Dresses", "female", "USD", "US", "10/12/14", "dresses", "US", "14", true},
		{"Women > Shoes > Slippers", "female", "EUR", "", "38/39", "shoes", "EU", "39", true},
		{"Women > Shoes > Slippers", "female", "EUR", "", "38/39", "shoes", "EU", "40", false},
		{"Women > Dresses", "female", "EUR", "", "36/38", "dresses", "EU", "38", true},
		// A women's coat's "42" in a pound shop stays continental; a men's is a chest.
		{"Women > Coats", "female", "GBP", "", "42", "outerwear", "EU", "42", true},
		{"Women > Coats", "female", "GBP", "", "42", "outerwear", "UK", "42", false},
		{"Men > Coats", "male", "GBP", "", "42", "outerwear", "UK", "42", true},
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		it := feed.Item{ID: "1", Title: "Item", ProductType: tt.productType, Gender: tt.gender, Currency: tt.currency,
			SizeSystem: tt.sizeSystem, Size: tt.size, RegularPrice: 5000, Availability: "in stock"}
		ix, o := indexImported(t, it, at)
		if got := !ix.SizeInStock(tt.kind, tt.system, tt.value).IsEmpty(); got != tt.match {
			t.Errorf("%s, %s, %s %q: %q imported as system %q; shopper's %s %s %s matches it: %v, want %v",
				tt.productType, tt.gender, tt.currency, tt.sizeSystem, tt.size, o.SizeSystem, tt.kind, tt.system, tt.value, got, tt.match)
		}
	}
}
