package index

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strconv"

	"github.com/RoaringBitmap/roaring/v2"
)

// facetCounts gathers one query's facet counts. Stamps (product id + 1) make each product
// count once per value however many of its offers carry it.
type facetCounts struct {
	brand, colour, cat []int
	size, retailer     []int
	sizeStamp, rStamp  []uint32
	band               [numPriceBands]int
	bandStamp          [numPriceBands]uint32
	disc               [numDiscountBands]int
	discStamp          [numDiscountBands]uint32
}

func (ix *Index) newFacetCounts(p *plan) *facetCounts {
	return &facetCounts{
		brand:     make([]int, len(ix.brands.labels)),
		colour:    make([]int, len(ix.colours.labels)),
		cat:       make([]int, len(ix.cats.storeI)),
		size:      make([]int, len(ix.sizes.labels)),
		sizeStamp: make([]uint32, len(ix.sizes.labels)),
		retailer:  make([]int, len(ix.retailers.labels)),
		rStamp:    make([]uint32, len(ix.retailers.labels)),
	}
}

// offer counts o (of product pid, failing the faceted filters in mask, at most one) in the
// offer facets it qualifies for, and returns the product facets it qualifies the product for.
func (fc *facetCounts) offer(p *plan, pid uint32, o *offerDoc, mask int) (okFor int) {
	stamp := pid + 1
	if mask&^fSize == 0 {
		for _, s := range p.sizeLists[o.sizes] {
			if p.sizeShown[s] && fc.sizeStamp[s] != stamp {
				fc.sizeStamp[s] = stamp
				fc.size[s]++
			}
		}
	}
	if mask&^fRetailer == 0 && o.retailer != none && fc.rStamp[o.retailer] != stamp {
		fc.rStamp[o.retailer] = stamp
		fc.retailer[o.retailer]++
	}
	if mask&^fPrice == 0 {
		if b := p.priceBand(o.base); b >= 0 && fc.bandStamp[b] != stamp {
			fc.bandStamp[b] = stamp
			fc.band[b]++
		}
	}
	if mask&^fDiscount == 0 {
		for i, t := range discountBands {
			if int(o.disc) >= t && fc.discStamp[i] != stamp {
				fc.discStamp[i] = stamp
				fc.disc[i]++
			}
		}
	}
	for _, f := range []int{fBrand, fCategory, fColour} {
		if mask&^f == 0 {
			okFor |= f
		}
	}
	return okFor
}

// product counts d in the product facets okFor says it qualifies for.
func (fc *facetCounts) product(d *prodDoc, okFor int) {
	if okFor&fBrand != 0 && d.brandID != none {
		fc.brand[d.brandID]++
	}
	if okFor&fColour != 0 && d.colourID != none {
		fc.colour[d.colourID]++
	}
	if okFor&fCategory != 0 {
		for _, c := range d.cats {
			fc.cat[c]++
		}
	}
}

// priceBands counts pid, a match of an offer-filter-free query, in the price bands of its
// admitted offers: from the summary when they all fall in one band, else offer by offer.
func (fc *facetCounts) priceBands(ix *Index, p *plan, pid uint32) {
	sum := &ix.sum[p.mode]
	if p.baseBands { // the bands of the base currency were summed when the product was indexed
		for m := sum.bandMask[pid]; m != 0; m &= m - 1 {
			fc.band[bits.TrailingZeros8(m)]++
		}
		return
	}
	lo, hi := sum.minBase[pid], sum.maxBase[pid]
	if lo == math.MaxInt64 {
		return
	}
	if b := p.priceBand(lo); hi != math.MaxInt64 && b == p.priceBand(hi) {
		if b >= 0 {
			fc.band[b]++
		}
		return
	}
	stamp := pid + 1
	for _, oid := range ix.prods[pid].offers {
		o := &ix.offers[oid]
		if !p.mode.admits(o) {
			continue
		}
		if b := p.priceBand(o.base); b >= 0 && fc.bandStamp[b] != stamp {
			fc.bandStamp[b] = stamp
			fc.band[b]++
		}
	}
}

// fromSets counts every facet but price of a query with no offer filter from bitmaps:
// matched are its results. With cached, a product facet whose counts run over every product
// (no filter but the facet's own) takes them from the index's derived counts.
func (fc *facetCounts) fromSets(ix *Index, p *plan, matched *roaring.Bitmap, cached bool) {
	sum := &ix.sum[p.mode]
	without := func(skip *roaring.Bitmap) *roaring.Bitmap {
		sets := []*roaring.Bitmap{p.core}
		for _, s := range []*roaring.Bitmap{p.brandSet, p.catSet, p.colourSet} {
			if s != nil && s != skip {
				sets = append(sets, s)
			}
		}
		if len(sets) == 1 {
			return p.core
		}
		return roaring.FastAnd(sets...)
	}
	full := func(skip *roaring.Bitmap) *productCounts {
		if !cached || !p.coreAll {
			return nil
		}
		for _, s := range []*roaring.Bitmap{p.brandSet, p.catSet, p.colourSet} {
			if s != nil && s != skip {
				return nil
			}
		}
		return ix.fullCounts(p.mode)
	}
	if pc := full(p.brandSet); pc != nil {
		copy(fc.brand, pc.brand)
	} else {
		countBy(without(p.brandSet), fc.brand, ix.brands.bms, func(pid uint32, counts []int) {
			if id := ix.prods[pid].brandID; id != none {
				counts[id]++
			}
		})
	}
	if pc := full(p.colourSet); pc != nil {
		copy(fc.colour, pc.colour)
	} else {
		countBy(without(p.colourSet), fc.colour, ix.colours.bms, func(pid uint32, counts []int) {
			if id := ix.prods[pid].colourID; id != none {
				counts[id]++
			}
		})
	}
	if pc := full(p.catSet); pc != nil {
		copy(fc.cat, pc.cat)
	} else {
		countBy(without(p.catSet), fc.cat, ix.cats.bms, func(pid uint32, counts []int) {
			for _, c := range ix.prods[pid].cats {
				counts[c]++
			}
		})
	}
	for id, b := range sum.hasSize {
		if id < len(fc.size) && p.sizeShown[id] {
			fc.size[id] = int(matched.AndCardinality(b))
		}
	}
	for id, b := range sum.hasRetailer {
		if id < len(fc.retailer) {
			fc.retailer[id] = int(matched.AndCardinality(b))
		}
	}
	for i, b := range sum.discAtLeast {
		fc.disc[i] = int(matched.AndCardinality(b))
	}
}

// countBy counts the products of set per value: by visiting them when they are few, else by
// one intersection count per value bitmap.
func countBy(set *roaring.Bitmap, counts []int, bms []*roaring.Bitmap, count func(pid uint32, counts []int)) {
	if n := set.GetCardinality(); n <= uint64(32*len(bms)) {
		it := set.Iterator()
		for it.HasNext() {
			count(it.Next(), counts)
		}
		return
	}
	for id, b := range bms {
		counts[id] = int(set.AndCardinality(b))
	}
}

// result turns the counts into Result.Facets.
func (fc *facetCounts) result(ix *Index, p *plan) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	byCount := func(counts []int, label func(int) (string, string)) []FacetCount {
		list := []FacetCount{}
		for id, n := range counts {
			if n > 0 {
				v, l := label(id)
				list = append(list, FacetCount{Value: v, Label: l, Count: n})
			}
		}
		slices.SortFunc(list, func(a, b FacetCount) int {
			return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Value, b.Value))
		})
		return list
	}
	same := func(v *values) func(int) (string, string) {
		return func(id int) (string, string) { return v.labels[id], v.labels[id] }
	}
	out[FacetBrand] = byCount(fc.brand, same(ix.brands))
	out[FacetColour] = byCount(fc.colour, same(ix.colours))
	out[FacetSize] = byCount(fc.size, same(ix.sizes))
	out[FacetRetailer] = byCount(fc.retailer, same(ix.retailers))
	out[FacetCategory] = byCount(fc.cat, func(id int) (string, string) {
		return strconv.FormatInt(ix.cats.storeI[id], 10), ix.cats.names[id]
	})
	ix.attachNodes(out[FacetCategory])
	bands := []FacetCount{}
	for i, n := range fc.band[:len(priceBands)] {
		if n > 0 {
			bands = append(bands, FacetCount{Value: PriceBandLabel(i), Label: PriceBandLabel(i), Count: n})
		}
	}
	out[FacetPrice] = bands
	disc := []FacetCount{}
	for i, n := range fc.disc {
		if n > 0 {
			v := strconv.Itoa(discountBands[i])
			disc = append(disc, FacetCount{Value: v, Label: v + "% off or more", Count: n})
		}
	}
	out[FacetDiscount] = disc
	return out
}
