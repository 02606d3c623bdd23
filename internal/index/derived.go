package index

import (
	"slices"
	"strings"
	"sync"

	"github.com/RoaringBitmap/roaring/v2"
)

// derived is what searches work out from the whole index and keep until the next write:
// products presorted by each summary sort key, the facet counts of browse pages (queries
// with no text and no filter but brands, categories and colours), the product facets of
// every product, and price bands in currencies other than the base.
// A write replaces it whole (under the write lock), so nothing in it is ever stale; searches
// fill it under its own mutex while they hold the read lock. Each entry costs one pass over
// the products (a sort for orders) the first time a search needs it after a write.
type derived struct {
	mu     sync.Mutex
	orders map[orderKey][]uint32
	full   map[mode]*productCounts
	bands  map[bandKey]*[numPriceBands]*roaring.Bitmap
	facets map[string]*facetCounts // by plan.browseKey
}

// maxCachedFacets bounds the browse pages whose facet counts are kept between writes.
const maxCachedFacets = 4096

type orderKey struct {
	m mode
	s Sort
}

type bandKey struct {
	m        mode
	currency string
}

// productCounts are the product facets' counts over a set of products.
type productCounts struct {
	brand, colour, cat []int
}

func newDerived() *derived {
	return &derived{
		orders: map[orderKey][]uint32{},
		full:   map[mode]*productCounts{},
		bands:  map[bandKey]*[numPriceBands]*roaring.Bitmap{},
		facets: map[string]*facetCounts{},
	}
}

// orderSort is the sort whose summary order serves s when no text scores matter; "" when
// none does (SortDrop depends on the query's time).
func orderSort(s Sort) Sort {
	switch s {
	case SortRelevance, SortNewest:
		return SortNewest // without a score, relevance ranks by newest
	case SortDiscount, SortPriceLow, SortPriceHigh:
		return s
	}
	return ""
}

// order is the products with an admitted offer in mode m, best first by sort s as
// summaryPass ranks them (the same entry keys, compared by before).
func (ix *Index) order(m mode, s Sort) []uint32 {
	c := ix.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	key := orderKey{m, s}
	if o, ok := c.orders[key]; ok {
		return o
	}
	sum := &ix.sum[m]
	p := &plan{q: Query{Sort: s}, mode: m}
	es := make([]entry, 0, sum.has.GetCardinality())
	it := sum.has.Iterator()
	for it.HasNext() {
		pid := it.Next()
		es = append(es, ix.entry(p, pid, sum.best[pid], sum.minBase[pid], sum.maxDisc[pid], sum.maxFirst[pid], -1))
	}
	slices.SortFunc(es, compareEntries)
	o := make([]uint32, len(es))
	for i, e := range es {
		o[i] = e.pid
	}
	c.orders[key] = o
	return o
}

// fullCounts are the product facet counts of every product with an admitted offer in mode m.
func (ix *Index) fullCounts(m mode) *productCounts {
	c := ix.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	if pc, ok := c.full[m]; ok {
		return pc
	}
	all := ix.sum[m].has
	pc := &productCounts{
		brand:  make([]int, len(ix.brands.labels)),
		colour: make([]int, len(ix.colours.labels)),
		cat:    make([]int, len(ix.cats.storeI)),
	}
	it := all.Iterator()
	for it.HasNext() {
		d := &ix.prods[it.Next()]
		if d.brandID != none {
			pc.brand[d.brandID]++
		}
		if d.colourID != none {
			pc.colour[d.colourID]++
		}
		for _, c := range d.cats {
			pc.cat[c]++
		}
	}
	c.full[m] = pc
	return pc
}

// currencyBands are, per price band of the query's currency, the products with an admitted
// offer in that band: the base currency's are kept up to date by the summaries, others are
// worked out here.
func (ix *Index) currencyBands(p *plan) *[numPriceBands]*roaring.Bitmap {
	if p.baseBands {
		return &ix.sum[p.mode].inBand
	}
	c := ix.cache
	c.mu.Lock()
	defer c.mu.Unlock()
	key := bandKey{p.mode, strings.ToUpper(p.q.Currency)}
	if b, ok := c.bands[key]; ok {
		return b
	}
	var lists [numPriceBands][]uint32
	it := ix.sum[p.mode].has.Iterator()
	for it.HasNext() {
		pid := it.Next()
		var mask uint8
		for _, oid := range ix.prods[pid].offers {
			o := &ix.offers[oid]
			if !p.mode.admits(o) {
				continue
			}
			if b := p.priceBand(o.base); b >= 0 && mask&(1<<b) == 0 {
				mask |= 1 << b
				lists[b] = append(lists[b], pid)
			}
		}
	}
	b := new([numPriceBands]*roaring.Bitmap)
	for i, l := range lists {
		b[i] = roaring.BitmapOf(l...)
		b[i].RunOptimize()
	}
	c.bands[key] = b
	return b
}

// cachedFacets returns the facet counts of the browse page with key (see plan.browseKey),
// computing them with count when they are not kept. The counts returned are shared: read only.
func (ix *Index) cachedFacets(key string, count func() *facetCounts) *facetCounts {
	c := ix.cache
	c.mu.Lock()
	fc, ok := c.facets[key]
	c.mu.Unlock()
	if ok {
		return fc
	}
	fc = count() // takes c.mu itself for the parts it derives
	c.mu.Lock()
	if len(c.facets) < maxCachedFacets {
		c.facets[key] = fc
	}
	c.mu.Unlock()
	return fc
}

// compareEntries orders entries as before does.
func compareEntries(a, b entry) int {
	if before(a, b) {
		return -1
	}
	if before(b, a) {
		return 1
	}
	return 0
}
