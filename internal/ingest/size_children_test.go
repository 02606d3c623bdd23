package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestChildrensSpansReachNoAdultShoppers: a children's "8-10" or "10/12" (the feed's
// age_group says kids, toddler, infant) is a span of ages, not two neighbouring women's or
// men's sizes, so an adult shopper's UK 10 or US 8 must not find it; the same text on an
// adult's item is a pair of sizes and finds both.
func TestChildrensSpansReachNoAdultShoppers(t *testing.T) {
	tests := []struct {
		productType, gender, ageGroup, currency, size string
		sizeSystem                                    string // the feed's
		kind, system, value                           string // the shopper's size
		match                                         bool
	}{
		{"Girls > Tops", "female", "kids", "GBP", "10-12", "", "tops", "UK", "10", false},
		{"Girls > Tops", "female", "kids", "GBP", "10-12", "", "tops", "UK", "12", false},
		{"Girls > Dresses", "female", "Kids", "GBP", "10/12", "", "dresses", "UK", "12", false},
		{"Girls > Dresses", "female", "kids", "GBP", "12 - 14", "", "dresses", "UK", "14", false},
		{"Girls > Tops", "female", "kids", "USD", "6-8", "", "tops", "US", "8", false},
		{"Boys > Trousers", "male", "kids", "USD", "14-16", "", "bottoms", "US", "14", false},
		{"Boys > Tops", "male", "kids", "CAD", "10-12", "", "tops", "US", "12", false},
		{"Girls > Dresses", "female", "toddler", "USD", "2-4", "", "dresses", "US", "4", false},
		{"Girls > Tops", "female", "kids", "EUR", "8-10", "", "tops", "US", "10", false},
		{"Girls > Dresses", "female", "kids", "AUD", "8-10", "", "dresses", "AU", "8", false},
		{"Girls > Dresses", "female", "kids", "USD", "8-10", "US", "dresses", "US", "10", false}, // the feed's US: US girls' sizes
		// An adult's pair is two sizes, as before.
		{"Women > Tops", "female", "adult", "GBP", "10-12", "", "tops", "UK", "12", true},
		{"Women > Tops", "female", "", "USD", "6-8", "", "tops", "US", "8", true},
		{"Women > Dresses", "female", "adult", "AUD", "8-10", "", "dresses", "AU", "8", true},
		// No age group in the feed, but a children's department in its product type.
		{"Kids > Girls > Dresses", "female", "", "USD", "10", "", "dresses", "US", "10", false},
		{"Kinder > Mädchen > Kleider", "female", "", "EUR", "M", "", "dresses", "letter", "M", false},
		{"Women > Dresses", "female", "", "USD", "10", "", "dresses", "US", "10", true},
		{"Baby Girl > Dresses", "female", "", "USD", "12", "", "dresses", "US", "12", false},
		{"Vêtements enfant > Robes", "female", "", "EUR", "M", "", "dresses", "letter", "M", false},
		// Kidskin and a maker's name are no children's department.
		{"Women > Shoes > Kid Suede", "female", "", "EUR", "38", "", "shoes", "EU", "38", true},
		{"Brands > Kids Love Gaite > Loafers", "female", "", "EUR", "38", "", "shoes", "EU", "38", true},
		// A children's letter is a children's size, which no adult shopper gives.
		{"Girls > Tops", "female", "kids", "GBP", "S/M", "", "tops", "letter", "M", false},
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		it := feed.Item{ID: "1", Title: "Item", ProductType: tt.productType, Gender: tt.gender, AgeGroup: tt.ageGroup,
			Currency: tt.currency, Size: tt.size, SizeSystem: tt.sizeSystem, RegularPrice: 5000, Availability: "in stock"}
		ix, o := indexImported(t, it, at)
		if got := !ix.SizeInStock(tt.kind, tt.system, tt.value).IsEmpty(); got != tt.match {
			t.Errorf("%s (%s), %q: %q imported as system %q; shopper's %s %s %s matches it: %v, want %v",
				tt.productType, tt.ageGroup, tt.currency, tt.size, o.SizeSystem, tt.kind, tt.system, tt.value, got, tt.match)
		}
	}
}
