package trends

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Series is one term's weekly counts, oldest week first; the last is the week being judged.
type Series struct {
	Term   Term
	Counts []int
}

// SeriesWeeks is how many weeks a ranked series holds: the judged week and the seven before
// (the baseline reads four of them, the page's sparkline shows all).
const SeriesWeeks = 8

// DefaultMinSupport is Options.MinSupport's default; readers of the counts can skip any term
// below it in the judged week.
const DefaultMinSupport = 3

// Options tune Rank. The zero value of a field takes its default.
type Options struct {
	// MinSupport is the least count a term needs in the judged week to rank at all (default
	// 3): one or two items are an anecdote, not a trend.
	MinSupport int
	// Baseline is how many weeks before the judged one its count is compared with, as their
	// mean (default 4), so one quiet week before does not make any week look like growth.
	Baseline int
	// Smoothing is added to the baseline under the square root of the score's denominator
	// (default 2): a term that went from nothing to 3 scores about as much as one that went
	// from 10 to 16, not infinitely more.
	Smoothing float64
	// MinGrowth is the least rise over the baseline, as a share of it, for a term to rank
	// (default 0.2, i.e. 20%): a big term drifting by a few items is not trending.
	MinGrowth float64
	// Limit caps the terms returned (default 12).
	Limit int
}

func (o Options) withDefaults() Options {
	if o.MinSupport <= 0 {
		o.MinSupport = DefaultMinSupport
	}
	if o.Baseline <= 0 {
		o.Baseline = 4
	}
	if o.Smoothing <= 0 {
		o.Smoothing = 2
	}
	if o.MinGrowth <= 0 {
		o.MinGrowth = 0.2
	}
	if o.Limit <= 0 {
		o.Limit = 12
	}
	return o
}

// Ranked is a term that is growing, with the figures that put it where it is.
type Ranked struct {
	Series
	Current int     // count in the judged week
	Base    float64 // mean count of the baseline weeks
	Score   float64
}

// Growth is the judged week's count over the baseline as a whole percentage (+150 for 2.5×);
// ok is false when the baseline is zero (the term is new).
func (r Ranked) Growth() (pct int, ok bool) {
	if r.Base == 0 {
		return 0, false
	}
	return int(math.Round((float64(r.Current)/r.Base - 1) * 100)), true
}

// Score is how fast a series grows in its last week: the rise over the mean of the baseline
// weeks, divided by the square root of that mean plus the smoothing, as a count's noise grows
// with its square root. Big terms need a real rise to score, small ones need support. The
// last result is false when the series cannot rank: too little support, or too small a rise.
func Score(counts []int, o Options) (score, base float64, ok bool) {
	o = o.withDefaults()
	n := len(counts)
	if n < 2 || counts[n-1] < o.MinSupport {
		return 0, 0, false
	}
	from := max(0, n-1-o.Baseline)
	sum := 0
	for _, c := range counts[from : n-1] {
		sum += c
	}
	base = float64(sum) / float64(n-1-from)
	cur := float64(counts[n-1])
	if cur <= base*(1+o.MinGrowth) {
		return 0, base, false
	}
	return (cur - base) / math.Sqrt(base+o.Smoothing), base, true
}

// Rank orders the growing series by score, best first (ties by count, then key), and keeps
// at most Limit. Of several terms with the same label (a title phrase and the colour it
// names) only the best placed is kept, and a word is dropped when a ranked two-word phrase
// holding it has the very same counts.
func Rank(series []Series, o Options) []Ranked {
	o = o.withDefaults()
	var out []Ranked
	for _, s := range series {
		score, base, ok := Score(s.Counts, o)
		if !ok {
			continue
		}
		out = append(out, Ranked{Series: s, Current: s.Counts[len(s.Counts)-1], Base: base, Score: score})
	}
	slices.SortFunc(out, func(a, b Ranked) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Current, a.Current); c != 0 {
			return c
		}
		if c := cmp.Compare(strings.Count(b.Term.Key, " "), strings.Count(a.Term.Key, " ")); c != 0 {
			return c // the more specific phrase first
		}
		return cmp.Compare(a.Term.Key, b.Term.Key)
	})
	// A word whose every count its phrase of two words shares ("micro" and "bag" of "micro
	// bag") says nothing the phrase does not.
	covered := map[string]bool{}
	for _, r := range out {
		if r.Term.Kind != Phrase {
			continue
		}
		if words := strings.Fields(strings.TrimPrefix(r.Term.Key, string(Phrase)+":")); len(words) == 2 {
			for _, w := range words {
				covered[w+" "+fmt.Sprint(r.Counts)] = true
			}
		}
	}
	labels := map[string]bool{}
	kept := out[:0]
	for _, r := range out {
		if labels[r.Term.Label] {
			continue
		}
		if word := strings.TrimPrefix(r.Term.Key, string(Phrase)+":"); r.Term.Kind == Phrase && !strings.Contains(word, " ") &&
			covered[word+" "+fmt.Sprint(r.Counts)] {
			continue
		}
		labels[r.Term.Label] = true
		kept = append(kept, r)
		if len(kept) == o.Limit {
			break
		}
	}
	return kept
}
