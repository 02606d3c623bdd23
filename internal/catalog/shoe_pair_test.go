package catalog

import "testing"

// TestShoeMenWomen: a unisex shoe size stated for men and women at once gives both US sizes;
// a width ("7 M"), one gender alone, or two of one gender give none.
func TestShoeMenWomen(t *testing.T) {
	tests := []struct {
		raw, men, women string // "" for none
	}{
		{"M9 W10.5", "9", "10.5"},
		{"Men's 8 / Women's 9.5", "8", "9.5"},
		{"W8.5 / M7", "7", "8.5"},
		{"8 Men's / 9.5 Women's", "8", "9.5"},
		{"US M 10 / W 11.5", "10", "11.5"},
		{"7 M", "", ""},
		{"7 M / 8 W", "", ""},
		{"Men's 10", "", ""},
		{"M9 M10", "", ""},
		{"M9 W40", "", ""},
	}
	for _, tt := range tests {
		men, women, ok := ShoeMenWomen(tt.raw)
		if ok != (tt.men != "") || ok && (men.Value != tt.men || women.Value != tt.women || men.System != SystemUS) {
			t.Errorf("ShoeMenWomen(%q) = %v, %v, %v; want men's %q, women's %q", tt.raw, men, women, ok, tt.men, tt.women)
		}
	}
}
