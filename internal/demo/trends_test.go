package demo

import (
	"testing"
	"time"
)

// TestTrendStories: micro bags first listed, and knitwear first marked down, grow in the last
// complete week before the demo's today as the trends page wants (at least 3, and 20% above
// the mean of the 4 weeks before), whatever the day of the week the demo starts.
func TestTrendStories(t *testing.T) {
	for _, today := range []time.Time{testToday, testToday.AddDate(0, 0, 3), testToday.AddDate(0, 0, 5)} {
		c := Generate(Options{Seed: DefaultSeed, Today: today})
		t0 := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
		judged := t0.AddDate(0, 0, -(int(t0.Weekday())+6)%7-7)
		weekOf := func(k int) int { // 0 for the judged week, -1 the week before, …
			d := c.Snapshots[k].Sub(judged)
			if d < 0 {
				return int((d - 7*24*time.Hour + 1) / (7 * 24 * time.Hour))
			}
			return int(d / (7 * 24 * time.Hour))
		}
		arrived, marked := map[int]int{}, map[int]int{}
		for _, p := range c.Products {
			first, firstSale := -1, -1
			for _, l := range p.Listings {
				for k, pt := range l.Points {
					if pt.Listed && (first < 0 || k < first) {
						first = k
					}
					if pt.OnSale() && (firstSale < 0 || k < firstSale) {
						firstSale = k
					}
				}
			}
			if p.Type == "micro-bag" && first > 0 {
				arrived[weekOf(first)]++
			}
			if p.Type == "knitwear" && firstSale >= 0 {
				marked[weekOf(firstSale)]++
			}
		}
		for name, m := range map[string]map[int]int{"micro bags listed": arrived, "knitwear marked down": marked} {
			base := float64(m[-4]+m[-3]+m[-2]+m[-1]) / 4
			if m[0] < 3 || float64(m[0]) <= base*1.2 {
				t.Errorf("today %s: %s per week %v: the judged week should have at least 3 and 20%% more than the mean %.1f of the 4 weeks before",
					today.Format("Mon 2 Jan"), name, m, base)
			}
		}
	}
}
