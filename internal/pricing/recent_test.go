package pricing

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// randomHistory is a history of a few hundred days in one of several shapes: churn with
// markdowns and regular price changes, a markdown that never ends (the same claim for years),
// long gone or sold-out spells, months without a change, several points at one instant.
func randomHistory(rng *rand.Rand, start time.Time) []Point {
	var h []Point
	at := start
	reg := int64(10000)
	shape := rng.IntN(4)
	for n, size := 0, 1+rng.IntN(60); n < size; n++ {
		switch rng.IntN(10) {
		case 0: // months without a change
			at = at.Add(time.Duration(30+rng.IntN(200)) * Day)
		case 1: // several points at one instant
		default:
			at = at.Add(time.Duration(rng.Int64N(int64(20 * Day))))
		}
		at = at.Truncate(time.Millisecond)
		p := Point{At: at, RegularPrice: reg, Availability: catalog.InStock}
		switch shape {
		case 0: // churn: regular price moves, markdowns come and go
			if rng.IntN(6) == 0 {
				reg = 8000 + 1000*rng.Int64N(5)
				p.RegularPrice = reg
			}
			p.Price = reg - 500*rng.Int64N(6)
		case 1: // a markdown that never ends, from one claim
			p.Price = reg - 500 - 500*rng.Int64N(8)
		case 2: // mostly at the regular price, short markdowns
			p.Price = reg
			if rng.IntN(3) == 0 {
				p.Price = reg - 2000
			}
		default: // like 1, but the claim is raised now and then
			if rng.IntN(8) == 0 {
				reg += 1000
				p.RegularPrice = reg
			}
			p.Price = reg - 1000 - 500*rng.Int64N(4)
		}
		switch rng.IntN(8) {
		case 0:
			p.Availability = catalog.OutOfStock // sold out, or gone from the feed
		case 1:
			p.Availability = catalog.Preorder
		}
		if rng.IntN(40) == 0 {
			p.Price = 0
		}
		h = append(h, p)
	}
	return h
}

// TestRecentFiguresMatchWholeHistory: for many random histories, times and look-back windows,
// with stored figures from an earlier refresh (at any time from the last point before now on),
// RecentFigures either declines or gives exactly FiguresAt of the whole history; and it
// declines rarely enough to be worth having, using the stored verdict for long markdowns.
func TestRecentFiguresMatchWholeHistory(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 8))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	var cases, decided, fromStored int
	for range 4000 {
		h := randomHistory(rng, start)
		last := h[len(h)-1].At
		for range 8 {
			now := start.Add(time.Duration(rng.Int64N(int64(last.Sub(start) + 120*Day)))).Truncate(time.Millisecond)
			if rng.IntN(4) == 0 { // an import: points at now were appended in this transaction
				if k := upTo(h, now); k > 0 {
					now = h[k-1].At
				}
			}
			lookBack := ReferenceWindow + time.Duration(rng.Int64N(int64(150*Day)))
			r, prevEnd := recentOf(h, now, lookBack)
			prev := prevEnd.Add(time.Duration(rng.Int64N(int64(now.Sub(prevEnd) + 1))))
			r.Stored, r.StoredKnown = FiguresAt(h, prev), true
			want := FiguresAt(h, now)
			cases++
			got, ok := RecentFigures(r, now)
			if !ok {
				continue
			}
			decided++
			if _, qok, _ := questionableIn(r.Points[:upTo(r.Points, now)], r.Whole); !qok {
				fromStored++
			}
			if got != want {
				t.Fatalf("now %s, look-back %s, stored at %s:\nhistory %+v\nrecent %+v\ngot  %+v\nwant %+v",
					now, lookBack, prev, h, r.Points, got, want)
			}
		}
	}
	t.Logf("%d cases: %d decided from the recent history (%d by the stored verdict)", cases, decided, fromStored)
	if decided < cases*3/4 || fromStored == 0 {
		t.Errorf("decided %d of %d cases (%d by the stored verdict); want at least three in four, some by the stored verdict", decided, cases, fromStored)
	}
}

// recentOf cuts h as the store reads it at now: the points since now − lookBack, the one in
// force then and any at its instant. prevEnd is the earliest the previous refresh can have
// run: the last point before those appended at now.
func recentOf(h []Point, now time.Time, lookBack time.Duration) (r Recent, prevEnd time.Time) {
	since := now.Add(-lookBack)
	first := 0
	for i, p := range h {
		if p.At.Before(since) {
			first = i
		}
	}
	for first > 0 && h[first-1].At.Equal(h[first].At) {
		first--
	}
	r = Recent{Points: h[first:], Whole: !h[0].At.Before(since)}
	if r.Whole {
		r.Points = h
	}
	prevEnd = h[0].At
	if prevEnd.After(now) {
		prevEnd = now
	}
	for _, p := range h {
		if p.At.Before(now) {
			prevEnd = p.At
		}
	}
	return r, prevEnd
}

// TestRecentFiguresDeclines: without stored figures, or with a first point inside the 30-day
// window, the end of a history is not enough.
func TestRecentFiguresDeclines(t *testing.T) {
	h := []Point{pt(100, 9000, 10000), pt(50, 10000, 10000), pt(10, 7000, 10000)}
	if _, ok := RecentFigures(Recent{Points: h[1:]}, t0); ok {
		t.Error("decided without stored figures")
	}
	if _, ok := RecentFigures(Recent{Points: h[2:], StoredKnown: true}, t0); ok {
		t.Error("decided from a first point inside the 30-day window")
	}
	f, ok := RecentFigures(Recent{Points: h[1:], StoredKnown: true, Stored: Figures{AllTimeLow: 9000}}, t0)
	if want := FiguresAt(h, t0); !ok || f != want {
		t.Errorf("got %+v, %v; want %+v", f, ok, want)
	}
}
