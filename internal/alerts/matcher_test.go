package alerts

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

// TestMatcherAgainstReference compares every entry point of the run matcher with the
// brute-force reference on random catalogues and shoppers: Matcher.MatchAll (early stop at the
// cap, several workers) with map and list sent-histories, a Worker's PicksAt at a time other
// than the matcher's (the full scan "My sales" uses), and Match after the index changed under
// a cached matcher (it must see the change).
func TestMatcherAgainstReference(t *testing.T) {
	matched, counted := 0, 0
	for seed := int64(1); seed <= 20; seed++ {
		r := rand.New(rand.NewSource(seed))
		products := randomCatalogue(r, 40+r.Intn(80))
		idx := build(t, products)
		m := NewMatcher(idx, testNow)
		earlier := NewMatcher(idx, testNow.Add(-5*24*time.Hour))
		var reqs []Request
		var lists []Request
		var limits []int
		for range 25 {
			p, sent := randomShopper(r, products)
			reqs = append(reqs, Request{Prefs: p, Sent: SentMap(sent)})
			lists = append(lists, Request{Prefs: p, Sent: toList(sent)})
			limits = append(limits, []int{0, 0, 5, 1}[r.Intn(4)])
		}
		// MatchAll takes one limit: run once per limit used, with 3 workers.
		for _, limit := range []int{0, 5, 1} {
			for name, rs := range map[string][]Request{"map": reqs, "list": lists} {
				all := m.MatchAll(rs, limit, 3)
				for i, rq := range rs {
					want := reference(products, rq.Prefs, map[int64]int64(reqs[i].Sent.(SentMap)), testNow, limit)
					if got := pickIDs(m, all[i]); !slices.Equal(got, want) {
						t.Fatalf("seed %d shopper %d (%s, limit %d) %+v:\n got %v\nwant %v", seed, i, name, limit, rq.Prefs, got, want)
					}
					matched += len(want)
				}
			}
		}
		// A time after the matcher's with no drop or first sighting in between, and one before.
		later := testNow.Add(36 * time.Hour)
		for _, at := range [][2]time.Time{{testNow, later}, {later, testNow}} {
			w := NewMatcher(idx, at[0]).NewWorker()
			for i, rq := range reqs {
				want := reference(products, rq.Prefs, map[int64]int64(rq.Sent.(SentMap)), at[1], limits[i])
				if got := pickIDs(w.m, w.PicksAt(rq.Prefs, rq.Sent, limits[i], at[1])); !slices.Equal(got, want) {
					t.Fatalf("seed %d shopper %d PicksAt %s from %s:\n got %v\nwant %v", seed, i, at[1], at[0], got, want)
				}
			}
		}
		w := earlier.NewWorker()
		for i, rq := range reqs {
			sent := map[int64]int64(rq.Sent.(SentMap))
			want := reference(products, rq.Prefs, sent, testNow, limits[i])
			if got := pickIDs(earlier, w.PicksAt(rq.Prefs, rq.Sent, limits[i], testNow)); !slices.Equal(got, want) {
				t.Fatalf("seed %d shopper %d PicksAt:\n got %v\nwant %v", seed, i, got, want)
			}
			// Items spell out the same offers with the score at the time asked for.
			items := Match(idx, rq.Prefs, sent, testNow, limits[i])
			if got := itemIDs(items); !slices.Equal(got, want) {
				t.Fatalf("seed %d shopper %d Match:\n got %v\nwant %v", seed, i, got, want)
			}
			for _, it := range items {
				if it.Score < float64(it.DiscountPct) || it.Reason == "" {
					t.Fatalf("seed %d: item %+v has a score below its discount or no reason", seed, it)
				}
			}
			counted++
		}
		// Change the catalogue under the cached matcher: every offer of a third of the
		// products gets 20% cheaper; Match must answer from the new index.
		var changed []index.Product
		for i := range products {
			if r.Intn(3) == 0 {
				p := products[i]
				p.Offers = slices.Clone(p.Offers)
				for j := range p.Offers {
					p.Offers[j].Price = p.Offers[j].Price * 8 / 10
				}
				products[i] = p
				changed = append(changed, p)
			}
		}
		if err := idx.Apply(changed, nil); err != nil {
			t.Fatal(err)
		}
		for i, rq := range reqs {
			sent := map[int64]int64(rq.Sent.(SentMap))
			want := reference(products, rq.Prefs, sent, testNow, limits[i])
			if got := itemIDs(Match(idx, rq.Prefs, sent, testNow, limits[i])); !slices.Equal(got, want) {
				t.Fatalf("seed %d shopper %d Match after a change:\n got %v\nwant %v", seed, i, got, want)
			}
		}
	}
	if matched < 300 || counted == 0 {
		t.Errorf("only %d items matched over all seeds: the generator hardly exercises the matcher", matched)
	}
}

// TestMatcherCurrency: a limit in pounds admits a euro offer under it once converted, and not
// one over it; a limit in a currency without a rate admits only offers in that currency.
func TestMatcherCurrency(t *testing.T) {
	products := fixture() // By Far boots at 300.00 EUR (EU 38)
	idx := build(t, products)
	eu38 := account.SizePref{Kind: "shoes", System: "EU", Value: "38"}
	p := account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{eu38}, HideQuestionable: true}
	// 300 EUR is 255 GBP at the default rates (0.85).
	for _, tt := range []struct {
		currency string
		max      int64
		want     []int64
	}{
		{"GBP", 25500, []int64{11}},
		{"GBP", 25499, nil},
		{"EUR", 30000, []int64{11}},
		{"", 29999, nil},
		{"XTS", 1_000_000, nil},
	} {
		p.Currency, p.MaxPrice = tt.currency, tt.max
		if got := itemIDs(Match(idx, p, nil, testNow, 0)); !slices.Equal(got, tt.want) {
			t.Errorf("limit %d %s: got %v, want %v", tt.max, tt.currency, got, tt.want)
		}
		m := NewMatcher(idx, testNow)
		if got := pickIDs(m, m.NewWorker().Picks(p, nil, 0)); !slices.Equal(got, tt.want) {
			t.Errorf("Picks, limit %d %s: got %v, want %v", tt.max, tt.currency, got, tt.want)
		}
	}
}

func toList(m map[int64]int64) SentList {
	out := make(SentList, 0, len(m))
	for id, price := range m {
		out = append(out, SentItem{id, price})
	}
	slices.SortFunc(out, func(a, b SentItem) int { return int(a.OfferID - b.OfferID) })
	return out
}

func pickIDs(m *Matcher, picks []Pick) []int64 {
	out := make([]int64, len(picks))
	for i, p := range picks {
		out[i] = m.OfferID(p)
	}
	return out
}

func itemIDs(items []Item) []int64 {
	out := make([]int64, len(items))
	for i, it := range items {
		out[i] = it.OfferID
	}
	return out
}

// TestMatcherPriceAtTheLimit: an offer priced exactly at the shopper's limit converted into
// its currency matches, for 400 limits in a row, although its base price may round a unit
// above the limit's (the lists' price bounds must leave room for that).
func TestMatcherPriceAtTheLimit(t *testing.T) {
	rates := index.DefaultRates()
	var products []index.Product
	for i := range 400 {
		limit := int64(10000 + i)
		price, _ := rates.Convert(limit, "GBP", "JPY")
		products = append(products, index.Product{ID: int64(i + 1), Title: "Bag", Brand: fmt.Sprintf("Brand %d", i),
			Categories: []index.Category{women, testCats[3].cat}, Offers: []index.Offer{{ID: int64(1000 + i), Retailer: "Shop",
				Price: price, RegularPrice: 2 * price, Currency: "JPY", Availability: catalog.InStock}}})
	}
	idx := build(t, products)
	m := NewMatcher(idx, testNow)
	w := m.NewWorker()
	for i := range 400 {
		p := account.Preferences{Brands: []string{fmt.Sprintf("Brand %d", i)}, Currency: "GBP", MaxPrice: int64(10000 + i)}
		if got := pickIDs(m, w.Picks(p, nil, 0)); !slices.Equal(got, []int64{int64(1000 + i)}) {
			t.Fatalf("limit %d GBP: got %v, want the offer at exactly the limit", p.MaxPrice, got)
		}
		p.MaxPrice--
		if got := w.Picks(p, nil, 0); len(got) != 0 {
			t.Fatalf("limit %d GBP: got %v, want nothing a unit under the price", p.MaxPrice, got)
		}
	}
}

// TestPicksAtDrift: asked for a time before the matcher's, an offer ranked below forty others
// at the matcher's time (its drop was more recent then) must still come first: PicksAt may
// stop early only by the bound scoreDrift gives.
func TestPicksAtDrift(t *testing.T) {
	at := testNow.Add(36 * time.Hour) // the matcher's time; the shopper asks at testNow
	bag := func(id int64, disc int, dropAt time.Time) index.Product {
		return index.Product{ID: id, Title: "Bag", Brand: "Toteme", Categories: []index.Category{women, testCats[3].cat},
			Offers: []index.Offer{{ID: 100 + id, Retailer: "Shop", Price: int64(100-disc) * 100, RegularPrice: 10000,
				Currency: "EUR", Availability: catalog.InStock, LastDropAt: dropAt}}}
	}
	products := []index.Product{bag(1, 40, time.Time{})} // 40 at both times
	for i := range 40 {
		products = append(products, bag(int64(2+i), 39, time.Time{})) // 39 at both times
	}
	// 37% off, dropped 13.16 days before the matcher's time: 37 + 1.5 then, 37 + 4.2 at testNow.
	products = append(products, bag(50, 37, at.Add(-time.Duration(13.16*24*float64(time.Hour)))))
	idx := build(t, products)
	m := NewMatcher(idx, at)
	p := account.Preferences{Brands: []string{"Toteme"}}
	want := reference(products, p, nil, testNow, 1)
	if !slices.Equal(want, []int64{150}) {
		t.Fatalf("the fixture is off: the reference ranks %v first", want)
	}
	if got := pickIDs(m, m.NewWorker().PicksAt(p, nil, 1, testNow)); !slices.Equal(got, want) {
		t.Errorf("PicksAt at the earlier time: got %v, want %v", got, want)
	}
}
