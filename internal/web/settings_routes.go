package web

import "net/http"

// settingsRoutes registers this surface's pages (see routes.go): the guided first run a new
// shopper lands on after sign-up, the settings page with the same fields, the live My sales
// page, and the brand type-ahead both use.
func (s *Server) settingsRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /welcome", s.welcomePage)
	mux.HandleFunc("POST /welcome", s.welcomeSave)
	mux.HandleFunc("GET /settings", s.settingsPage)
	mux.HandleFunc("POST /settings", s.settingsSave)
	mux.HandleFunc("GET /my-sales", s.mySales)
	mux.HandleFunc("GET /api/v1/brands", s.apiBrands)
}
