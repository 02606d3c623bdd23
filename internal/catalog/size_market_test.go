package catalog

import "testing"

// TestMarketSizeSystem: bare numbers, with label and fit words, half sizes, a neighbouring pair
// or one letter beside them, are read in the numbering of the shop's market; men's trouser
// numbers in waist-sized markets are waists; sizes with a system, a width or other words, and
// rings, are not read so.
func TestMarketSizeSystem(t *testing.T) {
	tests := []struct {
		raw, kind, gender, currency, want string
	}{
		{"10", KindDresses, "female", "GBP", SystemUK},
		{"10", KindDresses, "female", " gbp ", SystemUK},
		{"10", KindDresses, "female", "USD", ""},
		{"10", KindDresses, "female", "AUD", SystemAU},
		{"10", KindDresses, "female", "JPY", SystemJP},
		{"30", KindDresses, "female", "GBP", SystemUK}, // a lone number read as EU, UK plus sizes run to 32
		{"38", KindDresses, "female", "GBP", ""},
		{"32, 34, 36", KindDresses, "female", "GBP", ""}, // continental
		{"8, 10, 12", KindTops, "female", "GBP", SystemUK},
		{"Size 10", KindDresses, "female", "GBP", SystemUK},
		{"Size: 12", KindDresses, "female", "GBP", SystemUK},
		{"10 Petite", KindDresses, "female", "GBP", SystemUK},
		{"Tall 14", KindBottoms, "female", "GBP", SystemUK},
		{"6 Wide Fit", KindShoes, "female", "GBP", SystemUK},
		{"6½", KindShoes, "female", "GBP", SystemUK},
		{"6 1/2", KindShoes, "female", "GBP", SystemUK},
		{"6.5", KindShoes, "female", "GBP", SystemUK},
		{"9", KindShoes, "male", "AUD", ""}, // AU shoe sizes are US by some charts, UK by others
		{"8-10", KindTops, "female", "GBP", SystemUK},
		{"8/10", KindTops, "female", "GBP", SystemUK},
		{"XS/6", KindDresses, "female", "GBP", SystemUK},
		{"S (8)", KindTops, "female", "GBP", SystemUK},
		{"S/M (8/10)", KindTops, "female", "GBP", ""}, // letters stay letters
		{"S/M", KindTops, "female", "GBP", ""},
		{"US 8", KindDresses, "female", "GBP", ""},
		{"UK8", KindDresses, "female", "GBP", ""},
		{"14W", KindDresses, "female", "GBP", ""},
		{"8.5 B(M)", KindShoes, "female", "GBP", ""},
		{"7 M", KindShoes, "female", "GBP", ""},
		{"Taglia 10", KindDresses, "female", "GBP", ""},
		{"10 Long", KindDresses, "female", "GBP", ""}, // ParseSize reads no "10 Long" dress
		{"7", KindRings, "female", "GBP", ""},
		{"32", KindBottoms, "male", "USD", SystemWaist},
		{"34", KindBottoms, "mens", "CAD", SystemWaist},
		{"32, 34", KindBottoms, "male", "USD", SystemWaist},
		{"40", KindBottoms, "male", "GBP", SystemWaist},
		{"42", KindBottoms, "male", "USD", ""},
		{"32", KindBottoms, "male", "EUR", ""},
		{"32", KindBottoms, "male", "", ""},
		{"Size 32", KindBottoms, "male", "USD", SystemWaist}, // a label on a waist (was left unread)
		{"32 Short", KindBottoms, "male", "GBP", SystemWaist},
		{"32 (EU 42)", KindBottoms, "male", "GBP", SystemWaist}, // French 42 is W32
		{"32 (EU 48)", KindBottoms, "male", "GBP", ""},
		{"Size 32", KindBottoms, "male", "EUR", ""},
		{"8 (EU 36)", KindDresses, "female", "EUR", SystemUK},
		{"42", KindOuterwear, "male", "GBP", SystemUK}, // a chest
		{"42", KindOuterwear, "female", "GBP", ""},     // EU 42
		{"10S", KindBottoms, "female", "GBP", SystemUK},
		{"10P", KindShoes, "female", "GBP", ""},
		{"34S", KindBottoms, "male", "GBP", SystemWaist},
		{"10 (UK 14)", KindDresses, "female", "EUR", SystemUS},
		{"Size 8 (EU 36)", KindDresses, "female", "GBP", SystemUK},
		{"32", KindBottoms, "female", "GBP", SystemUK},
		{"32", KindTops, "male", "USD", ""},
	}
	for _, tt := range tests {
		if got := MarketSizeSystem(tt.raw, tt.kind, tt.gender, tt.currency); got != tt.want {
			t.Errorf("MarketSizeSystem(%q, %s, %s, %q) = %q, want %q", tt.raw, tt.kind, tt.gender, tt.currency, got, tt.want)
		}
	}
}

// TestParseSizePair: two even clothing numbers two apart, in one of the US, UK or AU
// numberings, are a size for each; a waist and leg, continental sizes, a span of one, shoes
// and text with other words are not.
func TestParseSizePair(t *testing.T) {
	tests := []struct {
		raw, system, kind string
		want              [2]string // "" when no pair
	}{
		{"8/10", "UK", KindTops, [2]string{"UK 8", "UK 10"}},
		{"8-10", "", KindTops, [2]string{"US 8", "US 10"}},
		{"10 – 12", "AU", KindDresses, [2]string{"AU 10", "AU 12"}},
		{"Size 8-10", "UK", KindTops, [2]string{"UK 8", "UK 10"}},
		{"20/22", "UK", KindDresses, [2]string{"UK 20", "UK 22"}},
		{"20/22", "", KindDresses, [2]string{}}, // US 20, UK 22: no one system
		{"9-10", "UK", KindTops, [2]string{}},
		{"8/12", "UK", KindTops, [2]string{}},
		{"36/38", "", KindTops, [2]string{}},
		{"30/32", "", KindBottoms, [2]string{}},
		{"6/8", "UK", KindShoes, [2]string{}},
		{"8/10", "UK", "", [2]string{}},
		{"8/10 years", "UK", KindTops, [2]string{}},
	}
	for _, tt := range tests {
		got, ok := ParseSizePair(tt.raw, tt.system, tt.kind)
		if ok != (tt.want[0] != "") || ok && (got[0].String() != tt.want[0] || got[1].String() != tt.want[1]) {
			t.Errorf("ParseSizePair(%q, %q, %s) = %v, %v, want %v", tt.raw, tt.system, tt.kind, got, ok, tt.want)
		}
	}
}

// TestLetterSystemKeepsLetterPairs: a feed (or the importer) that names letter sizes as the
// system reads "S/M" as both letters, and a number a letter states beside it as it would
// without the system.
func TestLetterSystemKeepsLetterPairs(t *testing.T) {
	if s, err := ParseSize("S/M", SystemLetter, KindTops); err != nil || s.Value != "S/M" {
		t.Errorf(`ParseSize("S/M", letter) = %v, %v, want S/M`, s, err)
	}
	parts := SizeParts("M (38)", SystemLetter, KindTops)
	if len(parts) != 2 || parts[1].String() != "EU 38" {
		t.Errorf(`SizeParts("M (38)", letter) = %v, want M and EU 38`, parts)
	}
}
