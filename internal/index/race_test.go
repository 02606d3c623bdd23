package index

import (
	"math/rand/v2"
	"sync"
	"testing"
)

// TestConcurrentSearchAndUpsert runs searches beside upserts and deletes; run with -race.
// Each search's answer must be consistent in itself: hits never exceed the total.
func TestConcurrentSearchAndUpsert(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	ix, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 200 {
		mustUpsert(t, ix, randomProduct(r, int64(i+1)))
	}
	var wg sync.WaitGroup
	for g := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			qr := rand.New(rand.NewPCG(uint64(g), 9))
			for range 150 {
				q := randomQuery(qr)
				res := ix.Search(q)
				if len(res.Hits) > res.Total {
					t.Errorf("%d hits of %d", len(res.Hits), res.Total)
					return
				}
				_ = ix.Brands(propBrands...).GetCardinality() + ix.OnSale().GetCardinality()
			}
		}()
	}
	wr := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		id := int64(1 + wr.IntN(250))
		if wr.IntN(4) == 0 {
			ix.Delete(id)
		} else if err := ix.Upsert(randomProduct(wr, id)); err != nil {
			t.Fatal(err)
		}
	}
	wg.Wait()
}
