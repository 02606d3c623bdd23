package web

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

// pricePoint is the product's lowest available price from At until the next point. Price 0 means
// nothing was in stock then.
type pricePoint struct {
	At      time.Time
	Price   int64
	Regular int64
}

// lowestPriceSeries folds the change log of all of a product's offers into one step series: after
// every change, the lowest price among the offers in stock (in currency). Equal neighbours merge.
func lowestPriceSeries(changes []store.PriceChange, currency string) []pricePoint {
	type state struct {
		price, regular int64
		inStock        bool
	}
	current := map[int64]state{}
	var out []pricePoint
	for i, c := range changes {
		if c.Currency != currency {
			continue
		}
		current[c.OfferID] = state{price: c.Price, regular: c.RegularPrice, inStock: c.Availability != catalog.OutOfStock}
		// Several offers often change in the same import: take the state after the last of them.
		if i+1 < len(changes) && changes[i+1].At.Equal(c.At) {
			continue
		}
		p := pricePoint{At: c.At}
		for _, s := range current {
			if s.inStock && s.price > 0 && (p.Price == 0 || s.price < p.Price) {
				p.Price, p.Regular = s.price, s.regular
			}
		}
		if n := len(out); n > 0 && out[n-1].Price == p.Price && out[n-1].Regular == p.Regular {
			continue
		}
		out = append(out, p)
	}
	return out
}

// chartTick is one labelled grid line.
type chartTick struct {
	Pos    float64
	Label  string
	Anchor string // SVG text-anchor: the first and last date labels stay inside the frame
}

// priceChart is everything the template needs to draw the price history as inline SVG. The
// drawing is decoration for sighted readers; Summary (the SVG's description) and Rows (a table)
// carry the same facts in text.
type priceChart struct {
	Width, Height            int
	Left, Right, Top, Bottom float64
	PricePath, RegularPath   string
	EndX, EndY               float64
	YTicks, XTicks           []chartTick
	Summary                  string
	Rows                     []chartRow
	// Marks are the reference lows drawn across the chart: the lowest price of the last 30
	// days (the EU Omnibus reference for a discount) and the lowest ever recorded.
	Marks []chartMark
}

// chartMark is a labelled horizontal line at one price.
type chartMark struct {
	Class string
	Y     float64
	Label string
}

// lowestBetween is the lowest in-stock price in force at any moment of [from, to], the price
// already in force at from included; 0 when the product was never in stock then.
func lowestBetween(series []pricePoint, from, to time.Time) int64 {
	low := int64(0)
	for i, p := range series {
		if p.At.After(to) {
			break
		}
		if i+1 < len(series) && !series[i+1].At.After(from) {
			continue // replaced before the window opened
		}
		if p.Price > 0 && (low == 0 || p.Price < low) {
			low = p.Price
		}
	}
	return low
}

// chartRow is one price change in words, for the table under the chart.
type chartRow struct {
	At      time.Time
	Price   string
	Regular string
	Sale    bool
}

// chartDays is how far back the chart looks.
const chartDays = 90

// newPriceChart lays out series from its first point (at most chartDays back) to now. It returns
// nil when there is nothing to draw.
func newPriceChart(series []pricePoint, currency string, now time.Time) *priceChart {
	return newPriceChartFrom(series, currency, now, now.Add(-chartDays*24*time.Hour), 0)
}

// newPriceChartFrom lays out series from start (from its first point when start is zero or
// earlier) to now. series must hold the price in force at start. lowestEver is the lowest
// price ever recorded (the offers' stored all-time lows, which reach behind series); 0 takes
// the lowest of series.
func newPriceChartFrom(series []pricePoint, currency string, now, start time.Time, lowestEver int64) *priceChart {
	if len(series) == 0 {
		return nil
	}
	// Keep the point in force at the start of the window, moved to the window's start.
	var pts []pricePoint
	for i, p := range series {
		if p.At.Before(start) {
			if i+1 < len(series) && !series[i+1].At.After(start) {
				continue
			}
			p.At = start
		}
		pts = append(pts, p)
	}
	from := pts[0].At
	if !now.After(from) {
		now = from.Add(time.Hour)
	}
	// A narrow viewBox, like the dashboard's (svgchart.go): the 12-unit labels are drawn at about
	// 10 px on a 390 px phone instead of 6 px; style.css caps the width on wide screens.
	c := &priceChart{Width: 400, Height: 200, Left: 60, Right: 388, Top: 14, Bottom: 172}
	low30 := lowestBetween(series, now.Add(-30*24*time.Hour), now)
	lowEver := lowestBetween(series, series[0].At, now)
	if lowestEver > 0 && (lowEver == 0 || lowestEver < lowEver) {
		lowEver = lowestEver
	}

	lo, hi := int64(math.MaxInt64), int64(0)
	for _, v := range []int64{low30, lowEver} {
		if v > 0 {
			lo = min(lo, v)
		}
	}
	for _, p := range pts {
		for _, v := range []int64{p.Price, p.Regular} {
			if v > 0 {
				lo, hi = min(lo, v), max(hi, v)
			}
		}
	}
	if hi == 0 {
		return nil
	}
	// The grid spans at least an eighth of the highest price: a flat or nearly flat history gets
	// lines a few pounds apart (£250, £260), not a cent apart (£254.99, £255, £255.01).
	step := niceStep(max(hi-lo, hi/8))
	yMin := (lo / step) * step
	if yMin == lo && yMin >= step {
		yMin -= step
	}
	yMax := ((hi + step - 1) / step) * step
	if yMax == hi {
		yMax += step
	}
	x := func(t time.Time) float64 {
		return c.Left + (c.Right-c.Left)*float64(t.Sub(from))/float64(now.Sub(from))
	}
	y := func(v int64) float64 {
		return c.Bottom - (c.Bottom-c.Top)*float64(v-yMin)/float64(yMax-yMin)
	}
	for v := yMin; v <= yMax; v += step {
		c.YTicks = append(c.YTicks, chartTick{Pos: round1(y(v)), Label: formatPrice(v, currency), Anchor: "end"})
	}
	for i, t := range []time.Time{from, from.Add(now.Sub(from) / 2), now} {
		c.XTicks = append(c.XTicks, chartTick{Pos: round1(x(t)), Label: t.UTC().Format("2 Jan"), Anchor: []string{"start", "middle", "end"}[i]})
	}
	c.PricePath = stepPath(pts, x, y, now, func(p pricePoint) int64 { return p.Price })
	c.RegularPath = stepPath(pts, x, y, now, func(p pricePoint) int64 { return p.Regular })
	if low30 > 0 {
		c.Marks = append(c.Marks, chartMark{Class: "chart-low30", Y: round1(y(low30)), Label: "30-day low " + formatPrice(low30, currency)})
	}
	if lowEver > 0 && lowEver != low30 {
		c.Marks = append(c.Marks, chartMark{Class: "chart-lowever", Y: round1(y(lowEver)), Label: "lowest ever " + formatPrice(lowEver, currency)})
	}
	last := pts[len(pts)-1]
	c.EndX, c.EndY = round1(x(now)), round1(y(last.Price))
	if last.Price == 0 {
		c.EndX, c.EndY = 0, 0
	}

	low, high := int64(0), int64(0)
	for _, p := range pts {
		if p.Price > 0 {
			if low == 0 || p.Price < low {
				low = p.Price
			}
			high = max(high, p.Price)
		}
		c.Rows = append(c.Rows, chartRow{At: p.At, Price: priceOrDash(p.Price, currency), Regular: priceOrDash(p.Regular, currency),
			Sale: p.Price > 0 && p.Regular > p.Price})
	}
	nowText := "not in stock now"
	if last.Price > 0 {
		nowText = "now " + formatPrice(last.Price, currency)
	}
	c.Summary = fmt.Sprintf("Lowest available price from %s to %s: highest %s, lowest %s, %s.",
		from.UTC().Format("2 January 2006"), now.UTC().Format("2 January 2006"),
		formatPrice(high, currency), formatPrice(low, currency), nowText)
	if low30 > 0 {
		c.Summary += fmt.Sprintf(" Lowest in the last 30 days: %s; lowest ever recorded: %s.", formatPrice(low30, currency), formatPrice(lowEver, currency))
	}
	return c
}

func priceOrDash(v int64, currency string) string {
	if v <= 0 {
		return "—"
	}
	return formatPrice(v, currency)
}

// stepPath draws one value of the series as a step line; a zero value lifts the pen.
func stepPath(pts []pricePoint, x func(time.Time) float64, y func(int64) float64, end time.Time, val func(pricePoint) int64) string {
	var b strings.Builder
	pen := false
	for i, p := range pts {
		v := val(p)
		next := end
		if i+1 < len(pts) {
			next = pts[i+1].At
		}
		if v <= 0 {
			pen = false
			continue
		}
		if !pen {
			fmt.Fprintf(&b, "M%.1f %.1f", x(p.At), y(v))
			pen = true
		} else {
			fmt.Fprintf(&b, "V%.1f", y(v))
		}
		fmt.Fprintf(&b, "H%.1f", x(next))
	}
	return b.String()
}

// niceStep picks a grid step of 1, 2 or 5 times a power of ten giving about four lines over span.
func niceStep(span int64) int64 {
	if span <= 0 {
		span = 1
	}
	raw := float64(span) / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			return max(int64(m*mag), 1)
		}
	}
	return max(int64(10*mag), 1)
}

func round1(f float64) float64 { return math.Round(f*10) / 10 }
