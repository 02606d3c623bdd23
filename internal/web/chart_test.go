package web

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

func TestLowestPriceSeries(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 1, d, 0, 0, 0, 0, time.UTC) }
	ch := func(offer int64, d int, price int64, avail catalog.Availability) store.PriceChange {
		return store.PriceChange{OfferID: offer, At: day(d), Currency: "EUR", Price: price, RegularPrice: 1000, Availability: avail}
	}
	tests := []struct {
		name    string
		changes []store.PriceChange
		want    []int64 // the price of each point
	}{
		{"one offer", []store.PriceChange{ch(1, 1, 1000, catalog.InStock), ch(1, 5, 700, catalog.InStock)}, []int64{1000, 700}},
		{"cheapest of two", []store.PriceChange{ch(1, 1, 1000, catalog.InStock), ch(2, 2, 800, catalog.InStock), ch(1, 3, 900, catalog.InStock)}, []int64{1000, 800}},
		{"sold out lifts the pen", []store.PriceChange{ch(1, 1, 500, catalog.InStock), ch(1, 2, 500, catalog.OutOfStock), ch(1, 3, 400, catalog.InStock)}, []int64{500, 0, 400}},
		{"same instant counts once", []store.PriceChange{ch(1, 1, 900, catalog.InStock), ch(2, 1, 600, catalog.InStock)}, []int64{600}},
		{"other currency ignored", []store.PriceChange{ch(1, 1, 900, catalog.InStock), {OfferID: 2, At: day(2), Currency: "USD", Price: 10, Availability: catalog.InStock}}, []int64{900}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := lowestPriceSeries(tt.changes, "EUR")
			var prices []int64
			for _, p := range got {
				prices = append(prices, p.Price)
			}
			if len(prices) != len(tt.want) {
				t.Fatalf("prices = %v, want %v", prices, tt.want)
			}
			for i := range prices {
				if prices[i] != tt.want[i] {
					t.Fatalf("prices = %v, want %v", prices, tt.want)
				}
			}
		})
	}
}

func TestPriceChart(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	if newPriceChart(nil, "EUR", now) != nil {
		t.Error("a chart with no points")
	}
	series := []pricePoint{
		{At: now.Add(-200 * 24 * time.Hour), Price: 120000, Regular: 120000},
		{At: now.Add(-30 * 24 * time.Hour), Price: 84000, Regular: 120000},
	}
	c := newPriceChart(series, "EUR", now)
	if c == nil {
		t.Fatal("no chart")
	}
	// The point before the 90-day window is moved to its start, not dropped.
	if len(c.Rows) != 2 || !c.Rows[0].At.Equal(now.Add(-chartDays*24*time.Hour)) {
		t.Errorf("rows = %+v", c.Rows)
	}
	if !strings.HasPrefix(c.PricePath, fmt.Sprintf("M%.1f ", c.Left)) || !strings.Contains(c.PricePath, "V") || !strings.HasSuffix(c.PricePath, fmt.Sprintf("H%.1f", c.Right)) {
		t.Errorf("price path %q should start at the left edge, step down and reach now", c.PricePath)
	}
	for _, tick := range c.YTicks {
		if tick.Pos < c.Top-0.1 || tick.Pos > c.Bottom+0.1 {
			t.Errorf("y tick %+v outside the plot", tick)
		}
	}
	if top := c.YTicks[len(c.YTicks)-1]; top.Label != "€1,300" || c.YTicks[0].Label != "€800" {
		t.Errorf("y ticks = %+v, want €800 to €1,300 (headroom over the top price)", c.YTicks)
	}
	want := "highest €1,200, lowest €840, now €840"
	if !strings.Contains(c.Summary, want) {
		t.Errorf("summary %q lacks %q", c.Summary, want)
	}
}

func TestNiceStep(t *testing.T) {
	for span, want := range map[int64]int64{0: 1, 36000: 10000, 4100: 2000, 100: 50, 7: 2} {
		if got := niceStep(span); got != want {
			t.Errorf("niceStep(%d) = %d, want %d", span, got, want)
		}
	}
}

func TestExcerptAndPrice(t *testing.T) {
	md := newMarkdown()
	if got := md.Excerpt("# Title\n\nSmall is *still* the [point](https://x).\nSecond line.\n\nSecond paragraph.", 200); got != "Small is still the point. Second line." {
		t.Errorf("excerpt = %q", got)
	}
	if got := md.Excerpt("word "+strings.Repeat("long ", 100), 30); len([]rune(got)) > 31 || !strings.HasSuffix(got, "…") {
		t.Errorf("excerpt not cut: %q", got)
	}
	for minor, want := range map[int64]string{44500: "€445", 4450: "€44.50", 123456700: "€1,234,567"} {
		if got := formatPrice(minor, "EUR"); got != want {
			t.Errorf("formatPrice(%d) = %q, want %q", minor, got, want)
		}
	}
	if got := formatPrice(1500, "JPY"); got != "¥1,500" {
		t.Errorf("JPY = %q", got)
	}
	for raw, want := range map[string]string{"": placeholderImage, "javascript:alert(1)": placeholderImage, "//evil/x.png": placeholderImage,
		"/static/demo/img/a.jpg": "/static/demo/img/a.jpg", "https://cdn.example/a.jpg": "https://cdn.example/a.jpg",
		"data:text/html,<script>": placeholderImage, "data:image/png;base64,AAAA": "data:image/png;base64,AAAA"} {
		if got := string(imageSource(raw)); got != want {
			t.Errorf("imageSource(%q) = %q, want %q", raw, got, want)
		}
	}
}

func TestPriceChartMarksReferenceLows(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return now.Add(time.Duration(-d) * 24 * time.Hour) }
	series := []pricePoint{
		{At: day(200), Price: 50000, Regular: 100000}, // the lowest ever, long ago
		{At: day(150), Price: 100000, Regular: 100000},
		{At: day(40), Price: 80000, Regular: 100000}, // in force when the 30-day window opened
		{At: day(10), Price: 90000, Regular: 100000},
	}
	c := newPriceChart(series, "EUR", now)
	if c == nil {
		t.Fatal("no chart")
	}
	if len(c.Marks) != 2 || c.Marks[0].Label != "30-day low €800" || c.Marks[1].Label != "lowest ever €500" {
		t.Fatalf("marks = %+v", c.Marks)
	}
	for _, m := range c.Marks {
		if m.Y < c.Top-0.1 || m.Y > c.Bottom+0.1 {
			t.Errorf("mark %+v outside the plot", m)
		}
	}
	if !strings.Contains(c.Summary, "Lowest in the last 30 days: €800; lowest ever recorded: €500.") {
		t.Errorf("summary %q", c.Summary)
	}
	// When the 30-day low is also the lowest ever, one line says so.
	c = newPriceChart(series[2:], "EUR", now)
	if len(c.Marks) != 1 || c.Marks[0].Label != "30-day low €800" {
		t.Fatalf("marks = %+v", c.Marks)
	}
}

// TestPriceChartFlatHistoryGrid: a price that never moved gets grid lines some pounds apart
// around it, not a cent apart (£254.99, £255, £255.01).
func TestPriceChartFlatHistoryGrid(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	c := newPriceChart([]pricePoint{{At: now.Add(-40 * 24 * time.Hour), Price: 25500, Regular: 25500}}, "GBP", now)
	if c == nil {
		t.Fatal("no chart")
	}
	var labels []string
	for _, tick := range c.YTicks {
		labels = append(labels, tick.Label)
	}
	if fmt.Sprint(labels) != "[£250 £260]" {
		t.Errorf("y ticks %v, want [£250 £260]", labels)
	}
}
