package web

import (
	"net/http"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
)

// homeSaleItems is how many sale items the home page shows: enough for a few screens on a phone
// and several rows of five on a desktop.
const homeSaleItems = 48

// homeView is the home page's view.
type homeView struct {
	page
	// Featured is the newest published collection; nil when there is none.
	Featured *collectionCard
	Sales    []search.Hit
	// OnSale and Brands count every product on sale and their brands, not just those shown.
	OnSale int
	Brands int
}

// collectionCard is a collection shown as a teaser: cover, title, excerpt and a strip of items.
type collectionCard struct {
	Slug       string
	Title      string
	CoverImage string
	Excerpt    string
	Thumbs     []store.CollectionEntry
	Count      int
	OnSale     int
}

func (s *Server) newCollectionCard(c store.CollectionView, thumbs int) *collectionCard {
	card := &collectionCard{Slug: c.Slug, Title: c.Title, CoverImage: c.CoverImage,
		Excerpt: s.md.Excerpt(c.IntroMD, 220), Count: len(c.Entries)}
	for _, e := range c.Entries {
		if e.OnSale() {
			card.OnSale++
		}
	}
	card.Thumbs = c.Entries[:min(thumbs, len(c.Entries))]
	return card
}

func (s *Server) home(w http.ResponseWriter, r *http.Request) {
	if s.noIndex(w, r) {
		return
	}
	ctx := r.Context()
	v := homeView{page: s.basePage(r, "Designer sales in your size")}
	cols, err := s.db.PublishedCollections(ctx, 1)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(cols) > 0 {
		v.Featured = s.newCollectionCard(cols[0], 6)
	}
	// The same index as the search page: in stock and on sale, biggest discount first.
	res := s.cfg.Index.Search(index.Query{OnSale: true, Sort: index.SortDiscount, PerPage: homeSaleItems, Facets: true})
	ans := search.Respond(res)
	v.Sales, v.OnSale, v.Brands = ans.Hits, ans.Total, len(ans.Facets[index.FacetBrand])
	s.render(w, r, http.StatusOK, "home", v)
}
