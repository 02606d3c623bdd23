package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestImportedSizesMatchTypedSizes follows a size from the feed item to the shopper who typed
// a size on the settings page: the item is normalised and filed in an index, the shopper's
// text read by account.ParseSizes, and the item found when any size read from it finds it.
func TestImportedSizesMatchTypedSizes(t *testing.T) {
	tests := []struct {
		productType, gender, ageGroup, currency, size string
		sizeSystem                                    string // the feed's
		kind, system, text                            string // what the shopper typed, in which system
		match                                         bool
	}{
		// Men's trousers whose feed says US or UK: the only such size is the waist.
		{"Men > Trousers", "male", "adult", "USD", "32", "US", "bottoms", "waist", "32", true},
		{"Men > Trousers", "male", "adult", "USD", "32", "US", "bottoms", "EU", "42", false},
		{"Men > Trousers", "male", "adult", "GBP", "34", "UK", "bottoms", "waist", "34", true},
		{"Men > Trousers", "male", "adult", "GBP", "34", "UK", "bottoms", "EU", "44", false},
		{"Men > Shorts", "male", "", "GBP", "30", "UK", "bottoms", "waist", "30", true},
		{"Women > Trousers", "female", "adult", "USD", "10", "US", "bottoms", "US", "10", true}, // women's: dress sizes
		{"Men > Trousers", "male", "adult", "EUR", "48", "EU", "bottoms", "EU", "48", true},
		// Children's single sizes reach no adult shopper.
		{"Girls > Tops", "female", "kids", "USD", "10", "", "tops", "US", "10", false},
		{"Girls > Tops", "female", "kids", "USD", "10", "US", "tops", "US", "10", false},
		{"Girls > Tops", "female", "kids", "GBP", "6", "", "tops", "UK", "6", false},
		{"Girls > Dresses", "female", "kids", "GBP", "6", "", "dresses", "US", "2", false},
		{"Kids > Shoes > Trainers", "", "kids", "GBP", "12", "", "shoes", "UK", "12", false},
		{"Kids > Shoes > Trainers", "", "kids", "GBP", "12", "UK", "shoes", "EU", "30", false},
		{"Boys > Tops", "male", "kids", "GBP", "S", "", "tops", "letter", "S", false},
		{"Girls > Tops", "female", "toddler", "USD", "XS", "", "tops", "letter", "XS", false},
		{"Women > Tops", "female", "adult", "GBP", "S", "", "tops", "letter", "S", true},
		{"Women > Tops", "female", "adult", "USD", "10", "", "tops", "US", "10", true},
		// A number beside its own EU equivalent is in the shop's market system.
		{"Women > Dresses", "female", "adult", "GBP", "8 (EU 36)", "", "dresses", "UK", "8", true},
		{"Women > Dresses", "female", "adult", "GBP", "8 (EU 36)", "", "dresses", "UK", "12", false},
		{"Women > Dresses", "female", "adult", "GBP", "8 (EU 36)", "", "dresses", "US", "4", true},
		{"Women > Dresses", "female", "adult", "GBP", "8 (EU 36)", "", "dresses", "EU", "36", true},
		{"Women > Tops", "female", "adult", "GBP", "10 (EU 38)", "", "tops", "US", "10", false},
		{"Women > Shoes > Sneakers", "female", "adult", "GBP", "6 (EU 39)", "", "shoes", "UK", "6", true},
		{"Women > Shoes > Sneakers", "female", "adult", "GBP", "6 (EU 39)", "", "shoes", "US", "6", false},
		{"Women > Dresses", "female", "adult", "USD", "4 (EU 36)", "", "dresses", "US", "4", true},
		{"Women > Dresses", "female", "adult", "GBP", "8 (EU 40)", "", "dresses", "UK", "8", false}, // EU 40 is no UK 8
		// A shopper's pair is each of its sizes.
		{"Women > Dresses", "female", "adult", "GBP", "10", "", "dresses", "UK", "8/10", true},
		{"Women > Dresses", "female", "adult", "GBP", "8", "", "dresses", "UK", "8/10", true},
		{"Women > Dresses", "female", "adult", "GBP", "12", "", "dresses", "UK", "8/10", false},
		{"Women > Dresses", "female", "adult", "GBP", "10-12", "", "dresses", "UK", "8-10", true},
		{"Women > Tops", "female", "adult", "USD", "M", "", "tops", "letter", "S/M", true},
		{"Women > Tops", "female", "adult", "USD", "S", "", "tops", "letter", "S/M", true},
		{"Women > Tops", "female", "adult", "USD", "L", "", "tops", "letter", "S/M", false},
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		it := feed.Item{ID: "1", Title: "Item", ProductType: tt.productType, Gender: tt.gender, AgeGroup: tt.ageGroup,
			Currency: tt.currency, Size: tt.size, SizeSystem: tt.sizeSystem, RegularPrice: 5000, Availability: "in stock"}
		ix, o := indexImported(t, it, at)
		prefs, err := account.ParseSizes(tt.kind, tt.system, tt.text)
		if err != nil {
			t.Errorf("ParseSizes(%q, %q, %q): %v", tt.kind, tt.system, tt.text, err)
			continue
		}
		got := false
		for _, p := range prefs {
			got = got || !ix.SizeInStock(p.Kind, p.System, p.Value).IsEmpty()
		}
		if got != tt.match {
			t.Errorf("%s (%s), %s, %q (feed system %q) imported as system %q; shopper's %s %s %q (%v) matches it: %v, want %v",
				tt.productType, tt.ageGroup, tt.currency, tt.size, tt.sizeSystem, o.SizeSystem, tt.kind, tt.system, tt.text, prefs, got, tt.match)
		}
	}
}
