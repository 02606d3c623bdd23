package ingest

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestImportedDollarPlusLetterWithoutSystem: a US shop's women's "1X" sent without a size
// system reaches the shopper who typed "1X" (or US 14, US 16) in US sizes, as it did when such
// a shopper's "1X" was the letter XL; a men's "2X" still reaches an XXL shopper.
func TestImportedDollarPlusLetterWithoutSystem(t *testing.T) {
	tests := []struct {
		productType, gender, currency, size string
		kind, system, typed                 string
		match                               bool
	}{
		{"Women > Dresses", "female", "USD", "1X", "dresses", "US", "1X", true},
		{"Women > Dresses", "female", "USD", "1X", "dresses", "US", "16", true},
		{"Women > Tops", "female", "CAD", "2X", "tops", "US", "18W", true},
		{"Women > Tops", "female", "USD", "2X", "tops", "US", "22", false},
		{"Men > Tops", "male", "USD", "2X", "tops", "letter", "XXL", true},
	}
	at := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range tests {
		prefs, err := account.ParseSizes(tt.kind, tt.system, tt.typed)
		if err != nil {
			t.Errorf("ParseSizes(%s, %s, %q): %v", tt.kind, tt.system, tt.typed, err)
			continue
		}
		it := feed.Item{ID: "1", Title: "Item", ProductType: tt.productType, Gender: tt.gender, Currency: tt.currency,
			Size: tt.size, RegularPrice: 5000, Availability: "in stock"}
		ix, o := indexImported(t, it, at)
		got := false
		for _, p := range prefs {
			got = got || !ix.SizeInStock(p.Kind, p.System, p.Value).IsEmpty()
		}
		if got != tt.match {
			t.Errorf("%s %s %q (imported as %q): shopper's %s %s %q matches it: %v, want %v",
				tt.productType, tt.currency, tt.size, o.SizeSystem, tt.kind, tt.system, tt.typed, got, tt.match)
		}
	}
}
