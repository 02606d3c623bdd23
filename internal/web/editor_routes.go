package web

import "net/http"

// editorRoutes registers writing collections: drafts, scheduled and published states, preview
// (editors and admins; everyone else gets a 404 from each handler, as for admin pages). See
// docs/collections.md. The public Atom feed of collections is registered here too, beside the
// pages that make it (collections_atom.go).
func (s *Server) editorRoutes(mux *http.ServeMux) {
	mux.HandleFunc("GET /collections.atom", s.collectionsAtom)
	mux.HandleFunc("GET /editor/collections", s.editorCollections)
	mux.HandleFunc("GET /editor/collections/new", s.editorNewCollection)
	mux.HandleFunc("POST /editor/collections", s.editorSubmitCollection)
	mux.HandleFunc("GET /editor/collections/{id}", s.editorEditCollection)
	mux.HandleFunc("POST /editor/collections/{id}", s.editorSubmitCollection)
	mux.HandleFunc("GET /editor/collections/{id}/preview", s.editorPreviewCollection)
	mux.HandleFunc("POST /editor/collections/{id}/delete", s.editorDeleteCollection)
}
