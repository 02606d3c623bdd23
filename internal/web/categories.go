package web

import (
	"net/http"
	"strings"
)

// category is a category's page: a search with the category (and everything under it) fixed.
// /categories/{slug...} takes the category's slug, or its path written with slashes
// (/categories/shoes/boots) for people typing addresses; an unknown category is a 404.
func (s *Server) category(w http.ResponseWriter, r *http.Request) {
	key := strings.Trim(r.PathValue("slug"), "/")
	cats := s.categories() // the index first: a category page costs no query for its category
	c, err := cats.CategoryBySlug(r.Context(), key)
	if err != nil && strings.Contains(key, "/") {
		c, err = cats.CategoryBySlug(r.Context(), strings.ReplaceAll(key, "/", "-"))
	}
	if err != nil {
		s.fail(w, r, err) // ErrNotFound (a 404) or a database failure
		return
	}
	if c.Slug != key {
		target := "/categories/" + c.Slug
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	lede := "Everything in " + c.Path + " that is in stock, best price first per item."
	s.searchPage(w, r, scope{Path: "/categories/" + c.Slug, Category: c.Slug}, c.Name, lede)
}
