package index

import "testing"

// TestSizeKeysGirlsSixX: "6X" is a US girls' size ("6/6X", "S (6/6X)"), so a kids' offer is
// not found by a shopper of 6XL.
func TestSizeKeysGirlsSixX(t *testing.T) {
	for _, raw := range []string{"6X", "6/6X", "S (6/6X)"} {
		for _, k := range sizeKeys(raw, "", "tops", "") {
			if k.label == "6XL" {
				t.Errorf("sizeKeys(%q) files the offer under 6XL", raw)
			}
		}
	}
}
