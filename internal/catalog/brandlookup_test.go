package catalog

import "testing"

// TestBrandLookupVariants covers company forms, "No"/"Nº" before a number, names without their
// "The", and home places after a known brand, and that none of them merges different brands.
func TestBrandLookupVariants(t *testing.T) {
	keys := []struct{ in, want string }{
		{"Ganni A/S", "ganni"},
		{"Samsøe Samsøe K/S", "samsoesamsoe"},
		{"Mango S.L.", "mango"},
		{"Marimekko Oyj", "marimekko"},
		{"Nº21", "n21"},
		{"No21", "n21"},
		{"No. 21", "n21"},
		{"N° 21", "n21"},
		{"Nobody Denim", "nobodydenim"},
	}
	for _, tt := range keys {
		if got := BrandKey(tt.in); got != tt.want {
			t.Errorf("BrandKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	b := DefaultBrands()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"Ganni A/S", "Ganni", true},
		{"Nº21", "N°21", true},
		{"No21", "N°21", true},
		{"Attico", "The Attico", true},
		{"THE ATTICO", "The Attico", true},
		{"Tommy Hilfiger Denim", "Tommy Hilfiger", true},
		{"Burberry London England", "Burberry", true},
		{"Acne Studios Stockholm", "Acne Studios", true},
		{"Kenzo Tokyo", "Kenzo", true},
		{"Ganni Copenhagen Denmark", "Ganni", true},
		{"Hope Stockholm", "Hope Stockholm", true},
		{"Tiger of Sweden", "Tiger of Sweden", true},
		{"Peter England", "Peter England", true},
		{"Paris Texas", "Paris Texas", true},
		{"Saint James", "Saint James", true},
		{"U.S. Polo Assn.", "", false},
		{"New York & Company", "", false},
		{"Maison Nobody Milano Italy", "", false},
		{"Gucci Kids", "", false},
		{"Chloé Kids", "", false},
		{"Sweden", "", false},
	}
	for _, tt := range tests {
		got, ok := b.LookupBrand(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("LookupBrand(%q) = %q, %t; want %q, %t", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
