package catalog

import "testing"

// TestParseSizeFitLettersAndSuits: a fit letter glued to a size ("10P", "12L") or a maternity
// mark leaves the size; on trousers a leg letter after a waist ("34S") makes a waist; a suit's
// chest with its length ("40R", "38 Short") is the chest in US, UK or AU numbering; a coat's
// UK or US chest is a size. Japanese letters keep their reading.
func TestParseSizeFitLettersAndSuits(t *testing.T) {
	tests := []struct {
		raw, system, kind, want string
	}{
		{"10P", "US", KindDresses, "US 10"},
		{"0P", "", KindDresses, "US 0"},
		{"10R", "UK", KindDresses, "UK 10"},
		{"16L", "UK", KindDresses, "UK 16"},
		{"UK 12L", "", KindDresses, "UK 12"},
		{"Maternity 10", "UK", KindDresses, "UK 10"},
		{"10 Maternity", "UK", KindDresses, "UK 10"},
		{"Maternity M", "", KindTops, "M"},
		{"34S", "", KindBottoms, "W34"},
		{"30L", "UK", KindBottoms, "W30"},
		{"25P", "US", KindBottoms, "W25"},
		{"12P", "US", KindBottoms, "US 12"},
		{"48R", "EU", KindBottoms, "EU 48"},
		{"40R", "", KindOuterwear, "US 40"},
		{"40R", "UK", KindOuterwear, "UK 40"},
		{"42L", "US", KindOuterwear, "US 42"},
		{"38 Short", "", KindOuterwear, "US 38"},
		{"UK 40 Regular", "", KindOuterwear, "UK 40"},
		{"50R", "", KindOuterwear, "EU 50"},
		{"44R", "", KindOuterwear, "US 44"},
		{"38", "UK", KindOuterwear, "UK 38"},
		{"3L", "", KindTops, "XXL"},
		{"4L", "JP", KindTops, "3XL"},
	}
	for _, tt := range tests {
		s, err := ParseSize(tt.raw, tt.system, tt.kind)
		if err != nil || s.String() != tt.want {
			t.Errorf("ParseSize(%q, %q, %q) = %v, %v; want %s", tt.raw, tt.system, tt.kind, s, err, tt.want)
		}
	}
}

// TestMarketSizeSystemMenCoatsContinental: a pound shop's men's coat "42" is a UK chest, but
// "46" and up are continental sizes, as parseSuitChest reads an unlabelled "50R".
func TestMarketSizeSystemMenCoatsContinental(t *testing.T) {
	tests := []struct{ raw, gender, want string }{
		{"42", "male", SystemUK},
		{"44", "male", SystemUK},
		{"46", "male", ""},
		{"50", "male", ""},
		{"54", "male", ""},
		{"42", "female", ""},
	}
	for _, tt := range tests {
		if got := MarketSizeSystem(tt.raw, KindOuterwear, tt.gender, "GBP"); got != tt.want {
			t.Errorf("MarketSizeSystem(%q, outerwear, %s, GBP) = %q, want %q", tt.raw, tt.gender, got, tt.want)
		}
	}
}

// TestMarketSizeSystemMenCoatsDollarChest: in a dollar shop, a men's coat or blazer's lone
// "40" is the chest in inches (US 40), not a continental 40 (continental men's sizes start at
// 44); "50" stays continental and a women's "40" EU 40.
func TestMarketSizeSystemMenCoatsDollarChest(t *testing.T) {
	tests := []struct{ raw, gender, currency, want string }{
		{"40", "male", "USD", SystemUS},
		{"38", "male", "CAD", SystemUS},
		{"44", "male", "USD", SystemUS},
		{"50", "male", "USD", ""},
		{"40", "female", "USD", ""},
		{"40", "male", "EUR", ""},
	}
	for _, tt := range tests {
		if got := MarketSizeSystem(tt.raw, KindOuterwear, tt.gender, tt.currency); got != tt.want {
			t.Errorf("MarketSizeSystem(%q, outerwear, %s, %s) = %q, want %q", tt.raw, tt.gender, tt.currency, got, tt.want)
		}
	}
}
