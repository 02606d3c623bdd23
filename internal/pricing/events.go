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
	// BackInStock: the offer went from out of stock to in stock. An offer is one size of a
	// product, so on an offer with a size this is "a size back in stock": one kind serves both,
	// and readers take the size from the offer (sale_events.offer_id → offers.size).
	BackInStock EventKind = "back_in_stock"
	// Ended: the discount is gone (and the price did not fall by a PriceDrop's share).
	Ended EventKind = "ended"
	// PriceDrop: the price fell by at least EventRules.MinDrop of itself in a way OnSale and
	// Deeper do not describe: a cut of the regular price, or a discount folded into a lower
	// regular price.
	PriceDrop EventKind = "price_drop"
)

// DefaultMinDrop is the share a price must fall by to make a PriceDrop event.
const DefaultMinDrop = 0.10

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

// EventRules are the thresholds of the sale events.
type EventRules struct {
	// MinDrop is the share of the old price a price must fall by to make a PriceDrop event;
	// 0 means DefaultMinDrop.
	MinDrop float64
}

// Events lists the sale events of an offer moving from prev to next under the default rules.
func Events(prev *State, next State) []EventKind { return EventRules{}.Events(prev, next) }

// Events lists the sale events of an offer moving from prev to next; prev is nil for an offer
// seen for the first time, which makes an OnSale event if it arrives discounted (a shopper
// following the brand wants it either way). Whether a discount is honest is decided elsewhere
// (Questionable) and recorded beside the event: these are the raw movements.
func (r EventRules) Events(prev *State, next State) []EventKind {
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
	case r.dropped(prev.Price, next.Price):
		// Not on sale now (or no deeper: a lower regular price with the same discount): the
		// shopper pays at least MinDrop less, which is what they want to hear, sale or not.
		out = append(out, PriceDrop)
	case prev.OnSale() && !next.OnSale():
		out = append(out, Ended)
	}
	if prev.Availability == catalog.OutOfStock && next.Availability == catalog.InStock {
		out = append(out, BackInStock)
	}
	return out
}

// dropped says whether next is at least MinDrop below prev.
func (r EventRules) dropped(prev, next int64) bool {
	share := r.MinDrop
	if share <= 0 {
		share = DefaultMinDrop
	}
	return prev > 0 && next > 0 && float64(prev-next) >= share*float64(prev)
}
