package account

import "testing"

// TestParseSizesPlusAndLeg: a US plus letter a shopper types in US sizes is the two plus
// numbers it spans; a waist with a leg keeps its leg; "00" stays 00.
func TestParseSizesPlusAndLeg(t *testing.T) {
	checkParseSizes(t, []parseSizesCase{
		{"dresses", "US", "1X", "[{dresses US 14} {dresses US 16}]"},
		{"tops", "US", "2X, 18W", "[{tops US 18} {tops US 20}]"},
		{"dresses", "US", "00", "[{dresses US 00}]"},
		{"bottoms", "waist", "W28 L30", "[{bottoms waist 28/30}]"},
		{"tops", "letter", "1X", "[{tops letter XL}]"},
	})
}
