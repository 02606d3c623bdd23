package web

import "net/http"

// dashboardRoutes registers the admin dashboard: charts and CSV downloads (admins).
func (s *Server) dashboardRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /admin", s.dashboard)                         // dashboard.go; ?format=csv&table=NAME
	mux.HandleFunc("GET /admin/dashboard/{file}", s.dashboardCSVFile) // dashboard_csv.go: NAME.csv
}
