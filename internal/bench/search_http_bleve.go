//go:build bench_bleve

package bench

import (
	"context"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/search"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/web"
)

// newBleveSearcher makes the bleve page peer: the search benchmark's bleve index of docs
// behind web.Searcher, so the search page runs on it unchanged.
var newBleveSearcher = func(ctx context.Context, docs []searchDoc) (web.Searcher, func(), error) {
	e := &bleveEngine{}
	if err := e.build(ctx, docs); err != nil {
		return nil, nil, err
	}
	s := &bleveSearcher{e: e, hits: make(map[string]index.Hit, len(docs)), catNames: map[int64]string{}, catIDs: map[string]string{},
		catNodes: map[string]*index.CategoryNode{}}
	rates := index.DefaultRates()
	for _, d := range docs {
		s.hits[strconv.FormatInt(d.ID, 10)] = hitOf(d, rates)
		parent := ""
		for _, c := range d.Categories {
			s.catNames[c.ID] = c.Name
			if _, ok := s.catIDs[c.Name]; !ok {
				s.catIDs[c.Name] = strconv.FormatInt(c.ID, 10)
				s.catNodes[c.Name] = &index.CategoryNode{ID: c.ID, Slug: c.Slug, Name: c.Name, Path: c.Path, Parent: parent,
					Depth: strings.Count(c.Path, " > ")}
			}
			parent = c.Slug
		}
	}
	return s, func() { e.close() }, nil
}

// bleveSearcher answers the search page's queries with bleve. Hits are filled from what the
// documents held when indexed (their cheapest offer in stock), as a site storing those fields
// in bleve would show them. Queries using a filter the peer does not index (sizes, retailers,
// several values of one filter, …) are answered without it and counted in unsupported.
type bleveSearcher struct {
	e           *bleveEngine
	hits        map[string]index.Hit
	catNames    map[int64]string  // category id → name (the peer's category field holds names)
	catIDs      map[string]string // name → id, for the category facet's values
	catNodes    map[string]*index.CategoryNode
	unsupported atomic.Int64
}

func (s *bleveSearcher) Search(q index.Query) index.Result {
	sq := searchQuery{text: q.Text, sort: q.Sort, page: max(q.Page, 1), facets: q.Facets, maxPrice: q.MaxPrice, minDiscount: q.MinDiscount}
	if len(q.Brands) == 1 {
		sq.brand = q.Brands[0]
	}
	if len(q.Categories) == 1 {
		sq.category = s.catNames[q.Categories[0]]
	}
	if len(q.Colours) == 1 {
		sq.colour = q.Colours[0]
	}
	if len(q.Brands) > 1 || len(q.Categories) > 1 || len(q.Colours) > 1 || len(q.Sizes) > 0 || len(q.Retailers) > 0 ||
		q.OnSale || q.MinPrice > 0 || !q.NewSince.IsZero() || len(q.Genders) > 0 {
		s.unsupported.Add(1)
	}
	res, facets, err := s.e.search(sq)
	out := index.Result{Page: sq.page, PerPage: perPage, Facets: map[string][]index.FacetCount{}}
	if err != nil {
		return out
	}
	out.Total = int(res.Total)
	for _, h := range res.Hits {
		if hit, ok := s.hits[h.ID]; ok {
			out.Hits = append(out.Hits, hit)
		}
	}
	for name, f := range facets {
		out.Facets[facetName(name)] = s.facetCounts(name, f)
	}
	return out
}

// Unsupported is how many queries used a filter the peer ignores.
func (s *bleveSearcher) Unsupported() int64 { return s.unsupported.Load() }

func facetName(name string) string {
	if name == "colour" {
		return index.FacetColour
	}
	return name
}

func (s *bleveSearcher) facetCounts(name string, f *search.FacetResult) []index.FacetCount {
	var out []index.FacetCount
	if f == nil {
		return out
	}
	if f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			f := index.FacetCount{Value: t.Term, Label: t.Term, Count: t.Count}
			if name == "category" {
				f.Value, f.Node = s.catIDs[t.Term], s.catNodes[t.Term]
			}
			out = append(out, f)
		}
	}
	for _, r := range f.NumericRanges {
		if r.Count == 0 {
			continue
		}
		v := r.Name
		if name == "price" {
			if i, err := strconv.Atoi(r.Name); err == nil {
				v = index.PriceBandLabel(i)
			}
		}
		out = append(out, index.FacetCount{Value: v, Label: v, Count: r.Count})
	}
	return out
}

// hitOf is a document's hit: its cheapest offer in stock, with what its card shows kept
// beside it like tagdrop's index keeps it (image, category, 30-day low), so neither page
// reads the store.
func hitOf(d searchDoc, rates index.Rates) index.Hit {
	h := index.Hit{ProductID: d.ID, Title: d.Title, Brand: d.Brand, Sizes: d.sizes, ImageURL: d.ImageURL}
	if n := len(d.Categories); n > 0 {
		h.Category, h.CategorySlug = d.Categories[n-1].Path, d.Categories[n-1].Slug
	}
	best := int64(-1)
	for _, o := range d.Offers {
		if !o.Available() {
			continue
		}
		h.Offers++
		eur, ok := rates.ToBase(o.Price, o.Currency)
		if !ok || (best >= 0 && eur >= best) {
			continue
		}
		best = eur
		h.Best = index.BestOffer{OfferID: o.ID, Retailer: o.Retailer, Size: sizeValue(o.Size), Price: o.Price,
			RegularPrice: o.RegularPrice, Currency: o.Currency, DiscountPct: o.DiscountPct(), Questionable: o.Questionable,
			Converted: eur, ConvertedOK: true}
	}
	for _, o := range d.Offers {
		if o.Currency == h.Best.Currency && o.Lowest30d > 0 && (h.Lowest30d == 0 || o.Lowest30d < h.Lowest30d) {
			h.Lowest30d = o.Lowest30d
		}
	}
	return h
}
