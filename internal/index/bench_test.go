package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// benchOffers is the catalogue size of the benchmarks: 100,000 offers, or
// TAGDROP_BENCH_OFFERS (1000000 for the performance target).
func benchOffers(b *testing.B) int {
	if v := os.Getenv("TAGDROP_BENCH_OFFERS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			b.Fatalf("TAGDROP_BENCH_OFFERS: %v", err)
		}
		return n
	}
	return 100_000
}

var (
	benchAdjectives = []string{"quilted", "leather", "suede", "canvas", "mini", "oversized", "cropped", "pleated", "woven", "knitted", "padded", "striped", "embroidered", "satin", "silk", "wool", "cotton", "linen", "denim", "shearling", "cashmere", "ribbed", "belted", "chunky", "slim", "wide-leg", "cross-body", "double-breasted", "high-rise", "relaxed"}
	benchNouns      = map[string][]string{
		"bags":    {"bag", "tote", "clutch", "shoulder bag", "bucket bag", "backpack", "pouch", "saddle bag", "hobo", "wallet"},
		"shoes":   {"sneakers", "boots", "loafers", "pumps", "sandals", "mules", "ankle boots", "ballet flats", "trainers", "slingbacks"},
		"tops":    {"t-shirt", "shirt", "blouse", "jumper", "cardigan", "tank top", "hoodie", "sweatshirt", "polo", "bodysuit"},
		"dresses": {"dress", "midi dress", "maxi dress", "slip dress", "shirt dress", "wrap dress", "mini dress", "gown", "sundress", "kaftan"},
		"bottoms": {"jeans", "trousers", "skirt", "shorts", "culottes", "leggings", "chinos", "joggers", "midi skirt", "cargo pants"},
	}
	benchKinds = []string{"bags", "shoes", "tops", "dresses", "bottoms"}
	benchSizes = map[string][]string{
		"bags":    {""},
		"shoes":   {"36", "37", "38", "39", "40", "41", "42", "43"},
		"tops":    {"XS", "S", "M", "L", "XL"},
		"dresses": {"34", "36", "38", "40", "42", "44"},
		"bottoms": {"W25", "W26", "W27", "W28", "W29", "W30", "W32"},
	}
	benchColours  = []string{"Black", "Cream", "Navy", "Camel", "Burgundy", "Olive", "Grey melange", "Ecru", "Pink", "Sky blue", "Silver", "Leopard print"}
	benchMats     = []string{"leather", "cotton", "wool", "silk", "polyester", "linen", "cashmere", "suede", "denim", "nylon"}
	benchCurrency = []string{"EUR", "EUR", "EUR", "GBP", "USD"}
	benchWords    = []string{"italian", "made", "crafted", "soft", "signature", "logo", "hardware", "lined", "adjustable", "strap", "gold-tone", "zip", "pockets", "relaxed", "fit", "season", "classic", "timeless", "everyday", "detail", "tonal", "stitching", "finish", "removable", "lining", "organic", "recycled", "panel", "contrast", "trim"}
)

// benchCatalogue makes about n offers of realistic shape: 400 brands with a long tail, five
// departments in a three-level category tree, several retailers and sizes per product.
func benchCatalogue(n int) []Product {
	r := rand.New(rand.NewPCG(42, 1))
	brands := make([]string, 400)
	for i := range brands {
		brands[i] = fmt.Sprintf("Brand %c%c%d", 'A'+i%26, 'a'+i/26%26, i)
	}
	retailers := make([]string, 30)
	for i := range retailers {
		retailers[i] = fmt.Sprintf("Retailer %d", i)
	}
	zipf := rand.NewZipf(r, 1.1, 2, uint64(len(brands)-1))
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	var out []Product
	offers := 0
	for id := int64(1); offers < n; id++ {
		kind := pick(r, benchKinds)
		noun := pick(r, benchNouns[kind])
		dept := int64(slicesIndex(benchKinds, kind))
		leaf := 100 + dept*10 + int64(r.IntN(6))
		cats := []Category{{ID: 1, Name: "Apparel & Accessories"}, {ID: 10 + dept, Name: kind}, {ID: leaf, Name: noun + " " + strconv.FormatInt(leaf%10, 10)}}
		desc := ""
		for range 12 + r.IntN(10) {
			desc += pick(r, benchWords) + " "
		}
		sizeKind := kind
		if kind == "bags" {
			sizeKind = ""
		}
		p := Product{
			ID: id, Brand: brands[zipf.Uint64()], Title: pick(r, benchAdjectives) + " " + pick(r, benchAdjectives) + " " + noun,
			Description: desc, Colour: pick(r, benchColours), Material: pick(r, benchMats), Gender: "female",
			Categories: cats, SizeKind: sizeKind, CreatedAt: now,
			// Its own picture, as real feeds have (the demo's bundled pictures are shared):
			// the image table's worst case.
			ImageURL: fmt.Sprintf("https://cdn.retailer%d.example/images/products/%08d/main-1200x1500.jpg", id%30, id),
		}
		regular := int64(5000 + r.IntN(200000))
		for range 1 + r.IntN(2) {
			ret := pick(r, retailers)
			cur := pick(r, benchCurrency)
			price := regular
			if r.IntN(3) == 0 {
				price = regular * int64(40+r.IntN(55)) / 100
			}
			first := now.Add(-time.Duration(r.IntN(90*24)) * time.Hour)
			for _, sz := range benchSizes[kind] {
				o := Offer{ID: int64(offers + 1), Retailer: ret, Size: sz, Price: price, RegularPrice: regular, Currency: cur,
					Availability: catalog.InStock, FirstSeen: first, Questionable: r.IntN(20) == 0, Lowest30d: price}
				if r.IntN(4) == 0 {
					o.Availability = catalog.OutOfStock
				}
				if price < regular && r.IntN(2) == 0 {
					o.LastDropAt, o.LastDropPct = now.Add(-time.Duration(r.IntN(30*24))*time.Hour), int(100-price*100/regular)
				}
				p.Offers = append(p.Offers, o)
				offers++
			}
		}
		out = append(out, p)
	}
	return out
}

func slicesIndex(list []string, v string) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

type sliceLoader []Product

func (l sliceLoader) LoadProducts(_ context.Context, fn func(Product) error) error {
	for _, p := range l {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkBuild indexes the catalogue from scratch and reports the index's heap per offer
// (the input catalogue, which a store loader would stream, is excluded).
func BenchmarkBuild(b *testing.B) {
	cat := benchCatalogue(benchOffers(b))
	offers := 0
	for _, p := range cat {
		offers += len(p.Offers)
	}
	var perOffer float64
	for range b.N {
		b.StopTimer()
		before := heapInUse()
		b.StartTimer()
		ix, err := Build(context.Background(), sliceLoader(cat), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		perOffer = float64(heapInUse()-before) / float64(offers)
		runtime.KeepAlive(ix)
		b.StartTimer()
	}
	b.ReportMetric(perOffer, "bytes/offer")
	b.ReportMetric(float64(offers), "offers")
}

// BenchmarkSearch runs the query mixes of the performance target on one catalogue.
func BenchmarkSearch(b *testing.B) {
	cat := benchCatalogue(benchOffers(b))
	ix, err := Build(context.Background(), sliceLoader(cat), Options{})
	if err != nil {
		b.Fatal(err)
	}
	texts := []string{"leather bag", "black boots", "silk dress", "quilted cross-body", "cashmere jumper", "denim jeans", "mini skirt", "suede loafers"}
	mixes := []struct {
		name string
		q    func(i int) Query
	}{
		{"text+2filters+facets", func(i int) Query {
			q := Query{Text: texts[i%len(texts)], Facets: true, HideQuestionable: true}
			switch i % 3 {
			case 0:
				q.Sizes, q.MaxPrice = []string{"EU 38", "M", "W27"}, 100000
			case 1:
				q.Categories, q.OnSale = []int64{10 + int64(i%5)}, true
			default:
				q.Colours, q.MinDiscount = []string{"black", "blue"}, 20
			}
			return q
		}},
		{"browse-all+facets", func(i int) Query { return Query{Facets: true, Sort: SortNewest} }},
		{"brand-page", func(i int) Query {
			return Query{Brands: []string{cat[i%len(cat)].Brand}, Facets: true, Sort: SortDiscount}
		}},
		{"deep-page", func(i int) Query {
			return Query{Page: 100 + i%100, PerPage: 24, Sort: SortPriceLow}
		}},
		{"typeahead", func(i int) Query {
			w := texts[i%len(texts)]
			return Query{Text: w[:len(w)-2], TypeAhead: true, PerPage: 8}
		}},
	}
	// Warm up: the first searches after a build (or write) sort the products for each summary
	// order and count browse-page facets; later ones reuse that until the next write.
	for i := range 40 {
		ix.Search(mixes[i%4].q(i / 4))
	}
	// mix: the four target queries in turn, with per-query latency percentiles.
	b.Run("mix", func(b *testing.B) {
		var lat []time.Duration
		i := 0
		start := time.Now()
		for b.Loop() {
			t0 := time.Now()
			ix.Search(mixes[i%4].q(i / 4))
			lat = append(lat, time.Since(t0))
			i++
		}
		elapsed := time.Since(start)
		slices.Sort(lat)
		ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
		b.ReportMetric(ms(lat[len(lat)/2]), "p50_ms")
		b.ReportMetric(ms(lat[len(lat)*99/100]), "p99_ms")
		b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "queries/s")
	})
	// after-write: one product upserted, then a browse page and a deep page: what the first
	// searches after each write pay to sort the summary orders and count facets again.
	// after-write-dropping is the same with the orders dropped at each write instead of
	// patched, as before derived_patch.go: the side-by-side peer.
	for _, drop := range []bool{false, true} {
		name := "after-write"
		if drop {
			name = "after-write-dropping"
		}
		b.Run(name, func(b *testing.B) {
			ix.dropOrders = drop
			defer func() { ix.dropOrders = false }()
			i := 0
			for b.Loop() {
				if err := ix.Upsert(cat[i%len(cat)]); err != nil {
					b.Fatal(err)
				}
				ix.Search(mixes[1].q(i))
				ix.Search(mixes[3].q(i))
				i++
			}
		})
	}
	for _, m := range mixes {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				ix.Search(m.q(i))
				i++
			}
		})
	}
}
