package alerts

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

// fixture: a By Far shoe sold in EU sizes by two shops, a Ganni top, a By Far bag.
func fixture() []index.Product {
	day := 24 * time.Hour
	shoe := index.Product{ID: 1, Title: "Kamila boots", Brand: "By Far", Gender: "female",
		Categories: []index.Category{women, testCats[0].cat}, SizeKind: "shoes", Offers: []index.Offer{
			{ID: 11, Retailer: "Shop A", Size: "38", SizeSystem: "EU", Price: 30000, RegularPrice: 50000, Currency: "EUR",
				Availability: catalog.InStock, FirstSeen: testNow.Add(-90 * day), LastDropAt: testNow.Add(-2 * day)},
			{ID: 12, Retailer: "Shop B", Size: "38", SizeSystem: "EU", Price: 40000, RegularPrice: 50000, Currency: "EUR",
				Availability: catalog.InStock, FirstSeen: testNow.Add(-90 * day)},
			{ID: 13, Retailer: "Shop A", Size: "39", SizeSystem: "EU", Price: 20000, RegularPrice: 50000, Currency: "EUR",
				Availability: catalog.InStock, FirstSeen: testNow.Add(-90 * day)},
		}}
	top := index.Product{ID: 2, Title: "Logo tee", Brand: "Ganni", Categories: []index.Category{women, testCats[1].cat},
		SizeKind: "tops", Offers: []index.Offer{{ID: 21, Retailer: "Shop A", Size: "M", Price: 4000, RegularPrice: 8000,
			Currency: "EUR", Availability: catalog.InStock, FirstSeen: testNow.Add(-day)}}}
	bag := index.Product{ID: 3, Title: "Rachel bag", Brand: "By Far", Categories: []index.Category{women, testCats[3].cat},
		Offers: []index.Offer{{ID: 31, Retailer: "Shop B", Price: 45000, RegularPrice: 50000, Currency: "EUR",
			Availability: catalog.InStock, Questionable: true, FirstSeen: testNow.Add(-90 * day)}}}
	return []index.Product{shoe, top, bag}
}

func TestMatch(t *testing.T) {
	idx := build(t, fixture())
	uk5 := account.SizePref{Kind: "shoes", System: "UK", Value: "5"}
	eu38 := account.SizePref{Kind: "shoes", System: "EU", Value: "38"}
	tests := []struct {
		name  string
		prefs account.Preferences
		sent  map[int64]int64
		want  []int64
	}{
		{"no brands, nothing", account.Preferences{Sizes: []account.SizePref{eu38}}, nil, nil},
		{"best offer per product, questionable last", account.Preferences{Brands: []string{"by far"}, Sizes: []account.SizePref{eu38}}, nil, []int64{11, 31}},
		{"questionable hidden", account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{eu38}, HideQuestionable: true}, nil, []int64{11}},
		{"UK 5 finds the EU 38 shoe", account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{uk5}, HideQuestionable: true}, nil, []int64{11}},
		{"no size of the kind", account.Preferences{Brands: []string{"By Far", "Ganni"}}, nil, []int64{31}},
		{"sent at the same price", account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{eu38}, HideQuestionable: true}, map[int64]int64{11: 30000}, []int64{12}},
		{"sent dearer comes back", account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{eu38}, HideQuestionable: true}, map[int64]int64{11: 35000}, []int64{11}},
		{"max price", account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{eu38}, MaxPrice: 29999}, nil, nil},
		{"min discount", account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{eu38}, MinDiscountPct: 25}, nil, []int64{11}},
		{"category", account.Preferences{Brands: []string{"By Far", "Ganni"}, Sizes: []account.SizePref{eu38, {Kind: "tops", System: "letter", Value: "M"}}, Categories: []string{"women > tops"}}, nil, []int64{21}},
		{"unknown category", account.Preferences{Brands: []string{"By Far"}, Categories: []string{"Men"}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int64
			for _, it := range Match(idx, tt.prefs, tt.sent, testNow, 0) {
				got = append(got, it.OfferID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMatchItem(t *testing.T) {
	idx := build(t, fixture())
	items := Match(idx, account.Preferences{Brands: []string{"By Far"}, Sizes: []account.SizePref{{Kind: "shoes", System: "EU", Value: "38"}}}, nil, testNow, 1)
	if len(items) != 1 {
		t.Fatalf("limit 1 gave %d items", len(items))
	}
	it := items[0]
	if it.ProductID != 1 || it.Title != "Kamila boots" || it.Size != "EU 38" || it.DiscountPct != 40 || it.Retailer != "Shop A" || it.Currency != "EUR" {
		t.Errorf("item = %+v", it)
	}
	if want := "follows By Far · size EU 38 in stock · 40% off · dropped 2 days ago"; it.Reason != want {
		t.Errorf("reason = %q, want %q", it.Reason, want)
	}
	bag := Match(idx, account.Preferences{Brands: []string{"By Far"}}, nil, testNow, 0)
	if len(bag) != 1 || !strings.Contains(bag[0].Reason, "one size") || !strings.Contains(bag[0].Reason, "questionable discount") {
		t.Errorf("bag = %+v", bag)
	}
}

// A garment whose feed gives no size is not one size: it matches no shopper's size, while a
// bag with no size still matches everyone following its brand.
func TestMatchSizeNotGiven(t *testing.T) {
	day := 24 * time.Hour
	dress := index.Product{ID: 4, Title: "Wrap dress", Brand: "Ganni", Categories: []index.Category{women, testCats[1].cat},
		SizeKind: "dresses", Offers: []index.Offer{{ID: 41, Retailer: "Shop A", Price: 6000, RegularPrice: 12000,
			Currency: "EUR", Availability: catalog.InStock, FirstSeen: testNow.Add(-day)}}}
	idx := build(t, append(fixture(), dress))
	m := account.SizePref{Kind: "dresses", System: "letter", Value: "M"}
	for _, prefs := range []account.Preferences{
		{Brands: []string{"Ganni"}},
		{Brands: []string{"Ganni"}, Sizes: []account.SizePref{m}},
	} {
		for _, it := range Match(idx, prefs, nil, testNow, 0) {
			if it.OfferID == 41 {
				t.Errorf("sizes %v: the dress without a size matched: %+v", prefs.Sizes, it)
			}
		}
	}
	bag := Match(idx, account.Preferences{Brands: []string{"By Far"}}, nil, testNow, 0)
	if len(bag) != 1 || bag[0].OfferID != 31 {
		t.Errorf("the one-size bag: %+v", bag)
	}
}

func TestScore(t *testing.T) {
	o := index.Offer{Price: 7000, RegularPrice: 10000, FirstSeen: testNow, LastDropAt: testNow}
	tests := []struct {
		name string
		at   time.Time
		want float64
	}{
		{"dropped and new now", testNow, 30 + DropWeight + FreshWeight},
		{"half the drop window later", testNow.Add(DropWindow / 2), 30 + DropWeight/2 + FreshWeight*(1-float64(DropWindow/2)/float64(FreshWindow))},
		{"past both windows", testNow.Add(FreshWindow), 30},
		{"times in the future count nothing", testNow.Add(-time.Hour), 30},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Score(o.DiscountPct(), o.LastDropAt, o.FirstSeen, tt.at); got != tt.want {
				t.Errorf("Score = %v, want %v", got, tt.want)
			}
		})
	}
}

// A saved search's reason names the size the item was found under, and never says a size not
// given is in stock.
func TestSavedItemReasonSize(t *testing.T) {
	for size, want := range map[string]string{index.OneSize: "· one size ·", index.SizeNotGiven: "· size not given ·",
		"M": "· size M in stock ·", "": "’ · 50% off"} {
		it := savedItem("Coats", &index.MatchOffer{Price: 50, RegularPrice: 100}, size, testNow)
		if !strings.Contains(it.Reason, want) {
			t.Errorf("size %q: reason %q, want it to hold %q", size, it.Reason, want)
		}
	}
}
