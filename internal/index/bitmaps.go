package index

import (
	"slices"

	"github.com/RoaringBitmap/roaring/v2"
)

// The set algebra the matcher uses. Product sets hold dense product ids, offer sets dense
// offer ids; ProductsOf and OffersOf move between the two, ProductRef and OfferRef back to
// store ids. Every accessor returns a fresh bitmap the caller owns, taken under the read lock:
// a consistent snapshot, though later updates may reuse the ids of deleted products.

// Products is every indexed product.
func (ix *Index) Products() *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.live.Clone()
}

// Brands is the products of any of the brands (any spelling that folds the same).
func (ix *Index) Brands(names ...string) *roaring.Bitmap {
	return ix.productSet(ix.brands, names)
}

// Colours is the products of any of the colour families.
func (ix *Index) Colours(families ...string) *roaring.Bitmap {
	return ix.productSet(ix.colours, families)
}

// Categories is the products filed under any of the store category ids or their descendants.
func (ix *Index) Categories(ids ...int64) *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := roaring.New()
	for _, id := range ids {
		if c, ok := ix.cats.ids[id]; ok {
			out.Or(ix.cats.bms[c])
		}
	}
	return out
}

func (ix *Index) productSet(v *values, labels []string) *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := v.union(labels)
	if out == nil {
		return roaring.New()
	}
	return out.Clone()
}

// SizeInStock is the available offers in the shopper's size: value in system (converted from
// the offer's own system where a chart allows) of products whose category takes size kind
// (any kind when kind is empty); for a waist and leg ("28/30") also that waist sold without a
// leg. One-size offers are never in it; see OneSizeInStock.
func (ix *Index) SizeInStock(kind, system, value string) *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	label := SizeLabel(value, system, kind)
	var bms []*roaring.Bitmap
	if id, ok := ix.sizes.lookup(label); ok && label != OneSize {
		bms = append(bms, ix.sizes.bms[id])
	}
	if anyLeg, ok := anyLegLabel(label); ok { // "W28 L30": and W28 sold without a leg
		if id, ok := ix.sizes.lookup(anyLeg); ok {
			bms = append(bms, ix.sizes.bms[id])
		}
	}
	if len(bms) == 0 {
		return roaring.New()
	}
	out := roaring.FastOr(bms...)
	if kind != "" {
		k, ok := ix.kinds.lookup(kind)
		if !ok {
			return roaring.New()
		}
		out.And(ix.offersOf(ix.kinds.bms[k]))
	}
	return out
}

// OneSizeInStock is the available one-size offers.
func (ix *Index) OneSizeInStock() *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if id, ok := ix.sizes.lookup(OneSize); ok {
		return ix.sizes.bms[id].Clone()
	}
	return roaring.New()
}

// Available is the offers that are not out of stock.
func (ix *Index) Available() *roaring.Bitmap { return ix.cloneLocked(ix.available) }

// OnSale is the available offers below their regular price.
func (ix *Index) OnSale() *roaring.Bitmap { return ix.cloneLocked(ix.onSale) }

// Questionable is the offers whose discount is questionable.
func (ix *Index) Questionable() *roaring.Bitmap { return ix.cloneLocked(ix.doubtful) }

// Retailers is the offers of any of the retailers.
func (ix *Index) Retailers(names ...string) *roaring.Bitmap {
	return ix.productSet(ix.retailers, names)
}

func (ix *Index) cloneLocked(b *roaring.Bitmap) *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return b.Clone()
}

// OffersOf is the offers of the products.
func (ix *Index) OffersOf(products *roaring.Bitmap) *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.offersOf(products)
}

func (ix *Index) offersOf(products *roaring.Bitmap) *roaring.Bitmap {
	out := roaring.New()
	it := products.Iterator()
	for it.HasNext() {
		if pid := it.Next(); int(pid) < len(ix.prods) {
			out.AddMany(ix.prods[pid].offers)
		}
	}
	return out
}

// ProductsOf is the products the offers belong to.
func (ix *Index) ProductsOf(offers *roaring.Bitmap) *roaring.Bitmap {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	out := roaring.New()
	it := offers.Iterator()
	for it.HasNext() {
		if oid := it.Next(); int(oid) < len(ix.offers) && ix.live.Contains(ix.offerInfo[oid].pid) {
			out.Add(ix.offerInfo[oid].pid)
		}
	}
	return out
}

// ProductRef is the store id of a dense product id; false when none is indexed there.
func (ix *Index) ProductRef(pid uint32) (int64, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if int(pid) >= len(ix.prods) || !ix.live.Contains(pid) {
		return 0, false
	}
	return ix.prods[pid].id, true
}

// OfferRef is the store ids of a dense offer id and of its product; false when none.
func (ix *Index) OfferRef(oid uint32) (offerID, productID int64, ok bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if int(oid) >= len(ix.offers) {
		return 0, 0, false
	}
	o := ix.offerInfo[oid]
	if !ix.live.Contains(o.pid) || !slices.Contains(ix.prods[o.pid].offers, oid) {
		return 0, 0, false // a freed slot
	}
	return o.id, ix.prods[o.pid].id, true
}
