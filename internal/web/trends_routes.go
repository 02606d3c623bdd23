package web

import "net/http"

// trendRoutes registers the trends page.
func (s *Server) trendRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /trends", s.trendsPage)
}
