package web

import "net/http"

// feedRoutes registers this surface (see routes.go): the private Atom feed, open to feed
// readers without a sign-in (the secret token in the URL is the credential), and the settings
// actions that make and revoke its token and manage webhooks.
func (s *Server) feedRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /feeds/{file}", s.atomFeed) // GET also answers HEAD
	mux.HandleFunc("POST /settings/feed", s.feedTokenCreate)
	mux.HandleFunc("POST /settings/feed/revoke", s.feedTokenRevoke)
	mux.HandleFunc("POST /settings/webhooks", s.webhookAdd)
	mux.HandleFunc("POST /settings/webhooks/{id}/delete", s.webhookDelete)
}
