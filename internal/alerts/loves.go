package alerts

import (
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Loves: one watched product in a chosen size and colour. Deciding its alerts is pure: given the
// love, the state its alerts were last decided on (the baseline) and the state now, say which
// alerts are due and what the next baseline is. The caller stores both in one transaction, so
// deciding again on the same states finds nothing new.

// LoveAlertKind names why a love raised an alert.
type LoveAlertKind string

// The kinds of love alert.
const (
	// PriceDropped: the chosen size is in stock and cheaper than when the shopper was last told,
	// by at least the rules' minimum share and amount.
	PriceDropped LoveAlertKind = "price_drop"
	// TargetReached: the price fell to or below the shopper's target.
	TargetReached LoveAlertKind = "target"
	// BackInStock: the chosen size was sold out and is in stock again.
	BackInStock LoveAlertKind = "back_in_stock"
	// PriceProtection: within the protection days after buying, the price fell below what the
	// shopper paid: they can claim the difference.
	PriceProtection LoveAlertKind = "price_protection"
)

// Love is what deciding a love's alerts needs to know about it.
type Love struct {
	Size  string // "" watches every size
	Color string // "" watches every colour
	// TargetPrice is the price the shopper waits for, in minor units of the offers' currency;
	// 0 means none.
	TargetPrice      int64
	AlertAnyDrop     bool
	AlertBackInStock bool
	// BoughtAt is when the shopper bought it (zero: not bought); BoughtPrice what they paid;
	// ProtectDays how long after BoughtAt a lower price is worth claiming.
	BoughtAt    time.Time
	BoughtPrice int64
	ProtectDays int
}

// LoveState is a love's offers summed up: the best offer of the chosen size and colour.
type LoveState struct {
	// Known is false for a love never evaluated (no baseline) and for a product with no
	// matching live offer.
	Known   bool
	OfferID int64
	// Price is the lowest price among matching offers in stock, or among all matching offers
	// when none is in stock.
	Price    int64
	Currency string
	InStock  bool
	// At is when this state became the baseline (stored states only).
	At time.Time
}

// LoveRules control the noise of price-drop alerts. The zero value uses the defaults.
type LoveRules struct {
	// MinDropShare is the share of the baseline price a drop must reach (0.05 = 5%).
	MinDropShare float64
	// MinDropAmount is the least drop in minor units of the currency.
	MinDropAmount int64
}

// Defaults of LoveRules: a drop must be at least 5% and at least 1.00 of the currency, so a
// price that wobbles by cents does not wake anyone.
const (
	DefaultMinDropShare  = 0.05
	DefaultMinDropAmount = 100
)

func (r LoveRules) withDefaults() LoveRules {
	if r.MinDropShare <= 0 {
		r.MinDropShare = DefaultMinDropShare
	}
	if r.MinDropAmount <= 0 {
		r.MinDropAmount = DefaultMinDropAmount
	}
	return r
}

// LoveAlert is one decided alert.
type LoveAlert struct {
	Kind          LoveAlertKind
	OfferID       int64
	Currency      string
	Price         int64 // the price now
	PreviousPrice int64 // the baseline (the price paid, for price protection; 0 for back in stock)
}

// Matches reports whether an offer is one the love watches: its size (when one was chosen,
// compared without case and spaces) and its colour (when both the love and the offer name one).
func (l Love) Matches(o catalog.Offer) bool {
	if l.Size != "" && !sameLabel(l.Size, o.Size) {
		return false
	}
	if l.Color != "" && o.Color != "" && !sameLabel(l.Color, o.Color) {
		return false
	}
	return true
}

func sameLabel(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// CurrentState sums up a love's live offers (gone ones already left out by the caller): the
// cheapest matching offer in stock, else the cheapest matching one, else an unknown state.
// Offers priced at zero say nothing about the price and are ignored.
func (l Love) CurrentState(offers []catalog.Offer) LoveState {
	var best LoveState
	for _, o := range offers {
		if o.Price <= 0 || !l.Matches(o) {
			continue
		}
		in := o.Availability == catalog.InStock
		switch {
		case !best.Known,
			in && !best.InStock,
			in == best.InStock && o.Currency == best.Currency && o.Price < best.Price:
			best = LoveState{Known: true, OfferID: o.ID, Price: o.Price, Currency: o.Currency, InStock: in}
		}
	}
	return best
}

// Decide returns the alerts due for love l between the baseline last and the state now cur,
// and the next baseline. No baseline (a love never evaluated) or no current offer decides
// nothing; a change of currency only moves the baseline. Prices count only while the chosen
// size is in stock: a sold-out price keeps the baseline's. The baseline price follows the price
// up at once, and down when an alert is raised (or, with drop alerts off, whenever it falls); a
// small drop that raised nothing stays measured from the old baseline, so several small steps
// add up to one alert. The next baseline's At is now when it differs from last, else last.At:
// alerts are stored under the baseline they were decided on, so deciding twice on the same
// baseline cannot store an alert twice.
func (r LoveRules) Decide(l Love, last, cur LoveState, now time.Time) ([]LoveAlert, LoveState) {
	r = r.withDefaults()
	if !cur.Known {
		// The offers left: keep the baseline (they may come back) and decide nothing.
		return nil, last
	}
	next := cur
	if !last.Known || last.Currency != cur.Currency {
		next.At = now
		return nil, next
	}
	var out []LoveAlert
	alert := func(kind LoveAlertKind, previous int64) {
		out = append(out, LoveAlert{Kind: kind, OfferID: cur.OfferID, Currency: cur.Currency, Price: cur.Price, PreviousPrice: previous})
	}
	if l.AlertBackInStock && cur.InStock && !last.InStock {
		alert(BackInStock, 0)
	}
	small := false
	if cur.InStock && cur.Price < last.Price {
		drop := last.Price - cur.Price
		small = drop < r.MinDropAmount || float64(drop) < r.MinDropShare*float64(last.Price)
		if l.AlertAnyDrop && !small {
			alert(PriceDropped, last.Price)
		}
		if l.TargetPrice > 0 && cur.Price <= l.TargetPrice && last.Price > l.TargetPrice {
			alert(TargetReached, last.Price)
		}
		if l.protected(now) && cur.Price < l.BoughtPrice {
			alert(PriceProtection, l.BoughtPrice)
		}
	}
	switch {
	case !cur.InStock:
		// A sold-out size's price says little: keep measuring from the last price in stock.
		next.Price, next.OfferID = last.Price, last.OfferID
	case small && l.AlertAnyDrop && len(out) == 0:
		// Not worth a word yet.
		next.Price, next.OfferID = last.Price, last.OfferID
	}
	next.At = last.At
	if next.Price != last.Price || next.InStock != last.InStock || next.OfferID != last.OfferID {
		next.At = now
	}
	return out, next
}

// protected reports whether the love is inside its price-protection window at now.
func (l Love) protected(now time.Time) bool {
	if l.BoughtAt.IsZero() || l.ProtectDays <= 0 || l.BoughtPrice <= 0 {
		return false
	}
	return !now.Before(l.BoughtAt) && now.Before(l.BoughtAt.AddDate(0, 0, l.ProtectDays))
}
