package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
)

// Requests that make tagdrop send mail (sign-up, password reset, sign-in links, resending the
// verification) are counted per address and per client address, known addresses or not, so
// the form cannot be used to flood someone's mailbox and the limit reveals nothing. Like the
// sign-in throttle (throttle.go) the counts live in the database, shared by every process.
const (
	maxMailsPerEmail = 5
	maxMailsPerIP    = 30
)

// mailLimited reports whether another mail request for addr (the normalised address, or what
// was typed) from this client must wait, and counts this request when it may go ahead.
func (s *Server) mailLimited(w http.ResponseWriter, r *http.Request, addr string) (string, bool) {
	ipKey, emailKey := "ip:"+clientIP(r), "email:"+strings.ToLower(strings.TrimSpace(addr))
	if limited, wait := s.mails.limited(r.Context(), map[string]int{ipKey: maxMailsPerIP, emailKey: maxMailsPerEmail}); limited {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		return fmt.Sprintf("We have sent several e-mails to this address or from your connection recently. Please wait %d minutes and try again.",
			int(wait.Minutes())+1), true
	}
	s.mails.fail(r.Context(), ipKey, emailKey)
	return "", false
}

// baseURL is where e-mailed links point. It comes from configuration only: a request's Host
// header is chosen by the client, and a reset link built from it would hand the token to
// whoever sent the request.
func (s *Server) baseURL() string { return strings.TrimRight(s.cfg.BaseURL, "/") }

// sendLink makes a single-use token of the purpose for u and queues the mail carrying it.
func (s *Server) sendLink(ctx context.Context, u account.User, purpose account.Purpose, next string) error {
	token, hash, err := account.NewLinkToken()
	if err != nil {
		return err
	}
	valid := purpose.Lifetime()
	if err := s.db.CreateAccountToken(ctx, u.ID, purpose, hash, s.now().Add(valid)); err != nil {
		return err
	}
	m := notify.AccountMail{UserID: u.ID, To: u.Email, BaseURL: s.baseURL(), Token: token, Next: next, Valid: valid}
	var msg notify.Message
	switch purpose {
	case account.VerifyEmail:
		msg, err = notify.RenderVerification(m)
	case account.ResetPassword:
		msg, err = notify.RenderPasswordReset(m)
	default:
		msg, err = notify.RenderSignInLink(m)
	}
	if err != nil {
		return err
	}
	if _, err := s.db.QueueMessage(ctx, msg); err != nil {
		return err
	}
	s.log.Info("account mail queued", "kind", msg.Kind, "user_id", u.ID)
	return nil
}

// requestLink answers a request for a reset or sign-in link to a typed address with the same
// work whether or not the address has an account, so neither the answer nor its timing tells
// which addresses do: it makes a token and renders the mail for the address either way, and
// one store transaction (store.RequestAccountLink) runs the same statements for both, storing
// the token and queueing the mail only for an account's address.
func (s *Server) requestLink(ctx context.Context, addr string, purpose account.Purpose, next string) error {
	token, hash, err := account.NewLinkToken()
	if err != nil {
		return err
	}
	valid := purpose.Lifetime()
	m := notify.AccountMail{To: addr, BaseURL: s.baseURL(), Token: token, Next: next, Valid: valid}
	var msg notify.Message
	if purpose == account.ResetPassword {
		msg, err = notify.RenderPasswordReset(m)
	} else {
		msg, err = notify.RenderSignInLink(m)
	}
	if err != nil {
		return err
	}
	known, err := s.db.RequestAccountLink(ctx, purpose, hash, s.now().Add(valid), msg)
	if err != nil {
		return err
	}
	if known {
		s.log.Info("account mail queued", "kind", msg.Kind)
	}
	return nil
}

// sendSignupAttempt tells an account's owner that someone tried to sign up with the address.
func (s *Server) sendSignupAttempt(ctx context.Context, u account.User) error {
	var nonce [12]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return err
	}
	msg, err := notify.RenderSignupAttempt(notify.AccountMail{UserID: u.ID, To: u.Email, BaseURL: s.baseURL(), Nonce: hex.EncodeToString(nonce[:])})
	if err != nil {
		return err
	}
	if _, err := s.db.QueueMessage(ctx, msg); err != nil {
		return err
	}
	s.log.Info("account mail queued", "kind", msg.Kind, "user_id", u.ID)
	return nil
}

// startSession signs userID in with a fresh token, ending the session the request came with
// (whoever's it was): a sign-in never reuses a token.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, userID int64) error {
	s.endRequestSession(r)
	token, hash, err := account.NewSessionToken()
	if err != nil {
		return err
	}
	expires := s.now().Add(account.SessionLifetime)
	if err := s.db.CreateSession(r.Context(), hash, userID, expires); err != nil {
		return err
	}
	s.setSessionCookie(w, token, expires)
	return nil
}

// endRequestSession deletes the session of the request's cookie, if any.
func (s *Server) endRequestSession(r *http.Request) {
	if c, err := r.Cookie(s.sessionCookie()); err == nil && c.Value != "" {
		_ = s.db.DeleteSession(r.Context(), account.HashSessionToken(c.Value))
	}
}

// requestSessionHash is the stored hash of the request's session cookie ("" without one).
func (s *Server) requestSessionHash(r *http.Request) string {
	if c, err := r.Cookie(s.sessionCookie()); err == nil && c.Value != "" {
		return account.HashSessionToken(c.Value)
	}
	return ""
}

// readForm parses a posted form; a broken or oversized body is answered here (false).
func (s *Server) readForm(w http.ResponseWriter, r *http.Request) bool {
	if err := r.ParseForm(); err != nil {
		status := http.StatusBadRequest
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			status = http.StatusRequestEntityTooLarge
		}
		s.render(w, r, status, "account_notice", noticeView{page: s.basePage(r, "Form not readable"),
			Heading: "We could not read that form", Lines: []string{"Please go back and try again."}})
		return false
	}
	return true
}
