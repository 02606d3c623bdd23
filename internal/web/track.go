package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Track any product page: the shopper pastes (or shares from a phone) a product page's address;
// the Tracker fetches, extracts and imports it (ingest.PageImporter), and the product becomes a
// love, with the page recorded for re-checks (store.TrackPage). GET /track?url=… fills the
// field, so a share target can point at it.

// Tracker imports product pages: *ingest.PageImporter in production.
type Tracker interface {
	ImportPage(ctx context.Context, rawURL string) (ingest.PageResult, error)
}

// trackView is the track page.
type trackView struct {
	page
	URL     string
	Error   string
	Enabled bool
}

// Limits of /track.
const (
	maxTrackURL  = 2000
	trackTimeout = 45 * time.Second
)

func (s *Server) trackPage(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	q := r.URL.Query()
	raw := strings.TrimSpace(q.Get("url"))
	if raw == "" {
		// Phones share a page as text ("Look at this https://…"): take the address out of it.
		raw = firstURL(q.Get("text"))
	}
	s.render(w, r, http.StatusOK, "track", trackView{page: s.basePage(r, "Track a product page"), URL: clipRunes(raw, maxTrackURL),
		Enabled: s.cfg.Tracker != nil})
}

// firstURL is the first http(s) address in text, or "".
func firstURL(text string) string {
	for _, f := range strings.Fields(text) {
		if l := strings.ToLower(f); strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") {
			return f
		}
	}
	return ""
}

func (s *Server) track(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form could not be read.", http.StatusBadRequest)
		return
	}
	raw := strings.TrimSpace(r.PostForm.Get("url"))
	v := trackView{page: s.basePage(r, "Track a product page"), URL: clipRunes(raw, maxTrackURL), Enabled: s.cfg.Tracker != nil}
	refuse := func(status int, msg string) {
		v.Error, v.Title = msg, "Track a product page: url"
		s.render(w, r, status, "track", v)
	}
	switch {
	case s.cfg.Tracker == nil:
		refuse(http.StatusServiceUnavailable, "Tracking product pages is switched off on this tagdrop.")
		return
	case raw == "":
		refuse(http.StatusBadRequest, "Paste the address of a product page, starting with https://")
		return
	case len(raw) > maxTrackURL:
		refuse(http.StatusBadRequest, fmt.Sprintf("That address is %d characters long: product page addresses are shorter than %d", len(raw), maxTrackURL))
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), trackTimeout)
	defer cancel()
	res, err := s.cfg.Tracker.ImportPage(ctx, raw)
	var pe *ingest.PageError
	switch {
	case errors.As(err, &pe):
		refuse(http.StatusBadRequest, pe.Error())
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	offers, err := s.db.LiveOffersOf(r.Context(), []int64{res.ProductID})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	love := alerts.Love{AlertAnyDrop: true, AlertBackInStock: true}
	seen := love.CurrentState(offers[res.ProductID])
	seen.At = s.now()
	_, saved, err := s.db.TrackPage(r.Context(), res.URL, store.Love{UserID: u.ID, ProductID: res.ProductID, Love: love, Seen: seen},
		s.now().Add(ingest.DefaultRecheckEvery))
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/loves?done=tracked#love-%d", saved.ID), http.StatusSeeOther)
}
