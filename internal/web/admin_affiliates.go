package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The affiliate page lets admins set each retailer's affiliate template (see package clicks):
// query parameters to add to offer links, or a network deep-link format. Templates are applied
// at redirect time, so a change takes effect on the next click, for links already sent too.
// Everyone but admins gets a 404, as if the page did not exist.

// affiliatesView lists retailers with their templates.
type affiliatesView struct {
	page
	Retailers []affiliateRow
	// Saved names the retailer whose template was just saved.
	Saved string
	// NoClicks says this node cannot apply templates (no click service).
	NoClicks bool
}

// affiliateRow is one retailer's form.
type affiliateRow struct {
	ID        int64
	Name      string
	Template  string
	SampleURL string
	// Preview is where a click on SampleURL goes with Template applied.
	Preview string
	// Error says why the template entered was refused; the form shows what was typed.
	Error string
}

// isAdmin reports whether the request is an admin's (admin pages answer everyone else with a 404).
func (s *Server) isAdmin(r *http.Request) bool {
	u := currentUser(r)
	return u != nil && u.Role == account.Admin
}

func (s *Server) adminAffiliates(w http.ResponseWriter, r *http.Request) {
	if !s.isAdmin(r) {
		s.notFound(w, r)
		return
	}
	saved, _ := strconv.ParseInt(r.URL.Query().Get("saved"), 10, 64)
	s.renderAffiliates(w, r, http.StatusOK, saved, 0, "", "")
}

// renderAffiliates shows the page; failedID's row shows typed with the error msg.
func (s *Server) renderAffiliates(w http.ResponseWriter, r *http.Request, status int, saved, failedID int64, typed, msg string) {
	list, err := s.db.RetailerAffiliates(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := affiliatesView{page: s.basePage(r, "Affiliate links"), NoClicks: s.cfg.Clicks == nil}
	for _, ra := range list {
		row := affiliateRow{ID: ra.ID, Name: ra.Name, Template: ra.Template, SampleURL: ra.SampleURL}
		if ra.ID == failedID {
			row.Template, row.Error = typed, msg
		} else if t, err := clicks.ParseTemplate(ra.Template); err == nil && !t.IsZero() && ra.SampleURL != "" {
			row.Preview, _ = t.Apply(ra.SampleURL, clicks.SourcePage)
		}
		if ra.ID == saved {
			v.Saved = ra.Name
		}
		v.Retailers = append(v.Retailers, row)
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, status, "admin_affiliates", v)
}

// saveAffiliate validates and stores one retailer's template; a refused template is shown
// again with the reason, and nothing is saved.
func (s *Server) saveAffiliate(w http.ResponseWriter, r *http.Request) {
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
	typed := r.PostForm.Get("template")
	t, err := clicks.ParseTemplate(typed)
	var te *clicks.TemplateError
	if errors.As(err, &te) {
		s.renderAffiliates(w, r, http.StatusBadRequest, 0, id, typed, "Template: "+te.Message+".")
		return
	} else if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.db.SetAffiliateTemplate(r.Context(), id, t.String()); err != nil {
		s.fail(w, r, err)
		return
	}
	if s.cfg.Clicks != nil {
		if err := s.cfg.Clicks.ReloadTemplates(r.Context()); err != nil {
			s.log.Warn("affiliate templates not reloaded", "err", err) // other nodes pick it up within the TTL anyway
		}
	}
	s.log.Info("affiliate template saved", "retailer_id", id, "user_id", currentUser(r).ID)
	http.Redirect(w, r, "/admin/affiliates?saved="+strconv.FormatInt(id, 10)+"#retailer-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}
