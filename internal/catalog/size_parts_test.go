package catalog

import (
	"slices"
	"testing"
)

// TestParseSizeShopSpellings reads spellings a fresh probe of shop sizes found unread or misread:
// two systems without a separator, label words naming a country's numbering, full-width and
// Japanese letters, one-size words of more languages, Korean shoe sizes in millimetres.
func TestParseSizeShopSpellings(t *testing.T) {
	shoe := func(system, value string) Size { return Size{Kind: KindShoes, System: system, Value: value} }
	letter := func(kind, value string) Size { return Size{Kind: kind, System: SystemLetter, Value: value} }
	dress := func(system, value string) Size { return Size{Kind: KindDresses, System: system, Value: value} }
	waist := func(w, l string) Size { return Size{Kind: KindBottoms, System: SystemWaist, Value: w, Length: l} }
	one := func(kind string) Size { return Size{Kind: kind, OneSize: true} }
	tests := []struct {
		raw, hint string
		want      Size
	}{
		// Two systems without a separator, and separators shops use.
		{"UK 6 EU 39", "shoes", shoe("UK", "6")},
		{"EU 39 UK 6", "shoes", shoe("EU", "39")},
		{"UK 8 EU 36", "dresses", dress("UK", "8")},
		{"EU 37 • UK 4", "shoes", shoe("EU", "37")},
		{"EU 37 · UK 4", "shoes", shoe("EU", "37")},
		{"10 [UK]", "dresses", dress("UK", "10")},
		{"M • 38", "tops", letter("tops", "M")},
		// Gender words with an apostrophe, a compound label.
		{"Women's US 8", "shoes", shoe("US", "8")},
		{"US Men's 10", "shoes", shoe("US", "10")},
		{"Women's M", "tops", letter("tops", "M")},
		{"Unisex M", "tops", letter("tops", "M")},
		{"Schuhgröße 40", "shoes", shoe("EU", "40")},
		{"Gr.40", "shoes", shoe("EU", "40")},
		// A label word names its country's clothing numbering; shoes share one numbering.
		{"Taglia 42", "dresses", dress("IT", "42")},
		{"Gr. 38", "dresses", dress("EU", "38")},
		{"Größe 38", "bottoms", Size{Kind: KindBottoms, System: SystemEU, Value: "38"}},
		{"Taille 38", "dresses", dress("FR", "38")},
		{"Talla 38", "dresses", dress("EU", "38")},
		{"Taglia 42 IT", "dresses", dress("IT", "42")},
		{"Gr. 38", "shoes", shoe("EU", "38")},
		{"Taille 30", "bottoms", waist("30", "")},
		{"Gr. 32/34", "bottoms", waist("32", "34")},
		{"W32-L34", "bottoms", waist("32", "34")},
		// Fit words, full-width letters, Japanese and Chinese letter sizes, abbreviations.
		{"L Slim", "tops", letter("tops", "L")},
		{"L Oversized", "tops", letter("tops", "L")},
		{"ＸＬ", "tops", letter("tops", "XL")},
		{"LL", "tops", letter("tops", "XL")},
		{"3L", "tops", letter("tops", "XXL")},
		{"M码", "tops", letter("tops", "M")},
		{"XL 사이즈", "tops", letter("tops", "XL")},
		{"Lg", "tops", letter("tops", "L")},
		{"XLG", "tops", letter("tops", "XL")},
		{"5X", "tops", letter("tops", "5XL")},
		// One size.
		{"Free", "tops", one("tops")},
		{"均码", "tops", one("tops")},
		{"프리사이즈", "tops", one("tops")},
		{"Eine Größe", "tops", one("tops")},
		{"Tamanho único", "tops", one("tops")},
		// Korean shoe sizes in millimetres, Japanese centimetres.
		{"240", "shoes", shoe("JP", "24")},
		{"245mm", "shoes", shoe("JP", "24.5")},
		{"23.5センチ", "shoes", shoe("JP", "23.5")},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.raw, "", tt.hint)
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q, %q) = %+v, %v; want %+v", tt.raw, tt.hint, got, err, tt.want)
		}
	}
}

// TestParseSizeShopSpellingsUnread: what the new rules must leave alone.
func TestParseSizeShopSpellingsUnread(t *testing.T) {
	tests := []struct{ raw, hint string }{
		{"241", "shoes"}, // no millimetre size
		{"240", "tops"},  // millimetres are shoes only
		{"330", "shoes"}, // beyond adult shoes
		{"EU 38 - 39", "shoes"},
		{"XS-XL", "tops"},
		{"SS", "tops"}, // XS in Japan, but also short sleeves in variant names
		{"6X", "tops"}, // 6XL on a plus-size shop, but also a US girls' size ("6/6X")
	}
	for _, tt := range tests {
		if s, err := ParseSize(tt.raw, "", tt.hint); err == nil {
			t.Errorf("ParseSize(%q, %q) = %+v; want an error", tt.raw, tt.hint, s)
		}
	}
}

// TestSizeParts lists the equivalents a dual size states.
func TestSizeParts(t *testing.T) {
	tests := []struct {
		raw, system, hint string
		want              []string
	}{
		{"US 8.5 / UK 6 / EU 39", "", "shoes", []string{"US 8.5", "UK 6", "EU 39"}},
		{"UK 6 EU 39", "", "shoes", []string{"UK 6", "EU 39"}},
		{"39 (UK 6)", "", "shoes", []string{"EU 39", "UK 6"}},
		{"UK 7 - EU 41", "", "shoes", []string{"UK 7", "EU 41"}},
		{"EU 39 (UK 6)", "UK", "shoes", []string{"UK 6", "EU 39"}},
		{"M (38)", "", "tops", []string{"M", "EU 38"}},
		{"38 (M)", "", "tops", []string{"EU 38", "M"}},
		{"52 (US 6)", "", "rings", []string{"EU 52", "US 6"}},
		{"S (UK 8)", "", "dresses", []string{"S", "UK 8"}},
		{"S (8)", "UK", "dresses", []string{"UK 8", "S"}},
		// No equivalents: one size, two unlabelled numbers, gender marks, a waist, letters.
		{"EU 39", "", "shoes", nil},
		{"8/10", "", "dresses", nil},
		{"S (8)", "", "dresses", nil}, // UK 8 on a British shop, US 8 on an American one
		{"XS (6)", "", "tops", nil},
		{"US M9/W11", "", "shoes", nil},
		{"M 9 / W 10.5", "", "shoes", nil},
		{"32/34 (W/L)", "", "bottoms", nil},
		{"W32 L34", "", "bottoms", nil},
		{"S/M", "", "tops", nil},
		{"One Size (OS)", "", "tops", nil},
		{"EU 38 - 39", "", "shoes", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range SizeParts(tt.raw, tt.system, tt.hint) {
			got = append(got, s.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("SizeParts(%q, %q, %q) = %q, want %q", tt.raw, tt.system, tt.hint, got, tt.want)
		}
	}
}
