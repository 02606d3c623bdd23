package index

import (
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

var day0 = time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)

func offer(id int64, retailer, size string, price, regular int64, cur string) Offer {
	return Offer{ID: id, Retailer: retailer, Size: size, Price: price, RegularPrice: regular, Currency: cur,
		Availability: catalog.InStock, FirstSeen: day0}
}

// fixture is a small hand-made catalogue the table tests know the answers for.
func fixture(t *testing.T) *Index {
	t.Helper()
	bags := []Category{{ID: 1, Name: "Apparel"}, {ID: 4, Name: "Handbags"}}
	xbody := []Category{{ID: 1, Name: "Apparel"}, {ID: 4, Name: "Handbags"}, {ID: 5, Name: "Cross-body bags"}}
	shoes := []Category{{ID: 1, Name: "Apparel"}, {ID: 2, Name: "Shoes"}}
	sold := offer(23, "Shop B", "", 20000, 40000, "EUR")
	sold.Availability = catalog.OutOfStock
	doubt := offer(51, "Shop A", "M", 5000, 50000, "EUR")
	doubt.Questionable = true
	newer := offer(41, "Shop A", "38", 30000, 30000, "EUR")
	newer.FirstSeen = day0.Add(10 * 24 * time.Hour)
	newer.LastDropAt, newer.LastDropPct = day0.Add(9*24*time.Hour), 20
	ps := []Product{
		{ID: 1, Title: "Woody leather handbag", Brand: "Chloé", Colour: "Black", Material: "leather", Categories: bags,
			Offers: []Offer{offer(11, "Shop A", "", 120000, 150000, "EUR"), offer(12, "Shop B", "", 100000, 150000, "USD")}},
		{ID: 2, Title: "Quilted cross-body bag", Brand: "Ganni", Colour: "Cream", Categories: xbody,
			Offers: []Offer{offer(21, "Shop A", "One size", 30000, 30000, "EUR"), offer(22, "Shop C", "", 25000, 30000, "GBP"), sold}},
		{ID: 3, Title: "Canvas tote", Brand: "Toteme", Description: "Roomy enough for a Chloé scarf", Colour: "Navy", Categories: bags,
			Offers: []Offer{offer(31, "Shop C", "", 19000, 19000, "EUR")}},
		{ID: 4, Title: "Runner sneakers", Brand: "Acne Studios", Colour: "White", Gender: "female", Categories: shoes, SizeKind: "shoes",
			Offers: []Offer{offer(42, "Shop B", "37", 25000, 25000, "EUR"), newer}},
		{ID: 5, Title: "Silk tee", Brand: "Toteme", Colour: "Black", Categories: []Category{{ID: 1, Name: "Apparel"}, {ID: 6, Name: "Clothing"}}, SizeKind: "tops",
			Offers: []Offer{doubt, offer(52, "Shop B", "S", 9000, 9000, "EUR")}},
	}
	ix, err := New(Options{Rates: Rates{Base: "EUR", PerBase: map[string]float64{"USD": 1.25, "GBP": 0.8}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Apply(ps, nil); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestSearch(t *testing.T) {
	ix := fixture(t)
	tests := []struct {
		name  string
		q     Query
		want  []int64
		total int
	}{
		{"synonym purse finds handbags and bags (title before category)", Query{Text: "purse"}, []int64{1, 2, 3}, 3},
		{"typo of five letters or more", Query{Text: "lether"}, []int64{1}, 1},
		{"no typo tolerance under five letters", Query{Text: "tot"}, nil, 0},
		{"prefix only with type-ahead", Query{Text: "chlo"}, nil, 0},
		{"type-ahead prefix", Query{Text: "chlo", TypeAhead: true}, []int64{1, 3}, 2},
		{"brand hit ranks above description hit", Query{Text: "chloe"}, []int64{1, 3}, 2},
		{"cross-body matches crossbody", Query{Text: "crossbody"}, []int64{2}, 1},
		{"tee and t-shirt", Query{Text: "t-shirt"}, []int64{5}, 1},
		{"every word must match", Query{Text: "leather tote"}, nil, 0},
		{"category with descendants", Query{Categories: []int64{4}, Sort: SortPriceLow}, []int64{3, 2, 1}, 3},
		{"brand by folded spelling", Query{Brands: []string{"chloe"}}, []int64{1}, 1},
		{"converted shoe size", Query{Sizes: []string{"UK 5"}}, []int64{4}, 1},
		{"one size only when asked", Query{Sizes: []string{"M"}, IncludeOneSize: true, Sort: SortPriceLow}, []int64{5, 3, 2, 1}, 4},
		{"size without one size", Query{Sizes: []string{"M"}}, []int64{5}, 1},
		{"questionable hidden", Query{Sizes: []string{"M"}, HideQuestionable: true}, nil, 0},
		{"price in dollars", Query{Currency: "USD", MaxPrice: 25000, Sort: SortPriceLow}, []int64{5, 3}, 2},
		{"same offer passes price and retailer", Query{Retailers: []string{"Shop B"}, MaxPrice: 25000}, []int64{4, 5}, 2},
		{"minimum discount", Query{MinDiscount: 30, Sort: SortDiscount}, []int64{5, 1}, 2},
		{"on sale", Query{OnSale: true, Sort: SortDiscount}, []int64{5, 1, 2}, 3},
		{"new since", Query{NewSince: day0.Add(24 * time.Hour)}, []int64{4}, 1},
		{"newest first", Query{Sort: SortNewest}, []int64{4, 1, 2, 3, 5}, 5},
		{"price high to low", Query{Sort: SortPriceHigh}, []int64{1, 2, 4, 3, 5}, 5},
		{"biggest recent drop", Query{Sort: SortDrop, Now: day0.Add(12 * 24 * time.Hour)}, []int64{4, 1, 2, 3, 5}, 5},
		{"paging", Query{Sort: SortPriceLow, Page: 2, PerPage: 2}, []int64{4, 2}, 5},
		{"past the last page", Query{Page: 9, PerPage: 2}, nil, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := ix.Search(tt.q)
			if got := ids(res.Hits); !reflect.DeepEqual(got, tt.want) || res.Total != tt.total {
				t.Errorf("hits %v (total %d), want %v (total %d)", got, res.Total, tt.want, tt.total)
			}
		})
	}
}

func TestBestOfferAndSizes(t *testing.T) {
	ix := fixture(t)
	res := ix.Search(Query{Brands: []string{"Ganni"}})
	if len(res.Hits) != 1 {
		t.Fatalf("hits %v", ids(res.Hits))
	}
	h := res.Hits[0]
	// 250 GBP is 312.50 EUR, dearer than 300 EUR; the cheaper sold-out offer never counts.
	if h.Best.OfferID != 21 || h.Offers != 2 || h.Best.Converted != 30000 {
		t.Errorf("best %+v, %d offers", h.Best, h.Offers)
	}
	res = ix.Search(Query{Brands: []string{"Acne Studios"}, SizeSystem: "UK"})
	if got := res.Hits[0].Sizes; !reflect.DeepEqual(got, []string{"UK 4", "UK 5"}) {
		t.Errorf("sizes %q", got)
	}
}

func TestFacetsAreMultiSelect(t *testing.T) {
	ix := fixture(t)
	res := ix.Search(Query{Brands: []string{"Toteme"}, Colours: []string{"black"}, Facets: true})
	if res.Total != 1 {
		t.Fatalf("total %d", res.Total)
	}
	want := map[string][]FacetCount{
		// brands among black products; colours among Toteme's
		FacetBrand:  {{Value: "Chloé", Label: "Chloé", Count: 1}, {Value: "Toteme", Label: "Toteme", Count: 1}},
		FacetColour: {{Value: "black", Label: "black", Count: 1}, {Value: "blue", Label: "blue", Count: 1}},
		FacetSize:   {{Value: "M", Label: "M", Count: 1}, {Value: "S", Label: "S", Count: 1}},
		FacetPrice:  {{Value: "50-100", Label: "50-100", Count: 1}}, // 50.00 and 90.00
	}
	for name, w := range want {
		if got := res.Facets[name]; !reflect.DeepEqual(got, w) {
			t.Errorf("facet %s = %v, want %v", name, got, w)
		}
	}
}

func TestUpsertAndDelete(t *testing.T) {
	ix := fixture(t)
	ix.Delete(1)
	if res := ix.Search(Query{Text: "woody"}); res.Total != 0 {
		t.Errorf("deleted product still found: %v", ids(res.Hits))
	}
	mustUpsert(t, ix, Product{ID: 6, Title: "Woody mini tote", Brand: "Chloé", Offers: []Offer{offer(61, "Shop A", "", 50000, 90000, "EUR")}})
	mustUpsert(t, ix, Product{ID: 3, Title: "Canvas backpack", Brand: "Toteme", Offers: []Offer{offer(31, "Shop C", "", 19000, 19000, "EUR")}})
	tests := []struct {
		text string
		want []int64
	}{
		{"woody", []int64{6}},
		{"tiny", []int64{6}},
		{"tote", []int64{6}},
		{"rucksack", []int64{3}},
	}
	for _, tt := range tests {
		if got := ids(ix.Search(Query{Text: tt.text}).Hits); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
		}
	}
	if ix.Len() != 5 || ix.OfferCount() != 9 {
		t.Errorf("%d products, %d offers", ix.Len(), ix.OfferCount())
	}
	if err := ix.Upsert(Product{Title: "no id"}); err == nil {
		t.Error("a product without id was indexed")
	}
}

func TestMatcherSets(t *testing.T) {
	ix := fixture(t)
	// Acne's EU 38 women's shoe is a UK 5: size ∧ on sale ∧ brand is set algebra.
	size := ix.SizeInStock("shoes", "UK", "5")
	products := ix.ProductsOf(size)
	products.And(ix.Brands("acne studios"))
	if got := products.ToArray(); len(got) != 1 {
		t.Fatalf("products %v", got)
	}
	id, _ := ix.ProductRef(products.Minimum())
	if id != 4 {
		t.Errorf("product %d, want 4", id)
	}
	if n := ix.SizeInStock("tops", "UK", "5").GetCardinality(); n != 0 {
		t.Errorf("kind tops found %d shoe offers", n)
	}
	sale := ix.OnSale()
	sale.AndNot(ix.Questionable())
	var got []int64
	it := sale.Iterator()
	for it.HasNext() {
		o, _, ok := ix.OfferRef(it.Next())
		if !ok {
			t.Fatal("dangling offer id")
		}
		got = append(got, o)
	}
	if !reflect.DeepEqual(got, []int64{11, 12, 22}) { // 23 is sold out, 51 questionable
		t.Errorf("on-sale trusted offers %v", got)
	}
}
