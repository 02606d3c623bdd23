package index

import (
	"strconv"
	"time"
)

// Sort orders search results.
type Sort string

// The sorts; see the package documentation for what each orders by.
const (
	SortRelevance Sort = "relevance"
	SortDiscount  Sort = "discount"
	SortPriceLow  Sort = "price_low"
	SortPriceHigh Sort = "price_high"
	SortNewest    Sort = "newest"
	SortDrop      Sort = "drop"
)

// Facet names, as keys of Result.Facets (the spelling of tagdrop search --json).
const (
	FacetBrand    = "brand"
	FacetCategory = "category"
	FacetSize     = "size"
	FacetColour   = "color"
	FacetRetailer = "retailer"
	FacetPrice    = "price"
	FacetDiscount = "discount"
)

// Paging limits.
const (
	DefaultPerPage = 24
	MaxPerPage     = 100
	// MaxWindow caps how deep pages go: hits past the first MaxWindow are never returned
	// (Total still counts them). Deep pages cost a selection of Page×PerPage hits.
	MaxWindow = 10_000
	// DefaultDropWindow is how recent a price drop must be for SortDrop.
	DefaultDropWindow = 14 * 24 * time.Hour
)

// priceBands are the price facet's band edges in major units of the query currency: each band
// runs from its edge (inclusive) to the next (exclusive); the last is open.
var priceBands = [numPriceBands]int64{0, 50, 100, 200, 500, 1000, 2000}

const numPriceBands = 7

// discountBands are the discount facet's thresholds in percent: band "30" counts products
// with a matching offer at least 30% off, like Query.MinDiscount 30 would.
var discountBands = [numDiscountBands]int{10, 20, 30, 40, 50, 60, 70}

const numDiscountBands = 7

// PriceBandLabel is the facet value of price band i: "0-50", …, "2000+".
func PriceBandLabel(i int) string {
	if i == len(priceBands)-1 {
		return strconv.FormatInt(priceBands[i], 10) + "+"
	}
	return strconv.FormatInt(priceBands[i], 10) + "-" + strconv.FormatInt(priceBands[i+1], 10)
}

// Query is one search. Zero values mean "no filter". Within one filter the values are
// alternatives (brand A or brand B); different filters all apply.
type Query struct {
	// Text is matched word by word (every word must match); TypeAhead also matches the last
	// word as a prefix ("chlo" finds Chloé).
	Text      string
	TypeAhead bool

	// Product filters.
	Brands     []string // any spelling that folds to the brand's name
	Categories []int64  // store category ids; each matches its descendants too
	Colours    []string // colour families (catalog.ColourFamilies)
	Materials  []string
	Genders    []string
	SizeKind   string // only products whose category takes this size kind ("shoes", "tops", …)

	// Offer filters: one offer of the product must pass them all.
	Retailers []string
	// Sizes are size labels ("EU 38", "UK 5", "M", "W28"; see SizeLabel) an available offer
	// must have, in its own system or converted. One-size offers match a size filter only
	// with IncludeOneSize.
	Sizes          []string
	IncludeOneSize bool
	// Currency is the shopper's currency for MinPrice, MaxPrice, price bands and converted
	// hit prices; the rate table's base when empty.
	Currency         string
	MinPrice         int64 // minor units of Currency; inclusive
	MaxPrice         int64 // minor units of Currency; inclusive; 0 means no upper bound
	MinDiscount      int   // percent
	OnSale           bool
	HideQuestionable bool
	NewSince         time.Time // offers first seen at or after

	Sort       Sort
	Now        time.Time     // for SortDrop; time.Now() when zero
	DropWindow time.Duration // for SortDrop; DefaultDropWindow when zero
	Page       int           // 1-based
	PerPage    int

	// Facets asks for facet counts; SizeSystem limits the size facet to labels of that
	// system (and letter, waist and one-size labels, which have no system).
	Facets     bool
	SizeSystem string
}

// Result is the answer to a Query.
type Result struct {
	Total   int // matching products
	Page    int
	PerPage int
	Hits    []Hit
	// Facets maps facet names to their values with non-zero counts: brand, colour, size,
	// retailer and category by count (then value), price and discount in band order.
	Facets map[string][]FacetCount
}

// Hit is one matching product.
type Hit struct {
	ProductID int64
	Title     string
	Brand     string
	Score     float64 // text relevance; 0 without text
	Best      BestOffer
	Sizes     []string // labels of sizes in stock among offers passing the other filters
	Offers    int      // matching offers

	// What a result card shows besides (display.go), so a page needs no database read.
	ImageURL     string
	Category     string // the product's own category's path; "" when it has none
	CategorySlug string
	// Lowest30d is the lowest 30-day low among the product's offers in Best's currency; 0 when
	// none is known.
	Lowest30d int64
}

// BestOffer is a hit's cheapest matching offer.
type BestOffer struct {
	OfferID      int64
	Retailer     string
	Size         string // its size label
	Price        int64
	RegularPrice int64
	Currency     string
	DiscountPct  int
	Questionable bool
	// Converted is Price in the query's currency; ConvertedOK is false when the rate
	// table lacks the offer's currency.
	Converted   int64
	ConvertedOK bool
}

// FacetCount is one value of a facet: Value is what a Query takes (a brand name, a store
// category id, a size label, a band), Label what people read.
type FacetCount struct {
	Value string
	Label string
	Count int
	// Node describes a category facet value (its slug, parent and depth); nil for other
	// facets and from engines that do not know the tree.
	Node *CategoryNode
}
