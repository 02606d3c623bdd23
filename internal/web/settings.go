package web

import (
	"errors"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/store"
)

// settingsView is the settings page: every preference on one form.
type settingsView struct {
	page
	Form    prefsForm
	Choices prefsChoices
	Saved   bool
	// Problem is a message for the whole form (see Form.Errors for the fields).
	Problem string
	// Delivery is the feeds and webhooks section (atom_settings.go, webhooks.go).
	Delivery *deliverySettings
}

// settingsPage is GET /settings: the shopper's preferences, prefilled.
func (s *Server) settingsPage(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	p, err := s.loadPrefs(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	form, err := s.newPrefsForm(r.Context(), p)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	delivery, err := s.deliverySettingsOf(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "settings", settingsView{page: s.basePage(r, "Your sale settings"), Form: form,
		Choices: newPrefsChoices(), Saved: r.URL.Query().Get("saved") == "1", Delivery: delivery})
}

// settingsSave is POST /settings: every field is checked first; with any bad one the page
// comes back with the messages and nothing is saved, else all of it is saved in one
// transaction.
func (s *Server) settingsSave(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil || !readForm(w, r) {
		return
	}
	p, err := s.loadPrefs(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	next, form, ok, err := s.readPrefsForm(r, p, sectionsAll)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := settingsView{page: s.basePage(r, "Your sale settings"), Form: form, Choices: newPrefsChoices()}
	if !ok {
		v.Problem = "Some settings need another look; nothing was saved."
		w.Header().Set("Cache-Control", "no-store")
		s.render(w, r, http.StatusBadRequest, "settings", v)
		return
	}
	if err := s.db.SavePreferences(r.Context(), next); err != nil {
		if errors.Is(err, store.ErrNotFound) { // a brand or category vanished meanwhile
			v.Problem = "A brand or category you chose has just left the catalogue; nothing was saved. Please try again."
			s.render(w, r, http.StatusConflict, "settings", v)
			return
		}
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/settings?saved=1", http.StatusSeeOther)
}
