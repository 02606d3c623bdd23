package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Sign-in keeps a random token in a cookie and only its SHA-256 in the sessions table, so a
// copy of the database cannot be replayed as sessions. Sign-in makes a new token (no session
// fixation); sign-out and password changes delete it server-side. State-changing requests are
// guarded against cross-site forgery by http.CrossOriginProtection in routes.go.

type ctxKey int

const userKey ctxKey = 0

// sessionCookie is the cookie name: with the __Host- prefix (Secure, whole host, path /) when the
// site is served over https, which browsers require for that prefix.
func (s *Server) sessionCookie() string {
	if strings.HasPrefix(s.cfg.BaseURL, "https://") {
		return "__Host-tagdrop_session"
	}
	return "tagdrop_session"
}

// withUser loads the signed-in user, if any, into the request context.
func (s *Server) withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie(s.sessionCookie())
		if err == nil && c.Value != "" && !strings.HasPrefix(r.URL.Path, "/static/") {
			u, err := s.db.SessionUser(r.Context(), account.HashSessionToken(c.Value))
			// An unknown or expired session is simply no user. Its cookie is left alone: a
			// request still in flight with the cookie of a session that a sign-in just replaced
			// would otherwise clear the new cookie, which has the same name, and sign the
			// shopper out again (the browser test of loves caught that race).
			switch {
			case err == nil:
				r = r.WithContext(context.WithValue(r.Context(), userKey, &u))
			case !errors.Is(err, store.ErrNotFound):
				s.log.Warn("session lookup failed", "err", err)
			}
		}
		next.ServeHTTP(w, r)
	})
}

// currentUser is the signed-in user, or nil.
func currentUser(r *http.Request) *account.User {
	u, _ := r.Context().Value(userKey).(*account.User)
	return u
}

func (s *Server) setSessionCookie(w http.ResponseWriter, token string, expires time.Time) {
	http.SetCookie(w, &http.Cookie{Name: s.sessionCookie(), Value: token, Path: "/", Expires: expires,
		HttpOnly: true, Secure: strings.HasPrefix(s.cfg.BaseURL, "https://"), SameSite: http.SameSiteLaxMode})
}

func (s *Server) clearSessionCookie(w http.ResponseWriter) {
	http.SetCookie(w, &http.Cookie{Name: s.sessionCookie(), Value: "", Path: "/", MaxAge: -1,
		HttpOnly: true, Secure: strings.HasPrefix(s.cfg.BaseURL, "https://"), SameSite: http.SameSiteLaxMode})
}

// safeNext returns next if it is a path on this site, else "/". It refuses every form of
// off-site redirect: absolute URLs, scheme-relative //host, backslash tricks and encoded forms.
func safeNext(next string) string {
	if next == "" || len(next) > 2000 {
		return "/"
	}
	dec, err := url.PathUnescape(next)
	if err != nil {
		return "/"
	}
	for _, v := range []string{next, dec} {
		if !strings.HasPrefix(v, "/") || strings.HasPrefix(v, "//") || strings.ContainsAny(v, "\\\r\n\t") {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// signinView is the sign-in page.
type signinView struct {
	page
	Email string
	Next  string
	Error string
}

func (s *Server) signinPage(w http.ResponseWriter, r *http.Request) {
	if currentUser(r) != nil {
		http.Redirect(w, r, safeNext(r.URL.Query().Get("next")), http.StatusSeeOther)
		return
	}
	v := signinView{page: s.basePage(r, "Sign in"), Next: safeNext(r.URL.Query().Get("next"))}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "signin", v)
}

// errSignin is the one answer for an unknown address and a wrong password alike.
const errSignin = "That e-mail address and password do not match an account."

func (s *Server) signin(w http.ResponseWriter, r *http.Request) {
	v := signinView{page: s.basePage(r, "Sign in"), Error: errSignin}
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		status := http.StatusBadRequest
		if errors.As(err, &tooBig) {
			status = http.StatusRequestEntityTooLarge
		}
		v.Error = "The sign-in form could not be read. Please try again."
		s.render(w, r, status, "signin", v)
		return
	}
	email, password, next := r.PostForm.Get("email"), r.PostForm.Get("password"), safeNext(r.PostForm.Get("next"))
	v.Email, v.Next = email, next
	addr, addrErr := account.NormalizeEmail(email)
	ipKey, emailKey := "ip:"+clientIP(r), "email:"+strings.ToLower(strings.TrimSpace(email))
	if limited, wait := s.signins.limited(r.Context(), map[string]int{ipKey: maxFailsPerIP, emailKey: maxFailsPerEmail}); limited {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		v.Error = fmt.Sprintf("Too many sign-in attempts. Please wait %d minutes and try again.", int(wait.Minutes())+1)
		s.render(w, r, http.StatusTooManyRequests, "signin", v)
		return
	}
	if !s.passwords.acquire(r.Context()) {
		w.Header().Set("Retry-After", "5")
		v.Error = "We are busy right now. Please try again in a few seconds."
		s.render(w, r, http.StatusServiceUnavailable, "signin", v)
		return
	}
	u, ok, err := s.checkSignin(r.Context(), addr, addrErr, password)
	s.passwords.release()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.signins.fail(r.Context(), ipKey, emailKey)
		s.render(w, r, http.StatusUnauthorized, "signin", v)
		return
	}
	s.signins.reset(r.Context(), emailKey)
	// A fresh token at every sign-in; any old cookie's session is ended.
	if c, err := r.Cookie(s.sessionCookie()); err == nil && c.Value != "" {
		_ = s.db.DeleteSession(r.Context(), account.HashSessionToken(c.Value))
	}
	token, hash, err := account.NewSessionToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	expires := s.now().Add(account.SessionLifetime)
	if err := s.db.CreateSession(r.Context(), hash, u.ID, expires); err != nil {
		s.fail(w, r, err)
		return
	}
	s.setSessionCookie(w, token, expires)
	s.log.Info("signed in", "user_id", u.ID)
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// checkSignin checks an address and password with the same argon2id work whether or not the
// account exists, has a password or has a confirmed address, so neither the answer nor its
// timing tells them apart.
func (s *Server) checkSignin(ctx context.Context, addr string, addrErr error, password string) (account.User, bool, error) {
	if addrErr != nil {
		account.DummyCheck(password)
		return account.User{}, false, nil
	}
	u, err := s.db.UserByEmail(ctx, addr)
	if errors.Is(err, store.ErrNotFound) {
		account.DummyCheck(password)
		return account.User{}, false, nil
	}
	if err != nil {
		return account.User{}, false, err
	}
	if u.PasswordHash == "" {
		account.DummyCheck(password)
		return account.User{}, false, nil
	}
	ok, _ := account.CheckPassword(u.PasswordHash, password)
	// An address not confirmed yet signs in by link only. Its password may have been chosen by
	// anyone who typed the address at sign-up, and a sign-in with it would tell them whether the
	// address was free (their sign-up created the account) or taken: sign-up answers both alike.
	if !u.EmailVerified {
		return account.User{}, false, nil
	}
	return u, ok, nil
}

func (s *Server) signout(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(s.sessionCookie()); err == nil && c.Value != "" {
		if err := s.db.DeleteSession(r.Context(), account.HashSessionToken(c.Value)); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	s.clearSessionCookie(w)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}
