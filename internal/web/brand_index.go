package web

import (
	"net/http"
	"sort"
	"strings"
	"unicode"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
)

// brandIndexView is /brands: every brand with something in stock, A to Z, with how many of its
// items are in stock and on sale.
type brandIndexView struct {
	page
	Groups []brandLetter
	Brands int
}

// brandLetter is the brands under one initial ("A", or "#" for digits and other signs).
type brandLetter struct {
	Letter string
	Brands []brandEntry
}

// brandEntry is one brand of the index.
type brandEntry struct {
	Name   string
	Slug   string
	Items  int
	OnSale int
}

// brandIndex serves /brands from the search index (the brand facet of everything in stock, and
// of everything on sale) and the brands' addresses from the store.
func (s *Server) brandIndex(w http.ResponseWriter, r *http.Request) {
	if s.noIndex(w, r) {
		return
	}
	brands, err := s.db.ListBrands(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	slugs := make(map[string]string, len(brands))
	for _, b := range brands {
		slugs[b.Name] = b.Slug
	}
	sale := map[string]int{}
	for _, f := range s.cfg.Index.Search(index.Query{OnSale: true, Facets: true, PerPage: 1}).Facets[index.FacetBrand] {
		sale[f.Value] = f.Count
	}
	var entries []brandEntry
	for _, f := range s.cfg.Index.Search(index.Query{Facets: true, PerPage: 1}).Facets[index.FacetBrand] {
		name := f.Label
		if name == "" {
			name = f.Value
		}
		slug := slugs[name]
		if slug == "" {
			slug = catalog.Slug(name) // the brand page finds a brand by any spelling of its name
		}
		entries = append(entries, brandEntry{Name: name, Slug: slug, Items: f.Count, OnSale: sale[f.Value]})
	}
	v := brandIndexView{page: s.basePage(r, "Brands"), Groups: groupBrands(entries), Brands: len(entries)}
	v.Description = "Every designer brand in stock at the shops tagdrop follows, A to Z, with how many pieces are on sale."
	s.render(w, r, http.StatusOK, "brands", v)
}

// groupBrands sorts brands by name, accents and case folded ("Acne Studios", "Ágatha", "by Far"),
// under their initials; names that start with a digit or a sign go under "#", first.
func groupBrands(entries []brandEntry) []brandLetter {
	key := func(e brandEntry) string { return catalog.Fold(e.Name) }
	sort.SliceStable(entries, func(i, j int) bool { return key(entries[i]) < key(entries[j]) })
	var groups []brandLetter
	var other []brandEntry
	for _, e := range entries {
		k := key(e)
		r := []rune(strings.ToUpper(k))
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			other = append(other, e)
			continue
		}
		letter := string(r[0])
		if n := len(groups); n == 0 || groups[n-1].Letter != letter {
			groups = append(groups, brandLetter{Letter: letter})
		}
		groups[len(groups)-1].Brands = append(groups[len(groups)-1].Brands, e)
	}
	if len(other) > 0 {
		groups = append([]brandLetter{{Letter: "#", Brands: other}}, groups...)
	}
	return groups
}
