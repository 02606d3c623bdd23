package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The collections editor: a list of every collection with its state, the form (editor_form.go),
// the preview and delete. Only editors and admins see any of it.

// isEditor reports whether the request is an editor's or an admin's.
func (s *Server) isEditor(r *http.Request) bool {
	u := currentUser(r)
	return u != nil && (u.Role == account.Editor || u.Role == account.Admin)
}

// editorListView is the list of collections.
type editorListView struct {
	page
	Collections []editorListRow
	// Deleted names the collection just deleted.
	Deleted string
}

// editorListRow is one collection in the list.
type editorListRow struct {
	store.CollectionSummary
	// State says the state in words: "Draft", "Scheduled for …", "Published".
	State string
	Live  bool
}

func (s *Server) editorCollections(w http.ResponseWriter, r *http.Request) {
	if !s.isEditor(r) {
		s.notFound(w, r)
		return
	}
	list, err := s.db.EditorCollections(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	now := s.now()
	v := editorListView{page: s.basePage(r, "Edit collections"), Deleted: r.URL.Query().Get("deleted")}
	for _, c := range list {
		v.Collections = append(v.Collections, editorListRow{CollectionSummary: c, State: stateText(c.Status, c.PublishAt, now), Live: c.Visible(now)})
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "editor_collections", v)
}

// stateText says a collection's state for the editor; times are UTC, as the list says.
func stateText(st editorial.Status, publishAt, now time.Time) string {
	switch st {
	case editorial.Published:
		return "Published"
	case editorial.Scheduled:
		when := publishAt.UTC().Format("2 Jan 2006, 15:04 UTC")
		if !publishAt.After(now) {
			return "Published (scheduled for " + when + ")"
		}
		return "Scheduled for " + when
	}
	return "Draft"
}

// editorCollectionID reads the {id} of an editor route; a malformed one is not found.
func editorCollectionID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("collection %q: %w", r.PathValue("id"), store.ErrNotFound)
	}
	return id, nil
}

// editorCollection answers the common start of the editor's pages for one collection: a 404
// for anyone but editors, for a malformed id and for an unknown collection; ok is false when
// it has answered.
func (s *Server) editorCollection(w http.ResponseWriter, r *http.Request) (store.CollectionView, bool) {
	if !s.isEditor(r) {
		s.notFound(w, r)
		return store.CollectionView{}, false
	}
	id, err := editorCollectionID(r)
	if err == nil {
		var c store.CollectionView
		if c, err = s.db.CollectionByID(r.Context(), id); err == nil {
			return c, true
		}
	}
	s.fail(w, r, err)
	return store.CollectionView{}, false
}

// editorPreviewCollection shows a collection in any state exactly as readers will see it,
// under a "Preview — not published" banner. Never cached or indexed.
func (s *Server) editorPreviewCollection(w http.ResponseWriter, r *http.Request) {
	c, ok := s.editorCollection(w, r)
	if !ok {
		return
	}
	v, err := s.collectionPage(r.Context(), s.basePage(r, "Preview: "+c.Title), c, !c.Visible(s.now()))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex, nofollow")
	s.render(w, r, http.StatusOK, "collection", v)
}

// editorDeleteCollection deletes a collection once the editor ticked the confirmation box.
func (s *Server) editorDeleteCollection(w http.ResponseWriter, r *http.Request) {
	c, ok := s.editorCollection(w, r)
	if !ok {
		return
	}
	id := c.ID
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	if r.PostForm.Get("confirm") != "yes" {
		f := formFromCollection(c)
		f.DeleteError = "Tick the box to confirm that the collection should be deleted."
		s.renderEditorForm(w, r, http.StatusBadRequest, f)
		return
	}
	if err := s.db.DeleteCollection(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("collection deleted", "collection_id", id, "user_id", currentUser(r).ID)
	http.Redirect(w, r, "/editor/collections?deleted="+url.QueryEscape(c.Slug), http.StatusSeeOther)
}
