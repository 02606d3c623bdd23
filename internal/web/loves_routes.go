package web

import "net/http"

// lovesRoutes registers this surface's pages (see routes.go): loves (loves.go), tracked product
// pages (track.go) and saved searches (saved.go). Every change is a POST.
func (s *Server) lovesRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /loves", s.lovesPage)
	mux.HandleFunc("POST /loves", s.loveCreate)
	mux.HandleFunc("POST /loves/{id}", s.loveUpdate)
	mux.HandleFunc("POST /loves/{id}/delete", s.loveDelete)

	mux.HandleFunc("GET /track", s.trackPage)
	mux.HandleFunc("POST /track", s.track)

	mux.HandleFunc("POST /saved", s.saveSearch)
	mux.HandleFunc("POST /saved/{id}/delete", s.deleteSavedSearch)
}
