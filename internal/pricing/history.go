package pricing

import (
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Day is the unit of the history rules: 24 hours of history time. Feeds are observed at any
// hour, so the rules measure how long a state lasted rather than which calendar days it touched.
const Day = 24 * time.Hour

// ReferenceWindow is the EU Omnibus reference period: a price reduction is to be compared with
// the lowest price of the 30 days before it.
const ReferenceWindow = 30 * Day

// Point is one row of an offer's price history: the state the offer entered at At, in force
// until the next point. A history is a slice of points in time order; the offer did not exist
// before its first point.
type Point struct {
	At           time.Time
	Price        int64
	RegularPrice int64
	Availability catalog.Availability
}

// State is the point's price state.
func (p Point) State() State {
	return State{Price: p.Price, RegularPrice: p.RegularPrice, Availability: p.Availability}
}

// buyable says whether a shopper could have paid the point's price: a price while the offer was
// sold out (or gone from the retailer's feed, which the history records as sold out) was not
// charged to anyone.
func (p Point) buyable() bool { return p.Price > 0 && p.Availability != catalog.OutOfStock }

// Lowest is the lowest price a shopper could pay during [from, to]: the price in force at from
// counts, as does every later point up to and including to. Prices in force only while the offer
// was sold out do not count. It is 0 when no price qualifies (the offer did not exist, or was
// sold out throughout).
func Lowest(history []Point, from, to time.Time) int64 {
	var low int64
	for k, p := range history {
		if p.At.After(to) {
			break
		}
		if k+1 < len(history) && !history[k+1].At.After(from) {
			continue // replaced at or before from: never in force inside the window
		}
		if p.buyable() && (low == 0 || p.Price < low) {
			low = p.Price
		}
	}
	return low
}

// AllTimeLow is the lowest price a shopper could ever pay for the offer (see Lowest), 0 when
// none qualifies.
func AllTimeLow(history []Point) int64 {
	if len(history) == 0 {
		return 0
	}
	return Lowest(history, history[0].At, history[len(history)-1].At)
}

// Figures are what tagdrop derives from an offer's history and keeps beside the offer, so that
// pages and alerts read them instead of recomputing them.
type Figures struct {
	// Lowest30d is Lowest over the ReferenceWindow ending at the evaluation time.
	Lowest30d int64
	// AllTimeLow is AllTimeLow of the history up to the evaluation time.
	AllTimeLow int64
	// Questionable is Questionable at the evaluation time.
	Questionable bool
	// Until is when the figures next change with nothing but the passing of time: the moment
	// the oldest point inside the window is itself ReferenceWindow old, so that the price in
	// force before it leaves the window. Zero when they hold until the history changes (no
	// point in the window). AllTimeLow and Questionable change only with the history.
	Until time.Time
}

// FiguresAt derives an offer's figures at now from its history; points after now are ignored.
func FiguresAt(history []Point, now time.Time) Figures {
	h := history[:upTo(history, now)]
	from := now.Add(-ReferenceWindow)
	return Figures{Lowest30d: Lowest(h, from, now), AllTimeLow: AllTimeLow(h), Questionable: Questionable(h, now), Until: until(h, from)}
}

// until is Figures.Until for the history h whose 30-day window opens at from.
func until(h []Point, from time.Time) time.Time {
	for _, p := range h {
		if p.At.After(from) {
			return p.At.Add(ReferenceWindow)
		}
	}
	return time.Time{}
}
