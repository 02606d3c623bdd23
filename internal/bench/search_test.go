package bench

import (
	"context"
	"testing"
)

// TestSearchEnginesAgree answers the same queries with tagdrop and each peer built in, and
// requires equal totals for every query without text (filters, browse, brand and deep pages
// mean the same in all three); text totals may differ, as the engines' analysers do.
func TestSearchEnginesAgree(t *testing.T) {
	ctx := context.Background()
	docs := searchCatalogue(3000, 7)
	if n := countOffers(docs); n < 2000 || n > 4500 {
		t.Fatalf("%d offers generated for 3000", n)
	}
	queries := searchQueries(docs, 80, 7)
	tagdrop := &tagdropEngine{}
	if err := tagdrop.build(ctx, docs); err != nil {
		t.Fatal(err)
	}
	want := make([]int, len(queries))
	for i, q := range queries {
		n, err := tagdrop.run(q)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = n
	}
	for name, mk := range peerFactories() {
		t.Run(name, func(t *testing.T) {
			e := mk()
			defer e.close()
			if err := e.build(ctx, docs); err != nil {
				t.Fatal(err)
			}
			textHits := 0
			for i, q := range queries {
				got, err := e.run(q)
				if err != nil {
					t.Fatalf("%s query %+v: %v", q.kind, q, err)
				}
				if q.text != "" {
					if got > 0 {
						textHits++
					}
					continue
				}
				if got != want[i] {
					t.Errorf("%s query %+v: total %d, tagdrop %d", q.kind, q, got, want[i])
				}
			}
			if textHits == 0 {
				t.Errorf("no text query found anything")
			}
		})
	}
}

// TestSearchReport runs the whole benchmark on a small catalogue and checks the report's shape.
func TestSearchReport(t *testing.T) {
	rep, err := Search(context.Background(), SearchConfig{Size: 1500, Seed: 3, Queries: 40, Peers: []string{PeerFTS5}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Bench != "search" || rep.Size < 1000 || rep.Products == 0 || rep.Queries != 40 {
		t.Fatalf("report %+v", rep)
	}
	for name, f := range map[string]SearchFigures{"tagdrop": rep.Tagdrop, PeerFTS5: rep.Peers[PeerFTS5]} {
		if f.P50MS <= 0 || f.P99MS < f.P50MS || f.OpsPerS <= 0 || f.Seconds <= 0 || f.IndexMB <= 0 || len(f.Kinds) != 4 || f.Matches == 0 {
			t.Errorf("%s: figures %+v", name, f)
		}
	}
	if p := rep.Peers[PeerFTS5]; p.Ratio <= 0 || p.P50Ratio <= 0 {
		t.Errorf("peer ratios %+v", p)
	}
	if rep.Tagdrop.BytesPerOffer <= 0 {
		t.Errorf("bytes per offer %v", rep.Tagdrop.BytesPerOffer)
	}
}

func TestSearchConfigRejected(t *testing.T) {
	for _, tc := range []struct {
		name string
		cfg  SearchConfig
	}{
		{"too small", SearchConfig{Size: 10}},
		{"unknown peer", SearchConfig{Size: 1000, Peers: []string{"lucene"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Search(context.Background(), tc.cfg); err == nil {
				t.Fatal("no error")
			}
		})
	}
}
