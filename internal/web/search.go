package web

import (
	"net/http"
	"strings"

	"github.com/tagdrop/tagdrop/internal/store"
)

// searchLimit caps the results of the interim title search.
const searchLimit = 48

// searchView is the search page. Until the index package serves faceted search, this is a plain
// title-and-brand match.
type searchView struct {
	page
	Results []store.Listing
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if r := []rune(q); len(r) > 200 {
		q = string(r[:200])
	}
	title := "Search"
	if q != "" {
		title = "Search: " + q
	}
	v := searchView{page: s.basePage(r, title)}
	v.Query = q
	if q != "" {
		res, err := s.db.SearchListings(r.Context(), q, searchLimit)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		v.Results = res
	}
	s.render(w, r, http.StatusOK, "search", v)
}
