package alerts

import (
	"math/rand"
	"testing"
)

// BenchmarkMatch matches one random shopper against a random catalogue of 20,000 products.
func BenchmarkMatch(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	products := randomCatalogue(r, 20000)
	idx := build(b, products)
	p, sent := randomShopper(r, products)
	p.Brands = testBrands[:2]
	b.ResetTimer()
	for range b.N {
		Match(idx, p, sent, testNow, 20)
	}
}

// BenchmarkMatcherPicks is one shopper's digest of 30 from a run's Matcher over a random
// catalogue of 20,000 products: the per-shopper cost of a digest run.
func BenchmarkMatcherPicks(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	products := randomCatalogue(r, 20000)
	idx := build(b, products)
	m := NewMatcher(idx, testNow)
	var reqs []Request
	for range 256 {
		p, sent := randomShopper(r, products)
		reqs = append(reqs, Request{Prefs: p, Sent: SentMap(sent)})
	}
	w := m.NewWorker()
	b.ResetTimer()
	for i := range b.N {
		q := reqs[i%len(reqs)]
		w.Picks(q.Prefs, q.Sent, 30)
	}
}

// BenchmarkNewMatcher is the once-per-run cost of ranking a 20,000-product catalogue.
func BenchmarkNewMatcher(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	idx := build(b, randomCatalogue(r, 20000))
	b.ResetTimer()
	for range b.N {
		NewMatcher(idx, testNow)
	}
}
