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

// Link is the offer the row's own link leads to: its first size in stock, else its first offer.
func (g offerGroup) Link() catalog.Offer {
	for _, o := range g.Sizes {
		if o.Availability == catalog.InStock {
			return o
		}
	}
	return g.First
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

// sortSizes orders the group's sizes as a size picker does and fills in SizeSystem and InStock.
func (g *offerGroup) sortSizes() {
	if len(g.Sizes) == 0 {
		if g.First.Availability == catalog.InStock {
			g.InStock = 1
		}
		return
	}
	bySize := map[string][]catalog.Offer{}
	names := make([]string, 0, len(g.Sizes))
	g.SizeSystem = g.Sizes[0].SizeSystem
	for _, o := range g.Sizes {
		bySize[o.Size] = append(bySize[o.Size], o)
		names = append(names, o.Size)
		if o.Availability == catalog.InStock {
			g.InStock++
		}
	}
	sorted := g.Sizes[:0]
	for _, name := range store.SortSizes(names) {
		sorted = append(sorted, bySize[name]...)
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
