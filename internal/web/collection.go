package web

import (
	"html/template"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/store"
)

// collectionView is a collection's page: the editor's story and each product live
// (collection_body.go builds it, for readers and the editor's preview alike).
type collectionView struct {
	page
	Collection store.CollectionView
	Entries    []collectionEntryView
	Intro      template.HTML
	OnSale     int
	SoldOut    int
	// Preview marks the editor's preview of a collection readers may not see yet.
	Preview bool
}

func (s *Server) collection(w http.ResponseWriter, r *http.Request) {
	c, err := s.db.CollectionBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v, err := s.collectionPage(r.Context(), s.basePage(r, c.Title), c, false)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "collection", v)
}

// collectionsView lists the published collections.
type collectionsView struct {
	page
	Collections []*collectionCard
}

func (s *Server) collections(w http.ResponseWriter, r *http.Request) {
	cols, err := s.db.PublishedCollections(r.Context(), 50)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := collectionsView{page: s.basePage(r, "Collections")}
	for _, c := range cols {
		v.Collections = append(v.Collections, s.newCollectionCard(c, 4))
	}
	s.render(w, r, http.StatusOK, "collections", v)
}
