package index

import (
	"slices"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// TestSizeInStockWaistAndLeg: a shopper who gives a waist and a leg ("28/30", "W28 L30") is
// sent trousers of that waist in that leg, and trousers sold by the waist alone (any leg fits
// a waist-only size: it is hemmed or cropped); not that waist in another leg. A shopper who
// gives a waist alone is sent that waist in every leg.
func TestSizeInStockWaistAndLeg(t *testing.T) {
	ix, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	sizes := []string{"W28 L32", "28W 30L", "W28", "29/30"}
	var offers []Offer
	for i, s := range sizes {
		offers = append(offers, Offer{ID: int64(i + 1), Retailer: "shop", Size: s, SizeSystem: catalog.SystemWaist,
			Price: 5000, RegularPrice: 5000, Currency: "USD", Availability: catalog.InStock})
	}
	if err := ix.Upsert(Product{ID: 1, Title: "Jeans", SizeKind: "bottoms", Offers: offers}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		value string
		want  []string
	}{
		{"28/30", []string{"28W 30L", "W28"}},
		{"W28 L32", []string{"W28 L32", "W28"}},
		{"28/34", []string{"W28"}},
		{"28", []string{"W28 L32", "28W 30L", "W28"}},
		{"29/30", []string{"29/30"}},
		{"29/32", nil},
	}
	for _, tt := range tests {
		var got []string
		it := ix.SizeInStock("bottoms", "waist", tt.value).Iterator()
		for it.HasNext() {
			got = append(got, sizes[ix.offerInfo[it.Next()].id-1])
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("waist shopper %q is sent %q, want %q", tt.value, got, want)
		}
	}
}

// TestSizeKeysWaistAndLegLabel: a waist with its leg is shown as both ("W28 L32"), and found
// under its waist alone too.
func TestSizeKeysWaistAndLegLabel(t *testing.T) {
	keys := sizeKeys("28/32", catalog.SystemWaist, "bottoms", "")
	if len(keys) < 2 || keys[0].label != "W28 L32" || !slices.ContainsFunc(keys, func(k sizeKey) bool { return k.label == "W28" }) {
		t.Errorf("sizeKeys(28/32) = %v, want W28 L32 first, then W28", keys)
	}
	if got := SizeLabel("W28 L30", "waist", "bottoms"); got != "W28 L30" {
		t.Errorf("SizeLabel(W28 L30) = %q, want W28 L30", got)
	}
}

// TestSizeKeysPlusAndDoubleZero: a US women's plus letter ("1X", "2X") in US sizes is the two
// plus numbers it spans (1X is 14W and 16W), not a misses' letter; a US "00" is no US 0; the
// US number beside a letter in a dollar shop ("XXS/00", "XS/0") is a US size, as the UK one
// is in a pound shop.
func TestSizeKeysPlusAndDoubleZero(t *testing.T) {
	cases := []struct {
		raw, system, currency string
		want, reject          []string
	}{
		{"1X", "US", "", []string{"US 14", "US 16"}, []string{"XL", "US 18"}},
		{"2X", "US", "", []string{"US 18", "US 20"}, []string{"XXL", "US 16"}},
		{"3X", "US", "", []string{"US 22", "US 24"}, []string{"3XL"}},
		{"1X", "", "USD", []string{"XL"}, nil}, // no plus size said: the letter it is
		{"00", "US", "", []string{"US 00"}, []string{"US 0"}},
		{"XXS/00", "", "USD", []string{"XXS", "US 00"}, []string{"US 0"}},
		{"XS/0", "", "USD", []string{"XS", "US 0"}, []string{"US 00"}},
	}
	for _, c := range cases {
		have := map[string]bool{}
		for _, k := range sizeKeysIn(c.raw, c.system, "dresses", "female", c.currency) {
			have[k.label] = true
		}
		for _, w := range c.want {
			if !have[w] {
				t.Errorf("sizeKeys(%q, %q, %q) not under %s", c.raw, c.system, c.currency, w)
			}
		}
		for _, r := range c.reject {
			if have[r] {
				t.Errorf("sizeKeys(%q, %q, %q) under %s", c.raw, c.system, c.currency, r)
			}
		}
	}
}

// TestSizeKeysUnisexShoeMenAndWomen: a unisex shoe sized for men and women at once ("M9
// W10.5", "Men's 8 / Women's 9.5", "M 7 / W 8.5") is found under the men's size and its
// conversions, and under the women's US size the shop states.
func TestSizeKeysUnisexShoeMenAndWomen(t *testing.T) {
	cases := []struct {
		raw          string
		want, reject []string
	}{
		{"M9 W10.5", []string{"US 9", "US 10.5", "EU 42", "UK 8"}, []string{"US 10"}},
		{"Men's 8 / Women's 9.5", []string{"US 8", "US 9.5", "EU 41"}, nil},
		{"M 7 / W 8.5", []string{"US 7", "US 8.5", "EU 40"}, nil},
		{"W8.5 / M7", []string{"US 7", "US 8.5"}, nil},
	}
	for _, c := range cases {
		have := map[string]bool{}
		for _, k := range sizeKeysIn(c.raw, "", "shoes", "unisex", "USD") {
			have[k.label] = true
		}
		for _, w := range c.want {
			if !have[w] {
				t.Errorf("sizeKeys(%q) not under %s", c.raw, w)
			}
		}
		for _, r := range c.reject {
			if have[r] {
				t.Errorf("sizeKeys(%q) under %s", c.raw, r)
			}
		}
	}
}

// TestSearchWaistAndLeg: filtering by a waist and leg finds trousers of that waist sold
// without a leg as well, and the key that does so is never shown as a size facet.
func TestSearchWaistAndLeg(t *testing.T) {
	ix, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range []string{"W28 L32", "W28 L30", "W28"} {
		err := ix.Upsert(Product{ID: int64(i + 1), Title: "Jeans", SizeKind: "bottoms", Offers: []Offer{{ID: int64(i + 1),
			Retailer: "shop", Size: s, SizeSystem: catalog.SystemWaist, Price: 5000, RegularPrice: 5000, Currency: "USD",
			Availability: catalog.InStock}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	res := ix.Search(Query{Sizes: []string{"W28 L30"}, Sort: SortNewest, Facets: true})
	got := ids(res.Hits)
	slices.Sort(got)
	if !slices.Equal(got, []int64{2, 3}) {
		t.Errorf("W28 L30 finds %v, want [2 3]", got)
	}
	res = ix.Search(Query{Facets: true})
	for _, f := range res.Facets["size"] {
		if strings.HasSuffix(f.Value, anyLegSuffix) {
			t.Errorf("size facet %q shown", f.Value)
		}
	}
}
