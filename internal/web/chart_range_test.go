package web

import (
	"testing"
	"time"
)

// TestPriceChartFromStoredLowestEver: a chart of a bounded read (the price in force at its start
// and the changes after) marks the lowest price ever from the stored all-time low, which lies
// before the read; with no start it draws from the first point.
func TestPriceChartFromStoredLowestEver(t *testing.T) {
	now := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return now.Add(time.Duration(-d) * 24 * time.Hour) }
	bounded := []pricePoint{
		{At: day(150), Price: 100000, Regular: 100000}, // in force when the 90 days began
		{At: day(40), Price: 80000, Regular: 100000},
		{At: day(10), Price: 90000, Regular: 100000},
	}
	c := newPriceChartFrom(bounded, "EUR", now, day(chartDays), 50000)
	if c == nil {
		t.Fatal("no chart")
	}
	if len(c.Marks) != 2 || c.Marks[0].Label != "30-day low €800" || c.Marks[1].Label != "lowest ever €500" {
		t.Fatalf("marks = %+v; want the 30-day low €800 and the stored lowest ever €500", c.Marks)
	}
	if !c.Rows[0].At.Equal(day(chartDays)) {
		t.Errorf("chart starts at %s; want %d days back", c.Rows[0].At, chartDays)
	}
	whole := append([]pricePoint{{At: day(200), Price: 50000, Regular: 100000}}, bounded...)
	if c = newPriceChartFrom(whole, "EUR", now, time.Time{}, 0); !c.Rows[0].At.Equal(day(200)) || len(c.Marks) != 2 ||
		c.Marks[1].Label != "lowest ever €500" {
		t.Errorf("whole-history chart starts at %s with marks %+v; want %s and the lowest ever €500 of the series", c.Rows[0].At, c.Marks, day(200))
	}
}
