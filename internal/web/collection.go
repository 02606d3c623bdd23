package web

import (
	"html/template"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/store"
)

// collectionView is a collection's page: the editor's story and each product live.
type collectionView struct {
	page
	Collection store.CollectionView
	Intro      template.HTML
	OnSale     int
	SoldOut    int
}

func (s *Server) collection(w http.ResponseWriter, r *http.Request) {
	c, err := s.db.CollectionBySlug(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := collectionView{page: s.basePage(r, c.Title), Collection: c, Intro: s.introHTML(c.IntroMD)}
	v.Description = s.md.Excerpt(c.IntroMD, 160)
	for _, e := range c.Entries {
		switch {
		case e.SoldOut():
			v.SoldOut++
		case e.OnSale():
			v.OnSale++
		}
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
