package web

import (
	"errors"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
)

// feedSecretView is the page that shows a new secret once: the feed's URL (holding its
// token) or a webhook's signing secret, or why a webhook could not be added.
type feedSecretView struct {
	page
	// FeedURL is set after a feed token was made.
	FeedURL string
	// Webhook and Secret are set after a webhook was added.
	WebhookURL string
	Secret     string
	// Problem says why the webhook URL was refused; URL is what was typed.
	Problem string
	URL     string
}

// feedTokenCreate is POST /settings/feed: a new token replaces any earlier one (whose URL
// stops working), and its URL is shown once.
func (s *Server) feedTokenCreate(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	token, hash, err := account.NewSessionToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.db.SetFeedToken(r.Context(), u.ID, hash); err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.render(w, r, http.StatusOK, "feeds_secret", feedSecretView{page: s.basePage(r, "Your private feed"), FeedURL: s.feedURL(token)})
}

// feedTokenRevoke is POST /settings/feed/revoke: the feed's URL stops working at once.
func (s *Server) feedTokenRevoke(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	if err := s.db.RevokeFeedToken(r.Context(), u.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/settings#feeds", http.StatusSeeOther)
}
