package demo

import (
	"time"

	"github.com/tagdrop/tagdrop/internal/editorial"
)

// CollectionSlug is the demo collection's address under /collections/.
const CollectionSlug = "the-micro-bags-of-2021"

// collectionBag is one of the six hand-written products of the demo collection, with a scripted
// price story at each shop that sells it.
type collectionBag struct {
	Brand, Title, Colour, Family, Material, MPN, Image string
	Description, Blurb                                 string
	Euro                                               float64
	Shops                                              []script
}

// script is a listing's story as shares of the history (0 = oldest snapshot, 1 = today);
// a negative share means "never".
type script struct {
	Retailer          string
	Appear            float64
	SaleAt            float64
	SalePct           int
	DropAt            float64
	DropPct           int
	SoldOutAt, BackAt float64
}

// collectionBags are the bags of "The Micro Bags of 2021": micro bags worn as charms on bigger
// bags. By Far and See by Chloé end on sale, Manu Atelier drops further, Jacquemus sells out and
// comes back.
var collectionBags = []collectionBag{
	{
		Brand: "Manu Atelier", Title: "Micro Duffle Bag with Double Chain Strap", Colour: "Cream", Family: "cream",
		Material: "Calf leather", MPN: "MA-21MB001-CRM", Image: "collection-manu-atelier-micro-duffle",
		Description: "A cream calf leather duffle in miniature, hung from a thick yellow-gold double chain that " +
			"ends in a lobster-claw clasp, so it clips onto a bigger bag as easily as onto a belt loop.",
		Blurb: "The one that started it. Clip the lobster claw to the handle of your everyday tote and the " +
			"heavy gold chain does the talking; unclip it at night and it is a bag in its own right, just.",
		Euro: 545,
		Shops: []script{
			{Retailer: "atelier-row", SaleAt: 0.55, SalePct: 25, DropAt: 0.85, DropPct: 40, SoldOutAt: -1, BackAt: -1},
			{Retailer: "petit-sac", SaleAt: 0.7, SalePct: 20, DropAt: 0.9, DropPct: 35, SoldOutAt: -1, BackAt: -1},
		},
	},
	{
		Brand: "By Far", Title: "Lime Leather Micro Bag", Colour: "Lime", Family: "green",
		Material: "Semi-patent leather", MPN: "BF-21MB001-LIM", Image: "collection-by-far-lime",
		Description: "A top-handle micro bag in glossy lime green leather with a rounded base and a " +
			"detachable shoulder strap.",
		Blurb: "Acid lime on a black shoulder bag is the whole look. The glossy leather keeps the shape " +
			"crisp, and the rounded handle loops over a bigger strap without a clasp at all.",
		Euro: 330,
		Shops: []script{
			{Retailer: "maison-lune", SaleAt: 0.6, SalePct: 30, DropAt: -1, SoldOutAt: -1, BackAt: -1},
			{Retailer: "northbound-store", SaleAt: -1, DropAt: -1, SoldOutAt: 0.4, BackAt: 0.7},
			{Retailer: "petit-sac", SaleAt: 0.75, SalePct: 25, DropAt: -1, SoldOutAt: -1, BackAt: -1},
		},
	},
	{
		Brand: "Jacquemus", Title: "Le Micro Bag", Colour: "Tan", Family: "brown",
		Material: "Smooth leather", MPN: "JQ-21MB001-TAN", Image: "collection-jacquemus-le-micro",
		Description: "A palm-sized structured top-handle bag in tan leather with a gold-tone logo plate " +
			"and a thin removable strap.",
		Blurb: "Small enough to be a joke, polished enough to be serious. It sold out twice this season; " +
			"it is back in stock now, at full price, and we doubt it will wait for the sale.",
		Euro: 450,
		Shops: []script{
			{Retailer: "atelier-row", SaleAt: -1, DropAt: -1, SoldOutAt: 0.3, BackAt: 0.8},
			{Retailer: "rue-vintage-modern", SaleAt: -1, DropAt: -1, SoldOutAt: 0.5, BackAt: 0.9},
		},
	},
	{
		Brand: "Melie Bianco", Title: "Croc-Embossed Vegan Leather Micro Bag with Colour-Block Chain", Colour: "Emerald", Family: "green",
		Material: "Vegan leather (polyurethane)", MPN: "MB-21MB001-EME", Image: "collection-melie-bianco-croc",
		Description: "An emerald micro bag in crocodile-embossed vegan leather on a chain whose links are " +
			"enamelled in blocks of colour.",
		Blurb: "The croc texture catches the light and the colour-blocked chain is the fun part. At this " +
			"price it is the easiest way to try the trend, and no animal was involved.",
		Euro: 95,
		Shops: []script{
			{Retailer: "rue-vintage-modern", SaleAt: 0.8, SalePct: 20, DropAt: -1, SoldOutAt: -1, BackAt: -1},
			{Retailer: "maison-lune", SaleAt: -1, DropAt: -1, SoldOutAt: -1, BackAt: -1},
		},
	},
	{
		Brand: "See by Chloé", Title: "Faux Fur Miniature Bag", Colour: "Blush", Family: "pink",
		Material: "Faux fur", MPN: "SC-21MB001-BLS", Image: "collection-see-by-chloe-faux-fur",
		Description: "A miniature bag covered in soft blush faux fur, with a leather top handle and a " +
			"zip closure.",
		Blurb: "Part bag, part pet. Hang the fuzzy one from a sleek leather bag for contrast; it is warm " +
			"enough to make a winter coat look planned.",
		Euro: 295,
		Shops: []script{
			{Retailer: "northbound-store", SaleAt: 0.6, SalePct: 40, DropAt: -1, SoldOutAt: -1, BackAt: -1},
			{Retailer: "atelier-row", SaleAt: 0.7, SalePct: 30, DropAt: -1, SoldOutAt: -1, BackAt: -1},
		},
	},
	{
		Brand: "See by Chloé", Title: "Tiny Leather Purse", Colour: "Caramel", Family: "brown",
		Material: "Grained leather", MPN: "SC-21MB002-CAR", Image: "collection-see-by-chloe-tiny-purse",
		Description: "A tiny caramel purse in grained leather with a scalloped flap, a press-stud closure " +
			"and a short wrist strap.",
		Blurb: "Lip balm, one card, one key: that is the brief. The scalloped flap is a sweet detail, and " +
			"the wrist strap doubles as a loop for hanging it off a larger bag.",
		Euro: 250,
		Shops: []script{
			{Retailer: "maison-lune", SaleAt: 0.65, SalePct: 30, DropAt: -1, SoldOutAt: -1, BackAt: -1},
			{Retailer: "petit-sac", Appear: 0.5, SaleAt: -1, DropAt: -1, SoldOutAt: -1, BackAt: -1},
		},
	},
}

// at turns a share of the history into a snapshot index (-1 stays -1).
func at(share float64, n int) int {
	if share < 0 {
		return -1
	}
	return min(int(share*float64(n)), n-1)
}

func (cb collectionBag) product(n int) Product {
	p := Product{
		Brand: cb.Brand, Title: cb.Title, Description: cb.Description, Colour: cb.Colour, Family: cb.Family,
		Material: cb.Material, Type: "micro-bag", Dept: string(bags), Google: handbags,
		ProductType: "Women > Bags > Mini & Micro Bags", MPN: cb.MPN, Image: imageURL(cb.Image),
		Sizes: oneSize.sizes(), Collection: true, sizing: oneSize,
	}
	for _, s := range cb.Shops {
		pl := newPlan(1, n)
		pl.appear = max(at(s.Appear, n), 0)
		pl.saleAt, pl.salePct = at(s.SaleAt, n), s.SalePct
		pl.dropAt, pl.dropPct = at(s.DropAt, n), s.DropPct
		pl.stock[0].outAt, pl.stock[0].backAt = at(s.SoldOutAt, n), at(s.BackAt, n)
		r := retailerBySlug(s.Retailer)
		p.Listings = append(p.Listings, pl.listing(r, shopPrice(cb.Euro, r.Currency), 1, n))
	}
	return p
}

// CollectionIntro is the Markdown introduction of the demo collection, written for tagdrop.
const CollectionIntro = `Somewhere in 2021 the bag stopped being the point and the bag *on* the bag took over.
Micro bags, too small for a phone and proud of it, started turning up clipped to the handles of
big leather totes, swinging from chain straps and hooked onto belt loops like charms.

We picked six that sum up the year: a cream duffle on a chain heavy enough to anchor a boat, a
lime green top-handle that glows against black, the palm-sized Jacquemus that kept selling out,
a croc-embossed vegan option with a colour-blocked chain, and two See by Chloé minis, one fuzzy
and one barely there.

Prices below are live from the shops we track. Several are on sale right now; follow the brands
and tagdrop will tell you when they drop in your size.`

// Collection is the demo's curated collection, published, with the six bags by product key.
func Collection(now time.Time) editorial.Collection {
	c := editorial.Collection{
		Slug:       CollectionSlug,
		Title:      "The Micro Bags of 2021",
		CoverImage: imageURL(collectionBags[0].Image),
		IntroMD:    CollectionIntro,
		Status:     editorial.Published,
		PublishAt:  now,
	}
	for _, cb := range collectionBags {
		p := cb.product(1)
		c.Items = append(c.Items, editorial.Item{ProductKey: p.Key(), Blurb: cb.Blurb})
	}
	return c
}
