package index

import (
	"slices"
	"strings"
)

// MatchOffer is what the match engine reads of one offer that is on sale and available, and
// of its product: the filters' inputs (brand, kind, categories, sizes, price, discount) and
// what an item shows. Sizes and Cats are shared with the index and never change; do not
// modify them.
type MatchOffer struct {
	OfferID      int64 // store ids
	ProductID    int64
	Price        int64 // minor units of Currency
	RegularPrice int64
	BasePrice    int64 // Price in the rates' base currency; -1 when Currency has no rate
	FirstSeen    int64 // Unix milliseconds; 0 when unknown
	LastDropAt   int64 // Unix milliseconds; 0 when it never fell
	Sizes        []uint32
	Cats         []uint32 // the product's category ids, root first
	Title        string
	Brand        string
	Colour       string
	Retailer     string
	Currency     string
	BrandID      uint32 // MatchView.Brand ids
	KindID       uint32 // MatchView.Kind ids; NoID for a product without a size kind
	Currency16   uint16 // a dense id of Currency, below len(MatchView.Currencies)
	Questionable bool
	LastDropPct  uint8
}

// NoID is the id of no value (a product without a brand or size kind).
const NoID = none

// MatchView is a consistent copy of what the match engine reads, taken under one read lock
// (see Index.MatchView): every offer on sale and available, and the dictionaries that resolve
// a shopper's brands, sizes, kinds and category paths to the ids the offers carry. It does not
// follow later updates; Index.Version tells when it is out of date.
type MatchView struct {
	Rates      Rates
	Offers     []MatchOffer
	Currencies []string // by MatchOffer.Currency16
	// OneSize is the size id of one-size offers; NoID when there is none.
	OneSize uint32
	brands  map[string]uint32
	sizes   map[string]uint32
	kinds   map[string]uint32
	paths   map[string]uint32
	nBrands int
	labels  []string // size labels by id
}

// Version identifies the index's contents: it changes with every write, so a MatchView (or
// anything derived from one) taken at Version v is current while Version still equals v.
type Version struct{ d *derived }

// Version is the index's current version.
func (ix *Index) Version() Version {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return Version{ix.cache}
}

// MatchView copies what the match engine reads, under one read lock, with the version it is
// of. It costs one pass over the offers on sale.
func (ix *Index) MatchView() (*MatchView, Version) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	v := &MatchView{
		Rates:   ix.rates,
		OneSize: none,
		brands:  cloneMap(ix.brands.ids),
		sizes:   cloneMap(ix.sizes.ids),
		kinds:   cloneMap(ix.kinds.ids),
		paths:   cloneMap(ix.cats.paths),
		nBrands: len(ix.brands.labels),
		labels:  slices.Clone(ix.sizes.labels),
	}
	if id, ok := ix.sizes.lookup(OneSize); ok {
		v.OneSize = id
	}
	cur := map[uint32]uint16{}
	v.Offers = make([]MatchOffer, 0, ix.onSale.GetCardinality())
	it := ix.onSale.Iterator()
	for it.HasNext() {
		oid := it.Next()
		o, info := &ix.offers[oid], &ix.offerInfo[oid]
		p := &ix.prods[info.pid]
		c, ok := cur[info.currency]
		if !ok {
			c = uint16(len(v.Currencies))
			cur[info.currency] = c
			v.Currencies = append(v.Currencies, ix.currencies.label(info.currency))
		}
		v.Offers = append(v.Offers, MatchOffer{
			OfferID: info.id, ProductID: p.id, Price: info.price, RegularPrice: info.regular,
			BasePrice: o.base, FirstSeen: o.first, LastDropAt: info.dropAt,
			Sizes: ix.sizeLists[o.sizes], Cats: p.cats,
			Title: p.title, Brand: p.brand, Colour: p.colour, Retailer: ix.retailers.label(o.retailer),
			Currency: v.Currencies[c], BrandID: p.brandID, KindID: p.kindID, Currency16: c,
			Questionable: o.flags&flagQuestionable != 0, LastDropPct: info.dropPct,
		})
	}
	return v, Version{ix.cache}
}

func cloneMap(m map[string]uint32) map[string]uint32 {
	out := make(map[string]uint32, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// BrandCount bounds the brand ids.
func (v *MatchView) BrandCount() int { return v.nBrands }

// SizeLabel is the label of size id ("EU 38", "M", "One size").
func (v *MatchView) SizeLabel(id uint32) string { return v.labels[id] }

// Brand resolves a brand name (any spelling that folds the same) to its id.
func (v *MatchView) Brand(name string) (uint32, bool) {
	id, ok := v.brands[valueKey(name)]
	return id, ok
}

// Kind resolves a size kind ("shoes") to its id.
func (v *MatchView) Kind(kind string) (uint32, bool) {
	id, ok := v.kinds[valueKey(kind)]
	return id, ok
}

// Size resolves a shopper's size (as SizeLabel reads it) to its size id; false for a size no
// indexed offer has, and for one size (see OneSize).
func (v *MatchView) Size(value, system, kind string) (uint32, bool) {
	label := SizeLabel(value, system, kind)
	if label == OneSize {
		return none, false
	}
	id, ok := v.sizes[valueKey(label)]
	return id, ok
}

// SizeAnyLeg resolves the second size a shopper's waist and leg ("28/30", "W28 L30") looks
// up: that waist sold without a leg, which fits any; false for any other size, and where no
// indexed offer has it.
func (v *MatchView) SizeAnyLeg(value, system, kind string) (uint32, bool) {
	label, ok := anyLegLabel(SizeLabel(value, system, kind))
	if !ok {
		return none, false
	}
	id, ok := v.sizes[valueKey(label)]
	return id, ok
}

// Category resolves a category path ("Women > Shoes", any case and spacing) to its id, as
// Index.CategoryIDs does; an offer is filed under it when its Cats hold the id.
func (v *MatchView) Category(path string) (uint32, bool) {
	key := ""
	for _, part := range strings.Split(path, ">") {
		key = categoryPathKey(key, part)
	}
	id, ok := v.paths[key]
	return id, ok
}
