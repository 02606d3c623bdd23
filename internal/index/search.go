package index

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/RoaringBitmap/roaring/v2"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Filter bits of the faceted filters: an offer that fails exactly one of them still counts
// for that facet.
const (
	fBrand = 1 << iota
	fCategory
	fColour
	fSize
	fRetailer
	fPrice
	fDiscount
)

// plan is a Query resolved against the index.
type plan struct {
	q    Query
	mode mode
	text *textQuery

	core    *roaring.Bitmap // live products passing the product filters that have no facet
	coreAll bool            // core is every product with an admitted offer: no such filter

	brandSel, catSel, colourSel []bool // nil: no filter
	brandSet, catSet, colourSet *roaring.Bitmap

	sizeSel, retailerSel []bool
	sizeSet, retailerSet *roaring.Bitmap // products with an available offer of a selected value
	priceOn              bool
	priceLo, priceHi     int64 // base currency, inclusive
	minDisc              uint8
	onSale               bool
	newSince             int64
	dropSince            int64
	bandLo               []int64 // price band edges in the base currency
	baseBands            bool    // the query's currency is the base: bandLo are the indexed bands
	sizeShown            []bool  // size ids the size facet lists
	sizeLists            [][]uint32
}

// browseKey is the facet cache key of a browse page: a query with no text and no filter but
// brands, categories and colours (the store's navigation pages), whose facet counts are kept
// until the next write. ok is false for any other query.
func (p *plan) browseKey() (string, bool) {
	if !p.coreAll || p.offerFilters() {
		return "", false
	}
	var b strings.Builder
	b.WriteString(strings.ToUpper(p.q.Currency))
	b.WriteByte(0)
	b.WriteString(p.q.SizeSystem)
	b.WriteByte(byte('0' + p.mode))
	for _, sel := range [][]bool{p.brandSel, p.catSel, p.colourSel} {
		b.WriteByte(0)
		if sel == nil {
			b.WriteByte('*') // no filter, unlike a filter that selects nothing
		}
		for id, on := range sel {
			if on {
				b.WriteString(strconv.Itoa(id))
				b.WriteByte(',')
			}
		}
	}
	return b.String(), true
}

// offerFilters reports whether any offer filter beyond the mode is on.
func (p *plan) offerFilters() bool {
	return p.sizeSel != nil || p.retailerSel != nil || p.priceOn || p.minDisc > 0 || p.onSale || p.newSince > 0
}

// Search answers q.
func (ix *Index) Search(q Query) Result {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.search(q, pathAuto)
}

// evalPath is how a query is evaluated. Every path gives the same answer: the property test
// checks each against a brute-force scan.
type evalPath uint8

const (
	pathAuto  evalPath = iota // the cheapest path for the query
	pathOffer                 // every candidate's offers visited
	pathScan                  // per-product summaries, every match scanned, nothing cached used
	pathOrder                 // per-product summaries, presorted orders walked, cached counts used
)

func (ix *Index) search(q Query, path evalPath) Result {
	p := ix.plan(q)
	q = p.q
	res := Result{Page: q.Page, PerPage: q.PerPage}
	window := min(q.Page*q.PerPage, MaxWindow)
	var ranked []entry
	var fc *facetCounts
	if p.offerFilters() || path == pathOffer || q.Sort == SortDrop {
		top := newTopK(window, q.Sort)
		if q.Facets {
			fc = ix.newFacetCounts(p)
		}
		res.Total = ix.offerPass(p, top, fc)
		ranked = top.sorted()
	} else {
		res.Total, ranked, fc = ix.summaryPass(p, path, window)
	}
	if from := (q.Page - 1) * q.PerPage; from < len(ranked) {
		for _, e := range ranked[from:min(len(ranked), from+q.PerPage)] {
			res.Hits = append(res.Hits, ix.hit(p, e))
		}
	}
	if fc != nil {
		res.Facets = fc.result(ix, p)
	}
	return res
}

// plan resolves q's filters to value ids and sets.
func (ix *Index) plan(q Query) *plan {
	if q.PerPage <= 0 {
		q.PerPage = DefaultPerPage
	}
	q.PerPage = min(q.PerPage, MaxPerPage)
	q.Page = max(q.Page, 1)
	if q.Sort == "" {
		q.Sort = SortRelevance
	}
	if q.Now.IsZero() {
		q.Now = time.Now()
	}
	if q.DropWindow <= 0 {
		q.DropWindow = DefaultDropWindow
	}
	if q.Currency == "" {
		q.Currency = ix.rates.Base
	}
	p := &plan{q: q, newSince: millis(q.NewSince), dropSince: q.Now.Add(-q.DropWindow).UnixMilli(), sizeLists: ix.sizeLists}
	if q.HideQuestionable {
		p.mode = modeTrusted
	}
	sum := &ix.sum[p.mode]

	core := []*roaring.Bitmap{sum.has}
	if strings.TrimSpace(q.Text) != "" {
		p.text = ix.parseText(q.Text, q.TypeAhead)
		if p.text.match != nil {
			core = append(core, p.text.match)
		}
	}
	if b := ix.materials.union(q.Materials); b != nil {
		core = append(core, b)
	}
	if b := ix.genders.union(q.Genders); b != nil {
		core = append(core, b)
	}
	if q.SizeKind != "" {
		b := roaring.New()
		if id, ok := ix.kinds.lookup(q.SizeKind); ok {
			b = ix.kinds.bitmap(id)
		}
		core = append(core, b)
	}
	p.onSale = q.OnSale
	if q.OnSale {
		core = append(core, sum.hasSale)
	}
	p.coreAll = len(core) == 1
	p.core = roaring.FastAnd(append(core, ix.live)...)

	p.brandSel, p.brandSet = ix.brands.selection(q.Brands)
	p.colourSel, p.colourSet = ix.colours.selection(q.Colours)
	if len(q.Categories) > 0 {
		p.catSel = make([]bool, len(ix.cats.storeI))
		var bms []*roaring.Bitmap
		for _, id := range q.Categories {
			if c, ok := ix.cats.ids[id]; ok {
				p.catSel[c] = true
				bms = append(bms, ix.cats.bms[c])
			}
		}
		p.catSet = roaring.FastOr(bms...)
	}
	if len(q.Sizes) > 0 {
		labels := append([]string(nil), q.Sizes...)
		if q.IncludeOneSize {
			labels = append(labels, OneSize)
		}
		p.sizeSel = make([]bool, len(ix.sizes.labels))
		var bms []*roaring.Bitmap
		for _, l := range labels {
			id, ok := ix.sizes.lookup(l)
			if !ok {
				l = SizeLabel(l, "", q.SizeKind)
				id, ok = ix.sizes.lookup(l)
			}
			ids := []uint32{}
			if ok {
				ids = append(ids, id)
			}
			if anyLeg, isLeg := anyLegLabel(l); isLeg { // "W28 L30": and W28 sold without a leg
				if id, ok := ix.sizes.lookup(anyLeg); ok {
					ids = append(ids, id)
				}
			}
			for _, id := range ids {
				p.sizeSel[id] = true
				if int(id) < len(sum.hasSize) {
					bms = append(bms, sum.hasSize[id])
				}
			}
		}
		p.sizeSet = roaring.FastOr(bms...)
	}
	if len(q.Retailers) > 0 {
		p.retailerSel = make([]bool, len(ix.retailers.labels))
		var bms []*roaring.Bitmap
		for _, r := range q.Retailers {
			if id, ok := ix.retailers.lookup(r); ok {
				p.retailerSel[id] = true
				if int(id) < len(sum.hasRetailer) {
					bms = append(bms, sum.hasRetailer[id])
				}
			}
		}
		p.retailerSet = roaring.FastOr(bms...)
	}
	if q.MinPrice > 0 || q.MaxPrice > 0 {
		p.priceOn = true
		p.priceLo, p.priceHi = 0, math.MaxInt64
		if q.MinPrice > 0 {
			p.priceLo = ix.toBase(q.MinPrice, q.Currency)
		}
		if q.MaxPrice > 0 {
			p.priceHi = ix.toBase(q.MaxPrice, q.Currency)
		}
	}
	p.minDisc = uint8(clamp(q.MinDiscount, 0, 100))
	unit := int64(math.Pow10(catalog.MinorDigits(strings.ToUpper(q.Currency))))
	for _, edge := range priceBands {
		p.bandLo = append(p.bandLo, ix.toBase(edge*unit, q.Currency))
	}
	p.baseBands = strings.EqualFold(q.Currency, ix.rates.Base)
	p.sizeShown = make([]bool, len(ix.sizes.labels))
	for id, sys := range ix.sizeSystem {
		switch sys {
		case sysAnyLeg: // a waist-only size's key for shoppers' legs: the size shows as its waist
		case q.SizeSystem, catalog.SystemLetter, catalog.SystemWaist, sysOneSize, sysNotGiven, sysOther:
			p.sizeShown[id] = true
		default:
			p.sizeShown[id] = q.SizeSystem == ""
		}
	}
	return p
}

// toBase converts a shopper's amount to the base currency; an unknown currency is read as
// the base currency itself.
func (ix *Index) toBase(amount int64, currency string) int64 {
	if v, ok := ix.rates.ToBase(amount, currency); ok {
		return v
	}
	return amount
}

// union is the products of any of labels; nil when labels is empty.
func (v *values) union(labels []string) *roaring.Bitmap {
	if len(labels) == 0 {
		return nil
	}
	var bms []*roaring.Bitmap
	for _, l := range labels {
		if id, ok := v.lookup(l); ok {
			bms = append(bms, v.bms[id])
		}
	}
	return roaring.FastOr(bms...)
}

// selection marks labels' ids and unites their bitmaps; nil, nil when labels is empty.
func (v *values) selection(labels []string) ([]bool, *roaring.Bitmap) {
	if len(labels) == 0 {
		return nil, nil
	}
	sel := make([]bool, len(v.labels))
	var bms []*roaring.Bitmap
	for _, l := range labels {
		if id, ok := v.lookup(l); ok {
			sel[id] = true
			bms = append(bms, v.bms[id])
		}
	}
	return sel, roaring.FastOr(bms...)
}

// productFails is the mask of faceted product filters d fails.
func (p *plan) productFails(d *prodDoc) int {
	f := 0
	if p.brandSel != nil && (d.brandID == none || !p.brandSel[d.brandID]) {
		f |= fBrand
	}
	if p.colourSel != nil && (d.colourID == none || !p.colourSel[d.colourID]) {
		f |= fColour
	}
	if p.catSel != nil {
		in := false
		for _, c := range d.cats {
			if p.catSel[c] {
				in = true
				break
			}
		}
		if !in {
			f |= fCategory
		}
	}
	return f
}

// offerFails is the mask of faceted offer filters o fails; ok is false when o fails a filter
// without a facet (or is not admitted at all).
func (p *plan) offerFails(o *offerDoc) (mask int, ok bool) {
	if !p.mode.admits(o) || p.onSale && o.flags&flagOnSale == 0 || o.first < p.newSince {
		return 0, false
	}
	if p.sizeSel != nil {
		in := false
		for _, s := range p.sizeLists[o.sizes] {
			if p.sizeSel[s] {
				in = true
				break
			}
		}
		if !in {
			mask |= fSize
		}
	}
	if p.retailerSel != nil && (o.retailer == none || !p.retailerSel[o.retailer]) {
		mask |= fRetailer
	}
	if p.priceOn && (o.base < 0 || o.base < p.priceLo || o.base > p.priceHi) {
		mask |= fPrice
	}
	if o.disc < p.minDisc {
		mask |= fDiscount
	}
	return mask, true
}

// priceBand is the band of a base price; -1 when unknown.
func (p *plan) priceBand(base int64) int {
	if base < 0 || base < p.bandLo[0] {
		return -1
	}
	b := 0
	for b+1 < len(p.bandLo) && base >= p.bandLo[b+1] {
		b++
	}
	return b
}

// candidates are the products that can count anywhere: those in core passing every faceted
// filter but at most one (a product failing one still counts in that filter's facet).
func (p *plan) candidates(facets bool) *roaring.Bitmap {
	var sets []*roaring.Bitmap
	for _, s := range []*roaring.Bitmap{p.brandSet, p.catSet, p.colourSet, p.sizeSet, p.retailerSet} {
		if s != nil {
			sets = append(sets, s)
		}
	}
	switch {
	case len(sets) == 0:
		return p.core
	case !facets:
		return roaring.FastAnd(append(sets, p.core)...)
	case len(sets) == 1:
		return p.core
	}
	alts := make([]*roaring.Bitmap, len(sets))
	for i := range sets {
		others := make([]*roaring.Bitmap, 0, len(sets))
		for j, s := range sets {
			if j != i {
				others = append(others, s)
			}
		}
		alts[i] = roaring.FastAnd(others...)
	}
	return roaring.And(p.core, roaring.FastOr(alts...))
}
