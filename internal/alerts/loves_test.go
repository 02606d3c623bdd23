package alerts

import (
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

func TestLoveCurrentState(t *testing.T) {
	offer := func(id int64, size, color string, price int64, avail catalog.Availability) catalog.Offer {
		return catalog.Offer{ID: id, Size: size, Color: color, Price: price, Currency: "EUR", Availability: avail}
	}
	offers := []catalog.Offer{
		offer(1, "M", "Black", 9000, catalog.InStock),
		offer(2, "M", "Black", 8000, catalog.OutOfStock),
		offer(3, "L", "Black", 7000, catalog.InStock),
		offer(4, "m", "black", 8500, catalog.InStock),
		offer(5, "S", "Black", 6000, catalog.OutOfStock),
		offer(6, "S", "Black", 0, catalog.InStock), // no price: says nothing
	}
	tests := []struct {
		name string
		love Love
		want LoveState
	}{
		{"cheapest in stock of the size, case and colour folded", Love{Size: "M", Color: "Black"},
			LoveState{Known: true, OfferID: 4, Price: 8500, Currency: "EUR", InStock: true}},
		{"any size", Love{}, LoveState{Known: true, OfferID: 3, Price: 7000, Currency: "EUR", InStock: true}},
		{"sold out: the cheapest of the size", Love{Size: "S"}, LoveState{Known: true, OfferID: 5, Price: 6000, Currency: "EUR"}},
		{"no such size", Love{Size: "XL"}, LoveState{}},
		{"other colour", Love{Size: "M", Color: "Red"}, LoveState{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.love.CurrentState(offers); got != tt.want {
				t.Errorf("CurrentState = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLoveDecide(t *testing.T) {
	then := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	now := then.Add(48 * time.Hour)
	state := func(price int64, in bool) LoveState {
		return LoveState{Known: true, OfferID: 7, Price: price, Currency: "EUR", InStock: in, At: then}
	}
	watch := Love{Size: "M", AlertAnyDrop: true, AlertBackInStock: true}
	withTarget := watch
	withTarget.TargetPrice = 8000
	targetOnly := Love{Size: "M", TargetPrice: 8000}
	bought := Love{Size: "M", BoughtAt: then, BoughtPrice: 10000, ProtectDays: 14}
	boughtLongAgo := bought
	boughtLongAgo.BoughtAt = now.AddDate(0, 0, -15)
	rules := LoveRules{MinDropShare: 0.05, MinDropAmount: 200}
	drop := func(kind LoveAlertKind, price, previous int64) LoveAlert {
		return LoveAlert{Kind: kind, OfferID: 7, Currency: "EUR", Price: price, PreviousPrice: previous}
	}
	moved := func(price int64, in bool) LoveState { s := state(price, in); s.At = now; return s }

	tests := []struct {
		name      string
		love      Love
		last, cur LoveState
		want      []LoveAlert
		next      LoveState
	}{
		{"no baseline: only set one", watch, LoveState{}, state(9000, true), nil, moved(9000, true)},
		{"no offer now: keep the baseline", watch, state(9000, true), LoveState{}, nil, state(9000, true)},
		{"unchanged", watch, state(9000, true), state(9000, true), nil, state(9000, true)},
		{"a big drop", watch, state(10000, true), state(9000, true), []LoveAlert{drop(PriceDropped, 9000, 10000)}, moved(9000, true)},
		{"a drop under the share keeps the baseline", watch, state(10000, true), state(9600, true), nil, state(10000, true)},
		{"a drop under the amount keeps the baseline", watch, state(2000, true), state(1850, true), nil, state(2000, true)},
		{"small drops add up", watch, state(10000, true), state(9400, true), []LoveAlert{drop(PriceDropped, 9400, 10000)}, moved(9400, true)},
		{"drop alerts off", Love{Size: "M"}, state(10000, true), state(9000, true), nil, moved(9000, true)},
		{"a rise moves the baseline up", watch, state(9000, true), state(9900, true), nil, moved(9900, true)},
		{"target reached with the drop", withTarget, state(10000, true), state(7900, true),
			[]LoveAlert{drop(PriceDropped, 7900, 10000), drop(TargetReached, 7900, 10000)}, moved(7900, true)},
		{"target reached exactly by a small drop", targetOnly, state(8100, true), state(8000, true),
			[]LoveAlert{drop(TargetReached, 8000, 8100)}, moved(8000, true)},
		{"already under the target: no second target alert", withTarget, state(7900, true), state(7000, true),
			[]LoveAlert{drop(PriceDropped, 7000, 7900)}, moved(7000, true)},
		{"target not reached", targetOnly, state(10000, true), state(8500, true), nil, moved(8500, true)},
		{"back in stock", watch, state(9000, false), state(9000, true), []LoveAlert{drop(BackInStock, 9000, 0)}, moved(9000, true)},
		{"back in stock cheaper", watch, state(10000, false), state(8000, true),
			[]LoveAlert{drop(BackInStock, 8000, 0), drop(PriceDropped, 8000, 10000)}, moved(8000, true)},
		{"back in stock, alert off", Love{Size: "M"}, state(9000, false), state(9000, true), nil, moved(9000, true)},
		{"sold out cheaper: no alert, baseline price kept", watch, state(10000, true), state(5000, false), nil,
			LoveState{Known: true, OfferID: 7, Price: 10000, Currency: "EUR", At: now}},
		{"price protection inside the window", bought, state(10000, true), state(9900, true),
			[]LoveAlert{drop(PriceProtection, 9900, 10000)}, moved(9900, true)},
		{"price protection: a drop still above the price paid", bought, state(11000, true), state(10500, true), nil, moved(10500, true)},
		{"price protection after the window", boughtLongAgo, state(10000, true), state(9000, true), nil, moved(9000, true)},
		{"currency changed: new baseline only", watch, state(10000, true),
			LoveState{Known: true, OfferID: 7, Price: 5000, Currency: "GBP", InStock: true}, nil,
			LoveState{Known: true, OfferID: 7, Price: 5000, Currency: "GBP", InStock: true, At: now}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, next := rules.Decide(tt.love, tt.last, tt.cur, now)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("alerts = %+v\nwant %+v", got, tt.want)
			}
			if next != tt.next {
				t.Errorf("next baseline = %+v\nwant %+v", next, tt.next)
			}
			// Deciding again from the new baseline on the same state raises nothing.
			if again, _ := rules.Decide(tt.love, next, tt.cur, now); len(again) != 0 && len(got) != 0 {
				t.Errorf("deciding again raised %+v", again)
			}
		})
	}
}

func TestLoveRulesDefaults(t *testing.T) {
	watch := Love{AlertAnyDrop: true}
	last := LoveState{Known: true, Price: 10000, Currency: "EUR", InStock: true}
	for _, tt := range []struct {
		name  string
		price int64
		want  int
	}{{"4% is noise", 9600, 0}, {"5% alerts", 9500, 1}} {
		t.Run(tt.name, func(t *testing.T) {
			cur := last
			cur.Price = tt.price
			if got, _ := (LoveRules{}).Decide(watch, last, cur, time.Now()); len(got) != tt.want {
				t.Errorf("%d alerts, want %d", len(got), tt.want)
			}
		})
	}
}
