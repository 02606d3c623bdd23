package catalog

import (
	"strings"
	"testing"
)

// TestParseSizeKidsPlusAndGender covers toddler shoe sizes, letter spans, gender marks glued to
// shoe sizes and women's plus sizes.
func TestParseSizeKidsPlusAndGender(t *testing.T) {
	shoe := func(system, value string) Size { return Size{Kind: KindShoes, System: system, Value: value} }
	us := func(kind, value string) Size { return Size{Kind: kind, System: SystemUS, Value: value} }
	letter := func(kind, value string) Size { return Size{Kind: kind, System: SystemLetter, Value: value} }
	waist := func(w string) Size { return Size{Kind: KindBottoms, System: SystemWaist, Value: w} }
	tests := []struct {
		name, raw, system, hint string
		want                    Size
	}{
		// "36/38" with no kind is a dual clothing size; "32/34" the jeans size it usually is.
		{"dual EU size", "36/38", "", "", Size{System: SystemEU, Value: "36"}},
		{"jeans pair", "32/34", "", "", Size{Kind: KindBottoms, System: SystemWaist, Value: "32", Length: "34"}},
		// A C width of an adult shoe is written apart from a toddler's C.
		{"C/D width", "8 C/D", "", "shoes", shoe("US", "8")},
		{"C (W) width", "7.5 C (W)", "", "shoes", shoe("US", "7.5")},
		{"EU with a cup-like C", "EU 38 C", "", "shoes", shoe("EU", "38")},
		// Neighbouring letters make a size; a part with two keeps its ends.
		{"neighbours", "XS-S", "", "tops", letter("tops", "XS/S")},
		{"neighbours past XL", "XXL-3XL", "", "tops", letter("tops", "XXL/3XL")},
		{"en dash", "S–M", "", "tops", letter("tops", "S/M")},
		// W or M and a number on shoes are women's and men's sizes.
		{"W10", "W10", "", "shoes", shoe("US", "10")},
		{"W 10", "W 10", "", "shoes", shoe("US", "10")},
		{"W11.5", "W11.5", "", "shoes", shoe("US", "11.5")},
		{"M12", "M12", "", "shoes", shoe("US", "12")},
		{"10W", "10W", "", "shoes", shoe("US", "10")},
		{"men's and women's", "M10 / W11.5", "", "shoes", shoe("US", "10")},
		// US women's plus sizes.
		{"plus top", "14W", "", "tops", us("tops", "14")},
		{"plus dress", "16W", "", "dresses", us("dresses", "16")},
		{"plus spaced", "18 W", "", "dresses", us("dresses", "18")},
		{"plus labelled", "US 22W", "", "tops", us("tops", "22")},
		{"plus above waists' start", "24W", "", "outerwear", us("outerwear", "24")},
		{"plus trousers", "14W", "", "bottoms", us("bottoms", "14")},
		{"plus word", "Plus 20W", "", "dresses", us("dresses", "20")},
		// A waist stays a waist.
		{"waist W after", "28W", "", "bottoms", waist("28")},
		{"waist no kind", "32W", "", "", waist("32")},
		{"waist W before", "W30", "", "bottoms", waist("30")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSize(tt.raw, tt.system, tt.hint)
			if err != nil || got != tt.want {
				t.Errorf("ParseSize(%q, %q, %q) = %+v, %v; want %+v", tt.raw, tt.system, tt.hint, got, err, tt.want)
			}
		})
	}
}

// TestParseSizeKidsPlusAndGenderUnread: toddler shoe sizes, spans of letter sizes and a W on a
// number no waist is stay unread.
func TestParseSizeKidsPlusAndGenderUnread(t *testing.T) {
	tests := []struct {
		name, raw, system, hint, want string
	}{
		{"toddler glued", "10C", "", "shoes", "toddler"},
		{"toddler 12C", "12C", "", "shoes", "toddler"},
		{"toddler 7C", "7C", "", "shoes", "toddler"},
		{"toddler half", "8.5C", "", "shoes", "toddler"},
		{"toddler spaced", "10 C", "", "shoes", "toddler"},
		{"toddler labelled", "US 10C", "", "shoes", "toddler"},
		{"toddler with width", "6C (M)", "", "shoes", "toddler"},
		{"letter span", "XS-XL", "", "tops", "not a size"},
		{"letter span no kind", "S-XL", "", "", "not a size"},
		{"letter span three", "M-XL", "", "tops", "not a size"},
		{"W on no waist", "14W", "", "", "not a size"},
		{"plus too big", "34W", "", "tops", "outside"},
		{"waist on a top", "W30", "", "tops", "not a size"},
		{"waist on a dress", "W30", "", "dresses", "not a size"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSize(tt.raw, tt.system, tt.hint)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseSize(%q, %q, %q) = %+v, %v; want an error containing %q", tt.raw, tt.system, tt.hint, s, err, tt.want)
			}
		})
	}
}
