package index

import (
	"math"
	"math/bits"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// mode says which offers can match: every available offer, or only those whose discount is
// not questionable (Query.HideQuestionable). Each mode keeps its own product summaries.
type mode uint8

const (
	modeAvailable mode = iota
	modeTrusted
	numModes
)

func (m mode) admits(o *offerDoc) bool {
	return o.flags&flagAvailable != 0 && (m == modeAvailable || o.flags&flagQuestionable == 0)
}

// summary is, per product, what its admitted offers add up to: the sets a query with no offer
// filter can be answered from without visiting offers, and the sort keys of such a query.
type summary struct {
	has         *roaring.Bitmap   // products with an admitted offer
	hasSize     []*roaring.Bitmap // by size id
	hasRetailer []*roaring.Bitmap // by retailer id
	hasSale     *roaring.Bitmap
	discAtLeast [numDiscountBands]*roaring.Bitmap
	best        []uint32 // cheapest admitted offer; none when there is none
	maxDisc     []uint8
	maxFirst    []int64
	minBase     []int64 // admitted offers' base prices, math.MaxInt64 when unknown
	maxBase     []int64
	bandMask    []uint8                        // bit i: an admitted offer in price band i, bands in the base currency
	inBand      [numPriceBands]*roaring.Bitmap // by bandMask: products per base-currency band
}

func newSummary() summary {
	s := summary{has: roaring.New(), hasSale: roaring.New()}
	for i := range s.discAtLeast {
		s.discAtLeast[i] = roaring.New()
	}
	for i := range s.inBand {
		s.inBand[i] = roaring.New()
	}
	return s
}

func (s *summary) grow(n int) {
	for len(s.best) < n {
		s.best = append(s.best, none)
		s.maxDisc = append(s.maxDisc, 0)
		s.maxFirst = append(s.maxFirst, 0)
		s.minBase = append(s.minBase, math.MaxInt64)
		s.maxBase = append(s.maxBase, math.MaxInt64)
		s.bandMask = append(s.bandMask, 0)
	}
}

// baseKey orders offers by base price, unknown prices last.
func baseKey(o *offerDoc) int64 {
	if o.base < 0 {
		return math.MaxInt64
	}
	return o.base
}

// cheaper reports whether offer a is a better "best offer" than b: lower base price, then
// lower store id.
func (ix *Index) cheaper(a, b uint32) bool {
	ka, kb := baseKey(&ix.offers[a]), baseKey(&ix.offers[b])
	return ka < kb || ka == kb && ix.offerInfo[a].id < ix.offerInfo[b].id
}

func bitmapAt(bms *[]*roaring.Bitmap, id uint32) *roaring.Bitmap {
	for len(*bms) <= int(id) {
		*bms = append(*bms, roaring.New())
	}
	return (*bms)[id]
}

// set computes pid's summary for mode m from its offers and files pid in the summary sets.
func (s *summary) set(ix *Index, pid uint32, m mode) {
	best := none
	var maxDisc uint8
	var maxFirst int64
	minBase, maxBase := int64(math.MaxInt64), int64(math.MinInt64)
	var bandMask uint8
	for _, oid := range ix.prods[pid].offers {
		o := &ix.offers[oid]
		if !m.admits(o) {
			continue
		}
		if best == none || ix.cheaper(oid, best) {
			best = oid
		}
		maxDisc = max(maxDisc, o.disc)
		maxFirst = max(maxFirst, o.first)
		minBase = min(minBase, baseKey(o))
		maxBase = max(maxBase, baseKey(o))
		if b := ix.baseBand(o.base); b >= 0 {
			bandMask |= 1 << b
		}
		for _, sz := range ix.sizeLists[o.sizes] {
			bitmapAt(&s.hasSize, sz).Add(pid)
		}
		if o.retailer != none {
			bitmapAt(&s.hasRetailer, o.retailer).Add(pid)
		}
		if o.flags&flagOnSale != 0 {
			s.hasSale.Add(pid)
		}
	}
	s.best[pid], s.maxDisc[pid], s.maxFirst[pid] = best, maxDisc, maxFirst
	s.minBase[pid], s.maxBase[pid] = minBase, maxBase
	s.bandMask[pid] = bandMask
	for m := bandMask; m != 0; m &= m - 1 {
		s.inBand[bits.TrailingZeros8(m)].Add(pid)
	}
	if best == none {
		s.minBase[pid], s.maxBase[pid] = math.MaxInt64, math.MaxInt64
		return
	}
	s.has.Add(pid)
	for i, t := range discountBands {
		if int(maxDisc) >= t {
			s.discAtLeast[i].Add(pid)
		}
	}
}

// clear takes pid out of the summary sets; its offers must still be in place.
func (s *summary) clear(ix *Index, pid uint32) {
	s.has.Remove(pid)
	s.hasSale.Remove(pid)
	for _, b := range s.discAtLeast {
		b.Remove(pid)
	}
	for m := s.bandMask[pid]; m != 0; m &= m - 1 {
		s.inBand[bits.TrailingZeros8(m)].Remove(pid)
	}
	for _, oid := range ix.prods[pid].offers {
		o := &ix.offers[oid]
		for _, sz := range ix.sizeLists[o.sizes] {
			if int(sz) < len(s.hasSize) {
				s.hasSize[sz].Remove(pid)
			}
		}
		if o.retailer != none && int(o.retailer) < len(s.hasRetailer) {
			s.hasRetailer[o.retailer].Remove(pid)
		}
	}
	s.best[pid], s.maxDisc[pid], s.maxFirst[pid] = none, 0, 0
	s.bandMask[pid] = 0
	s.minBase[pid], s.maxBase[pid] = math.MaxInt64, math.MaxInt64
}

// baseBand is the price band of a base-currency price with the bands in the base currency;
// -1 when unknown.
func (ix *Index) baseBand(base int64) int {
	if base < 0 {
		return -1
	}
	unit := int64(math.Pow10(catalog.MinorDigits(strings.ToUpper(ix.rates.Base))))
	b := -1
	for i, edge := range priceBands {
		if base >= edge*unit {
			b = i
		}
	}
	return b
}
