package web

import "net/http"

// lovesRoutes registers this surface's pages (see routes.go).
func (s *Server) lovesRoutes(mux *http.ServeMux) {}
