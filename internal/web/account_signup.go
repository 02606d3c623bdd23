package web

import (
	"errors"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Sign-up creates a shopper, e-mails a verification link, signs the new shopper in and sends
// them to the first-run flow (/welcome). An address that already has an account gets the same
// answer (status, redirect and a session-shaped cookie) after the same argon2id work, and its
// owner gets a mail saying someone tried: the page never tells a visitor which addresses have
// accounts. (Following the redirect does tell: the decoy cookie opens no session. Closing that
// too would mean not signing in until the link is opened.)

// welcomePath is where a new shopper goes: the first-run preferences flow.
const welcomePath = "/welcome"

// signupView is the sign-up page.
type signupView struct {
	page
	Email       string
	Error       string
	MinPassword int
}

func (s *Server) signupPage(w http.ResponseWriter, r *http.Request) {
	if currentUser(r) != nil {
		http.Redirect(w, r, "/account", http.StatusSeeOther)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "signup", signupView{page: s.basePage(r, "Create an account"), MinPassword: account.MinPasswordLength})
}

func (s *Server) signup(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	email, password := r.PostForm.Get("email"), r.PostForm.Get("password")
	v := signupView{page: s.basePage(r, "Create an account"), Email: email, MinPassword: account.MinPasswordLength}
	fail := func(status int, msg string) {
		v.Error = msg
		s.render(w, r, status, "signup", v)
	}
	addr, err := account.NormalizeEmail(email)
	if err != nil {
		fail(http.StatusBadRequest, "E-mail address: please enter an address like name@example.com.")
		return
	}
	if len(password) < account.MinPasswordLength {
		fail(http.StatusBadRequest, "Password: please use at least 8 characters.")
		return
	}
	if len(password) > 1000 {
		fail(http.StatusBadRequest, "Password: please use at most 1000 characters.")
		return
	}
	if msg, limited := s.mailLimited(w, r, addr); limited {
		fail(http.StatusTooManyRequests, msg)
		return
	}
	if !s.passwords.acquire(r.Context()) {
		w.Header().Set("Retry-After", "5")
		fail(http.StatusServiceUnavailable, "We are busy right now. Please try again in a few seconds.")
		return
	}
	hash, err := account.HashPassword(password) // for a taken address too: the same work either way
	s.passwords.release()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx := r.Context()
	u, err := s.db.CreateUser(ctx, addr, account.Shopper, hash, false)
	switch {
	case errors.Is(err, store.ErrConflict):
		s.signupTaken(w, r, addr)
		return
	case err != nil:
		s.fail(w, r, err)
		return
	}
	if err := s.sendLink(ctx, u, account.VerifyEmail, ""); err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.startSession(w, r, u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("signed up", "user_id", u.ID)
	http.Redirect(w, r, welcomePath, http.StatusSeeOther)
}

// signupTaken answers a sign-up for an address that has an account exactly as a new sign-up is
// answered, and mails the owner instead.
func (s *Server) signupTaken(w http.ResponseWriter, r *http.Request, addr string) {
	u, err := s.db.UserByEmail(r.Context(), addr)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.sendSignupAttempt(r.Context(), u); err != nil {
		s.fail(w, r, err)
		return
	}
	s.endRequestSession(r)
	// A cookie shaped like a real session that opens none: the next request clears it.
	decoy, _, err := account.NewSessionToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.setSessionCookie(w, decoy, s.now().Add(account.SessionLifetime))
	http.Redirect(w, r, welcomePath, http.StatusSeeOther)
}
