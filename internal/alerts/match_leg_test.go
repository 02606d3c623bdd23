package alerts

import (
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

// TestMatchWaistAndLeg: a shopper's leg length counts. One who wears W28 L30 hears of jeans
// in W28 L30 and of jeans sold by the waist alone, not of W28 L32; one who gives the waist
// alone hears of every leg.
func TestMatchWaistAndLeg(t *testing.T) {
	var offers []index.Offer
	for i, s := range []string{"W28 L32", "W28 L30", "28"} {
		offers = append(offers, index.Offer{ID: int64(41 + i), Retailer: "Shop " + s, Size: s, SizeSystem: catalog.SystemWaist,
			Price: 4000, RegularPrice: 8000, Currency: "EUR", Availability: catalog.InStock, FirstSeen: testNow})
	}
	jeans := []index.Product{{ID: 4, Title: "Straight jeans", Brand: "Levi's", Categories: []index.Category{women, testCats[0].cat},
		SizeKind: "bottoms", Offers: offers}}
	for _, tt := range []struct {
		value string
		want  []int64
	}{
		{"28/30", []int64{42, 43}},
		{"28/34", []int64{43}},
		{"28", []int64{41, 42, 43}},
	} {
		p := account.Preferences{Brands: []string{"Levi's"}, Sizes: []account.SizePref{{Kind: "bottoms", System: "waist", Value: tt.value}}}
		var got []int64 // one offer per product is picked: each offer in an index of its own
		for _, o := range offers {
			one := []index.Product{{ID: 4, Title: jeans[0].Title, Brand: "Levi's", Categories: jeans[0].Categories,
				SizeKind: "bottoms", Offers: []index.Offer{o}}}
			m := NewMatcher(build(t, one), testNow)
			if len(m.NewWorker().Picks(p, nil, 0)) > 0 {
				got = append(got, o.ID)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("waist shopper %q is sent offers %v, want %v", tt.value, got, tt.want)
		}
	}
}
