package web

import "net/http"

// trendRoutes registers the trends page.
func (s *Server) trendRoutes(mux *http.ServeMux) {
	_ = mux
}
