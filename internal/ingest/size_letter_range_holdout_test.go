package ingest

import "testing"

// TestImportedLetterWithNumberRangeHoldout follows more letter sizes with ranges, in the shops and
// systems of TestImportedLetterWithNumberRange, from feed to shopper.
func TestImportedLetterWithNumberRangeHoldout(t *testing.T) {
	W, M := "female", "male"
	runLetterRangeCases(t, []letterRangeCase{
		{"Women > Blouses", W, "", "GBP", "", "L (14-16)", "tops", "UK", "14", true},
		{"Women > Blouses", W, "", "GBP", "", "L (14-16)", "tops", "UK", "16", true},
		{"Women > Blouses", W, "", "GBP", "", "L (14-16)", "tops", "UK", "12", false},
		{"Women > Jumpers", W, "", "GBP", "", "XS (6-8)", "tops", "UK", "6", true},
		{"Women > Jumpers", W, "", "GBP", "", "XS (6-8)", "tops", "US", "4", true},
		{"Women > Jackets", W, "", "GBP", "", "S/M (8-12)", "outerwear", "UK", "10", true},
		{"Women > Jackets", W, "", "GBP", "", "S/M (8-12)", "outerwear", "letter", "S", true},
		{"Women > Dresses", W, "", "GBP", "", "Large (16-18)", "dresses", "UK", "18", true},
		{"Women > Dresses", W, "", "GBP", "", "M 12-14", "dresses", "UK", "14", true},
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "EU", "40", true},
		{"Women > Dresses", W, "", "GBP", "", "M (12-14)", "dresses", "EU", "44", false},
		{"Women > Sweaters", W, "", "USD", "", "M (6-8)", "tops", "US", "6", true},
		{"Women > Sweaters", W, "", "USD", "", "M (6-8)", "tops", "US", "10", false},
		{"Women > Dresses", W, "", "USD", "", "L (10-12)", "dresses", "US", "12", true},
		{"Women > Dresses", W, "", "USD", "", "L (10-12)", "dresses", "UK", "14", true},
		{"Women > Coats", W, "", "USD", "", "XS (2-4)", "outerwear", "US", "2", true},
		{"Women > Coats", W, "", "USD", "", "XS (2-4)", "outerwear", "US", "6", false},
		{"Women > Tops", W, "", "CAD", "", "Medium (8-10)", "tops", "US", "8", true},
		{"Women > Tops", W, "", "USD", "", "XL 14-16", "tops", "US", "16", true},
		{"Women > Dresses", W, "", "AUD", "", "L (14-16)", "dresses", "AU", "16", true},
		{"Women > Dresses", W, "", "AUD", "", "XS (6-8)", "dresses", "AU", "6", true},
		{"Women > Dresses", W, "", "NZD", "", "S (8-10)", "dresses", "AU", "8", true},
		{"Damen > Pullover", W, "", "EUR", "", "S (34-36)", "tops", "EU", "34", true},
		{"Damen > Pullover", W, "", "EUR", "", "S (34-36)", "tops", "EU", "38", false},
		{"Femme > Robes", W, "", "EUR", "", "L (40-42)", "dresses", "EU", "42", true},
		{"Donna > Cappotti", W, "", "EUR", "", "M (38-40)", "outerwear", "EU", "40", true},
		{"Women > Dresses", W, "", "EUR", "US", "M (8-10)", "dresses", "US", "10", true},
		{"Women > Dresses", W, "", "EUR", "UK", "L (16-18)", "dresses", "UK", "18", true},
		{"Women > Dresses", W, "", "USD", "AU", "M (12-14)", "dresses", "AU", "12", true},
		{"Men > Jumpers", M, "", "GBP", "", "L (42-44)", "tops", "EU", "42", false},
		{"Men > Coats", M, "", "GBP", "", "L (42-44)", "outerwear", "UK", "44", true},
		{"Men > Coats", M, "", "USD", "", "M (38-40)", "outerwear", "US", "38", true},
		{"Herren > Jacken", M, "", "EUR", "", "M (48-50)", "outerwear", "EU", "50", true},
		{"Herren > Jacken", M, "", "EUR", "", "M (48-50)", "outerwear", "EU", "52", false},
		{"Kids > Girls > Tops", W, "kids", "GBP", "", "L (12-14)", "tops", "UK", "12", false},
		{"Kids > Boys > Jumpers", M, "kids", "GBP", "", "M (8-10)", "tops", "letter", "M", false},
		{"Women > Dresses", W, "", "GBP", "", "XS/6", "dresses", "UK", "6", true},
		{"Women > Dresses", W, "", "GBP", "", "S (10)", "dresses", "UK", "8", false},
	})
}
