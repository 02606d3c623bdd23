package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/account"
)

// The account page: the shopper's address and its verification, their password, a download of
// everything tagdrop holds on them, and deleting the account. Changing the password and deleting
// the account ask for the current password (an account that signs in by link only confirms a
// deletion by typing its address); wrong answers count against the sign-in throttle, since they
// are password guesses too.

// accountView is the account page.
type accountView struct {
	page
	Account     account.User
	HasPassword bool
	Sessions    int
	// Done says what just succeeded (from ?done=).
	Done          string
	PasswordError string
	DeleteError   string
	MinPassword   int
}

// doneMessages are the confirmations the account page shows after a redirect.
var doneMessages = map[string]string{
	"password":    "Your new password is set. You are signed out on every other device.",
	"verify-sent": "We have sent you a new confirmation link.",
	"reset-sent":  "We have sent you a link to choose a password.",
}

func (s *Server) accountView(r *http.Request, u *account.User) (accountView, error) {
	n, err := s.db.CountSessions(r.Context(), u.ID)
	if err != nil {
		return accountView{}, err
	}
	return accountView{page: s.basePage(r, "Your account"), Account: *u, HasPassword: u.PasswordHash != "", Sessions: n,
		Done: doneMessages[r.URL.Query().Get("done")], MinPassword: account.MinPasswordLength}, nil
}

func (s *Server) accountPage(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	v, err := s.accountView(r, u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "account", v)
}

// accountError shows the account page again with an error beside one form.
func (s *Server) accountError(w http.ResponseWriter, r *http.Request, u *account.User, status int, set func(*accountView)) {
	v, err := s.accountView(r, u)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	set(&v)
	s.render(w, r, status, "account", v)
}

// checkCurrentPassword checks a signed-in user's password under the sign-in throttle and the
// password gate. It answers the request itself unless it returns ok or a plain mismatch.
func (s *Server) checkCurrentPassword(w http.ResponseWriter, r *http.Request, u *account.User, password string, show func(*accountView, string)) (ok, answered bool) {
	ipKey, emailKey := "ip:"+clientIP(r), "email:"+u.Email
	if limited, wait := s.signins.limited(r.Context(), map[string]int{ipKey: maxFailsPerIP, emailKey: maxFailsPerEmail}); limited {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.accountError(w, r, u, http.StatusTooManyRequests, func(v *accountView) {
			show(v, fmt.Sprintf("Too many wrong passwords. Please wait %d minutes and try again.", int(wait.Minutes())+1))
		})
		return false, true
	}
	if !s.passwords.acquire(r.Context()) {
		w.Header().Set("Retry-After", "5")
		s.accountError(w, r, u, http.StatusServiceUnavailable, func(v *accountView) { show(v, "We are busy right now. Please try again in a few seconds.") })
		return false, true
	}
	ok, _ = account.CheckPassword(u.PasswordHash, password)
	s.passwords.release()
	if !ok {
		s.signins.fail(r.Context(), ipKey, emailKey)
	}
	return ok, false
}

func (s *Server) changePassword(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil || !s.readForm(w, r) {
		return
	}
	current, next := r.PostForm.Get("current_password"), r.PostForm.Get("new_password")
	show := func(v *accountView, msg string) { v.PasswordError = msg }
	if u.PasswordHash == "" {
		s.accountError(w, r, u, http.StatusBadRequest, func(v *accountView) {
			show(v, "Your account signs in by e-mailed link: use “E-mail me a link to set a password”.")
		})
		return
	}
	if len(next) < account.MinPasswordLength || len(next) > 1000 {
		s.accountError(w, r, u, http.StatusBadRequest, func(v *accountView) { show(v, "New password: please use between 8 and 1000 characters.") })
		return
	}
	ok, answered := s.checkCurrentPassword(w, r, u, current, show)
	if answered {
		return
	}
	if !ok {
		s.accountError(w, r, u, http.StatusBadRequest, func(v *accountView) { show(v, "Current password: that is not your current password.") })
		return
	}
	if !s.passwords.acquire(r.Context()) {
		w.Header().Set("Retry-After", "5")
		s.accountError(w, r, u, http.StatusServiceUnavailable, func(v *accountView) { show(v, "We are busy right now. Please try again in a few seconds.") })
		return
	}
	hash, err := account.HashPassword(next)
	s.passwords.release()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if err := s.db.ChangePassword(r.Context(), u.ID, hash, s.requestSessionHash(r)); err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("password changed", "user_id", u.ID)
	http.Redirect(w, r, "/account?done=password", http.StatusSeeOther)
}

// mailSelf sends the signed-in user a link of the purpose, under the mail throttle.
func (s *Server) mailSelf(w http.ResponseWriter, r *http.Request, p account.Purpose, done string) {
	u := s.requireUser(w, r)
	if u == nil || !s.readForm(w, r) {
		return
	}
	if msg, limited := s.mailLimited(w, r, u.Email); limited {
		s.accountError(w, r, u, http.StatusTooManyRequests, func(v *accountView) { v.PasswordError = msg })
		return
	}
	if err := s.sendLink(r.Context(), *u, p, ""); err != nil {
		s.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/account?done="+done, http.StatusSeeOther)
}

func (s *Server) accountPasswordLink(w http.ResponseWriter, r *http.Request) {
	s.mailSelf(w, r, account.ResetPassword, "reset-sent")
}

func (s *Server) resendVerification(w http.ResponseWriter, r *http.Request) {
	if u := currentUser(r); u != nil && u.EmailVerified {
		http.Redirect(w, r, "/account", http.StatusSeeOther)
		return
	}
	s.mailSelf(w, r, account.VerifyEmail, "verify-sent")
}

// exportAccount downloads everything tagdrop holds on the signed-in shopper as JSON.
func (s *Server) exportAccount(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil {
		return
	}
	data, err := s.exportJSON(r.Context(), u.ID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Disposition", fmt.Sprintf(`attachment; filename="tagdrop-export-%s.json"`, s.now().UTC().Format("2006-01-02")))
	h.Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
	s.log.Info("data exported", "user_id", u.ID)
}

func (s *Server) exportJSON(ctx context.Context, userID int64) ([]byte, error) {
	exp, err := s.db.ExportUser(ctx, userID)
	if err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(exp, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export user %d: %w", userID, err)
	}
	return append(b, '\n'), nil
}

// deleteAccount deletes the signed-in account once its password (or, for a link-only account,
// its address) is typed again. Sessions, preferences, loves, searches, digests, queued mail and
// push subscriptions go with it through the foreign keys; click-outs stay, without the user.
func (s *Server) deleteAccount(w http.ResponseWriter, r *http.Request) {
	u := s.requireUser(w, r)
	if u == nil || !s.readForm(w, r) {
		return
	}
	show := func(v *accountView, msg string) { v.DeleteError = msg }
	confirm := r.PostForm.Get("confirm")
	if u.PasswordHash == "" {
		if !strings.EqualFold(strings.TrimSpace(confirm), u.Email) {
			s.accountError(w, r, u, http.StatusBadRequest, func(v *accountView) { show(v, "Confirm: type your e-mail address exactly to delete your account.") })
			return
		}
	} else {
		ok, answered := s.checkCurrentPassword(w, r, u, confirm, show)
		if answered {
			return
		}
		if !ok {
			s.accountError(w, r, u, http.StatusBadRequest, func(v *accountView) {
				show(v, "Password: that is not your password, so your account was not deleted.")
			})
			return
		}
	}
	if err := s.db.DeleteUser(r.Context(), u.ID); err != nil {
		s.fail(w, r, err)
		return
	}
	s.clearSessionCookie(w)
	s.log.Info("account deleted", "user_id", u.ID)
	http.Redirect(w, r, "/account/deleted", http.StatusSeeOther)
}

func (s *Server) accountDeleted(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "account_notice", noticeView{page: s.basePage(r, "Account deleted"),
		Heading: "Your account is deleted",
		Lines: []string{"Your account and everything tagdrop held on you are gone: preferences, loves, saved searches, digests and e-mails waiting to be sent.",
			"Thank you for shopping the sales with us."},
		Links: []noticeLink{{"/", "See today’s sales"}}})
}
