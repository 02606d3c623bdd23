package web

import "net/http"

// accountRoutes registers this surface's pages (see routes.go).
func (s *Server) accountRoutes(mux *http.ServeMux) {}
