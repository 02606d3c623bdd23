package pricing

import "time"

// Recent is the end of an offer's price history with what a refresh stored from the rest of
// it: enough to derive the figures without reading years of history. RecentFigures says when
// it is enough.
type Recent struct {
	// Points are the history's points from some point on, oldest first, with every point at
	// Points[0].At: the point in force at the start of a look-back window and all after it.
	// When that point is the only one and older than the 30-day window, its At may be any
	// time from the true one to the window's start: nothing else of it is used.
	Points []Point
	// Whole says Points is the whole history (nothing before the look-back window).
	Whole bool
	// Stored are the figures last stored for the offer, valid only when StoredKnown. They
	// must come from FiguresAt at a time no earlier than the last point that existed then,
	// on a history that held every point before Points[0] and at its time; the store keeps
	// this true by refreshing the figures in every transaction that appends history.
	Stored      Figures
	StoredKnown bool
}

// RecentFigures derives FiguresAt(history, now) from the end of the history, r. ok is false
// when r cannot decide them and the whole history is needed. With r.Whole it always can.
// Otherwise r.Points[0] must be in force at the start of the 30-day window (at or before
// now − ReferenceWindow) and the stored figures known. Then:
//   - the 30-day low and Until need nothing before r.Points[0];
//   - the all-time low is the lower of the stored one and the prices of r's points after its
//     first instant (the points at that instant existed at the last refresh);
//   - the questionable verdict is decided by r's points when the reduction began inside r and
//     30 seen days of reference lie inside r too. When every point of r is a reduction from
//     the same claimed regular price, the reduction began before r, and the verdict is the
//     stored one: it depends only on the claim and the history before the reduction began,
//     and neither changed since the last refresh. Anything else needs the whole history.
func RecentFigures(r Recent, now time.Time) (f Figures, ok bool) {
	h := r.Points[:upTo(r.Points, now)]
	if r.Whole {
		return FiguresAt(h, now), true
	}
	from := now.Add(-ReferenceWindow)
	if len(h) == 0 || h[0].At.After(from) || !r.StoredKnown {
		return Figures{}, false
	}
	f = Figures{Lowest30d: Lowest(h, from, now), AllTimeLow: r.Stored.AllTimeLow, Until: until(h, from)}
	for _, p := range h {
		if p.At.After(h[0].At) && p.buyable() && (f.AllTimeLow == 0 || p.Price < f.AllTimeLow) {
			f.AllTimeLow = p.Price
		}
	}
	q, decided, early := questionableIn(h, false)
	if !decided {
		if !early || !oneReduction(h) {
			return Figures{}, false
		}
		q = r.Stored.Questionable
	}
	f.Questionable = q
	return f, true
}

// oneReduction says every point of h is on sale from the regular price of its last point.
func oneReduction(h []Point) bool {
	claim := h[len(h)-1].RegularPrice
	for _, p := range h {
		if !p.State().OnSale() || p.RegularPrice != claim {
			return false
		}
	}
	return true
}
