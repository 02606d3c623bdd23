package alerts

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
)

// randomAffinity boosts about half the test brands by 0–12 points (clicks.NewAffinity's range)
// or, for half the shoppers, 0–40 points so boosts reach past the window; names in a random
// case; nil one time in five.
func randomAffinity(r *rand.Rand) Affinity {
	if r.Intn(5) == 0 {
		return nil
	}
	a := Affinity{}
	most := []float64{clicks.AffinityWeight, 40}[r.Intn(2)]
	for _, b := range testBrands {
		if r.Intn(2) == 0 {
			continue
		}
		name := []func(string) string{strings.ToLower, strings.ToUpper, func(s string) string { return s }}[r.Intn(3)](b)
		a[name] = most * r.Float64()
	}
	return a
}

// TestMatchWithAffinityAgainstReference compares MatchWithAffinity and MatchAll with
// Request.Affinity against the brute-force reference of the same rule (window, boost, re-rank,
// cut) on random catalogues, shoppers and affinities.
func TestMatchWithAffinityAgainstReference(t *testing.T) {
	matched, reordered, lifted := 0, 0, 0
	for seed := int64(1); seed <= 20; seed++ {
		r := rand.New(rand.NewSource(seed))
		products := randomCatalogue(r, 40+r.Intn(80))
		idx := build(t, products)
		m := NewMatcher(idx, testNow)
		var reqs []Request
		for shopper := range 25 {
			p, sent := randomShopper(r, products)
			if shopper%5 == 0 {
				// A broad shopper: long lists, where the window cuts.
				p, sent = broadShopper(), nil
			}
			aff := randomAffinity(r)
			rq := Request{Prefs: p, Affinity: aff}
			if sent != nil {
				rq.Sent = SentMap(sent)
			}
			reqs = append(reqs, rq)
			for _, limit := range []int{0, 1, 3, 5, 12} {
				got := MatchWithAffinity(idx, p, sent, aff, testNow, limit)
				want := referenceAffinity(products, p, sent, aff, testNow, limit)
				if ids := itemIDs(got); !slices.Equal(ids, want) {
					t.Fatalf("seed %d shopper %d limit %d aff %v %+v:\n got %v\nwant %v", seed, shopper, limit, aff, p, ids, want)
				}
				matched += len(want)
				if !slices.Equal(want, reference(products, p, sent, testNow, limit)) {
					reordered++
				}
				for _, it := range got {
					boost := 0.0
					for b, pts := range aff {
						if strings.EqualFold(b, it.Brand) {
							boost = pts
						}
					}
					if it.Boost != boost {
						t.Fatalf("seed %d: item %+v has boost %v, want %v", seed, it, it.Boost, boost)
					}
					if strings.Contains(it.Reason, "you often shop") {
						if boost == 0 {
							t.Fatalf("seed %d: unboosted item %+v says the shopper often shops its brand", seed, it)
						}
						lifted++
					}
				}
			}
		}
		for _, limit := range []int{0, 5, 1} {
			all := m.MatchAll(reqs, limit, 3)
			for i, rq := range reqs {
				sent, _ := rq.Sent.(SentMap)
				want := referenceAffinity(products, rq.Prefs, sent, rq.Affinity, testNow, limit)
				if got := pickIDs(m, all[i]); !slices.Equal(got, want) {
					t.Fatalf("seed %d shopper %d MatchAll limit %d:\n got %v\nwant %v", seed, i, limit, got, want)
				}
			}
		}
	}
	t.Logf("matched %d, reordered %d lists, %d lifted items", matched, reordered, lifted)
	// The generator must exercise the rule: many matches, and affinity changing many lists.
	if matched < 200 || reordered < 20 || lifted < 20 {
		t.Errorf("matched %d, reordered %d lists, %d lifted items: the generator hardly exercises affinity", matched, reordered, lifted)
	}
}

// TestRerankLifted: an item is told lifted exactly when it passed an item
// that ranked above it without affinity; an item that was first anyway is not.
func TestRerankLifted(t *testing.T) {
	keys := []rankKey{
		{pos: 0, offerID: 1, score: 50 + 5, boost: 5}, // first before and after: not lifted
		{pos: 1, offerID: 2, score: 40},
		{pos: 2, offerID: 3, score: 35 + 10, boost: 10}, // passes offer 2
		{pos: 3, offerID: 4, score: 30 + 1, boost: 1},   // passes nothing
		{pos: 4, offerID: 5, questionable: true, score: 90 + 12, boost: 12},
	}
	order, lifted := rerank(keys)
	var ids []int64
	for _, k := range order {
		ids = append(ids, keys[k].offerID)
	}
	if want := []int64{1, 3, 2, 4, 5}; !slices.Equal(ids, want) {
		t.Errorf("order %v, want %v", ids, want)
	}
	if want := []bool{false, false, true, false, false}; !slices.Equal(lifted, want) {
		t.Errorf("lifted %v, want %v", lifted, want)
	}
}

// TestAffinityOf: the favourite brand gets the full weight, keyed by lower-case name.
func TestAffinityOf(t *testing.T) {
	a := AffinityOf([]clicks.BrandAffinity{{BrandID: 1, Brand: "Ganni", Clicks: 9}, {BrandID: 2, Brand: "Toteme", Clicks: 1}})
	if a["ganni"] != clicks.AffinityWeight || a["toteme"] <= 0 || a["toteme"] >= a["ganni"] || len(a) != 2 {
		t.Errorf("AffinityOf = %v", a)
	}
	if AffinityOf(nil) != nil {
		t.Error("AffinityOf(nil) is not nil")
	}
}

// broadShopper follows every test brand in every size the generator makes.
func broadShopper() account.Preferences {
	p := account.Preferences{UserID: 1, Brands: testBrands}
	for v := 36; v <= 41; v++ {
		p.Sizes = append(p.Sizes, account.SizePref{Kind: "shoes", System: "EU", Value: fmt.Sprint(v)})
	}
	for _, v := range []string{"XS", "S", "M", "L", "XL"} {
		p.Sizes = append(p.Sizes, account.SizePref{Kind: "tops", System: "letter", Value: v})
	}
	for v := 26; v <= 30; v++ {
		p.Sizes = append(p.Sizes, account.SizePref{Kind: "bottoms", System: "waist", Value: fmt.Sprint(v)})
	}
	return p
}
