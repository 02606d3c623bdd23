package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/accountmail"
	"github.com/tagdrop/tagdrop/internal/queue"
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

// sendLink makes a single-use token of the purpose for the signed-in shopper u and queues the
// mail carrying it (the account page's own requests, which reveal nothing about other
// addresses, are answered in the request).
func (s *Server) sendLink(ctx context.Context, u account.User, purpose account.Purpose, next string) error {
	return accountmail.New(s.db, s.baseURL(), s.log).SendLink(ctx, u, purpose, next)
}

// enqueueAccountMail is all a reset or sign-in-link request does for a well-formed address:
// one account_mail job, the same for an address with an account and one without. The job
// looks the address up and writes the token and mail, or nothing (accountmail.Mailer.Send).
func (s *Server) enqueueAccountMail(ctx context.Context, addr string, p account.Purpose, next string) error {
	if s.cfg.AccountMail == nil {
		return errNoAccountMail
	}
	purpose := accountmail.Reset
	if p == account.SignInLink {
		purpose = accountmail.SignIn
	}
	return s.cfg.AccountMail.Insert(ctx, queue.AccountMailArgs{Email: addr, Purpose: purpose, Next: next})
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
