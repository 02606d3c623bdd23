package pricing

import "github.com/tagdrop/tagdrop/internal/catalog"

// EventKind names a sale event, as stored in sale_events.kind.
type EventKind string

// The sale events an offer's price history produces.
const (
	// OnSale: the offer went from no discount to a discount (or was first seen discounted).
	OnSale EventKind = "on_sale"
	// Deeper: an offer already on sale dropped its price further.
	Deeper EventKind = "deeper"
	// BackInStock: the offer went from out of stock to in stock.
	BackInStock EventKind = "back_in_stock"
	// Ended: the discount is gone.
	Ended EventKind = "ended"
)

// State is what the price history records about an offer at one moment. A new row is written
// only when State changes, which is what makes re-importing an unchanged feed write nothing.
type State struct {
	Price        int64
	RegularPrice int64
	Availability catalog.Availability
}

// OnSale reports whether the offer is discounted.
func (s State) OnSale() bool { return s.Price > 0 && s.RegularPrice > s.Price }

// DiscountPct is the whole-percent discount, rounded down.
func (s State) DiscountPct() int { return catalog.DiscountPct(s.Price, s.RegularPrice) }

// Events lists the sale events of an offer moving from prev to next; prev is nil for an offer
// seen for the first time, which makes an OnSale event if it arrives discounted (a shopper
// following the brand wants it either way). Whether a discount is honest is decided later,
// elsewhere: these are the raw movements.
func Events(prev *State, next State) []EventKind {
	var out []EventKind
	if prev == nil {
		if next.OnSale() {
			out = append(out, OnSale)
		}
		return out
	}
	switch {
	case !prev.OnSale() && next.OnSale():
		out = append(out, OnSale)
	case prev.OnSale() && next.OnSale() && next.Price < prev.Price:
		out = append(out, Deeper)
	case prev.OnSale() && !next.OnSale():
		out = append(out, Ended)
	}
	if prev.Availability == catalog.OutOfStock && next.Availability == catalog.InStock {
		out = append(out, BackInStock)
	}
	return out
}
