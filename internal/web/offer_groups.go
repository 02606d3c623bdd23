package web

import (
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

// offerGroup is one row of a product page's "Where to buy": a retailer's offers of the product
// at one price, one per size, in one size system. A shop that sells eight sizes at one price is
// one row with eight size links, not eight rows (on a phone, eight cards); a size at another
// price or in another system, or an offer without a size, is a row of its own.
type offerGroup struct {
	// First is the group's first offer: its retailer, price, regular price and currency are the
	// group's, and without sizes it is the only one.
	First catalog.Offer
	// Sizes are the group's offers in size order (store.SortSizes), when they have sizes.
	Sizes []catalog.Offer
	// SizeSystem is the system of the group's sizes ("EU"; "" when the feed gave none).
	SizeSystem string
	// InStock counts the sizes in stock.
	InStock int
}

// Orderable says whether the row links offer o as a size a shopper can order: anything but sold
// out (a pre-order, or a size whose stock the shop does not give, is still ordered at the shop).
func (g offerGroup) Orderable(o catalog.Offer) bool {
	return o.Availability != catalog.OutOfStock
}

// Link is the offer the row's own link leads to: its first size in stock, else its first size
// that can be ordered, else its first offer.
func (g offerGroup) Link() catalog.Offer {
	for _, o := range g.Sizes {
		if o.Availability == catalog.InStock {
			return o
		}
	}
	for _, o := range g.Sizes {
		if g.Orderable(o) {
			return o
		}
	}
	return g.First
}

// Availability is the row's stock state as its Availability cell says it: in stock when a
// size is, else pre-order when one is, else unknown when the shop gives no stock for one, else
// sold out.
func (g offerGroup) Availability() catalog.Availability {
	offers := g.Sizes
	if len(offers) == 0 {
		offers = []catalog.Offer{g.First}
	}
	best := catalog.OutOfStock
	for _, o := range offers {
		switch {
		case o.Availability == catalog.InStock:
			return catalog.InStock
		case o.Availability == catalog.Preorder:
			best = catalog.Preorder
		case g.Orderable(o) && best == catalog.OutOfStock:
			best = catalog.Unknown
		}
	}
	return best
}

// SoldOut says whether nothing of the row can be ordered: the row is then shown muted.
func (g offerGroup) SoldOut() bool {
	return g.Availability() == catalog.OutOfStock
}

// groupOffers puts offers (best first, as ProductDetail lists them) into rows, keeping the order
// in which each row's first offer comes.
func groupOffers(offers []catalog.Offer) []offerGroup {
	type key struct {
		retailer         int64
		currency, system string
		price, regular   int64
	}
	at := map[key]int{}
	var groups []offerGroup
	for _, o := range offers {
		o.Size = strings.TrimSpace(o.Size)
		k := key{o.RetailerID, o.Currency, o.SizeSystem, o.Price, o.RegularPrice}
		i, ok := at[k]
		if o.Size == "" || !ok {
			groups = append(groups, offerGroup{First: o})
			i = len(groups) - 1
			if o.Size != "" {
				at[k] = i
			}
		}
		if o.Size != "" {
			groups[i].Sizes = append(groups[i].Sizes, o)
		}
	}
	for i := range groups {
		groups[i].sortSizes()
	}
	return groups
}

// sortSizes orders the group's sizes as a size picker does, keeps one offer per size (a size
// the feed lists twice at one price is one link: the one in stock, else one that can be
// ordered), and fills in SizeSystem and InStock.
func (g *offerGroup) sortSizes() {
	if len(g.Sizes) == 0 {
		if g.First.Availability == catalog.InStock {
			g.InStock = 1
		}
		return
	}
	bySize := map[string]catalog.Offer{}
	names := make([]string, 0, len(g.Sizes))
	g.SizeSystem = g.Sizes[0].SizeSystem
	rank := func(o catalog.Offer) int {
		switch {
		case o.Availability == catalog.InStock:
			return 2
		case g.Orderable(o):
			return 1
		}
		return 0
	}
	for _, o := range g.Sizes {
		kept, ok := bySize[o.Size]
		if !ok {
			names = append(names, o.Size)
		}
		if !ok || rank(o) > rank(kept) {
			bySize[o.Size] = o
		}
	}
	sorted := g.Sizes[:0]
	for _, name := range store.SortSizes(names) {
		o := bySize[name]
		sorted = append(sorted, o)
		if o.Availability == catalog.InStock {
			g.InStock++
		}
	}
	g.Sizes = sorted
}

// mixedCurrencies says whether the rows price in more than one currency (a US shop's dollars
// beside a European one's euros): the page then says the prices are not converted.
func mixedCurrencies(groups []offerGroup) bool {
	for _, g := range groups {
		if g.First.Currency != groups[0].First.Currency {
			return true
		}
	}
	return false
}
