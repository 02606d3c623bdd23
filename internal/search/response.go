package search

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

// OfferURLs reads the retailer pages of offers, by store offer id; the store implements it.
// Only the JSON answers need them (cards link to tagdrop's own product pages), so they are
// the one display field the index does not keep.
type OfferURLs interface {
	OfferURLs(ctx context.Context, offerIDs []int64) (map[int64]string, error)
}

// Answer is a search's page of hits with their display data, and its facets.
type Answer struct {
	Total   int
	Page    int
	PerPage int
	Hits    []Hit
	// Facets by name (index.FacetBrand, …). Category values are slugs.
	Facets map[string][]Facet
}

// Hit is one product found, shaped as a result card: store.Listing is what the card partial
// shows, with the best matching offer's prices.
type Hit struct {
	store.Listing
	Category     string // the category's path
	CategorySlug string
	Offers       int   // matching offers
	OfferID      int64 // the shown (best) offer's store id
}

// Facet is one value of a facet with how many products it would find.
type Facet struct {
	Value string
	Label string
	Count int
	// Parent is a category facet value's parent slug ("" at the root) and Depth its distance
	// from the root, so pages can show the next level down.
	Parent string
	Depth  int
}

// Respond shapes an index result as pages show it. Everything a result card needs comes from
// the index itself (image, category, 30-day low, prices, sizes), so answering a page reads
// nothing from the database; AddURLs adds the retailer links the JSON answers carry.
func Respond(res index.Result) Answer {
	a := Answer{Total: res.Total, Page: res.Page, PerPage: res.PerPage, Hits: make([]Hit, 0, len(res.Hits)),
		Facets: make(map[string][]Facet, len(res.Facets)+1)}
	for _, h := range res.Hits {
		a.Hits = append(a.Hits, Hit{
			Listing: store.Listing{ProductID: h.ProductID, Brand: h.Brand, Title: h.Title, ImageURL: h.ImageURL,
				Retailer: h.Best.Retailer, Currency: h.Best.Currency, Price: h.Best.Price,
				RegularPrice: h.Best.RegularPrice, Lowest30d: h.Lowest30d, Questionable: h.Best.Questionable,
				Sizes: sizes(h.Sizes), InStock: true, HasOffer: true},
			Category: h.Category, CategorySlug: h.CategorySlug, Offers: h.Offers, OfferID: h.Best.OfferID,
		})
	}
	for name, list := range res.Facets {
		if name == index.FacetCategory {
			continue
		}
		out := make([]Facet, len(list))
		for i, f := range list {
			out[i] = Facet{Value: f.Value, Label: f.Label, Count: f.Count}
		}
		a.Facets[name] = out
	}
	cats := []Facet{}
	for _, f := range res.Facets[index.FacetCategory] {
		if f.Node == nil { // an engine that does not know the tree: nothing to link to
			continue
		}
		cats = append(cats, Facet{Value: f.Node.Slug, Label: f.Node.Name, Count: f.Count, Parent: f.Node.Parent, Depth: f.Node.Depth})
	}
	a.Facets[index.FacetCategory] = cats
	return a
}

// AddURLs fills in the retailer page of each hit's shown offer, in one read; a vanished offer
// keeps an empty URL.
func AddURLs(ctx context.Context, u OfferURLs, a *Answer) error {
	ids := make([]int64, 0, len(a.Hits))
	for _, h := range a.Hits {
		if h.OfferID != 0 {
			ids = append(ids, h.OfferID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	urls, err := u.OfferURLs(ctx, ids)
	if err != nil {
		return err
	}
	for i := range a.Hits {
		a.Hits[i].URL = urls[a.Hits[i].OfferID]
	}
	return nil
}

// sizes orders size labels the way a size picker does (store.SortSizes), system by system:
// "EU 36", "EU 38", "EU 40" rather than "EU 36", "EU 40", "EU 38".
func sizes(labels []string) []string {
	if len(labels) == 0 {
		return nil
	}
	return SortSizeLabels(append([]string(nil), labels...))
}

// SortSizeLabels orders index size labels: letter sizes from XXS up, then each system's
// numbers in numeric order (systems alphabetically), then anything else. A system's numbers
// are ordered here by their value, then spelling, as store.SortSizes would order them (only
// numbers reach a system), without parsing them again at every comparison: every result card
// sorts its sizes.
func SortSizeLabels(labels []string) []string {
	type num struct {
		s string
		f float64
	}
	var bySystem map[string][]num
	var systems, plain []string
	for _, l := range labels {
		sys, n, ok := strings.Cut(l, " ")
		if !ok || !isWord(sys, 8) {
			plain = append(plain, l)
			continue
		}
		f, err := strconv.ParseFloat(strings.Replace(n, ",", ".", 1), 64)
		if err != nil {
			plain = append(plain, l)
			continue
		}
		if bySystem == nil {
			bySystem = map[string][]num{}
		}
		if _, seen := bySystem[sys]; !seen {
			systems = append(systems, sys)
		}
		bySystem[sys] = append(bySystem[sys], num{n, f})
	}
	out := store.SortSizes(plain)
	slices.Sort(systems)
	for _, sys := range systems {
		nums := bySystem[sys]
		slices.SortFunc(nums, func(a, b num) int {
			if a.f != b.f {
				return cmp.Compare(a.f, b.f)
			}
			return strings.Compare(a.s, b.s)
		})
		for i, n := range nums {
			if i > 0 && n.s == nums[i-1].s {
				continue
			}
			out = append(out, sys+" "+n.s)
		}
	}
	return out
}

// JSON is the machine-readable answer of GET /api/v1/search and `tagdrop search --json`.
type JSON struct {
	Total   int                    `json:"total"`
	Page    int                    `json:"page"`
	PerPage int                    `json:"per_page"`
	Results []JSONResult           `json:"results"`
	Facets  map[string][]JSONFacet `json:"facets"`
}

// JSONResult is one product of a JSON answer, with its best matching offer's prices as decimal
// strings ("1299.00").
type JSONResult struct {
	ID           int64    `json:"id"`
	Title        string   `json:"title"`
	Brand        string   `json:"brand"`
	Category     string   `json:"category"`
	URL          string   `json:"url"`
	Image        string   `json:"image"`
	Retailer     string   `json:"retailer"`
	Price        string   `json:"price"`
	RegularPrice string   `json:"regular_price"`
	Currency     string   `json:"currency"`
	DiscountPct  int      `json:"discount_pct"`
	Lowest30d    *string  `json:"lowest_30d"` // null when no history is known
	Questionable bool     `json:"questionable"`
	Sizes        []string `json:"sizes"`
	Offers       int      `json:"offers"`
}

// JSONFacet is one facet value.
type JSONFacet struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"` // when it differs from value (categories)
	Count int    `json:"count"`
}

// JSON shapes the answer for machines. Every facet of the contract is present, empty or not.
func (a Answer) JSON() JSON {
	out := JSON{Total: a.Total, Page: a.Page, PerPage: a.PerPage, Results: []JSONResult{}, Facets: map[string][]JSONFacet{}}
	for _, h := range a.Hits {
		r := JSONResult{ID: h.ProductID, Title: h.Title, Brand: h.Brand, Category: h.Category, URL: h.URL,
			Image: h.ImageURL, Retailer: h.Retailer, Price: catalog.FormatDecimal(h.Price, h.Currency),
			RegularPrice: catalog.FormatDecimal(h.RegularPrice, h.Currency), Currency: h.Currency,
			DiscountPct: h.DiscountPct(), Questionable: h.Questionable, Sizes: h.Sizes, Offers: h.Offers}
		if r.Sizes == nil {
			r.Sizes = []string{}
		}
		if h.Lowest30d > 0 {
			s := catalog.FormatDecimal(h.Lowest30d, h.Currency)
			r.Lowest30d = &s
		}
		out.Results = append(out.Results, r)
	}
	for _, name := range []string{index.FacetBrand, index.FacetCategory, index.FacetSize, index.FacetColour,
		index.FacetRetailer, index.FacetPrice, index.FacetDiscount} {
		list := []JSONFacet{}
		for _, f := range a.Facets[name] {
			jf := JSONFacet{Value: f.Value, Count: f.Count}
			if f.Label != f.Value {
				jf.Label = f.Label
			}
			list = append(list, jf)
		}
		out.Facets[name] = list
	}
	return out
}
