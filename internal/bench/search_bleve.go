//go:build bench_bleve

// The bleve peer pulls in some thirty modules, so it is built only with the bench_bleve tag:
// go build -tags bench_bleve ./cmd/tagdrop

package bench

import (
	"context"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// newBleve makes the bleve peer; nil in builds without the bench_bleve tag.
var newBleve = func() searchEngine { return &bleveEngine{} }

// bleveEngine is the bleve peer: bleve v2 in memory, one document per product with the same
// text fields (English analysis), keyword fields for the facets and filters, numeric fields
// for price, discount and newest, and one request per query plus one per facet whose own
// filter is on (bleve counts facets over a request's hits, so multi-select needs them).
type bleveEngine struct {
	ix bleve.Index
}

func (e *bleveEngine) build(ctx context.Context, docs []searchDoc) error {
	text := func() *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = "en"
		return f
	}
	keyword := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.IncludeInAll = false
		return f
	}
	numeric := func() *mapping.FieldMapping {
		f := bleve.NewNumericFieldMapping()
		f.IncludeInAll = false
		return f
	}
	dm := bleve.NewDocumentMapping()
	for _, name := range []string{"title", "brand_text", "description", "colour_text", "material", "category_text"} {
		dm.AddFieldMappingsAt(name, text())
	}
	for _, name := range []string{"brand", "category", "size", "colour", "retailer"} {
		dm.AddFieldMappingsAt(name, keyword())
	}
	for _, name := range []string{"price", "discount", "newest"} {
		dm.AddFieldMappingsAt(name, numeric())
	}
	im := bleve.NewIndexMapping()
	im.DefaultMapping = dm
	im.DefaultAnalyzer = "en"
	ix, err := bleve.NewMemOnly(im)
	if err != nil {
		return err
	}
	e.ix = ix
	b := ix.NewBatch()
	for i, d := range docs {
		doc := map[string]any{
			"title": d.Title, "brand_text": d.Brand, "description": d.Description,
			"colour_text": d.Colour, "material": d.Material, "category_text": strings.Join(d.catNames, " "),
			"brand": d.Brand, "category": d.catNames, "size": d.sizes, "colour": d.ColourFamily,
			"retailer": d.retailers, "price": float64(d.price), "discount": float64(d.discount),
			"newest": float64(d.newest),
		}
		if err := b.Index(strconv.FormatInt(d.ID, 10), doc); err != nil {
			return err
		}
		if b.Size() == 1000 || i == len(docs)-1 {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := ix.Batch(b); err != nil {
				return err
			}
			b = ix.NewBatch()
		}
	}
	return nil
}

func floatPtr(v float64) *float64 { return &v }

// bleveQuery is q's query without the filter named in skip (see fts5Where).
func bleveQuery(q searchQuery, skip string) query.Query {
	inclusive := true
	qs := []query.Query{}
	in := bleve.NewNumericRangeInclusiveQuery(floatPtr(0), nil, &inclusive, nil) // an offer in stock
	in.SetField("price")
	qs = append(qs, in)
	if q.text != "" {
		mq := bleve.NewMatchQuery(q.text)
		mq.SetOperator(query.MatchQueryOperatorAnd)
		qs = append(qs, mq)
	}
	term := func(field, v string) {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs = append(qs, t)
	}
	if q.brand != "" && skip != "brand" {
		term("brand", q.brand)
	}
	if q.category != "" && skip != "category" {
		term("category", q.category)
	}
	if q.colour != "" && skip != "colour" {
		term("colour", q.colour)
	}
	if q.maxPrice > 0 && skip != "price" {
		r := bleve.NewNumericRangeInclusiveQuery(nil, floatPtr(float64(q.maxPrice)), nil, &inclusive)
		r.SetField("price")
		qs = append(qs, r)
	}
	if q.minDiscount > 0 && skip != "discount" {
		r := bleve.NewNumericRangeInclusiveQuery(floatPtr(float64(q.minDiscount)), nil, &inclusive, nil)
		r.SetField("discount")
		qs = append(qs, r)
	}
	return bleve.NewConjunctionQuery(qs...)
}

// bleveFacet is the facet request of one facet.
func bleveFacet(name string) *bleve.FacetRequest {
	switch name {
	case "price":
		f := bleve.NewFacetRequest("price", len(priceBandEdges))
		for i, lo := range priceBandEdges {
			var hi *float64
			if i+1 < len(priceBandEdges) {
				hi = floatPtr(float64(priceBandEdges[i+1]))
			}
			f.AddNumericRange(strconv.Itoa(i), floatPtr(float64(lo)), hi)
		}
		return f
	case "discount":
		f := bleve.NewFacetRequest("discount", len(discountThresholds))
		for _, t := range discountThresholds {
			f.AddNumericRange(strconv.Itoa(t), floatPtr(float64(t)), nil)
		}
		return f
	case "brand":
		return bleve.NewFacetRequest(name, 1000)
	}
	return bleve.NewFacetRequest(name, 200)
}

func (e *bleveEngine) run(q searchQuery) (int, error) {
	res, _, err := e.search(q)
	if err != nil {
		return 0, err
	}
	return int(res.Total), nil
}

// search answers q: the page of hits with the facets whose own filter is off, and the facets
// whose own filter is on, each counted by a request without that filter (bleve counts facets
// over a request's hits, so multi-select needs them).
func (e *bleveEngine) search(q searchQuery) (*bleve.SearchResult, search.FacetResults, error) {
	req := bleve.NewSearchRequestOptions(bleveQuery(q, ""), perPage, (q.page-1)*perPage, false)
	switch q.sort {
	case "newest":
		req.SortBy([]string{"-newest", "_id"})
	case "discount":
		req.SortBy([]string{"-discount", "_id"})
	case "price_low":
		req.SortBy([]string{"price", "_id"})
	default:
		req.SortBy([]string{"-_score", "-newest", "_id"})
	}
	filtered := map[string]bool{"brand": q.brand != "", "category": q.category != "", "colour": q.colour != "",
		"price": q.maxPrice > 0, "discount": q.minDiscount > 0}
	var extra []string
	if q.facets {
		for _, name := range []string{"brand", "category", "size", "colour", "retailer", "price", "discount"} {
			if filtered[name] {
				extra = append(extra, name)
			} else {
				req.AddFacet(name, bleveFacet(name))
			}
		}
	}
	res, err := e.ix.Search(req)
	if err != nil {
		return nil, nil, err
	}
	facets := search.FacetResults{}
	for name, f := range res.Facets {
		facets[name] = f
	}
	for _, name := range extra {
		fr := bleve.NewSearchRequestOptions(bleveQuery(q, name), 0, 0, false)
		fr.AddFacet(name, bleveFacet(name))
		r, err := e.ix.Search(fr)
		if err != nil {
			return nil, nil, err
		}
		facets[name] = r.Facets[name]
	}
	return res, facets, nil
}

func (e *bleveEngine) memory() float64 { return -1 }

func (e *bleveEngine) close() error {
	if e.ix == nil {
		return nil
	}
	return e.ix.Close()
}
