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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Events(tt.prev, tt.next); !slices.Equal(got, tt.want) {
				t.Fatalf("Events = %v, want %v", got, tt.want)
			}
		})
	}
}
