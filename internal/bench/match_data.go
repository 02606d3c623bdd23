package bench

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/index"
)

// matchNow is the time of the benchmark's digest run; the catalogue's dates lead up to it.
var matchNow = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)

// matchCategory is one category of the match catalogue: its path (ids and names, root first),
// size kind and how its offers are sized.
type matchCategory struct {
	path   []index.Category
	kind   string
	sizes  [][2]string // (size, system) a product is made in, one offer each
	weight int
}

// matchCategories mirror demo.ShopperCategories, so shoppers' category limits hit.
func matchCategories() []matchCategory {
	women := index.Category{ID: 1, Name: "Women"}
	bags := index.Category{ID: 2, Name: "Bags"}
	shoes := index.Category{ID: 3, Name: "Shoes"}
	clothing := index.Category{ID: 4, Name: "Clothing"}
	eu := func(sys string, from, to int) [][2]string {
		var out [][2]string
		for v := from; v <= to; v++ {
			out = append(out, [2]string{fmt.Sprint(v), sys})
		}
		return out
	}
	letters := [][2]string{{"XS", ""}, {"S", ""}, {"M", ""}, {"L", ""}, {"XL", ""}}
	one := [][2]string{{"", ""}}
	leaf := func(parent index.Category, id int64, name string) []index.Category {
		return []index.Category{women, parent, {ID: id, Name: name}}
	}
	return []matchCategory{
		{leaf(bags, 10, "Mini & Micro Bags"), "", one, 9},
		{leaf(bags, 11, "Shoulder Bags"), "", one, 9},
		{leaf(bags, 12, "Tote Bags"), "", one, 6},
		{leaf(bags, 13, "Cross-Body Bags"), "", one, 7},
		{leaf(shoes, 20, "Sneakers"), "shoes", eu("EU", 35, 42), 7},
		{leaf(shoes, 21, "Boots"), "shoes", eu("EU", 35, 42), 6},
		{leaf(shoes, 22, "Sandals"), "shoes", eu("UK", 2, 8), 5},
		{leaf(shoes, 23, "Pumps"), "shoes", eu("US", 5, 11), 4},
		{leaf(clothing, 30, "Dresses"), "dresses", letters, 8},
		{leaf(clothing, 31, "Tops"), "tops", letters, 8},
		{leaf(clothing, 32, "Knitwear"), "tops", letters, 5},
		{leaf(clothing, 33, "Coats & Jackets"), "outerwear", letters, 5},
		{leaf(clothing, 34, "Jeans"), "bottoms", eu("", 24, 32), 6},
	}
}

// matchCategoryPaths are the paths shoppers may limit a digest to: every leaf and department.
func matchCategoryPaths() []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range matchCategories() {
		for n := 2; n <= len(c.path); n++ {
			p := ""
			for i, node := range c.path[:n] {
				if i > 0 {
					p += " > "
				}
				p += node.Name
			}
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	return out
}

// matchRetailers are the shops of the match catalogue and their currencies.
var matchRetailers = []struct{ name, currency string }{
	{"Atelier Row", "EUR"}, {"Maison Nord", "EUR"}, {"Bond Street Edit", "GBP"}, {"Fifth & Main", "USD"},
	{"Via Roma", "EUR"}, {"Sodermalm", "SEK"}, {"Kanal", "DKK"}, {"Marylebone", "GBP"},
}

// matchCatalogue makes a catalogue of about offers offers (one per product and size at one
// retailer) over brands (drawn by Zipf's law, as shoppers follow them): a quarter of the
// offers on sale (whole products: 10% to 70% off, some questionable), 15% sold out.
func matchCatalogue(offers int, seed uint64, brands []string) []index.Product {
	rng := rand.New(rand.NewPCG(seed, seed^0xc0ffee))
	z := demo.NewZipf(len(brands))
	cats := matchCategories()
	total := 0
	for _, c := range cats {
		total += c.weight
	}
	var out []index.Product
	offerID := int64(0)
	for n := 0; n < offers; {
		w := rng.IntN(total)
		c := cats[0]
		for _, cc := range cats {
			if w < cc.weight {
				c = cc
				break
			}
			w -= cc.weight
		}
		bi := z.Draw(rng)
		ret := matchRetailers[rng.IntN(len(matchRetailers))]
		p := index.Product{ID: int64(len(out) + 1), Title: fmt.Sprintf("%s %s %d", brands[bi], c.path[2].Name, len(out)+1),
			Brand: brands[bi], Colour: "Black", Gender: "female", Categories: c.path, SizeKind: c.kind,
			CreatedAt: matchNow.Add(-time.Duration(rng.IntN(180*24)) * time.Hour)}
		// Popular (low-rank) brands are the luxury houses: dearer.
		regular := int64(8000+rng.IntN(40000)) * int64(1+3*max(0, 50-bi)/50)
		regular = regular / 100 * 100
		if rate, ok := index.DefaultRates().Convert(regular, "EUR", ret.currency); ok {
			regular = rate / 100 * 100
		}
		onSale := rng.IntN(4) == 0
		pct := 10 + 5*rng.IntN(13)
		questionable := onSale && rng.IntN(12) == 0
		first := matchNow.Add(-time.Duration(rng.IntN(120*24)) * time.Hour)
		drop := time.Time{}
		if onSale {
			drop = matchNow.Add(-time.Duration(rng.IntN(30*24)) * time.Hour)
		}
		for _, sz := range c.sizes {
			if n >= offers {
				break
			}
			offerID++
			n++
			o := index.Offer{ID: offerID, Retailer: ret.name, Size: sz[0], SizeSystem: sz[1], Price: regular,
				RegularPrice: regular, Currency: ret.currency, Availability: catalog.InStock, FirstSeen: first}
			if rng.IntN(100) < 15 {
				o.Availability = catalog.OutOfStock
			}
			if onSale {
				o.Price = regular - regular*int64(pct)/100
				o.Questionable, o.LastDropAt, o.LastDropPct = questionable, drop, pct
			}
			p.Offers = append(p.Offers, o)
		}
		out = append(out, p)
	}
	return out
}

// changeCatalogue returns a copy of products in which about share of the offers changed since
// the last run, product by product: deeper drops (40%), new sales (30%), sales that ended
// (15%), sizes selling out or coming back (15%). Unchanged products are shared.
func changeCatalogue(products []index.Product, seed uint64, share float64) (out []index.Product, changedOffers int) {
	rng := rand.New(rand.NewPCG(seed^0xfeed, seed))
	out = slices.Clone(products)
	for i := range out {
		if rng.Float64() >= share {
			continue
		}
		p := out[i]
		p.Offers = slices.Clone(p.Offers)
		kind := rng.IntN(100)
		for j := range p.Offers {
			o := &p.Offers[j]
			switch {
			case kind < 40 && o.OnSale(): // deeper
				o.Price = o.Price * 85 / 100
				o.LastDropAt, o.LastDropPct = matchNow.Add(-time.Duration(rng.IntN(20))*time.Hour), 15
			case kind < 70 && !o.OnSale(): // a new sale
				pct := 10 + 5*rng.IntN(10)
				o.Price = o.RegularPrice - o.RegularPrice*int64(pct)/100
				o.LastDropAt, o.LastDropPct = matchNow.Add(-time.Duration(rng.IntN(20))*time.Hour), pct
			case kind < 85: // the sale ends
				o.Price = o.RegularPrice
			default:
				if o.Availability == catalog.OutOfStock {
					o.Availability = catalog.InStock
				} else if rng.IntN(2) == 0 {
					o.Availability = catalog.OutOfStock
				}
			}
			changedOffers++
		}
		out[i] = p
	}
	return out, changedOffers
}

// prefsOf turns a synthetic shopper into the preferences the store would hold, user id id.
func prefsOf(id int64, s demo.Shopper) account.Preferences {
	p := account.Preferences{UserID: id, Brands: s.Brands, Categories: s.Categories, Currency: s.Currency,
		MaxPrice: s.MaxPrice, MinDiscountPct: s.MinDiscountPct, HideQuestionable: s.HideQuestionable,
		Frequency: account.Frequency(s.Frequency), DigestHour: 8, TimeZone: "UTC"}
	for _, z := range s.Sizes {
		p.Sizes = append(p.Sizes, account.SizePref{Kind: z.Kind, System: z.System, Value: z.Value})
	}
	return p
}
