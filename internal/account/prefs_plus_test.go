package account

import "testing"

// TestParseSizesPlusAndLeg: a US plus letter a shopper types in US sizes is the two plus
// numbers it spans; a waist with a leg keeps its leg; "00" stays 00.
func TestParseSizesPlusAndLeg(t *testing.T) {
	tests := []struct {
		kind, system, text, want string
	}{
		{"dresses", "US", "1X", "[{dresses US 14} {dresses US 16}]"},
		{"tops", "US", "2X, 18W", "[{tops US 18} {tops US 20}]"},
		{"dresses", "US", "00", "[{dresses US 00}]"},
		{"bottoms", "waist", "W28 L30", "[{bottoms waist 28/30}]"},
		{"tops", "letter", "1X", "[{tops letter XL}]"},
	}
	for _, tt := range tests {
		got, err := ParseSizes(tt.kind, tt.system, tt.text)
		if err != nil {
			t.Errorf("ParseSizes(%q, %q, %q): %v", tt.kind, tt.system, tt.text, err)
			continue
		}
		if s := fmtPrefs(got); s != tt.want {
			t.Errorf("ParseSizes(%q, %q, %q) = %s, want %s", tt.kind, tt.system, tt.text, s, tt.want)
		}
	}
}
