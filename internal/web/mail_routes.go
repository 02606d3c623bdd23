package web

import "net/http"

// mailRoutes registers this surface's pages (see routes.go).
func (s *Server) mailRoutes(mux *http.ServeMux) {}
