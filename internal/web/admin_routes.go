package web

import "net/http"

// adminRoutes registers admin pages added after routes.go's own (see routes.go): tracked hosts
// (admin_retailers.go), brands (admin_brands.go). Everyone but admins gets a 404 from each handler.
func (s *Server) adminRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /admin/retailers", s.adminRetailers)
	mux.HandleFunc("POST /admin/retailers/{id}/listed", s.setRetailerListed)
	mux.HandleFunc("GET /admin/brands", s.adminBrands) // admin_brands.go: merge misspelt brands
	mux.HandleFunc("POST /admin/brands/merge", s.mergeBrand)
}
