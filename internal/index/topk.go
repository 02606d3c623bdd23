package index

import (
	"math"
	"slices"
)

// entry is one matching product with its sort keys.
type entry struct {
	pid, best uint32
	id        int64   // store id: the final tiebreak
	score     float64 // SortRelevance only
	key       int64   // smaller first
	key2      int64   // smaller first
}

// entry makes the sort entry of a match: bestKey is baseKey of its best offer, maxDrop -1
// when no recent drop is known. It reads only dense per-product arrays, not documents.
func (ix *Index) entry(p *plan, pid, best uint32, bestKey int64, maxDisc uint8, maxFirst int64, maxDrop int) entry {
	e := entry{pid: pid, best: best, id: ix.storeIDs[pid]}
	switch p.q.Sort {
	case SortDiscount:
		e.key = -int64(maxDisc)
	case SortPriceLow:
		e.key = bestKey
	case SortPriceHigh:
		e.key = math.MaxInt64
		if bestKey != math.MaxInt64 {
			e.key = -bestKey
		}
	case SortNewest:
		e.key = -maxFirst
	case SortDrop:
		e.key = -int64(maxDrop)
	default:
		if p.text != nil && p.text.match != nil {
			e.score = ix.score(p.text, pid)
		}
		e.key = -maxFirst
	}
	return e
}

// before reports whether a ranks ahead of b.
func before(a, b entry) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.key != b.key {
		return a.key < b.key
	}
	if a.key2 != b.key2 {
		return a.key2 < b.key2
	}
	return a.id < b.id
}

// topK keeps the k best entries pushed in a binary heap with the worst at the root.
type topK struct {
	k int
	h []entry
}

func newTopK(k int, _ Sort) *topK { return &topK{k: k} }

func (t *topK) push(e entry) {
	if t.k <= 0 {
		return
	}
	if len(t.h) < t.k {
		t.h = append(t.h, e)
		for i := len(t.h) - 1; i > 0; {
			parent := (i - 1) / 2
			if !before(t.h[parent], t.h[i]) { // parent is not worse
				break
			}
			t.h[i], t.h[parent] = t.h[parent], t.h[i]
			i = parent
		}
		return
	}
	if !before(e, t.h[0]) {
		return
	}
	t.h[0] = e
	for i := 0; ; {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(t.h) && before(t.h[worst], t.h[l]) {
			worst = l
		}
		if r < len(t.h) && before(t.h[worst], t.h[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		t.h[i], t.h[worst] = t.h[worst], t.h[i]
		i = worst
	}
}

// sorted returns the kept entries best first.
func (t *topK) sorted() []entry {
	slices.SortFunc(t.h, compareEntries)
	return t.h
}
