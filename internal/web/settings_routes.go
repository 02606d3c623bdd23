package web

import "net/http"

// settingsRoutes registers this surface's pages (see routes.go).
func (s *Server) settingsRoutes(mux *http.ServeMux) {}
