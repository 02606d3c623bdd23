package alerts

import (
	"context"
	"fmt"
	"math/rand"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

var (
	testNow    = time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	testBrands = []string{"By Far", "Ganni", "Toteme", "Nanushka", "Staud"}
	// the category tree: Women > {Shoes, Tops, Jeans, Bags}
	women    = index.Category{ID: 1, Name: "Women"}
	testCats = []struct {
		cat  index.Category
		kind string
	}{{index.Category{ID: 2, Name: "Shoes"}, "shoes"}, {index.Category{ID: 3, Name: "Tops"}, "tops"},
		{index.Category{ID: 4, Name: "Jeans"}, "bottoms"}, {index.Category{ID: 5, Name: "Bags"}, ""}}
)

// randomSize is a size of the kind in one of its systems, as a feed would send it.
func randomSize(r *rand.Rand, kind string) (size, system string) {
	switch kind {
	case "shoes":
		switch r.Intn(3) {
		case 0:
			return fmt.Sprint(36 + r.Intn(6)), "EU"
		case 1:
			return fmt.Sprint(3 + r.Intn(6)), "UK"
		default:
			return fmt.Sprint(5 + r.Intn(6)), "US"
		}
	case "tops":
		return []string{"XS", "S", "M", "L", "XL"}[r.Intn(5)], ""
	case "bottoms":
		return fmt.Sprintf("W%d", 26+r.Intn(5)), ""
	}
	return "", ""
}

func randomTime(r *rand.Rand, days int) time.Time {
	return testNow.Add(-time.Duration(r.Int63n(int64(days) * int64(24*time.Hour))))
}

func randomCatalogue(r *rand.Rand, n int) []index.Product {
	var out []index.Product
	offerID := int64(1000)
	for i := range n {
		c := testCats[r.Intn(len(testCats))]
		p := index.Product{ID: int64(i + 1), Title: fmt.Sprintf("Item %d", i+1), Brand: testBrands[r.Intn(len(testBrands))],
			Colour: "Black", Gender: "female", Categories: []index.Category{women, c.cat}, SizeKind: c.kind,
			CreatedAt: randomTime(r, 90)}
		for range 1 + r.Intn(5) {
			offerID++
			size, system := randomSize(r, c.kind)
			if r.Intn(10) == 0 {
				size, system = "", "" // a feed that gives no size: one size only if the kind is ""
			}
			regular := int64(5000 + 1000*r.Intn(40))
			price := regular
			if r.Intn(3) > 0 {
				price = regular - regular*int64(5*r.Intn(15))/100
			}
			o := index.Offer{ID: offerID, Retailer: []string{"Shop A", "Shop B"}[r.Intn(2)], Size: size, SizeSystem: system,
				Price: price, RegularPrice: regular, Currency: []string{"EUR", "EUR", "GBP", "USD", "JPY", "XTS"}[r.Intn(6)],
				Availability: []catalog.Availability{catalog.InStock, catalog.OutOfStock, catalog.Preorder}[r.Intn(3)],
				Questionable: r.Intn(5) == 0, FirstSeen: randomTime(r, 60)}
			if r.Intn(2) == 0 {
				o.LastDropAt, o.LastDropPct = randomTime(r, 30), 10
			}
			p.Offers = append(p.Offers, o)
		}
		out = append(out, p)
	}
	return out
}

func randomShopper(r *rand.Rand, products []index.Product) (account.Preferences, map[int64]int64) {
	p := account.Preferences{UserID: 1, MinDiscountPct: []int{0, 0, 10, 30}[r.Intn(4)], HideQuestionable: r.Intn(2) == 0}
	for _, b := range testBrands {
		if r.Intn(3) == 0 {
			p.Brands = append(p.Brands, b)
		}
	}
	for range r.Intn(5) {
		kind := []string{"shoes", "tops", "bottoms"}[r.Intn(3)]
		size, system := randomSize(r, kind)
		switch {
		case kind == "tops":
			system = "letter"
		case kind == "bottoms":
			system, size = "waist", size[1:]
		}
		p.Sizes = append(p.Sizes, account.SizePref{Kind: kind, System: system, Value: size})
	}
	if r.Intn(4) == 0 {
		p.Categories = []string{"Women > " + testCats[r.Intn(len(testCats))].cat.Name}
	} else if r.Intn(8) == 0 {
		p.Categories = []string{"Women"}
	}
	if r.Intn(2) == 0 {
		p.MaxPrice = int64(10000 + 5000*r.Intn(6))
		// "" is the base (EUR); XTS has no rate, so only offers in XTS compare, unconverted.
		p.Currency = []string{"", "EUR", "GBP", "USD", "XTS"}[r.Intn(5)]
	}
	sent := map[int64]int64{}
	for _, pr := range products {
		for _, o := range pr.Offers {
			if r.Intn(6) == 0 {
				sent[o.ID] = o.Price + int64(500*(r.Intn(3)-1)) // cheaper, same or dearer now
			}
		}
	}
	return p, sent
}

type sliceLoader []index.Product

func (s sliceLoader) LoadProducts(_ context.Context, fn func(index.Product) error) error {
	for _, p := range s {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

func build(t testing.TB, products []index.Product) *index.Index {
	t.Helper()
	idx, err := index.Build(context.Background(), sliceLoader(products), index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return idx
}

// TestMatchAgainstReference compares Match with the brute-force reference on random
// catalogues and shoppers, fixed seeds: the same offers in the same order.
func TestMatchAgainstReference(t *testing.T) {
	matched := 0
	for seed := int64(1); seed <= 20; seed++ {
		r := rand.New(rand.NewSource(seed))
		products := randomCatalogue(r, 40+r.Intn(80))
		idx := build(t, products)
		for shopper := range 25 {
			p, sent := randomShopper(r, products)
			limit := []int{0, 0, 5}[r.Intn(3)]
			got := Match(idx, p, sent, testNow, limit)
			ids := make([]int64, len(got))
			for i, it := range got {
				ids[i] = it.OfferID
			}
			want := reference(products, p, sent, testNow, limit)
			if !slices.Equal(ids, want) {
				t.Fatalf("seed %d shopper %d %+v:\n got %v\nwant %v", seed, shopper, p, ids, want)
			}
			matched += len(ids)
		}
	}
	if matched < 100 {
		t.Errorf("only %d items matched over all seeds: the generator hardly exercises the matcher", matched)
	}
}
