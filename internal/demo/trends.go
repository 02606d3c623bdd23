package demo

import (
	"cmp"
	"hash/fnv"
	"slices"
	"time"
)

// The demo's trend stories (docs/trends.md), so the trends page has something to show on any
// day the demo starts: micro bags keep arriving, more of them each week, and knitwear goes on
// sale, more of it each week. The trends page judges the last complete ISO week; the stories
// put most of their products in it, fewer in each week before and some in the current one.
// Which products and when come from a hash of the style number, not from the generator's
// random stream, so the rest of the catalogue is what it was; the collection's bags keep their
// own stories.

// storyWeights share a story's products among the weeks from three before the judged week
// to the current one.
var storyWeights = [...]int{1, 2, 3, 5, 3}

// storyTenths is the share, in tenths, of a kind's products a story takes.
const storyTenths = 9

// trendStories plays both stories on the generated catalogue.
func trendStories(c *Catalogue) {
	for i, from := range storyStarts(c, "micro-bag") { // listed only from then on
		for j := range c.Products[i].Listings {
			pts := c.Products[i].Listings[j].Points
			for k := 0; k < from && k < len(pts); k++ {
				pts[k].Listed = false
			}
		}
	}
	for i, from := range storyStarts(c, "knitwear") { // 30% off from then on, unless marked down already
		for j := range c.Products[i].Listings {
			pts := c.Products[i].Listings[j].Points
			for k := from; k < len(pts); k++ {
				if pts[k].Price == pts[k].Regular {
					pts[k].Price = markdown(pts[k].Regular, 30)
				}
			}
		}
	}
}

// storyStarts picks a story's products of one kind and the snapshot each starts at, by
// product index.
func storyStarts(c *Catalogue, kind string) map[int]int {
	n := len(c.Snapshots)
	if n < 2 {
		return nil
	}
	type pick struct {
		i    int
		hash uint64
	}
	var picks []pick
	for i, p := range c.Products {
		if p.Type != kind || p.Collection {
			continue
		}
		h := fnv.New64a()
		h.Write([]byte(p.MPN))
		if x := h.Sum64(); x%10 < storyTenths {
			picks = append(picks, pick{i, x})
		}
	}
	slices.SortFunc(picks, func(a, b pick) int { return cmp.Compare(a.hash, b.hash) })
	today := c.Snapshots[n-1].UTC()
	today = time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, time.UTC)
	judged := today.AddDate(0, 0, -(int(today.Weekday())+6)%7-7) // Monday of the last complete week
	total := 0
	for _, w := range storyWeights {
		total += w
	}
	out := make(map[int]int, len(picks))
	for rank, p := range picks {
		// The rank's place in the cumulative weights names the week; the hash, the day in it.
		week, acc := 0, storyWeights[0]
		for week < len(storyWeights)-1 && (2*rank+1)*total > 2*acc*len(picks) { // (rank+½)/picks > acc/total
			week++
			acc += storyWeights[week]
		}
		target := judged.AddDate(0, 0, 7*(week-3)+int(p.hash/10%7))
		k := slices.IndexFunc(c.Snapshots, func(s time.Time) bool { return !s.Before(target) })
		if k < 0 {
			k = n - 1
		}
		out[p.i] = max(k, 1)
	}
	return out
}
