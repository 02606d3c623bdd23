package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/search"
)

// brandList is the answer of GET /api/v1/brands.
type brandList struct {
	Brands []listedBrand `json:"brands"`
}

type listedBrand struct {
	Name     string `json:"name"`
	Products int    `json:"products"`
	URL      string `json:"url"`
}

// Brand type-ahead limits.
const (
	defaultBrandLimit = 8
	maxBrandLimit     = 50
)

// apiBrands is GET /api/v1/brands?q=&limit=: the catalogue's brands whose name has a word
// starting with q (or whose whole name does, ignoring spaces and accents: "acnest" finds Acne
// Studios), most products in stock first; without q, the most stocked brands. The preference forms'
// brand box uses it.
func (s *Server) apiBrands(w http.ResponseWriter, r *http.Request) {
	if s.noIndex(w, r) {
		return
	}
	q, err := queryText(r, maxBrandNameLen)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	limit := defaultBrandLimit
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxBrandLimit {
			s.apiFail(w, r, &search.FieldError{Field: "limit", Message: "is not a whole number from 1 to " + strconv.Itoa(maxBrandLimit)})
			return
		}
		limit = n
	}
	words := strings.Fields(catalog.Fold(q))
	key := catalog.BrandKey(q)
	out := brandList{Brands: []listedBrand{}}
	for _, c := range s.brandCounts() {
		if len(out.Brands) == limit {
			break
		}
		if q != "" && !brandMatches(catalog.Fold(c.Label), words) && !(key != "" && strings.HasPrefix(catalog.BrandKey(c.Label), key)) {
			continue
		}
		out.Brands = append(out.Brands, listedBrand{Name: c.Label, Products: c.Count, URL: "/brands/" + catalog.Slug(c.Label)})
	}
	writeJSON(w, http.StatusOK, out)
}
