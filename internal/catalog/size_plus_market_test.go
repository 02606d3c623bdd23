package catalog

import "testing"

// TestDollarPlusLetter: a dollar shop's women's "1X", "2X" given without a size system is also
// the US plus sizes it spans; a men's "2X" (big sizes: XXL), a euro shop's and a shoe's are not.
func TestDollarPlusLetter(t *testing.T) {
	tests := []struct{ raw, kind, gender, currency, want string }{
		{"1X", KindDresses, "female", "USD", "[{dresses US 14} {dresses US 16}]"},
		{"2X", KindTops, "Women", "CAD", "[{tops US 18} {tops US 20}]"},
		{"Size 3x", KindBottoms, "female", "usd", "[{bottoms US 22} {bottoms US 24}]"},
		{"2X", KindTops, "male", "USD", "[]"},
		{"1X", KindDresses, "female", "EUR", "[]"},
		{"1X", KindShoes, "female", "USD", "[]"},
		{"XL", KindTops, "female", "USD", "[]"},
	}
	for _, tt := range tests {
		got, _ := DollarPlusLetter(tt.raw, tt.kind, tt.gender, tt.currency)
		s := "["
		for i, g := range got {
			if i > 0 {
				s += " "
			}
			s += "{" + g.Kind + " " + g.System + " " + g.Value + "}"
		}
		if s += "]"; s != tt.want {
			t.Errorf("DollarPlusLetter(%q, %s, %s, %s) = %s, want %s", tt.raw, tt.kind, tt.gender, tt.currency, s, tt.want)
		}
	}
}
