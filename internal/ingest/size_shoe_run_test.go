package ingest

import "testing"

// TestImportedHyphenedShoeRun follows a doubled shoe size written with a hyphen ("38-39", as
// slippers and socks are sold) from feed to shopper: it reaches shoppers of either size, as
// "38/39" does, and no others.
func TestImportedHyphenedShoeRun(t *testing.T) {
	W := "female"
	runLetterRangeCases(t, []letterRangeCase{
		{"Women > Shoes", W, "", "EUR", "", "38-39", "shoes", "EU", "38", true},
		{"Women > Shoes", W, "", "EUR", "", "38-39", "shoes", "EU", "39", true},
		{"Women > Shoes", W, "", "EUR", "", "38-39", "shoes", "EU", "40", false},
		{"Women > Shoes > Boots", W, "", "EUR", "EU", "38-39", "shoes", "EU", "38", true},
		{"Women > Shoes > Slippers", W, "", "GBP", "UK", "5-6", "shoes", "UK", "6", true},
		{"Women > Shoes > Slippers", W, "", "GBP", "UK", "5-6", "shoes", "UK", "7", false},
		{"Women > Shoes", W, "", "EUR", "", "38-40", "shoes", "EU", "39", false},
	})
}
