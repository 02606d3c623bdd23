package web

import "net/http"

// editorRoutes registers writing collections: drafts, scheduled and published states, preview (editors).
func (s *Server) editorRoutes(mux *http.ServeMux) {
	_ = mux
}
