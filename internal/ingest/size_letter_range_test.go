package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// letterRangeCase is a feed item sized by a letter with a range of numbers ("M (8-10)") and a
// shopper's typed size, with whether the item reaches them.
type letterRangeCase struct {
	productType, gender, ageGroup, currency, sizeSystem, size string
	kind, system, typed                                       string // the shopper's settings
	match                                                     bool
}

// runLetterRangeCases imports each case's item, indexes it, and checks the shopper's match.
func runLetterRangeCases(t *testing.T, tests []letterRangeCase) {
	t.Helper()
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		prefs, err := account.ParseSizes(tt.kind, tt.system, tt.typed)
		if err != nil {
			t.Errorf("ParseSizes(%s, %s, %q): %v", tt.kind, tt.system, tt.typed, err)
			continue
		}
		it := feed.Item{ID: "1", Title: "Item", ProductType: tt.productType, Gender: tt.gender, AgeGroup: tt.ageGroup,
			Currency: tt.currency, SizeSystem: tt.sizeSystem, Size: tt.size, RegularPrice: 5000, Availability: "in stock"}
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

// TestImportedLetterWithNumberRange follows a letter size with the range of numbers it spans
// ("M (8-10)", "S 8-10", "M/L (10-14)") from feed to shopper: it is found under the letter and
// each number of the range in the shop's market's system (UK in pounds, US in dollars, AU in
// Australian dollars, EU for continental numbers) or the feed's size_system, and converted from
// there; a men's "M (38-40)" in pounds or dollars is the chest in inches; kids' spans stay a
// child's, and shoes, bras and one-size words are left alone.
func TestImportedLetterWithNumberRange(t *testing.T) {
	W, M := "female", "male"
	runLetterRangeCases(t, []letterRangeCase{
		// pound shops: UK numbers
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "UK", "12", true},
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "UK", "14", true},
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "UK", "10", false},
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "letter", "M", true},
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "US", "8", true},
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "US", "12", false},
		{"Women > Dresses", W, "", "GBP", "", "S (8-10)", "dresses", "UK", "10", true},
		{"Women > Dresses", W, "", "GBP", "", "S (8-10)", "dresses", "EU", "38", true},
		{"Women > Dresses", W, "", "GBP", "", "S (8-10)", "dresses", "EU", "40", false},
		{"Women > Tops", W, "", "GBP", "", "L (16-18)", "tops", "UK", "16", true},
		{"Women > Tops", W, "", "GBP", "", "L (16-18)", "tops", "UK", "14", false},
		{"Women > Tops", W, "", "GBP", "", "XS (4-6)", "tops", "UK", "6", true},
		{"Women > Knitwear", W, "", "GBP", "", "S 8-10", "tops", "UK", "8", true},
		{"Women > Knitwear", W, "", "GBP", "", "Small (8-10)", "tops", "UK", "10", true},
		{"Women > Knitwear", W, "", "GBP", "", "Medium (12-14)", "tops", "UK", "12", true},
		{"Women > Coats", W, "", "GBP", "", "M/L (12-16)", "outerwear", "UK", "14", true},
		{"Women > Coats", W, "", "GBP", "", "M/L (12-16)", "outerwear", "UK", "16", true},
		{"Women > Coats", W, "", "GBP", "", "M/L (12-16)", "outerwear", "UK", "18", false},
		{"Women > Coats", W, "", "GBP", "", "M/L (12-16)", "outerwear", "letter", "L", true},
		{"Women > Skirts", W, "", "GBP", "", "XL (18-20)", "dresses", "UK", "20", true},
		{"Women > Dresses", W, "", "GBP", "", "S (8)", "dresses", "UK", "8", true},
		{"Women > Dresses", W, "", "GBP", "", "S (8)", "dresses", "UK", "10", false},
		// dollar shops: US numbers
		{"Women > Dresses", W, "", "USD", "", "M (8-10)", "dresses", "US", "8", true},
		{"Women > Dresses", W, "", "USD", "", "M (8-10)", "dresses", "US", "10", true},
		{"Women > Dresses", W, "", "USD", "", "M (8-10)", "dresses", "US", "6", false},
		{"Women > Dresses", W, "", "USD", "", "M (8-10)", "dresses", "UK", "12", true},
		{"Women > Dresses", W, "", "USD", "", "M (8-10)", "dresses", "UK", "8", false},
		{"Women > Tops", W, "", "USD", "", "S (4-6)", "tops", "US", "4", true},
		{"Women > Tops", W, "", "USD", "", "S (4-6)", "tops", "US", "6", true},
		{"Women > Tops", W, "", "USD", "", "S (4-6)", "tops", "EU", "36", true},
		{"Women > Tops", W, "", "USD", "", "XS (0-2)", "tops", "US", "2", true},
		{"Women > Tops", W, "", "USD", "", "XS (0-2)", "tops", "US", "4", false},
		{"Women > Knitwear", W, "", "USD", "", "L (12-14)", "tops", "US", "14", true},
		{"Women > Knitwear", W, "", "USD", "", "XL (16-18)", "tops", "US", "16", true},
		{"Women > Coats", W, "", "CAD", "", "M (8-10)", "outerwear", "US", "10", true},
		{"Women > Dresses", W, "", "USD", "", "Small (4-6)", "dresses", "US", "6", true},
		{"Women > Dresses", W, "", "USD", "", "S 4-6", "dresses", "US", "4", true},
		{"Women > Dresses", W, "", "USD", "", "M (8 - 10)", "dresses", "US", "10", true},
		{"Women > Dresses", W, "", "USD", "", "M (8/10)", "dresses", "US", "8", true},
		{"Women > Dresses", W, "", "USD", "", "XS/0", "dresses", "US", "0", true},
		// Australian dollars: AU numbers
		{"Women > Dresses", W, "", "AUD", "", "M (12-14)", "dresses", "AU", "12", true},
		{"Women > Dresses", W, "", "AUD", "", "M (12-14)", "dresses", "AU", "14", true},
		{"Women > Dresses", W, "", "AUD", "", "M (12-14)", "dresses", "US", "12", false},
		{"Women > Tops", W, "", "AUD", "", "S (8-10)", "tops", "AU", "10", true},
		// euro and krona shops: continental numbers
		{"Damen > Kleider", W, "", "EUR", "", "M (38-40)", "dresses", "EU", "38", true},
		{"Damen > Kleider", W, "", "EUR", "", "M (38-40)", "dresses", "EU", "40", true},
		{"Damen > Kleider", W, "", "EUR", "", "M (38-40)", "dresses", "EU", "36", false},
		{"Damen > Kleider", W, "", "EUR", "", "M (38-40)", "dresses", "UK", "10", true},
		{"Femme > Pulls", W, "", "EUR", "", "S (36-38)", "tops", "EU", "36", true},
		{"Dam > Klänningar", W, "", "SEK", "", "L (42-44)", "dresses", "EU", "44", true},
		{"Women > Coats", W, "", "EUR", "", "XL (44-46)", "outerwear", "EU", "46", true},
		// the feed's size_system
		{"Women > Dresses", W, "", "EUR", "UK", "M (12-14)", "dresses", "UK", "14", true},
		{"Women > Dresses", W, "", "EUR", "UK", "M (12-14)", "dresses", "UK", "12", true},
		{"Women > Dresses", W, "", "USD", "UK", "S (8-10)", "dresses", "UK", "10", true},
		{"Women > Dresses", W, "", "USD", "UK", "S (8-10)", "dresses", "US", "10", false},
		{"Women > Dresses", W, "", "GBP", "US", "M (8-10)", "dresses", "US", "8", true},
		{"Women > Dresses", W, "", "GBP", "US", "M (8-10)", "dresses", "UK", "8", false},
		{"Women > Tops", W, "", "EUR", "US", "S (4-6)", "tops", "US", "6", true},
		{"Women > Tops", W, "", "GBP", "EU", "M (38-40)", "tops", "EU", "40", true},
		// men's: a chest in inches in pound and dollar shops, continental numbers in euro ones
		{"Men > Shirts", M, "", "GBP", "", "M (38-40)", "tops", "EU", "40", false},
		{"Men > Jackets", M, "", "GBP", "", "M (38-40)", "outerwear", "UK", "40", true},
		{"Men > Jackets", M, "", "GBP", "", "M (38-40)", "outerwear", "UK", "38", true},
		{"Men > Shirts", M, "", "GBP", "", "M (38-40)", "tops", "EU", "38", false},
		{"Men > Jackets", M, "", "GBP", "", "M (38-40)", "outerwear", "UK", "42", false},
		{"Men > Jackets", M, "", "USD", "", "L (42-44)", "outerwear", "US", "42", true},
		{"Men > Jackets", M, "", "USD", "", "L (42-44)", "outerwear", "US", "44", true},
		{"Men > Coats", M, "", "GBP", "", "XL (44-46)", "outerwear", "UK", "46", true},
		{"Herren > Pullover", M, "", "EUR", "", "L (52-54)", "tops", "EU", "52", true},
		{"Herren > Pullover", M, "", "EUR", "", "L (52-54)", "tops", "EU", "54", true},
		{"Men > T-Shirts", M, "", "GBP", "", "M (38-40)", "tops", "letter", "M", true},
		// trousers: waists
		{"Men > Trousers", M, "", "USD", "", "M (32-34)", "bottoms", "waist", "34", true},
		{"Women > Jeans", W, "", "GBP", "", "S (26-28)", "bottoms", "waist", "26", true},
		{"Women > Jeans", W, "", "GBP", "", "S (26-28)", "bottoms", "UK", "26", false},
		// kids' spans stay a child's size
		{"Kids > Girls > Dresses", W, "kids", "GBP", "", "M (8-10)", "dresses", "UK", "8", false},
		{"Kids > Girls > Dresses", W, "kids", "GBP", "", "8-10", "dresses", "UK", "8", false},
		{"Kids > Boys > T-Shirts", M, "kids", "USD", "", "S (6-8)", "tops", "US", "6", false},
		{"Kids > Boys > T-Shirts", M, "kids", "USD", "", "L (12-14)", "tops", "US", "12", false},
		{"Kids > Girls > Knitwear", W, "kids", "EUR", "", "M (8-10)", "tops", "EU", "38", false},
		// shoes, bras, one size, odd and wide ranges stay as they were
		{"Women > Shoes > Boots", W, "", "GBP", "", "M (6-7)", "shoes", "UK", "6", false},
		{"Women > Lingerie > Bras", W, "", "GBP", "", "34B", "tops", "letter", "S", false},
		{"Women > Tops", W, "", "GBP", "", "One Size", "tops", "letter", "M", false},
		{"Women > Dresses", W, "", "GBP", "", "M (12-20)", "dresses", "UK", "16", false},
		{"Women > Dresses", W, "", "GBP", "", "M (11-13)", "dresses", "UK", "12", false},
		{"Women > Dresses", W, "", "GBP", "", "S (2-3 years)", "dresses", "UK", "2", false},
	})
}
