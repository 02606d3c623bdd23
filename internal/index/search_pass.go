package index

import (
	"math/bits"

	"github.com/RoaringBitmap/roaring/v2"
)

// offerPass visits each candidate product's offers, testing every filter per offer: exact
// for any combination of offer filters, and the counts of every facet in one sweep.
func (ix *Index) offerPass(p *plan, top *topK, fc *facetCounts) int {
	total := 0
	it := p.candidates(fc != nil).Iterator()
	for it.HasNext() {
		pid := it.Next()
		d := &ix.prods[pid]
		pf := p.productFails(d)
		if bits.OnesCount(uint(pf)) > 1 || pf != 0 && fc == nil {
			continue
		}
		best := none
		var maxDisc uint8
		var maxFirst int64
		maxDrop := -1
		okFor := 0
		for _, oid := range d.offers {
			o := &ix.offers[oid]
			mask, ok := p.offerFails(o)
			if !ok {
				continue
			}
			mask |= pf
			if mask == 0 {
				if best == none || ix.cheaper(oid, best) {
					best = oid
				}
				maxDisc = max(maxDisc, o.disc)
				maxFirst = max(maxFirst, o.first)
				if oi := &ix.offerInfo[oid]; oi.dropAt >= p.dropSince && oi.dropPct > 0 {
					maxDrop = max(maxDrop, int(oi.dropPct))
				}
			}
			if fc != nil && bits.OnesCount(uint(mask)) <= 1 {
				okFor |= fc.offer(p, pid, o, mask)
			}
		}
		if fc != nil {
			fc.product(d, okFor)
		}
		if best == none {
			continue
		}
		total++
		top.push(ix.entry(p, pid, best, baseKey(&ix.offers[best]), maxDisc, maxFirst, maxDrop))
	}
	return total
}

// summaryPass answers a query with no offer filter from the per-product summaries, without
// visiting offers: it returns the total, the first window of matches ranked, and the facet
// counts when the query asks for them.
func (ix *Index) summaryPass(p *plan, path evalPath, window int) (int, []entry, *facetCounts) {
	sum := &ix.sum[p.mode]
	sets := []*roaring.Bitmap{p.core}
	for _, s := range []*roaring.Bitmap{p.brandSet, p.catSet, p.colourSet} {
		if s != nil {
			sets = append(sets, s)
		}
	}
	matched := p.core
	if len(sets) > 1 {
		matched = roaring.FastAnd(sets...)
	}
	total := int(matched.GetCardinality())
	var ranked []entry
	walked := (p.q.Page-1)*p.q.PerPage >= total // a page past the end: nothing to rank
	if !walked && path != pathScan {
		ranked, walked = ix.walk(p, matched, total, window, path == pathOrder)
	}
	if !walked {
		top := newTopK(window, p.q.Sort)
		it := matched.Iterator()
		for it.HasNext() {
			pid := it.Next()
			top.push(ix.entry(p, pid, sum.best[pid], sum.minBase[pid], sum.maxDisc[pid], sum.maxFirst[pid], -1))
		}
		ranked = top.sorted()
	}
	if !p.q.Facets {
		return total, ranked, nil
	}
	if path == pathScan {
		fc := ix.newFacetCounts(p)
		it := matched.Iterator()
		for it.HasNext() {
			fc.priceBands(ix, p, it.Next())
		}
		fc.fromSets(ix, p, matched, false)
		return total, ranked, fc
	}
	count := func() *facetCounts {
		fc := ix.newFacetCounts(p)
		for b, in := range ix.currencyBands(p) {
			fc.band[b] = int(matched.AndCardinality(in))
		}
		fc.fromSets(ix, p, matched, true)
		return fc
	}
	if key, ok := p.browseKey(); ok {
		return total, ranked, ix.cachedFacets(key, count)
	}
	return total, ranked, count()
}

// walk ranks the first window of matched (total products, all with an admitted offer) by
// walking the presorted order of the query's sort instead of scanning every match: cheap when
// matches are many or the window short, so only when the expected walk (window × products ÷
// total) is shorter than a scan, and given up (false) past four times that. force walks
// whenever the sort has an order.
func (ix *Index) walk(p *plan, matched *roaring.Bitmap, total, window int, force bool) ([]entry, bool) {
	s := orderSort(p.q.Sort)
	if s == "" || p.q.Sort == SortRelevance && p.text != nil && p.text.match != nil {
		return nil, false
	}
	sum := &ix.sum[p.mode]
	n := int(sum.has.GetCardinality())
	budget := n
	if !force {
		if total == 0 {
			return nil, false
		}
		expected := int(int64(window) * int64(n) / int64(total))
		if expected > total {
			return nil, false
		}
		budget = 4*expected + 1024
	}
	order := ix.order(p.mode, s)
	want := min(window, total)
	ranked := make([]entry, 0, want)
	all := total == len(order) // matched is a subset of the ordered products: all of them
	for i, pid := range order {
		if len(ranked) == want {
			break
		}
		if i == budget {
			return nil, false
		}
		if all || matched.Contains(pid) {
			ranked = append(ranked, ix.entry(p, pid, sum.best[pid], sum.minBase[pid], sum.maxDisc[pid], sum.maxFirst[pid], -1))
		}
	}
	return ranked, true
}
