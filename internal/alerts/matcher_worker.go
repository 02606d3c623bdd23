package alerts

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/index"
)

// Worker matches shoppers one after another against a Matcher, reusing its buffers: one per
// goroutine. The picks a call returns are valid until the next call.
type Worker struct {
	m      *Matcher
	heap   []cursor
	picks  []Pick
	seen   []int64 // products picked so far
	brands []uint32
	sizes  []sizeReq
	wants  []want
	cats   []uint32
	maxIn  []int64 // the shopper's price limit per currency of the view; unset: -2
	cands  []scored
	bestOf map[int64]scored // PicksAt: each product's best candidate so far
	// the shopper's price limit in the base currency, when bounded (see open)
	maxBase int64
	bounded bool
	// Names resolved before, by their exact spelling (index.NoID: unknown): shoppers repeat a
	// few thousand brands, sizes and categories millions of times, and folding a name costs
	// more than matching.
	brandMemo map[string]uint32
	sizeMemo  map[account.SizePref]sizeReq
	catMemo   map[string]uint32
}

// maxMemo bounds each memo of a Worker.
const maxMemo = 1 << 16

// cursor is a position in one stream, in Matcher.entries: head is the rank at pos, kept
// beside it for the heap.
type cursor struct {
	head, pos, end uint32
}

// want is one size the shopper's streams are opened for: of kind, or of any kind.
type want struct {
	size, kind uint32
	anyKind    bool
}

// sizeReq is one of the shopper's sizes, resolved; a waist and leg also finds the waist sold
// without a leg (alt, when altOK).
type sizeReq struct {
	id      uint32
	alt     uint32
	kind    uint32
	anyKind bool
	ok      bool
	altOK   bool
}

// scored is a candidate of the full scan (a time other than the matcher's).
type scored struct {
	rank  uint32
	size  int16
	score float64
}

// NewWorker returns a worker for m.
func (m *Matcher) NewWorker() *Worker {
	return &Worker{m: m, maxIn: make([]int64, len(m.view.Currencies)),
		brandMemo: map[string]uint32{}, sizeMemo: map[account.SizePref]sizeReq{}, catMemo: map[string]uint32{},
		bestOf: map[int64]scored{}}
}

const unset = -2

// Picks finds p's digest: at most limit picks (all when limit ≤ 0), in rank order, never two
// of one product. It is Match's semantics at the matcher's time.
func (w *Worker) Picks(p account.Preferences, sent Sent, limit int) []Pick {
	w.picks = w.picks[:0]
	if !w.compile(p) {
		return w.picks
	}
	w.open(p)
	prev := int64(-1)
	for len(w.heap) > 0 {
		e := w.pop()
		r := e.rank
		if int64(r) == prev || w.early(p, e) {
			continue // the same offer from a second size list, or rejected on sight
		}
		prev = int64(r)
		if p.HideQuestionable && r >= w.m.firstQuestionable {
			break // questionable offers rank last
		}
		size, ok := w.check(p, sent, r)
		if !ok || slices.Contains(w.seen, w.m.hot[r].productID) {
			continue
		}
		w.seen = append(w.seen, w.m.hot[r].productID)
		w.picks = append(w.picks, Pick{Rank: int32(r), Size: size})
		if limit > 0 && len(w.picks) == limit {
			break
		}
	}
	return w.picks
}

// PicksAt is Picks at a time other than the matcher's. Scores move with time only through
// their decay terms, by at most drift (see scoreDrift), so the matcher's rank order still
// serves: candidates are scored exactly at now and ranked, and the walk stops once limit
// products hold a best score that no offer further down the order can reach (limit ≤ 0: it
// reads every candidate).
func (w *Worker) PicksAt(p account.Preferences, sent Sent, limit int, now time.Time) []Pick {
	if now.Equal(w.m.now) {
		return w.Picks(p, sent, limit)
	}
	w.picks = w.picks[:0]
	if !w.compile(p) {
		return w.picks
	}
	w.open(p)
	w.cands = w.cands[:0]
	clear(w.bestOf)
	drift := w.m.scoreDrift(now)
	prev := int64(-1)
	for n := 0; len(w.heap) > 0; n++ {
		e := w.pop()
		r := e.rank
		if int64(r) == prev || w.early(p, e) {
			continue
		}
		prev = int64(r)
		if p.HideQuestionable && r >= w.m.firstQuestionable {
			break
		}
		if limit > 0 && n%32 == 0 && w.settled(r, limit, drift) {
			break
		}
		if size, ok := w.check(p, sent, r); ok {
			o := &w.m.offers[r]
			c := scored{r, size, Score(int(o.disc), fromMillis(o.LastDropAt), fromMillis(o.FirstSeen), now)}
			w.cands = append(w.cands, c)
			if b, ok := w.bestOf[o.ProductID]; !ok || w.better(c, b) {
				w.bestOf[o.ProductID] = c
			}
		}
	}
	slices.SortFunc(w.cands, func(a, b scored) int {
		oa, ob := &w.m.offers[a.rank], &w.m.offers[b.rank]
		if oa.Questionable != ob.Questionable {
			if oa.Questionable {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(oa.OfferID, ob.OfferID)
	})
	seen := make(map[int64]bool, min(len(w.cands), 4*max(limit, 16)))
	for _, c := range w.cands {
		pid := w.m.offers[c.rank].ProductID
		if seen[pid] {
			continue
		}
		seen[pid] = true
		w.picks = append(w.picks, Pick{Rank: int32(c.rank), Size: c.size})
		if limit > 0 && len(w.picks) == limit {
			break
		}
	}
	return w.picks
}

// compile resolves p's brands, sizes and categories against the view; false when nothing can
// match (no brand known, or categories named and none known).
func (w *Worker) compile(p account.Preferences) bool {
	v := w.m.view
	w.brands, w.sizes, w.wants, w.cats, w.seen = w.brands[:0], w.sizes[:0], w.wants[:0], w.cats[:0], w.seen[:0]
	for _, b := range p.Brands {
		id, ok := w.brandMemo[b]
		if !ok {
			if id, ok = v.Brand(b); !ok {
				id = index.NoID
			}
			if len(w.brandMemo) >= maxMemo {
				clear(w.brandMemo)
			}
			w.brandMemo[b] = id
		}
		if id != index.NoID && !slices.Contains(w.brands, id) {
			w.brands = append(w.brands, id)
		}
	}
	if len(w.brands) == 0 {
		return false
	}
	if len(p.Categories) > 0 {
		for _, c := range p.Categories {
			id, ok := w.catMemo[c]
			if !ok {
				if id, ok = v.Category(c); !ok {
					id = index.NoID
				}
				if len(w.catMemo) >= maxMemo {
					clear(w.catMemo)
				}
				w.catMemo[c] = id
			}
			if id != index.NoID {
				w.cats = append(w.cats, id)
			}
		}
		if len(w.cats) == 0 {
			return false
		}
	}
	for _, s := range p.Sizes {
		r, ok := w.sizeMemo[s]
		if !ok {
			r = w.resolveSize(s)
			if len(w.sizeMemo) >= maxMemo {
				clear(w.sizeMemo)
			}
			w.sizeMemo[s] = r
		}
		w.sizes = append(w.sizes, r)
		if wt := (want{r.id, r.kind, r.anyKind}); r.ok && !slices.Contains(w.wants, wt) {
			w.wants = append(w.wants, wt)
		}
		if wt := (want{r.alt, r.kind, r.anyKind}); r.altOK && !slices.Contains(w.wants, wt) {
			w.wants = append(w.wants, wt)
		}
	}
	if v.OneSize != index.NoID {
		w.wants = append(w.wants, want{size: v.OneSize, anyKind: true})
	}
	for i := range w.maxIn {
		w.maxIn[i] = unset
	}
	return true
}

// resolveSize resolves one of the shopper's sizes against the view.
func (w *Worker) resolveSize(s account.SizePref) sizeReq {
	var r sizeReq
	r.id, r.ok = w.m.view.Size(s.Value, s.System, s.Kind)
	r.alt, r.altOK = w.m.view.SizeAnyLeg(s.Value, s.System, s.Kind)
	if strings.TrimSpace(s.Kind) == "" {
		r.anyKind = true
	} else if k, ok := w.m.view.Kind(s.Kind); ok {
		r.kind = k
	} else {
		r.ok, r.altOK = false, false
	}
	return r
}

// open fills the heap with the streams of the shopper's brands × sizes that can hold a match.
func (w *Worker) open(p account.Preferences) {
	w.heap = w.heap[:0]
	maxBase, bounded := int64(0), false
	if p.MaxPrice > 0 {
		maxBase, bounded = w.m.view.Rates.Convert(p.MaxPrice, w.currency(p), w.m.view.Rates.Base)
	}
	w.maxBase, w.bounded = maxBase, bounded
	skip := func(s *flatStream) bool {
		// No offer of the list has the discount, or can be under the limit (offers without a
		// rate pass only in the shopper's own currency, which then has no rate either: bounded
		// is false).
		return int(s.maxDisc) < p.MinDiscountPct || bounded && (s.minBase < 0 || s.minBase > maxBase+w.m.priceSlack)
	}
	for _, b := range w.brands {
		for _, wt := range w.wants {
			c := w.m.cell(b, wt.size)
			for i := c.start; i < c.end; i++ {
				s := &w.m.flat[i]
				if !wt.anyKind && s.kind != wt.kind || skip(s) {
					continue
				}
				if len(w.cats) == 0 {
					w.push(s.entries)
					continue
				}
				for j := s.leaves.start; j < s.leaves.end; j++ {
					if l := &w.m.flat[j]; !skip(l) && anyIn(w.cats, w.m.catLists[l.path]) {
						w.push(l.entries)
					}
				}
			}
		}
	}
	for i := len(w.heap)/2 - 1; i >= 0; i-- {
		w.down(i)
	}
}

// currency is the shopper's currency: the rates' base when unset.
func (w *Worker) currency(p account.Preferences) string {
	if p.Currency == "" {
		return w.m.view.Rates.Base
	}
	return p.Currency
}

// check applies the per-offer rules to rank r: size (and kind), categories, discount, price
// limit in the offer's currency, sent-history. It returns the index of the shopper's size that
// matched (-1: one size).
func (w *Worker) check(p account.Preferences, sent Sent, r uint32) (int16, bool) {
	o := &w.m.hot[r]
	if int(o.disc) < p.MinDiscountPct {
		return 0, false
	}
	size := int16(-1)
	if len(o.sizes) == 0 || o.sizes[0] != w.m.view.OneSize {
		size = -2
		for i, s := range w.sizes {
			if (s.anyKind || s.kind == o.kind) && (s.ok && slices.Contains(o.sizes, s.id) || s.altOK && slices.Contains(o.sizes, s.alt)) {
				size = int16(i)
				break
			}
		}
		if size == -2 {
			return 0, false
		}
	}
	if len(w.cats) > 0 {
		in := false
		for _, c := range w.m.catLists[o.cats] {
			if slices.Contains(w.cats, c) {
				in = true
				break
			}
		}
		if !in {
			return 0, false
		}
	}
	if p.MaxPrice > 0 {
		limit := w.maxIn[o.currency]
		if limit == unset {
			var ok bool
			if limit, ok = w.m.view.Rates.Convert(p.MaxPrice, w.currency(p), w.m.view.Currencies[o.currency]); !ok {
				limit = -1
			}
			w.maxIn[o.currency] = limit
		}
		if o.price > limit {
			return 0, false
		}
	}
	if sent != nil {
		if was, ok := sent.SentPrice(o.offerID); ok && o.price >= was {
			return 0, false
		}
	}
	return size, true
}

// push adds a stream to the heap (open heapifies once all are in).
func (w *Worker) push(s span) {
	w.heap = append(w.heap, cursor{head: w.m.entries[s.start].rank, pos: s.start, end: s.end})
}

// pop removes and returns the entry of the smallest rank of the heap's streams.
func (w *Worker) pop() entry {
	c := &w.heap[0]
	e := w.m.entries[c.pos]
	c.pos++
	if c.pos == c.end {
		last := len(w.heap) - 1
		w.heap[0] = w.heap[last]
		w.heap = w.heap[:last]
	} else {
		c.head = w.m.entries[c.pos].rank
	}
	if len(w.heap) > 0 {
		w.down(0)
	}
	return e
}

// early rejects entry e on what it carries: a discount below the shopper's, or a base price
// certainly over the limit (see open).
func (w *Worker) early(p account.Preferences, e entry) bool {
	return int(e.disc) < p.MinDiscountPct || w.bounded && (e.base == noBase || int64(e.base) > w.maxBase+w.m.priceSlack)
}

func (w *Worker) down(i int) {
	h := w.heap
	n := len(h)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		j := l
		if r := l + 1; r < n && h[r].head < h[l].head {
			j = r
		}
		if h[i].head <= h[j].head {
			return
		}
		h[i], h[j] = h[j], h[i]
		i = j
	}
}

// anyIn reports whether any of want is in have.
func anyIn(want, have []uint32) bool {
	for _, c := range want {
		if slices.Contains(have, c) {
			return true
		}
	}
	return false
}

// scoreDrift bounds how far any offer's Score can move between the matcher's time and now.
// Each decay term changes by at most its weight times the time between over its window (one
// that starts or ends within it moves less), unless an offer dropped or was first seen in
// between: its term jumps from nothing, so the bound is then the terms' whole weight.
func (m *Matcher) scoreDrift(now time.Time) float64 {
	lo, hi := min(m.now.UnixMilli(), now.UnixMilli()), max(m.now.UnixMilli(), now.UnixMilli())
	if i, _ := slices.BinarySearch(m.stamps, lo+1); i < len(m.stamps) && m.stamps[i] <= hi {
		return DropWeight + FreshWeight + 1e-9
	}
	d := float64(hi - lo)
	return DropWeight*d/float64(DropWindow.Milliseconds()) + FreshWeight*d/float64(FreshWindow.Milliseconds()) + 1e-9
}

// better is the ranking order of two candidates at PicksAt's time: questionable last, higher
// score, lower offer id.
func (w *Worker) better(a, b scored) bool {
	oa, ob := &w.m.hot[a.rank], &w.m.hot[b.rank]
	if oa.questionable != ob.questionable {
		return !oa.questionable
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return oa.offerID < ob.offerID
}

// settled reports whether no offer from rank r on can enter the first limit products: every
// later offer scores at most offers[r].score + drift at PicksAt's time, and limit products of
// its class or better (not questionable before questionable) already score more.
func (w *Worker) settled(r uint32, limit int, drift float64) bool {
	if len(w.bestOf) < limit {
		return false
	}
	questionable := r >= w.m.firstQuestionable
	bound := w.m.offers[r].score + drift
	better := 0
	for _, b := range w.bestOf {
		q := w.m.hot[b.rank].questionable
		if !q && questionable || q == questionable && b.score > bound {
			if better++; better >= limit {
				return true
			}
		}
	}
	return false
}
