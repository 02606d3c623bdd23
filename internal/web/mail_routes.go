package web

import "net/http"

// mailRoutes registers this surface's pages (see routes.go).
func (s *Server) mailRoutes(mux *http.ServeMux) {
	// One-click unsubscribe (RFC 8058; unsubscribe.go). GET only shows a confirm page; POST,
	// from the page's button or straight from a mail provider, turns digests off. The POST is
	// exempt from the cross-origin check (routes.go): the token in the path is the credential.
	mux.HandleFunc("GET /unsubscribe/{token}", s.unsubscribePage)
	mux.HandleFunc("POST /unsubscribe/{token}", s.unsubscribe)
}

// unsubscribeBypass is the pattern routes.go exempts from http.CrossOriginProtection.
const unsubscribeBypass = "POST /unsubscribe/{token}"
