package bench

import (
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/index"
)

// offersPerProduct is about how many offers (product × retailer × size) demo.Generate makes
// per product, measured (109,123 offers for 12,000 products).
const offersPerProduct = 9.1

// searchDoc is one product as every engine of the search benchmark indexes it: the product
// tagdrop's index takes, plus the per-product values the peers index (they hold one document
// per product; tagdrop's offer-level detail has no counterpart there).
type searchDoc struct {
	index.Product
	catNames  []string // category path names, root first
	catLeaf   string   // the product's own category name
	sizes     []string // sizes of offers in stock, each once
	retailers []string // retailers with an offer in stock, each once
	price     int64    // cheapest offer in stock, euro cents
	discount  int      // largest discount of an offer in stock, percent
	newest    int64    // latest first-seen of an offer in stock, Unix milliseconds
}

// searchCatalogue generates about offers offers with demo.Generate (tagdrop gen's generator:
// one snapshot, today's prices and stock) and turns its products into search documents. It
// builds the documents in memory rather than importing feeds through the store: importing a
// million offers takes minutes and measures ingestion, not search, and the store's loader
// would hand the index the same products.
func searchCatalogue(offers int, seed uint64) []searchDoc {
	products := max(int(float64(offers)/offersPerProduct), 6)
	today := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	c := demo.Generate(demo.Options{Seed: seed, Products: products, Days: 30, Step: 30, Today: today})
	names := map[string]string{}
	for _, r := range c.Retailers {
		names[r.Slug] = r.Name
	}
	tax := catalog.DefaultTaxonomy()
	rates := index.DefaultRates()
	docs := make([]searchDoc, 0, len(c.Products))
	offerID := int64(0)
	for i, p := range c.Products {
		d := searchDoc{Product: index.Product{
			ID: int64(i + 1), Title: p.Title, Brand: p.Brand, Description: p.Description,
			Colour: p.Colour, ColourFamily: p.Family, Material: p.Material, Gender: "female",
			CreatedAt: today, ImageURL: p.Image,
		}}
		if n, ok := tax.ByPath(p.Google); ok {
			for _, a := range append(tax.Ancestors(n.ID), n) {
				d.Categories = append(d.Categories, index.Category{ID: a.ID, Name: a.Name})
			}
			d.SizeKind = n.SizeKind
		}
		for li, l := range p.Listings {
			pt := l.Points[len(l.Points)-1]
			if !pt.Listed {
				continue
			}
			// The 30-day low the importer would store: the lowest listed price of the snapshots.
			low := pt.Price
			for _, q := range l.Points {
				if q.Listed && q.Price > 0 {
					low = min(low, q.Price)
				}
			}
			// Listings first appeared on different days: spread them over the last 90 days.
			first := today.Add(-time.Duration((i*7+li*13)%(90*24)) * time.Hour)
			for si, size := range p.Sizes {
				offerID++
				o := index.Offer{
					ID: offerID, Retailer: names[l.Retailer], Size: size, SizeSystem: p.SizeSystem,
					Price: pt.Price, RegularPrice: pt.Regular, Currency: l.Currency,
					Availability: catalog.InStock, FirstSeen: first, Lowest30d: low,
				}
				if si < len(pt.InStock) && !pt.InStock[si] {
					o.Availability = catalog.OutOfStock
				}
				d.Offers = append(d.Offers, o)
			}
		}
		d.summarise(rates)
		docs = append(docs, d)
	}
	return docs
}

// summarise fills the per-product values the peers index from the product's offers.
func (d *searchDoc) summarise(rates index.Rates) {
	d.catNames, d.catLeaf = nil, ""
	for _, c := range d.Categories {
		d.catNames = append(d.catNames, c.Name)
		d.catLeaf = c.Name
	}
	d.sizes, d.retailers, d.price, d.discount, d.newest = nil, nil, -1, 0, 0
	seenSize, seenRetailer := map[string]bool{}, map[string]bool{}
	for _, o := range d.Offers {
		if !o.Available() {
			continue
		}
		if size := sizeValue(o.Size); !seenSize[size] {
			seenSize[size] = true
			d.sizes = append(d.sizes, size)
		}
		if !seenRetailer[o.Retailer] {
			seenRetailer[o.Retailer] = true
			d.retailers = append(d.retailers, o.Retailer)
		}
		if eur, ok := rates.ToBase(o.Price, o.Currency); ok && (d.price < 0 || eur < d.price) {
			d.price = eur
		}
		d.discount = max(d.discount, o.DiscountPct())
		d.newest = max(d.newest, o.FirstSeen.UnixMilli())
	}
}

// sizeValue is a size as the peers' keyword fields hold it: "" is one size.
func sizeValue(s string) string {
	if strings.TrimSpace(s) == "" {
		return index.OneSize
	}
	return s
}

// countOffers is the number of offers of docs.
func countOffers(docs []searchDoc) int {
	n := 0
	for _, d := range docs {
		n += len(d.Offers)
	}
	return n
}
