package index

import "testing"

// TestSizeKeysShoeTextGender: a shoe size whose text names men's or women's ("Men's 10",
// "9.5 US Men's", "Women's 8") converts by that, not by the product's gender, which feeds
// leave out or get wrong: a men's US 10 is no EU 40 (a women's US 10).
func TestSizeKeysShoeTextGender(t *testing.T) {
	cases := []struct {
		raw, gender  string
		want, reject []string
	}{
		{"Men's 10", "", []string{"US 10", "EU 43"}, []string{"EU 40", "UK 7"}},
		{"Men's 10", "female", []string{"US 10", "EU 43"}, []string{"EU 40", "UK 7"}},
		{"9.5 US Men's", "", []string{"US 9.5", "EU 42.5"}, []string{"EU 39.5", "UK 6.5"}},
		{"Mens 9 / Womens 10.5", "", []string{"US 9", "EU 42"}, []string{"EU 39", "UK 6"}},
		{"Women's 8", "male", []string{"US 8", "EU 38"}, []string{"EU 41", "UK 7"}},
		{"Women's 8", "unisex", []string{"US 8", "EU 38"}, []string{"EU 41"}},
		// Without a word the product's gender decides; "7 M" is a medium width, no men's mark.
		{"7 M", "female", []string{"US 7", "EU 37"}, []string{"EU 40"}},
		{"10", "male", []string{"US 10", "EU 43"}, []string{"EU 40"}},
		{"10", "", []string{"US 10", "EU 40"}, []string{"EU 43"}},
	}
	for _, c := range cases {
		have := map[string]bool{}
		for _, k := range sizeKeys(c.raw, "", "shoes", c.gender) {
			have[k.label] = true
		}
		for _, w := range c.want {
			if !have[w] {
				t.Errorf("sizeKeys(%q, %q) not under %s", c.raw, c.gender, w)
			}
		}
		for _, r := range c.reject {
			if have[r] {
				t.Errorf("sizeKeys(%q, %q) under %s", c.raw, c.gender, r)
			}
		}
	}
}
