package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/tagdrop/tagdrop/internal/store"
)

// The tracked-hosts page lets admins decide which shops found through /track join the public
// catalogue. A host first seen through a shopper's pasted page is an unlisted retailer: its
// offers reach only the shoppers who track (love) them. Listing it puts its products into
// search, browse, My sales and digests (through the change log, so every web node's live index
// picks them up); unlisting takes them out again. Everyone but admins gets a 404.

// retailersView lists tracked hosts.
type retailersView struct {
	page
	Hosts []store.TrackedRetailer
	// Done names the host just listed or unlisted, and which.
	Done       string
	DoneListed bool
}

func (s *Server) adminRetailers(w http.ResponseWriter, r *http.Request) {
	if !s.isAdmin(r) {
		s.notFound(w, r)
		return
	}
	hosts, err := s.db.TrackedRetailers(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := retailersView{page: s.basePage(r, "Tracked shops"), Hosts: hosts}
	if done, _ := strconv.ParseInt(r.URL.Query().Get("done"), 10, 64); done > 0 {
		for _, h := range hosts {
			if h.ID == done {
				v.Done, v.DoneListed = h.Host, h.Listed
			}
		}
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "admin_retailers", v)
}

// setRetailerListed lists (listed=1) or unlists (listed=0) one tracked host.
func (s *Server) setRetailerListed(w http.ResponseWriter, r *http.Request) {
	if !s.isAdmin(r) {
		s.notFound(w, r)
		return
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, fmt.Errorf("retailer %q: %w", r.PathValue("id"), store.ErrNotFound))
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	var listed bool
	switch r.PostForm.Get("listed") {
	case "1":
		listed = true
	case "0":
	default:
		http.Error(w, "listed: say 1 (list the shop) or 0 (unlist it)", http.StatusBadRequest)
		return
	}
	if err := s.db.SetRetailerListed(r.Context(), id, listed); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("retailer listing changed", "retailer_id", id, "listed", listed, "user_id", currentUser(r).ID)
	http.Redirect(w, r, "/admin/retailers?done="+strconv.FormatInt(id, 10)+"#retailer-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}
