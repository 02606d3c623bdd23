package web

import "net/http"

// brand is a brand's page: a search with the brand fixed. /brands/{slug} takes the brand's
// slug or any alias; an unknown brand is a 404.
func (s *Server) brand(w http.ResponseWriter, r *http.Request) {
	b, err := s.db.FindBrand(r.Context(), r.PathValue("slug"))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if b.Slug != r.PathValue("slug") { // an alias or another spelling: one address per brand
		target := "/brands/" + b.Slug
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	s.searchPage(w, r, scope{Path: "/brands/" + b.Slug, Brand: b.Name}, b.Name,
		"Everything by "+b.Name+" in stock across the shops tagdrop follows, best price first per item.")
}
