package pricing

import (
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// t0 is "now" in the history tests; at(d) is d days before it.
var t0 = time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)

func at(daysAgo float64) time.Time { return t0.Add(-time.Duration(daysAgo * float64(Day))) }

// pt is a point daysAgo days before t0, in stock unless avail says otherwise.
func pt(daysAgo float64, price, regular int64, avail ...catalog.Availability) Point {
	a := catalog.InStock
	if len(avail) > 0 {
		a = avail[0]
	}
	return Point{At: at(daysAgo), Price: price, RegularPrice: regular, Availability: a}
}

func TestLowest(t *testing.T) {
	oos := catalog.OutOfStock
	tests := []struct {
		name     string
		history  []Point
		from, to time.Time
		want     int64
	}{
		{name: "no history", history: nil, from: at(30), to: t0, want: 0},
		{name: "price in force at from counts", history: []Point{pt(60, 300, 1000), pt(45, 600, 1000), pt(10, 500, 1000)},
			from: at(30), to: t0, want: 500},
		{name: "price replaced before from does not count", history: []Point{pt(60, 300, 1000), pt(45, 600, 1000)},
			from: at(30), to: t0, want: 600},
		{name: "point exactly at from replaces the older one", history: []Point{pt(40, 100, 1000), pt(30, 700, 1000)},
			from: at(30), to: t0, want: 700},
		{name: "points after to do not count", history: []Point{pt(20, 800, 1000), pt(5, 200, 1000)},
			from: at(30), to: at(10), want: 800},
		{name: "a point exactly at to counts", history: []Point{pt(20, 800, 1000), pt(10, 200, 1000)},
			from: at(30), to: at(10), want: 200},
		{name: "sold-out prices do not count", history: []Point{pt(20, 800, 1000), pt(10, 200, 1000, oos), pt(5, 900, 1000)},
			from: at(30), to: t0, want: 800},
		{name: "sold out throughout", history: []Point{pt(20, 800, 1000, oos)}, from: at(30), to: t0, want: 0},
		{name: "offer born inside the window", history: []Point{pt(3, 450, 500)}, from: at(30), to: t0, want: 450},
		{name: "zero prices ignored", history: []Point{pt(3, 0, 500), pt(2, 450, 500)}, from: at(30), to: t0, want: 450},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Lowest(tt.history, tt.from, tt.to); got != tt.want {
				t.Fatalf("Lowest = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestAllTimeLow(t *testing.T) {
	tests := []struct {
		name    string
		history []Point
		want    int64
	}{
		{name: "empty", history: nil, want: 0},
		{name: "one point", history: []Point{pt(400, 900, 1000)}, want: 900},
		{name: "oldest is lowest", history: []Point{pt(400, 300, 1000), pt(45, 600, 1000), pt(1, 500, 1000)}, want: 300},
		{name: "sold-out low skipped", history: []Point{pt(9, 600, 1000), pt(8, 100, 1000, catalog.OutOfStock), pt(1, 700, 1000)}, want: 600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := AllTimeLow(tt.history); got != tt.want {
				t.Fatalf("AllTimeLow = %d, want %d", got, tt.want)
			}
		})
	}
}

func TestFiguresAt(t *testing.T) {
	tests := []struct {
		name    string
		history []Point
		want    Figures
	}{
		{name: "no history", history: nil, want: Figures{}},
		{name: "old history holds until it changes", history: []Point{pt(90, 1000, 1000), pt(40, 800, 1000)},
			want: Figures{Lowest30d: 800, AllTimeLow: 800}},
		{name: "a point inside the window sets Until", history: []Point{pt(90, 600, 1000), pt(40, 1000, 1000), pt(12, 700, 1000)},
			want: Figures{Lowest30d: 700, AllTimeLow: 600, Until: at(12).Add(ReferenceWindow)}},
		{name: "future points ignored", history: []Point{pt(40, 1000, 1000), pt(-2, 100, 1000)},
			want: Figures{Lowest30d: 1000, AllTimeLow: 1000}},
		{name: "launched on sale", history: []Point{pt(3, 700, 1000)},
			want: Figures{Lowest30d: 700, AllTimeLow: 700, Questionable: true, Until: at(3).Add(ReferenceWindow)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := FiguresAt(tt.history, t0); got != tt.want {
				t.Fatalf("FiguresAt =\n%+v, want\n%+v", got, tt.want)
			}
		})
	}
}

// TestFiguresUntil checks Until's promise: before it the 30-day low stays put, at it the low
// may move.
func TestFiguresUntil(t *testing.T) {
	h := []Point{pt(50, 400, 1000), pt(20, 900, 1000)}
	f := FiguresAt(h, t0)
	if f.Lowest30d != 400 || !f.Until.Equal(at(20).Add(ReferenceWindow)) {
		t.Fatalf("figures = %+v", f)
	}
	if before := FiguresAt(h, f.Until.Add(-time.Millisecond)); before.Lowest30d != 400 {
		t.Fatalf("just before Until the low moved to %d", before.Lowest30d)
	}
	if after := FiguresAt(h, f.Until); after.Lowest30d != 900 || !after.Until.IsZero() {
		t.Fatalf("at Until: %+v, want the low 900 and nothing due", after)
	}
}
