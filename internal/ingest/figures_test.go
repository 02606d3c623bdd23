package ingest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestSaleEventsCarryTheVerdict plays three offers' stories in daily snapshots and checks the
// events they raise, the questionable flag on them, and the figures stored beside the offers.
func TestSaleEventsCarryTheVerdict(t *testing.T) {
	type step struct{ price, sale int64 } // sale 0: none
	tests := []struct {
		name      string
		story     map[int]step // from that day on; the item is absent before its first day
		events    []string
		questions []bool // questionable flag of each event
		final     pricing.Figures
	}{
		{name: "real markdown after two weeks at full price",
			story:  map[int]step{0: {20000, 0}, 14: {20000, 14000}},
			events: []string{"on_sale"}, questions: []bool{false},
			final: pricing.Figures{Lowest30d: 14000, AllTimeLow: 14000}},
		{name: "regular price raised three days before the markdown",
			story:  map[int]step{0: {20000, 0}, 11: {25000, 0}, 14: {25000, 20000}},
			events: []string{"on_sale"}, questions: []bool{true},
			final: pricing.Figures{Lowest30d: 20000, AllTimeLow: 20000, Questionable: true}},
		{name: "launched on sale, then cut deeper",
			story:  map[int]step{10: {20000, 15000}, 14: {20000, 12000}},
			events: []string{"on_sale", "deeper"}, questions: []bool{true, true},
			final: pricing.Figures{Lowest30d: 12000, AllTimeLow: 12000, Questionable: true}},
		{name: "regular price cut by a fifth",
			story:  map[int]step{0: {20000, 0}, 14: {16000, 0}},
			events: []string{"price_drop"}, questions: []bool{false},
			final: pricing.Figures{Lowest30d: 16000, AllTimeLow: 16000}},
		{name: "regular price cut by a twentieth",
			story: map[int]step{0: {20000, 0}, 14: {19000, 0}},
			final: pricing.Figures{Lowest30d: 19000, AllTimeLow: 19000}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				im := ingest.New(db, nil)
				var cur *step
				for d := 0; d <= 14; d++ {
					if s, ok := tt.story[d]; ok {
						cur = &s
					}
					var items []genItem
					if cur != nil {
						items = []genItem{{id: "S-1", title: "Slip Dress", brand: "Ganni", group: "S", color: "Black", size: "38",
							price: cur.price, sale: cur.sale}}
					}
					mustImport(t, im, genFeed(items), ingest.Options{Retailer: "Story", ObservedAt: day(d)})
				}
				o, err := db.OfferByItem(ctx, "story", "S-1")
				if err != nil {
					t.Fatal(err)
				}
				evs, err := db.SaleEvents(ctx, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				var kinds []string
				var qs []bool
				for _, e := range evs {
					kinds, qs = append(kinds, e.Kind), append(qs, e.Questionable)
				}
				if strings.Join(kinds, ",") != strings.Join(tt.events, ",") || len(qs) != len(tt.questions) {
					t.Fatalf("events = %v, want %v", kinds, tt.events)
				}
				for i := range qs {
					if qs[i] != tt.questions[i] {
						t.Errorf("event %d (%s) questionable = %t, want %t", i, kinds[i], qs[i], tt.questions[i])
					}
				}
				f, err := db.OfferFigures(ctx, o.ID)
				if err != nil {
					t.Fatal(err)
				}
				f.Until = time.Time{} // checked in TestFiguresFollowTime
				if f != tt.final {
					t.Errorf("figures = %+v, want %+v", f, tt.final)
				}
			})
		})
	}
}

// TestFiguresFollowTime: a 30-day low moves when its window passes a change, even when the
// offer itself does not change; the import after that moment refreshes it.
func TestFiguresFollowTime(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		im := ingest.New(db, nil)
		item := genItem{id: "F-1", title: "Wrap Dress", brand: "Ganni", group: "F", color: "Red", size: "38", price: 20000, sale: 10000}
		mustImport(t, im, genFeed([]genItem{item}), ingest.Options{Retailer: "Flash", ObservedAt: day(0)})
		item.sale = 0
		mustImport(t, im, genFeed([]genItem{item}), ingest.Options{Retailer: "Flash", ObservedAt: day(5)})
		o, err := db.OfferByItem(ctx, "flash", "F-1")
		if err != nil {
			t.Fatal(err)
		}
		check := func(when string, low int64, until time.Time) {
			t.Helper()
			f, err := db.OfferFigures(ctx, o.ID)
			if err != nil {
				t.Fatal(err)
			}
			if f.Lowest30d != low || f.AllTimeLow != 10000 || !f.Until.Equal(until) {
				t.Fatalf("%s: figures = %+v, want lowest %d, until %v", when, f, low, until)
			}
		}
		check("day 5", 10000, day(0).Add(pricing.ReferenceWindow))
		mustImport(t, im, genFeed([]genItem{item}), ingest.Options{Retailer: "Flash", ObservedAt: day(29)})
		check("day 29", 10000, day(0).Add(pricing.ReferenceWindow))
		mustImport(t, im, genFeed([]genItem{item}), ingest.Options{Retailer: "Flash", ObservedAt: day(31)})
		check("day 31", 10000, day(5).Add(pricing.ReferenceWindow)) // day 0's flash sale was in force at day 1
		mustImport(t, im, genFeed([]genItem{item}), ingest.Options{Retailer: "Flash", ObservedAt: day(36)})
		check("day 36", 20000, time.Time{})
		if got := count(t, db, "price_changes"); got != 2 {
			t.Fatalf("price_changes = %d, want 2: refreshing figures writes no history", got)
		}
	})
}
