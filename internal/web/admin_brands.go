package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The brands page lets admins merge a brand into another: imports create a brand for every name
// they do not know (a typo, a shop's own spelling), which splits products and followers. A merge
// is two steps, a confirmation page and then the merge, because it cannot be undone. Everyone
// but admins gets a 404.

// brandsView lists brands with their counts, unknown ones (not in the bundled directory) first
// when asked.
type brandsView struct {
	page
	Brands      []brandRow
	All         []string // every brand name, for the "into" field's suggestions
	UnknownOnly bool
	Merged      string // the notice after a merge
	Error       string // why the last merge was refused
}

type brandRow struct {
	store.BrandCount
	Known bool
}

// brandMergeView is the confirmation step.
type brandMergeView struct {
	page
	From, Into store.BrandCount
}

func (s *Server) adminBrands(w http.ResponseWriter, r *http.Request) {
	if !s.isAdmin(r) {
		s.notFound(w, r)
		return
	}
	s.renderBrands(w, r, http.StatusOK, r.URL.Query().Get("unknown") == "1", r.URL.Query().Get("merged"), "")
}

func (s *Server) renderBrands(w http.ResponseWriter, r *http.Request, status int, unknownOnly bool, merged, problem string) {
	counts, err := s.db.BrandCounts(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	directory := catalog.DefaultBrands()
	v := brandsView{page: s.basePage(r, "Brands"), UnknownOnly: unknownOnly, Merged: merged, Error: problem}
	for _, b := range counts {
		v.All = append(v.All, b.Name)
		_, known := directory.LookupBrand(b.Name)
		if unknownOnly && known {
			continue
		}
		v.Brands = append(v.Brands, brandRow{BrandCount: b, Known: known})
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "admin_brands", v)
}

// mergeBrand shows the confirmation page for merging brand "from" (an id) into "into" (a name),
// or, with confirm=1, merges them and goes back to the list.
func (s *Server) mergeBrand(w http.ResponseWriter, r *http.Request) {
	if !s.isAdmin(r) {
		s.notFound(w, r)
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "the form could not be read", http.StatusBadRequest)
		return
	}
	unknownOnly := r.PostForm.Get("unknown") == "1"
	fromID, _ := strconv.ParseInt(r.PostForm.Get("from"), 10, 64)
	intoName := strings.TrimSpace(r.PostForm.Get("into"))
	counts, err := s.db.BrandCounts(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var from, into *store.BrandCount
	for i := range counts {
		if counts[i].ID == fromID {
			from = &counts[i]
		}
	}
	if from == nil {
		s.renderBrands(w, r, http.StatusUnprocessableEntity, unknownOnly, "", "from: that brand no longer exists; the list below is current.")
		return
	}
	if intoName == "" {
		s.renderBrands(w, r, http.StatusUnprocessableEntity, unknownOnly, "", "into: say which brand "+from.Name+" should be merged into.")
		return
	}
	target, err := s.db.FindBrand(r.Context(), intoName)
	if err != nil {
		s.renderBrands(w, r, http.StatusUnprocessableEntity, unknownOnly, "", "into: no brand is called “"+intoName+"”. Pick one from the suggestions.")
		return
	}
	for i := range counts {
		if counts[i].ID == target.ID {
			into = &counts[i]
		}
	}
	if into == nil || into.ID == from.ID {
		s.renderBrands(w, r, http.StatusUnprocessableEntity, unknownOnly, "", "into: "+from.Name+" cannot be merged into itself.")
		return
	}
	if r.PostForm.Get("confirm") != "1" {
		w.Header().Set("Cache-Control", "no-store")
		s.render(w, r, http.StatusOK, "admin_brand_merge", brandMergeView{page: s.basePage(r, "Merge "+from.Name), From: *from, Into: *into})
		return
	}
	m, err := s.db.MergeBrands(r.Context(), from.Slug, into.Slug)
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, store.ErrSameBrand) {
		s.renderBrands(w, r, http.StatusUnprocessableEntity, unknownOnly, "", "into: "+err.Error())
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("brands merged", "from", m.From.Slug, "into", m.Into.Slug, "products", m.Products,
		"merged_products", m.MergedProducts, "followers", m.Followers, "user_id", currentUser(r).ID)
	notice := m.From.Name + " is now part of " + m.Into.Name + ": " + strconv.Itoa(m.Products) + " products moved (" +
		strconv.Itoa(m.MergedProducts) + " merged with one " + m.Into.Name + " already had), " +
		strconv.Itoa(m.Followers) + " followers moved."
	http.Redirect(w, r, "/admin/brands?merged="+url.QueryEscape(notice), http.StatusSeeOther)
}
