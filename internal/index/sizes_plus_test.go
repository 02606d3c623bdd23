package index

import "testing"

// TestSizeKeysDollarPlusLetterWithoutSystem: a dollar shop's women's "1X" sent without a size
// system is found under the letter XL it reads as and under the US plus sizes it spans, so a
// shopper who types "1X" (US 14, US 16) in US sizes finds it; a men's "2X" is XXL alone.
func TestSizeKeysDollarPlusLetterWithoutSystem(t *testing.T) {
	cases := []struct {
		raw, system, kind, gender, currency string
		want, reject                        []string
	}{
		{"1X", "", "dresses", "female", "USD", []string{"XL", "US 14", "US 16"}, []string{"US 18"}},
		{"2X", "letter", "tops", "female", "CAD", []string{"XXL", "US 18", "US 20"}, []string{"US 16"}},
		{"2X", "", "tops", "male", "USD", []string{"XXL"}, []string{"US 18", "US 20"}},
		{"1X", "", "dresses", "female", "GBP", []string{"XL"}, []string{"US 14"}},
	}
	for _, c := range cases {
		have := map[string]bool{}
		for _, k := range sizeKeysIn(c.raw, c.system, c.kind, c.gender, c.currency) {
			have[k.label] = true
		}
		for _, w := range c.want {
			if !have[w] {
				t.Errorf("sizeKeysIn(%q, %q, %s, %s, %s) not under %s", c.raw, c.system, c.kind, c.gender, c.currency, w)
			}
		}
		for _, r := range c.reject {
			if have[r] {
				t.Errorf("sizeKeysIn(%q, %q, %s, %s, %s) under %s", c.raw, c.system, c.kind, c.gender, c.currency, r)
			}
		}
	}
}
