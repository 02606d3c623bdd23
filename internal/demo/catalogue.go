package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Options control the generator. The zero value of any field means its default.
type Options struct {
	// Seed picks the catalogue; the same Seed (and other options) give the same bytes.
	Seed uint64
	// Products is how many products (a style in one colour) to make, the six collection bags
	// included. The default, 300, gives about 2,500 offers.
	Products int
	// Days is how far back the price history reaches (default 90).
	Days int
	// Step is the number of days between snapshots (default 3, so 30 snapshots for 90 days).
	Step int
	// Today is the date of the last snapshot; earlier ones are dated backwards from it. Only its
	// UTC date counts. The default is 2021-11-29, the Monday after Black Friday 2021.
	Today time.Time
	// Users is how many synthetic shoppers shoppers.jsonl holds (one a line).
	Users int
}

// DefaultSeed is the seed of the bundled demo.
const DefaultSeed = 2021

func (o Options) withDefaults() Options {
	if o.Products <= 0 {
		o.Products = 300
	}
	if o.Products < len(collectionBags) {
		o.Products = len(collectionBags)
	}
	if o.Days <= 0 {
		o.Days = 90
	}
	if o.Step <= 0 {
		o.Step = 3
	}
	if o.Step > o.Days {
		o.Step = o.Days
	}
	if o.Today.IsZero() {
		o.Today = time.Date(2021, 11, 29, 0, 0, 0, 0, time.UTC)
	}
	y, m, d := o.Today.UTC().Date()
	o.Today = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return o
}

// Catalogue is a generated demo catalogue: products, where they are sold, and how their prices
// and stock moved over the snapshots.
type Catalogue struct {
	Options   Options
	Retailers []Retailer
	// Snapshots are the dates of the feed snapshots, oldest first.
	Snapshots []time.Time
	Products  []Product
}

// Product is one style in one colour, sold by one or more retailers.
type Product struct {
	Brand       string
	Title       string
	Description string
	Colour      string
	Family      string // colour family
	Material    string
	Type        string // category type, e.g. "micro-bag"
	Dept        string // bags, shoes or clothing
	Google      string // Google product taxonomy path
	ProductType string
	// MPN is the style code, the same at every retailer, which is what makes the offers of all
	// retailers collapse into one tagdrop product.
	MPN string
	// Image is the root-relative URL of the product's illustration.
	Image string
	Sizes []string
	// SizeSystem is written to g:size_system; empty for letter and waist sizes.
	SizeSystem string
	// Collection marks the six bags of "The Micro Bags of 2021".
	Collection bool
	Listings   []Listing
	sizing     sizing
}

// Key is the product key tagdrop derives for the product's offers (see catalog.ProductKey).
func (p Product) Key() string {
	return catalog.ProductKey(catalog.KeyParts{Brand: p.Brand, MPN: p.MPN, Color: p.Colour})
}

// Listing is one retailer's offers for a product (one per size) over the snapshots.
type Listing struct {
	Retailer string // retailer slug
	Currency string
	// Points has one entry per snapshot.
	Points []Point
}

// Point is a listing's state in one snapshot. Prices are minor units.
type Point struct {
	Listed  bool // false: the item is not in that snapshot's feed
	Regular int64
	Price   int64
	// InStock has one entry per size.
	InStock []bool
}

// OnSale reports whether the point's price is below its regular price.
func (p Point) OnSale() bool { return p.Listed && p.Price < p.Regular }

// Generate builds the demo catalogue for opts.
func Generate(opts Options) *Catalogue {
	opts = opts.withDefaults()
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	n := opts.Days / opts.Step
	c := &Catalogue{Options: opts, Retailers: retailers}
	for k := 0; k < n; k++ {
		c.Snapshots = append(c.Snapshots, opts.Today.AddDate(0, 0, -(n-1-k)*opts.Step))
	}
	for _, cb := range collectionBags {
		c.Products = append(c.Products, cb.product(n))
	}
	g := generator{rng: rng, n: n, styleNo: map[string]int{}}
	// The first pass gives every brand at least one product, so brand pages are never empty;
	// after that brands are drawn at random.
	order := rng.Perm(len(brands))
	for i := 0; len(c.Products) < opts.Products; i++ {
		b, room := brands[rng.IntN(len(brands))], opts.Products-len(c.Products)
		if i < len(order) {
			// Leave room for one product of each brand still to come.
			b, room = brands[order[i]], room-(len(order)-i-1)
		}
		c.Products = append(c.Products, g.style(b, max(room, 1))...)
	}
	trendStories(c) // trends.go
	return c
}

// generator holds the state of one Generate call.
type generator struct {
	rng     *rand.Rand
	n       int
	styleNo map[string]int
}

// style makes one style of brand b in one or two colours (at most room products).
func (g *generator) style(b brand, room int) []Product {
	cat := g.pickCategory(b)
	material := cat.Materials[g.rng.IntN(len(cat.Materials))]
	noun := cat.Nouns[g.rng.IntN(len(cat.Nouns))]
	title := titleCase(material) + " " + noun
	if g.rng.IntN(2) == 0 {
		title = modelNames[g.rng.IntN(len(modelNames))] + " " + title
	}
	g.styleNo[b.Code]++
	style := fmt.Sprintf("%s-%d%s%03d", b.Code, 21+g.rng.IntN(2), typeCode(cat.Type), g.styleNo[b.Code])
	euro := g.price(cat, b.Tier)
	ways := 1
	if room > 1 && g.rng.IntN(10) < 3 {
		ways = 2
	}
	var out []Product
	used := map[string]bool{}
	for w := 0; w < ways; w++ {
		col := g.pickColour(cat)
		if used[col.Family] {
			continue
		}
		used[col.Family] = true
		p := Product{
			Brand: b.Name, Title: title, Colour: col.Name, Family: col.Family, Material: material,
			Type: cat.Type, Dept: string(cat.Dept), Google: cat.Google, ProductType: cat.ProductType,
			MPN:   style + "-" + col.Code,
			Image: imageURL(cat.Type + "-" + col.Family),
			Sizes: cat.Sizing.sizes(), SizeSystem: cat.Sizing.system(), sizing: cat.Sizing,
		}
		p.Description = describe(g.rng, b, cat, p)
		for _, r := range g.pickRetailers(cat.Dept) {
			pl := g.randomPlan(len(p.Sizes))
			p.Listings = append(p.Listings, pl.listing(r, shopPrice(euro, r.Currency), len(p.Sizes), g.n))
		}
		out = append(out, p)
	}
	return out
}

func (g *generator) pickCategory(b brand) category {
	total := 0
	for _, c := range categories {
		if b.Makes&deptKind(c.Dept) != 0 {
			total += c.Weight
		}
	}
	x := g.rng.IntN(total)
	for _, c := range categories {
		if b.Makes&deptKind(c.Dept) == 0 {
			continue
		}
		if x < c.Weight {
			return c
		}
		x -= c.Weight
	}
	panic("unreachable")
}

func deptKind(d department) kinds {
	switch d {
	case bags:
		return makesBags
	case shoes:
		return makesShoes
	}
	return makesClothing
}

func (g *generator) pickColour(cat category) colour {
	switch {
	case cat.Type == "jeans":
		return colourByName(denims[g.rng.IntN(len(denims))])
	case cat.Type == "coat" || cat.Type == "knitwear" || g.rng.IntN(10) < 5:
		return colourByName(neutrals[g.rng.IntN(len(neutrals))])
	}
	return colours[g.rng.IntN(len(colours))]
}

// price draws a euro list price for a piece of category cat from a brand of tier t.
func (g *generator) price(cat category, t tier) float64 {
	lo, hi := float64(cat.Luxury[0]), float64(cat.Luxury[1])
	v := (lo + g.rng.Float64()*(hi-lo)) * t.factor()
	return math.Max(v, 45)
}

// pickRetailers chooses the shops that stock a product: each eligible shop by its reach, and
// at least one.
func (g *generator) pickRetailers(d department) []Retailer {
	var eligible, out []Retailer
	for _, r := range retailers {
		if !r.sells(d) {
			continue
		}
		eligible = append(eligible, r)
		if g.rng.Float64() < r.reach {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		out = append(out, eligible[g.rng.IntN(len(eligible))])
	}
	return out
}

// shopPrice converts a euro price into a shop's list price in minor units, rounded the way
// price lists are: to 5 below 1,000 and to 10 above.
func shopPrice(euro float64, currency string) int64 {
	return shopRound(euro * rate(currency))
}

// typeCode is a category's letter pair in style codes.
func typeCode(t string) string {
	switch t {
	case "micro-bag":
		return "MB"
	case "shoulder-bag":
		return "SB"
	case "tote":
		return "TT"
	case "crossbody":
		return "CB"
	case "sneakers":
		return "SN"
	case "boots":
		return "BT"
	case "sandals":
		return "SD"
	case "heels":
		return "HL"
	case "dress":
		return "DR"
	case "top":
		return "TP"
	case "knitwear":
		return "KN"
	case "jeans":
		return "JN"
	}
	return "CT"
}

// imageURL is where the web layer serves a bundled illustration.
func imageURL(name string) string { return "/static/demo/img/" + name + ".svg" }
