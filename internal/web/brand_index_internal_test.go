package web

import (
	"fmt"
	"testing"
)

// TestGroupBrands: brands sort with accents and case folded, under their initials, and names
// that start with a digit or a sign come first under "#".
func TestGroupBrands(t *testing.T) {
	var in []brandEntry
	for _, n := range []string{"Zimmermann", "ba&sh", "Ágatha", "Acne Studios", "3.1 Phillip Lim", "by Far", "&Other Stories", "Balenciaga", "Éric Bompard"} {
		in = append(in, brandEntry{Name: n})
	}
	var got []string
	for _, g := range groupBrands(in) {
		row := g.Letter + ":"
		for _, b := range g.Brands {
			row += " " + b.Name + ","
		}
		got = append(got, row)
	}
	want := []string{"#: &Other Stories, 3.1 Phillip Lim,", "A: Acne Studios, Ágatha,", "B: ba&sh, Balenciaga, by Far,", "E: Éric Bompard,", "Z: Zimmermann,"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("groups:\n%q\nwant:\n%q", got, want)
	}
}
