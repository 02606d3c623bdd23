package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
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
	// Unconfirmed says the shopper must confirm their address first (the page links /account).
	Unconfirmed bool
}

// Limits of /track.
const (
	maxTrackURL  = 2000
	trackTimeout = 45 * time.Second
	// maxTrackFetches bounds the pasted pages fetched at once by this process, whoever pastes.
	maxTrackFetches = 4
	// maxTracksPerWindow is how many pages one shopper may have fetched per throttleWindow (a
	// sliding 15 minutes: a burst of 10 pasted links, at most 40 an hour), counted when the
	// fetch starts, whatever its outcome: a failed fetch costs the server as much.
	maxTracksPerWindow = 10
)

// trackGate bounds /track's outside fetches: a semaphore over the fetches running at once and a
// per-shopper rate (the sign-in throttle's sliding window, keyed by user). The semaphore is
// this process's; the rate is counted in the database, shared by every process.
type trackGate struct {
	slots chan struct{}
	rate  *throttle
}

func newTrackGate(rate *throttle) *trackGate {
	return &trackGate{slots: make(chan struct{}, maxTrackFetches), rate: rate}
}

// tryAcquire takes a fetch slot if one is free now; a busy server answers at once rather than
// holding the shopper's request (and a goroutine) in a queue.
func (g *trackGate) tryAcquire() bool {
	select {
	case g.slots <- struct{}{}:
		return true
	default:
		return false
	}
}

func (g *trackGate) release() { <-g.slots }

func trackRateKey(userID int64) string { return "track:user:" + strconv.FormatInt(userID, 10) }

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
		Enabled: s.cfg.Tracker != nil, Unconfirmed: !u.EmailVerified})
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
	v := trackView{page: s.basePage(r, "Track a product page"), URL: clipRunes(raw, maxTrackURL), Enabled: s.cfg.Tracker != nil,
		Unconfirmed: !u.EmailVerified}
	refuse := func(status int, msg string) {
		v.Error, v.Title = msg, "Track a product page: url"
		s.render(w, r, status, "track", v)
	}
	switch {
	case s.cfg.Tracker == nil:
		refuse(http.StatusServiceUnavailable, "Tracking product pages is switched off on this tagdrop.")
		return
	case !u.EmailVerified:
		refuse(http.StatusForbidden, "Confirm your e-mail address before tracking product pages: open the link we sent you, or send a new one from your account page.")
		return
	case raw == "":
		refuse(http.StatusBadRequest, "Paste the address of a product page, starting with https://")
		return
	case len(raw) > maxTrackURL:
		refuse(http.StatusBadRequest, fmt.Sprintf("That address is %d characters long: product page addresses are shorter than %d", len(raw), maxTrackURL))
		return
	}
	// The cap is checked again, exactly, when the page is saved (store.TrackPage); this early
	// look spares a fetch that could not be kept.
	pages, err := s.db.TrackedPages(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(pages) >= store.MaxTrackedPages && !slices.ContainsFunc(pages, func(p store.TrackedPage) bool { return p.URL == raw }) {
		refuse(http.StatusConflict, trackCapMessage)
		return
	}
	key := trackRateKey(u.ID)
	if limited, wait := s.tracks.rate.limited(r.Context(), map[string]int{key: maxTracksPerWindow}); limited {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		refuse(http.StatusTooManyRequests, fmt.Sprintf("You tracked %d pages in the last %d minutes: try again in %s.",
			maxTracksPerWindow, int(throttleWindow/time.Minute), roughDuration(max(wait, time.Minute))))
		return
	}
	if !s.tracks.tryAcquire() {
		w.Header().Set("Retry-After", "30")
		refuse(http.StatusServiceUnavailable, "tagdrop is reading as many product pages as it can right now: try again in a minute.")
		return
	}
	s.tracks.rate.fail(r.Context(), key)
	ctx, cancel := context.WithTimeout(r.Context(), trackTimeout)
	res, err := s.cfg.Tracker.ImportPage(ctx, raw)
	cancel()
	s.tracks.release()
	var pe *ingest.PageError
	switch {
	case errors.Is(err, ingest.ErrBusy):
		w.Header().Set("Retry-After", "60")
		refuse(http.StatusServiceUnavailable, "This shop's catalogue is being imported right now: try again in a minute.")
		return
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
	if errors.Is(err, store.ErrLimit) {
		msg := trackCapMessage
		if !strings.Contains(err.Error(), "tracked pages") {
			msg = fmt.Sprintf("You keep %d loves, the most tagdrop keeps: remove one on your loves page before tracking another page.", store.MaxLoves)
		}
		refuse(http.StatusConflict, msg)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, fmt.Sprintf("/loves?done=tracked#love-%d", saved.ID), http.StatusSeeOther)
}

// trackCapMessage refuses a page past store.MaxTrackedPages.
var trackCapMessage = fmt.Sprintf("You track %d product pages, the most tagdrop keeps: remove one on your loves page first.", store.MaxTrackedPages)
