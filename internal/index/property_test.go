package index

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

var (
	propNow      = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	propWords    = []string{"bag", "purse", "handbag", "mini", "micro", "tote", "leather", "suede", "cross-body", "crossbody", "sneakers", "trainers", "dress", "silk", "t-shirt", "tee", "jumper", "sweater", "black", "quilted", "chain"}
	propBrands   = []string{"Chloé", "Acne Studios", "Ganni", "Toteme", "A.P.C."}
	propMats     = []string{"leather", "cotton", "silk"}
	propColours  = []string{"Black", "Cream", "Navy Blue", "Burgundy", "Lime green", ""}
	propRetail   = []string{"Shop A", "Shop B", "Shop C", "Shop D"}
	propCurrency = []string{"EUR", "EUR", "USD", "GBP", "XXX"}
	propGenders  = []string{"female", "male", "unisex", ""}
	// category paths: id → path root first
	propCats = map[int64][]Category{
		1: {{ID: 1, Name: "Apparel"}},
		2: {{ID: 1, Name: "Apparel"}, {ID: 2, Name: "Shoes"}},
		3: {{ID: 1, Name: "Apparel"}, {ID: 2, Name: "Shoes"}, {ID: 3, Name: "Sneakers"}},
		4: {{ID: 1, Name: "Apparel"}, {ID: 4, Name: "Handbags"}},
		5: {{ID: 1, Name: "Apparel"}, {ID: 4, Name: "Handbags"}, {ID: 5, Name: "Cross-body bags"}},
		6: {{ID: 1, Name: "Apparel"}, {ID: 6, Name: "Clothing"}},
		7: {{ID: 1, Name: "Apparel"}, {ID: 6, Name: "Clothing"}, {ID: 7, Name: "Dresses"}},
	}
	propKinds = map[int64]string{2: "shoes", 3: "shoes", 6: "tops", 7: "dresses"}
	propSizes = map[string][]string{
		"shoes":   {"36", "37", "38", "38.5", "39", "UK 5", "US 8", "EU 40"},
		"tops":    {"XS", "S", "M", "L", "8", "10", "38", "FR 36", "One size"},
		"dresses": {"S", "M", "US 4", "UK 8", "IT 40", "40", "weird"},
		"":        {"", "", "One size"},
	}
)

func pick[T any](r *rand.Rand, list []T) T { return list[r.IntN(len(list))] }

func propText(r *rand.Rand, n int) string {
	s := ""
	for range n {
		s += pick(r, propWords) + " "
	}
	return s
}

func randomProduct(r *rand.Rand, id int64) Product {
	cat := int64(r.IntN(7) + 1)
	kind := propKinds[cat]
	p := Product{
		ID:          id,
		Title:       propText(r, 1+r.IntN(3)),
		Brand:       pick(r, propBrands),
		Description: propText(r, r.IntN(4)),
		Colour:      pick(r, propColours),
		Material:    pick(r, propMats),
		Gender:      pick(r, propGenders),
		Categories:  propCats[cat],
		SizeKind:    kind,
	}
	if r.IntN(10) == 0 {
		p.Brand = ""
	}
	if r.IntN(6) > 0 { // a few pictures shared between products, so replacing one frees nothing early
		p.ImageURL = fmt.Sprintf("https://img.example/%d.jpg", r.IntN(12))
	}
	for i := range r.IntN(5) {
		reg := int64(1000 + r.IntN(300000))
		price := reg
		if r.IntN(2) == 0 {
			price = reg * int64(30+r.IntN(70)) / 100
		}
		o := Offer{
			ID:           id*100 + int64(i) + 1,
			Retailer:     pick(r, propRetail),
			Size:         pick(r, propSizes[kind]),
			Price:        price,
			RegularPrice: reg,
			Currency:     pick(r, propCurrency),
			Availability: pick(r, []catalog.Availability{catalog.InStock, catalog.InStock, catalog.OutOfStock, catalog.Preorder, catalog.Unknown}),
			Questionable: r.IntN(5) == 0,
			FirstSeen:    propNow.Add(-time.Duration(r.IntN(60*24)) * time.Hour),
		}
		if r.IntN(3) == 0 {
			o.LastDropAt = propNow.Add(-time.Duration(r.IntN(30*24)) * time.Hour)
			o.LastDropPct = 1 + r.IntN(60)
		}
		if r.IntN(4) > 0 {
			o.Lowest30d = price * int64(60+r.IntN(41)) / 100
		}
		if r.IntN(8) == 0 { // same price as another offer: ties
			o.Price, o.RegularPrice = 10000, 20000
		}
		p.Offers = append(p.Offers, o)
	}
	return p
}

func randomQuery(r *rand.Rand) Query {
	q := Query{Now: propNow, Facets: true, Page: 1 + r.IntN(3), PerPage: 1 + r.IntN(8)}
	some := func() bool { return r.IntN(4) == 0 }
	switch r.IntN(6) {
	case 0:
		q.Text = propText(r, 1)
	case 1:
		q.Text = propText(r, 2)
	case 2: // a typo: one letter dropped or swapped
		w := []rune(pick(r, propWords))
		i := r.IntN(len(w) - 1)
		if r.IntN(2) == 0 {
			w = append(w[:i], w[i+1:]...)
		} else {
			w[i], w[i+1] = w[i+1], w[i]
		}
		q.Text = string(w)
	case 3: // type-ahead
		w := pick(r, propWords)
		q.Text, q.TypeAhead = w[:1+r.IntN(len(w))], true
	}
	if some() {
		q.Brands = []string{pick(r, propBrands)}
		if some() {
			q.Brands = append(q.Brands, "chloe", "Nobody")
		}
	}
	if some() {
		q.Categories = []int64{int64(1 + r.IntN(7))}
	}
	if some() {
		q.Colours = []string{pick(r, catalog.ColourFamilies[:8])}
	}
	if r.IntN(8) == 0 {
		q.Materials = []string{pick(r, propMats)}
	}
	if r.IntN(8) == 0 {
		q.Genders = []string{pick(r, propGenders[:3])}
	}
	if r.IntN(10) == 0 {
		q.SizeKind = pick(r, []string{"shoes", "tops"})
	}
	if some() {
		q.Retailers = []string{pick(r, propRetail), pick(r, propRetail)}
	}
	if some() {
		q.Sizes = []string{pick(r, []string{"EU 38", "UK 5", "US 8", "M", "S", "US 4", "FR 36", "IT 40", "weird", "EU 38.5"})}
		q.IncludeOneSize = r.IntN(2) == 0
	}
	if some() {
		q.Currency = pick(r, []string{"EUR", "USD", "GBP"})
		q.MinPrice = int64(r.IntN(3)) * 20000
		if r.IntN(2) == 0 {
			q.MaxPrice = q.MinPrice + int64(1+r.IntN(5))*50000
		}
	}
	if some() {
		q.MinDiscount = r.IntN(70)
	}
	q.OnSale = r.IntN(6) == 0
	q.HideQuestionable = r.IntN(3) == 0
	if r.IntN(6) == 0 {
		q.NewSince = propNow.Add(-time.Duration(r.IntN(60)) * 24 * time.Hour)
	}
	q.Sort = pick(r, []Sort{SortRelevance, SortDiscount, SortPriceLow, SortPriceHigh, SortNewest, SortDrop, ""})
	q.SizeSystem = pick(r, []string{"", "", "EU", "UK"})
	return q
}

// TestSearchMatchesBruteForce builds random catalogues, changes them with upserts and deletes,
// and checks random queries against a brute-force scan: totals, hits in order (with best
// offer, score, sizes, offer count) and every facet's counts, through both evaluation paths.
func TestSearchMatchesBruteForce(t *testing.T) {
	for seed := range uint64(8) {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 7))
			ix, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			bf := newBrute()
			n := 20 + r.IntN(150)
			for i := range n {
				p := randomProduct(r, int64(i+1))
				mustUpsert(t, ix, p)
				bf.prods[p.ID] = p
			}
			for range 3 {
				for range 30 {
					q := randomQuery(r)
					for _, path := range []evalPath{pathAuto, pathOffer, pathScan, pathOrder} {
						compare(t, ix, bf, q, path)
					}
				}
				// change the catalogue: replace, delete and add products
				for range n / 4 {
					id := int64(1 + r.IntN(n+20))
					switch r.IntN(3) {
					case 0:
						ix.Delete(id)
						delete(bf.prods, id)
					default:
						p := randomProduct(r, id)
						mustUpsert(t, ix, p)
						bf.prods[id] = p
					}
				}
			}
		})
	}
}

func mustUpsert(t testing.TB, ix *Index, p Product) {
	t.Helper()
	if err := ix.Upsert(p); err != nil {
		t.Fatal(err)
	}
}

func compare(t *testing.T, ix *Index, bf *brute, q Query, path evalPath) {
	t.Helper()
	ix.mu.RLock()
	got := ix.search(q, path)
	ix.mu.RUnlock()
	total, want, facets := bf.search(q)
	where := fmt.Sprintf("query %+v (evaluation path %d)", q, path)
	if got.Total != total {
		t.Fatalf("%s: total %d, brute force %d", where, got.Total, total)
	}
	if len(got.Hits) != len(want) {
		t.Fatalf("%s: %d hits, brute force %d", where, len(got.Hits), len(want))
	}
	for i, h := range got.Hits {
		w := want[i]
		if h.ProductID != w.id {
			t.Fatalf("%s: hit %d is product %d, brute force %d\ngot %v\nwant %v", where, i, h.ProductID, w.id, ids(got.Hits), bruteIDs(want))
		}
		if h.Best.OfferID != w.best.o.ID || h.Offers != w.offers || h.Score != w.score {
			t.Fatalf("%s: hit %d: best offer %d, %d offers, score %v; brute force %d, %d, %v", where, i,
				h.Best.OfferID, h.Offers, h.Score, w.best.o.ID, w.offers, w.score)
		}
		if img, low, cat, slug := bruteDisplay(bf.prods[w.id], w.best.o.Currency); h.ImageURL != img || h.Lowest30d != low ||
			h.Category != cat || h.CategorySlug != slug {
			t.Fatalf("%s: hit %d: card fields %q, %d, %q, %q; brute force %q, %d, %q, %q", where, i,
				h.ImageURL, h.Lowest30d, h.Category, h.CategorySlug, img, low, cat, slug)
		}
	}
	for _, name := range []string{FacetBrand, FacetCategory, FacetSize, FacetColour, FacetRetailer, FacetPrice, FacetDiscount} {
		gotCounts := map[string]int{}
		for _, fc := range got.Facets[name] {
			gotCounts[fc.Value] = fc.Count
		}
		wantCounts := facets[name]
		if wantCounts == nil {
			wantCounts = map[string]int{}
		}
		if !reflect.DeepEqual(gotCounts, wantCounts) {
			t.Fatalf("%s: facet %s\n got %v\nwant %v", where, name, gotCounts, wantCounts)
		}
	}
}

func ids(hits []Hit) []int64 {
	var out []int64
	for _, h := range hits {
		out = append(out, h.ProductID)
	}
	return out
}

func bruteIDs(hits []bruteHit) []int64 {
	var out []int64
	for _, h := range hits {
		out = append(out, h.id)
	}
	return out
}

// bruteDisplay is what a card of p shows beside the search fields: its image, the lowest 30-day
// low of its offers in currency, and its own category's path and slug.
func bruteDisplay(p Product, currency string) (image string, low int64, path, slug string) {
	for _, o := range p.Offers {
		if o.Currency == currency && o.Lowest30d > 0 && (low == 0 || o.Lowest30d < low) {
			low = o.Lowest30d
		}
	}
	var names []string
	for _, c := range p.Categories {
		names = append(names, c.Name)
	}
	if len(names) > 0 {
		path = strings.Join(names, " > ")
		slug = catalog.Slug(path)
	}
	return p.ImageURL, low, path, slug
}
