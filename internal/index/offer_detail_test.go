package index

import (
	"slices"
	"testing"
)

// TestOfferDetail reads offers back by dense id, follows an upsert that changes a price, and
// stops answering for a deleted product's freed slot.
func TestOfferDetail(t *testing.T) {
	ix := fixture(t)
	find := func(offerID int64) (OfferDetail, bool) {
		it := ix.OffersOf(ix.Products()).Iterator()
		for it.HasNext() {
			oid := it.Next()
			if d, ok := ix.OfferDetail(oid); ok && d.OfferID == offerID {
				return d, true
			}
		}
		return OfferDetail{}, false
	}
	d, ok := find(12)
	if !ok {
		t.Fatal("offer 12 not found")
	}
	want := OfferDetail{OfferID: 12, ProductID: 1, Title: "Woody leather handbag", Brand: "Chloé", Colour: "Black",
		Retailer: "Shop B", Price: 100000, RegularPrice: 150000, Currency: "USD", Available: true, FirstSeen: day0}
	if d != want {
		t.Errorf("offer 12 = %+v\nwant %+v", d, want)
	}
	if d.DiscountPct() != 33 {
		t.Errorf("discount = %d, want 33", d.DiscountPct())
	}

	p := Product{ID: 1, Title: "Woody leather handbag", Brand: "Chloé", Colour: "Black",
		Categories: []Category{{ID: 1, Name: "Apparel"}, {ID: 4, Name: "Handbags"}}, Offers: []Offer{offer(12, "Shop B", "", 90000, 150000, "USD")}}
	if err := ix.Upsert(p); err != nil {
		t.Fatal(err)
	}
	if d, ok := find(12); !ok || d.Price != 90000 {
		t.Errorf("after the upsert offer 12 = %+v, %v; want price 90000", d, ok)
	}
	if _, ok := find(11); ok {
		t.Error("offer 11 left the product but is still found")
	}
	ix.Delete(1)
	if _, ok := find(12); ok {
		t.Error("offer 12 of a deleted product is still found")
	}
}

func TestCategoryIDs(t *testing.T) {
	ix := fixture(t)
	tests := []struct {
		name  string
		paths []string
		want  []int64
	}{
		{"root", []string{"Apparel"}, []int64{1}},
		{"deep path, any case and spacing", []string{"apparel >  HANDBAGS > cross-body bags"}, []int64{5}},
		{"several", []string{"Apparel > Shoes", "Apparel > Handbags"}, []int64{2, 4}},
		{"a name without its parents is not a path", []string{"Handbags"}, nil},
		{"unknown", []string{"Apparel > Hats"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.CategoryIDs(tt.paths...); !slices.Equal(got, tt.want) {
				t.Errorf("CategoryIDs(%q) = %v, want %v", tt.paths, got, tt.want)
			}
		})
	}
}
