package pricing

import (
	"slices"
	"testing"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

func TestEvents(t *testing.T) {
	full := State{Price: 10000, RegularPrice: 10000, Availability: catalog.InStock}
	sale := State{Price: 7000, RegularPrice: 10000, Availability: catalog.InStock}
	deeper := State{Price: 5000, RegularPrice: 10000, Availability: catalog.InStock}
	soldOut := State{Price: 10000, RegularPrice: 10000, Availability: catalog.OutOfStock}
	saleSoldOut := State{Price: 7000, RegularPrice: 10000, Availability: catalog.OutOfStock}
	cut20 := State{Price: 8000, RegularPrice: 8000, Availability: catalog.InStock}
	cut10 := State{Price: 9000, RegularPrice: 9000, Availability: catalog.InStock}
	cut5 := State{Price: 9500, RegularPrice: 9500, Availability: catalog.InStock}
	folded := State{Price: 6000, RegularPrice: 6000, Availability: catalog.InStock}
	slightlyLower := State{Price: 6800, RegularPrice: 6800, Availability: catalog.InStock}
	saleOffLower := State{Price: 5600, RegularPrice: 8000, Availability: catalog.InStock}
	tests := []struct {
		name string
		prev *State
		next State
		want []EventKind
	}{
		{name: "new at full price", prev: nil, next: full, want: nil},
		{name: "new on sale", prev: nil, next: sale, want: []EventKind{OnSale}},
		{name: "goes on sale", prev: &full, next: sale, want: []EventKind{OnSale}},
		{name: "sale deepens", prev: &sale, next: deeper, want: []EventKind{Deeper}},
		{name: "sale eases", prev: &deeper, next: sale, want: nil},
		{name: "sale ends", prev: &sale, next: full, want: []EventKind{Ended}},
		{name: "back in stock", prev: &soldOut, next: full, want: []EventKind{BackInStock}},
		{name: "back in stock on sale", prev: &soldOut, next: sale, want: []EventKind{OnSale, BackInStock}},
		{name: "sells out on sale", prev: &sale, next: saleSoldOut, want: nil},
		{name: "unchanged", prev: &sale, next: sale, want: nil},
		{name: "regular price cut by 20%", prev: &full, next: cut20, want: []EventKind{PriceDrop}},
		{name: "regular price cut by exactly 10%", prev: &full, next: cut10, want: []EventKind{PriceDrop}},
		{name: "regular price cut by 5%", prev: &full, next: cut5, want: nil},
		{name: "regular price raised", prev: &cut20, next: full, want: nil},
		{name: "discount folded into a lower regular price", prev: &sale, next: folded, want: []EventKind{PriceDrop}},
		{name: "discount gone, price slightly lower", prev: &sale, next: slightlyLower, want: []EventKind{Ended}},
		{name: "sold out, back at a lower price", prev: &soldOut, next: cut20, want: []EventKind{PriceDrop, BackInStock}},
		{name: "same discount off a lower regular price", prev: &sale, next: saleOffLower, want: []EventKind{Deeper}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Events(tt.prev, tt.next); !slices.Equal(got, tt.want) {
				t.Fatalf("Events = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEventRulesMinDrop(t *testing.T) {
	full := State{Price: 10000, RegularPrice: 10000, Availability: catalog.InStock}
	tests := []struct {
		name    string
		minDrop float64
		next    int64
		want    []EventKind
	}{
		{name: "default 10%: 9% is not enough", minDrop: 0, next: 9100, want: nil},
		{name: "default 10%: 10% is", minDrop: 0, next: 9000, want: []EventKind{PriceDrop}},
		{name: "25%: 20% is not enough", minDrop: 0.25, next: 8000, want: nil},
		{name: "25%: 25% is", minDrop: 0.25, next: 7500, want: []EventKind{PriceDrop}},
		{name: "1%: 1% is", minDrop: 0.01, next: 9900, want: []EventKind{PriceDrop}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			next := State{Price: tt.next, RegularPrice: tt.next, Availability: catalog.InStock}
			if got := (EventRules{MinDrop: tt.minDrop}).Events(&full, next); !slices.Equal(got, tt.want) {
				t.Fatalf("Events = %v, want %v", got, tt.want)
			}
		})
	}
}
