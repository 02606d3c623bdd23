package index

import (
	"slices"
	"strings"
	"time"
)

// OfferDetail is what the index holds of one offer and its product: what the matcher ranks
// and shows for the survivors of its set algebra, so it needs no copy of the catalogue.
type OfferDetail struct {
	OfferID      int64
	ProductID    int64
	Title        string
	Brand        string
	Colour       string // the retailer's colour name
	Retailer     string
	Price        int64 // minor units of Currency
	RegularPrice int64
	Currency     string
	Available    bool
	Questionable bool
	FirstSeen    time.Time
	LastDropAt   time.Time
	LastDropPct  int
}

// DiscountPct is the whole-percent discount off the regular price.
func (d OfferDetail) DiscountPct() int {
	return Offer{Price: d.Price, RegularPrice: d.RegularPrice}.DiscountPct()
}

// OfferDetail reads the dense offer id oid; false when no live offer is there.
func (ix *Index) OfferDetail(oid uint32) (OfferDetail, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if int(oid) >= len(ix.offers) {
		return OfferDetail{}, false
	}
	o, info := ix.offers[oid], ix.offerInfo[oid]
	if !ix.live.Contains(info.pid) || !slices.Contains(ix.prods[info.pid].offers, oid) {
		return OfferDetail{}, false // a freed slot
	}
	p := &ix.prods[info.pid]
	return OfferDetail{
		OfferID: info.id, ProductID: p.id, Title: p.title, Brand: p.brand, Colour: p.colour,
		Retailer: ix.retailers.label(o.retailer), Price: info.price, RegularPrice: info.regular,
		Currency:  ix.currencies.label(info.currency),
		Available: o.flags&flagAvailable != 0, Questionable: o.flags&flagQuestionable != 0,
		FirstSeen: fromMillis(o.first), LastDropAt: fromMillis(info.dropAt), LastDropPct: int(info.dropPct),
	}, true
}

// CategoryIDs resolves category paths ("Women > Shoes", any case and spacing) to store
// category ids; a path no indexed product is filed under resolves to nothing.
func (ix *Index) CategoryIDs(paths ...string) []int64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var out []int64
	for _, path := range paths {
		key := ""
		for _, part := range strings.Split(path, ">") {
			key = categoryPathKey(key, part)
		}
		if id, ok := ix.cats.paths[key]; ok {
			out = append(out, ix.cats.storeI[id])
		}
	}
	return out
}

func fromMillis(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return time.UnixMilli(ms).UTC()
}
