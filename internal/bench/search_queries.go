package bench

import (
	"math/rand/v2"
	"strings"

	"github.com/tagdrop/tagdrop/internal/index"
)

// The kinds of query in the search benchmark's mix, in the order they take turns.
const (
	KindText   = "text+2filters+facets" // two words, a product filter and an offer filter, all facets
	KindBrowse = "browse-all+facets"    // every product, newest first, all facets
	KindBrand  = "brand-page"           // one brand, biggest discount first, all facets
	KindDeep   = "deep-page"            // every product, cheapest first, page 100 to 199
)

// searchKinds are the query kinds in turn order.
var searchKinds = []string{KindText, KindBrowse, KindBrand, KindDeep}

// searchQuery is one query of the mix in a form every engine translates: filters on values
// all three index the same way.
type searchQuery struct {
	kind        string
	text        string
	brand       string
	category    string // a category name (tagdrop: its store id, categoryID)
	categoryID  int64
	colour      string // a colour family
	maxPrice    int64  // euro cents; 0: none
	minDiscount int    // percent; 0: none
	sort        index.Sort
	page        int
	facets      bool
}

// perPage is the page length of every query.
const perPage = 24

// searchQueries draws n queries from docs with seed, the kinds taking turns. Text queries use
// two words of a product's own material and title, so they find something; brands are drawn
// product by product, so big brands come up as often as shoppers visit them.
func searchQueries(docs []searchDoc, n int, seed uint64) []searchQuery {
	r := rand.New(rand.NewPCG(seed, 0x5ea2c4))
	doc := func() *searchDoc {
		for {
			if d := &docs[r.IntN(len(docs))]; d.price >= 0 && len(d.Categories) > 1 {
				return d
			}
		}
	}
	out := make([]searchQuery, 0, n)
	for i := range n {
		q := searchQuery{kind: searchKinds[i%len(searchKinds)], page: 1, facets: true}
		switch q.kind {
		case KindText:
			d := doc()
			words := strings.Fields(strings.ToLower(d.Title))
			q.text = strings.ToLower(d.Material) + " " + words[len(words)-1]
			q.sort = index.SortRelevance
			switch (i / len(searchKinds)) % 3 {
			case 0: // a department and a price ceiling
				c := d.Categories[1]
				q.category, q.categoryID, q.maxPrice = c.Name, c.ID, 100_000
			case 1: // a colour family and a minimum discount
				q.colour, q.minDiscount = d.ColourFamily, 20
			default: // a department and a minimum discount
				c := d.Categories[1]
				q.category, q.categoryID, q.minDiscount = c.Name, c.ID, 30
			}
		case KindBrowse:
			q.sort = index.SortNewest
		case KindBrand:
			q.brand, q.sort = doc().Brand, index.SortDiscount
		case KindDeep:
			q.sort, q.page, q.facets = index.SortPriceLow, 100+r.IntN(100), false
		}
		out = append(out, q)
	}
	return out
}

// tagdropQuery is q as an index.Query.
func (q searchQuery) tagdropQuery() index.Query {
	iq := index.Query{Text: q.text, Sort: q.sort, Page: q.page, PerPage: perPage, Facets: q.facets,
		Currency: "EUR", MaxPrice: q.maxPrice, MinDiscount: q.minDiscount}
	if q.brand != "" {
		iq.Brands = []string{q.brand}
	}
	if q.categoryID != 0 {
		iq.Categories = []int64{q.categoryID}
	}
	if q.colour != "" {
		iq.Colours = []string{q.colour}
	}
	return iq
}

// priceBandEdges are the price facet's bands in euro cents, as tagdrop's index has them.
var priceBandEdges = []int64{0, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000}

// discountThresholds are the discount facet's "at least" thresholds in percent.
var discountThresholds = []int{10, 20, 30, 40, 50, 60, 70}
