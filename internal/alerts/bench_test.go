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
