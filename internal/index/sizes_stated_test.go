package index

import "testing"

// TestSizeKeysWomenLetterSmallNumber: the number a women's letter size states below the
// smallest continental size of that letter ("M (32)", "L (34)" on jeans: a waist or a leg) is
// no EU size, so a shopper of EU 32 or UK 6 is not sent a women's M or L; a number in the
// letter's range still is one ("M (38)", "XS (34)").
func TestSizeKeysWomenLetterSmallNumber(t *testing.T) {
	cases := []struct {
		raw, kind, gender string
		want, reject      []string
	}{
		{"M (32)", "bottoms", "female", []string{"M"}, []string{"EU 32", "UK 4"}},
		{"L (34)", "bottoms", "female", []string{"L"}, []string{"EU 34", "UK 6"}},
		{"L (34)", "bottoms", "", []string{"L"}, []string{"EU 34", "UK 6"}},
		{"S (30)", "tops", "female", []string{"S"}, []string{"EU 30"}},
		{"M (38)", "tops", "female", []string{"M", "EU 38", "UK 10"}, nil},
		{"XS (34)", "dresses", "female", []string{"XS", "EU 34"}, nil},
		{"L (40)", "tops", "", []string{"L", "EU 40"}, nil},
		{"S (36)", "tops", "female", []string{"S", "EU 36"}, nil},
	}
	for _, c := range cases {
		have := map[string]bool{}
		for _, k := range sizeKeys(c.raw, "", c.kind, c.gender) {
			have[k.label] = true
		}
		for _, w := range c.want {
			if !have[w] {
				t.Errorf("sizeKeys(%q, %q, %q) not under %s", c.raw, c.kind, c.gender, w)
			}
		}
		for _, r := range c.reject {
			if have[r] {
				t.Errorf("sizeKeys(%q, %q, %q) under %s", c.raw, c.kind, c.gender, r)
			}
		}
	}
}
