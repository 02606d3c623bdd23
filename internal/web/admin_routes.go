package web

import "net/http"

// adminRoutes registers admin pages added after routes.go's own (see routes.go): tracked hosts
// (admin_retailers.go). Everyone but admins gets a 404 from each handler.
func (s *Server) adminRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /admin/retailers", s.adminRetailers)
	mux.HandleFunc("POST /admin/retailers/{id}/listed", s.setRetailerListed)
}
