package ingest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
)

// TestSpoolHandsItemsOutInIDOrder adds items in a shuffled order, in chunks as the normaliser
// does, and checks that batches returns every item once, whole, in byte order of item ids: in
// memory over several blocks, and spilled to a file part way through.
func TestSpoolHandsItemsOutInIDOrder(t *testing.T) {
	const items = 3000
	for _, tc := range []struct {
		name   string
		budget int
	}{
		{"in memory", 64 << 20},
		{"spilled to a file", 1 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			s := newSpool(tc.budget)
			defer s.close()
			want := map[string]listing{}
			var ids []string
			for i := range items {
				// Ids of varying length and shared prefixes, some longer than others they prefix.
				id := fmt.Sprintf("SKU-%d", rng.IntN(items*10))
				if i%7 == 0 {
					id += "-XL"
				}
				if _, dup := want[id]; dup {
					continue
				}
				// A description of up to 2 KB makes records of varying size, so that a run of
				// items spans several of the spool's 1 MiB blocks.
				l := listing{line: i + 2, brand: "Brand", offer: offerWithID(id), hash: uint64(i) + 1}
				l.product.Description = strings.Repeat("d", rng.IntN(2048))
				want[id] = l
				ids = append(ids, id)
			}
			for start := 0; start < len(ids); start += normChunkSize {
				chunk := ids[start:min(len(ids), start+normChunkSize)]
				var recs []byte
				var fis []feed.Item
				for _, id := range chunk {
					l := want[id]
					recs = appendListing(recs, &l)
					fis = append(fis, feed.Item{ID: id})
				}
				if err := s.addEncoded(recs, fis); err != nil {
					t.Fatal(err)
				}
			}
			if tc.budget < 64<<20 && s.f == nil {
				t.Fatal("the spool never spilled to its file")
			}
			if tc.budget == 64<<20 && len(s.mem) < 2 {
				t.Fatalf("the spool has %d blocks in memory, want several", len(s.mem))
			}
			var got []string
			sizes := []int{1, 500, 999}
			err := s.batches(func(handed int) int { return sizes[handed%len(sizes)] }, func(b []listing) error {
				for _, l := range b {
					w := want[l.offer.ItemID]
					if l.line != w.line || l.hash != w.hash || l.product.Description != w.product.Description {
						return fmt.Errorf("item %s came back as line %d hash %d, want line %d hash %d", l.offer.ItemID, l.line, l.hash, w.line, w.hash)
					}
					got = append(got, l.offer.ItemID)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			sorted := slices.Clone(ids)
			slices.Sort(sorted)
			if !slices.Equal(got, sorted) {
				t.Fatalf("items came out in this order (first 10): %q, want byte order of ids: %q", got[:min(10, len(got))], sorted[:10])
			}
		})
	}
}

func offerWithID(id string) (o catalog.Offer) {
	o.ItemID = id
	return o
}
