package index

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPatchedOrdersMatchRebuilt warms every presorted order, changes the catalogue in batches of
// upserts and deletes of different sizes (some small enough to patch, some not), and checks
// each carried order against one sorted from scratch.
func TestPatchedOrdersMatchRebuilt(t *testing.T) {
	sorts := []Sort{SortNewest, SortDiscount, SortPriceLow, SortPriceHigh}
	for seed := range uint64(6) {
		t.Run(fmt.Sprintf("seed%d", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 11))
			ix, err := New(Options{})
			if err != nil {
				t.Fatal(err)
			}
			n := 200 + r.IntN(400)
			for i := range n {
				mustUpsert(t, ix, randomProduct(r, int64(i+1)))
			}
			patched := 0
			for round := range 12 {
				for m := range numModes {
					for _, s := range sorts {
						ix.order(mode(m), s)
					}
				}
				var ups []Product
				var dels []int64
				for range 1 + r.IntN([]int{3, 10, n / 4}[round%3]) {
					id := int64(1 + r.IntN(n+50))
					if r.IntN(4) == 0 {
						dels = append(dels, id)
					} else {
						ups = append(ups, randomProduct(r, id))
					}
				}
				if err := ix.Apply(ups, dels); err != nil {
					t.Fatal(err)
				}
				carried := map[orderKey][]uint32{}
				for k, o := range ix.cache.orders {
					carried[k] = o
				}
				patched += len(carried)
				ix.cache = newDerived()
				for k, o := range carried {
					if want := ix.order(k.m, k.s); !slices.Equal(o, want) {
						t.Fatalf("round %d, %d upserts %d deletes: order %v patched\n %v\nwant %v", round, len(ups), len(dels), k, o, want)
					}
				}
			}
			if patched == 0 {
				t.Error("no order was ever patched: the test checks nothing")
			}
		})
	}
}
