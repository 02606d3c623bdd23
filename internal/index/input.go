package index

import (
	"context"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Product is one document of the index: a product and the offers retailers make for it. The
// store's loader fills it; Upsert replaces a product with the same ID whole.
type Product struct {
	ID           int64 // the store's product id
	Title        string
	Brand        string
	Description  string
	Colour       string // the retailer's colour name
	ColourFamily string // catalog.ColourFamily of Colour; derived when empty
	Material     string
	Gender       string // "female", "male", "unisex" or ""
	// Categories is the product's category path, root first, ending with its own category.
	Categories []Category
	// SizeKind is the category's size kind ("tops", "shoes", …; "" for one-size things): it
	// tells a shoe 38 from a dress 38.
	SizeKind  string
	CreatedAt time.Time
	// ImageURL is the product's picture as result cards show it.
	ImageURL string
	Offers   []Offer
}

// Category is one node of a product's category path.
type Category struct {
	ID   int64
	Name string
	// Slug and Path are the store's; when empty the index makes them from the names.
	Slug string
	Path string // "Women > Shoes", the names from the root joined by " > "
}

// Offer is one retailer's item for the product in one size.
type Offer struct {
	ID           int64 // the store's offer id
	Retailer     string
	Size         string // the retailer's size text; "" is one size
	SizeSystem   string // the feed's size system, if any
	Price        int64  // minor units of Currency
	RegularPrice int64
	Currency     string
	Availability catalog.Availability
	// Questionable marks a discount the sale rules doubt (a price raised before the sale, a
	// "regular" price never charged).
	Questionable bool
	FirstSeen    time.Time
	// LastDropAt is when the price last fell and LastDropPct by how much, in whole percent of
	// the price before; zero when it never fell.
	LastDropAt  time.Time
	LastDropPct int
	// Lowest30d is the lowest price of the last 30 days the store keeps for the offer
	// (pricing.Lowest); 0 when unknown. Result cards show the product's lowest among its
	// offers in the shown offer's currency.
	Lowest30d int64
}

// Available reports whether the offer can match a query: anything but out of stock.
func (o Offer) Available() bool { return o.Availability != catalog.OutOfStock }

// OnSale reports whether the offer is below its regular price.
func (o Offer) OnSale() bool { return o.Price > 0 && o.RegularPrice > o.Price }

// DiscountPct is the whole-percent discount off the regular price.
func (o Offer) DiscountPct() int { return catalog.DiscountPct(o.Price, o.RegularPrice) }

// Loader feeds the index at start: it calls fn once per product, in any order, and stops at
// fn's first error. The store implements it.
type Loader interface {
	LoadProducts(ctx context.Context, fn func(Product) error) error
}
