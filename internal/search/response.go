package search

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Details reads what a page of hits shows that the index does not keep; the store implements it.
type Details interface {
	ListingsByIDs(ctx context.Context, refs []store.HitRef) (map[int64]store.HitDetail, error)
	Categories(ctx context.Context) ([]catalog.Category, error)
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

// Respond completes an index result with the display data of its hits and category slugs.
func Respond(ctx context.Context, d Details, res index.Result) (Answer, error) {
	a := Answer{Total: res.Total, Page: res.Page, PerPage: res.PerPage, Facets: map[string][]Facet{}}
	refs := make([]store.HitRef, len(res.Hits))
	for i, h := range res.Hits {
		refs[i] = store.HitRef{ProductID: h.ProductID, OfferID: h.Best.OfferID}
	}
	var det map[int64]store.HitDetail
	if len(refs) > 0 {
		var err error
		if det, err = d.ListingsByIDs(ctx, refs); err != nil {
			return Answer{}, err
		}
	}
	for _, h := range res.Hits {
		x := det[h.ProductID]
		a.Hits = append(a.Hits, Hit{
			Listing: store.Listing{ProductID: h.ProductID, Brand: h.Brand, Title: h.Title, ImageURL: x.ImageURL,
				Retailer: h.Best.Retailer, URL: x.URL, Currency: h.Best.Currency, Price: h.Best.Price,
				RegularPrice: h.Best.RegularPrice, Lowest30d: x.Lowest30d, Questionable: h.Best.Questionable,
				Sizes: sizes(h.Sizes), InStock: true, HasOffer: true},
			Category: x.Category, CategorySlug: x.CategorySlug, Offers: h.Offers, OfferID: h.Best.OfferID,
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
	if list := res.Facets[index.FacetCategory]; len(list) > 0 {
		cats, err := d.Categories(ctx)
		if err != nil {
			return Answer{}, err
		}
		byID := make(map[int64]catalog.Category, len(cats))
		for _, c := range cats {
			byID[c.ID] = c
		}
		out := make([]Facet, 0, len(list))
		for _, f := range list {
			id, _ := strconv.ParseInt(f.Value, 10, 64)
			c, ok := byID[id]
			if !ok { // added since the index saw it: skip rather than link to nothing
				continue
			}
			out = append(out, Facet{Value: c.Slug, Label: c.Name, Count: f.Count, Parent: byID[c.ParentID].Slug,
				Depth: strings.Count(c.Path, " > ")})
		}
		a.Facets[index.FacetCategory] = out
	} else {
		a.Facets[index.FacetCategory] = []Facet{}
	}
	return a, nil
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
// numbers in numeric order (systems alphabetically), then anything else.
func SortSizeLabels(labels []string) []string {
	bySystem := map[string][]string{}
	var systems, plain []string
	for _, l := range labels {
		sys, num, ok := strings.Cut(l, " ")
		if _, err := strconv.ParseFloat(strings.Replace(num, ",", ".", 1), 64); ok && err == nil && isWord(sys, 8) {
			if _, seen := bySystem[sys]; !seen {
				systems = append(systems, sys)
			}
			bySystem[sys] = append(bySystem[sys], num)
			continue
		}
		plain = append(plain, l)
	}
	out := store.SortSizes(plain)
	slices.Sort(systems)
	for _, sys := range systems {
		for _, n := range store.SortSizes(bySystem[sys]) {
			out = append(out, sys+" "+n)
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
