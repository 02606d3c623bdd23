package web

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The pages e-mailed links open. GET only looks the token up (mail scanners and link previews
// fetch every link, and must not use it up) and shows a button; the button's POST uses it. An
// unknown, used, expired or wrong-purpose token gets one clear "link expired or used" page.

// noticeView is a page that says one thing: a result, or why something did not work.
type noticeView struct {
	page
	Heading string
	Lines   []string
	Links   []noticeLink
}

// noticeLink is an action offered under a notice.
type noticeLink struct {
	Href, Label string
}

// confirmView is the page an e-mailed link opens: what the button will do, and the button.
type confirmView struct {
	page
	Heading string
	Lede    string
	Action  string
	Button  string
	Token   string
	Next    string
	Email   string
	// AskPassword adds the sign-up password field (verifyView); Error says what was wrong.
	AskPassword bool
	Error       string
}

// requestView asks for an address to mail a link to (forgotten password, sign-in link).
type requestView struct {
	page
	Heading string
	Lede    string
	Action  string
	Button  string
	Email   string
	Next    string
	Error   string
}

// resetView is the form for a new password, opened from a reset link.
type resetView struct {
	page
	Token       string
	Email       string
	Error       string
	MinPassword int
}

// linkToken reads the token of a link page from the query (GET) or the form (POST).
func linkToken(r *http.Request) string {
	if r.Method == http.MethodPost {
		return r.PostForm.Get("t")
	}
	return r.URL.Query().Get("t")
}

// badLink answers a link that does not work (any more) with 410 Gone and a way forward.
func (s *Server) badLink(w http.ResponseWriter, r *http.Request, again noticeLink) {
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusGone, "account_notice", noticeView{page: s.basePage(r, "Link expired"),
		Heading: "This link has expired or was already used",
		Lines: []string{"Links in tagdrop's e-mails work once and only for a limited time, so that a forwarded or old mail cannot be used to get into your account.",
			"You can ask for a new one."},
		Links: []noticeLink{again}})
}

// tokenUser looks a link's token up without using it; false means the page was answered.
func (s *Server) tokenUser(w http.ResponseWriter, r *http.Request, p account.Purpose, again noticeLink) (account.User, bool) {
	token := linkToken(r)
	if token == "" || len(token) > 200 {
		s.badLink(w, r, again)
		return account.User{}, false
	}
	u, err := s.db.AccountTokenUser(r.Context(), p, account.HashSessionToken(token))
	if errors.Is(err, store.ErrNotFound) {
		s.badLink(w, r, again)
		return account.User{}, false
	}
	if err != nil {
		s.fail(w, r, err)
		return account.User{}, false
	}
	return u, true
}

var (
	againVerify = noticeLink{"/account", "Send a new confirmation link from your account"}
	againReset  = noticeLink{notify.ForgotPath, "Ask for a new password reset link"}
	againSignin = noticeLink{"/signin/link", "E-mail me a new sign-in link"}
)

func (s *Server) verifyPage(w http.ResponseWriter, r *http.Request) {
	u, ok := s.tokenUser(w, r, account.VerifyEmail, againVerify)
	if !ok {
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "account_confirm", verifyView(s, r, u))
}

// verifyView is the page a verification link opens. An account not confirmed yet that has a
// password asks for it: only whoever chose it at sign-up can type it, so typing it keeps it,
// and an empty field removes it (someone else may have signed up with this address).
func verifyView(s *Server, r *http.Request, u account.User) confirmView {
	return confirmView{page: s.basePage(r, "Confirm your address"),
		Heading: "Confirm your address", Lede: "Press the button to confirm that this is your e-mail address:",
		Action: notify.VerifyPath, Button: "Confirm my address", Token: linkToken(r), Email: u.Email,
		AskPassword: !u.EmailVerified && u.PasswordHash != ""}
}

// verify confirms the address. The first confirmation of an account signs the clicker in with
// a new session (every older one of the account ends, and the clicker's own previous one) and
// leads to the first-run flow.
func (s *Server) verify(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	before, ok := s.tokenUser(w, r, account.VerifyEmail, againVerify) // looks the link up, does not use it
	if !ok {
		return
	}
	keep, ok := s.signupPasswordTyped(w, r, before)
	if !ok {
		return
	}
	token, sessionHash, err := account.NewSessionToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	expires := s.now().Add(account.SessionLifetime)
	clicker := s.requestSessionHash(r)
	u, first, err := s.db.ConfirmSignupWithToken(r.Context(), account.HashSessionToken(linkToken(r)), keep, clicker, sessionHash, expires)
	if errors.Is(err, store.ErrNotFound) {
		s.badLink(w, r, againVerify)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("address verified", "user_id", u.ID, "first", first)
	if !first {
		next := noticeLink{"/signin", "Sign in"}
		if cu := currentUser(r); cu != nil && cu.ID == u.ID {
			next = noticeLink{"/account", "Go to your account"}
		}
		s.render(w, r, http.StatusOK, "account_notice", noticeView{page: s.basePage(r, "Address confirmed"),
			Heading: "Your address is confirmed", Lines: []string{"Thank you. Your sale digests and sign-in links will reach " + u.Email + "."},
			Links: []noticeLink{next}})
		return
	}
	// The clicker's previous session (whoever's it was) ends: a sign-in never reuses a token.
	if clicker != "" && clicker != sessionHash {
		_ = s.db.DeleteSession(r.Context(), clicker)
	}
	s.setSessionCookie(w, token, expires)
	if before.PasswordHash == "" || u.PasswordHash != "" {
		http.Redirect(w, r, welcomePath, http.StatusSeeOther)
		return
	}
	s.render(w, r, http.StatusOK, "account_notice", noticeView{page: s.basePage(r, "Address confirmed"),
		Heading: "Your address is confirmed",
		Lines: []string{"Thank you. Your sale digests and sign-in links will reach " + u.Email + ". You are signed in on this device, and signed out everywhere else.",
			"For your safety the password chosen when the account was created was removed: anyone could have chosen it before the address was confirmed. Sign in by e-mailed link, or set a new password from your account."},
		Links: []noticeLink{{welcomePath, "Choose your brands and sizes"}, {"/account", "Set a password"}}})
}

// signupPasswordTyped checks the sign-up password typed on the verification page: keep is true
// when it matches. An empty field is no error (the password will be removed); a wrong one is
// answered here (ok false) without using the link, with the same argon2id work as sign-in.
func (s *Server) signupPasswordTyped(w http.ResponseWriter, r *http.Request, u account.User) (keep, ok bool) {
	password := r.PostForm.Get("password")
	if password == "" || u.EmailVerified || u.PasswordHash == "" {
		return false, true
	}
	v := verifyView(s, r, u)
	if !s.passwords.acquire(r.Context()) {
		w.Header().Set("Retry-After", "5")
		v.Error = "We are busy right now. Please try again in a few seconds."
		s.render(w, r, http.StatusServiceUnavailable, "account_confirm", v)
		return false, false
	}
	match := false
	if len(password) <= 1000 {
		match, _ = account.CheckPassword(u.PasswordHash, password)
	}
	s.passwords.release()
	if !match {
		w.Header().Set("Cache-Control", "no-store")
		v.Error = "Password: that is not the password chosen when the account was created. Type it again, or leave the field empty to remove it."
		s.render(w, r, http.StatusBadRequest, "account_confirm", v)
		return false, false
	}
	return true, true
}

func (s *Server) forgotPage(w http.ResponseWriter, r *http.Request) {
	v := forgotView(s, r)
	if u := currentUser(r); u != nil {
		v.Email = u.Email
	}
	s.render(w, r, http.StatusOK, "account_request", v)
}

func forgotView(s *Server, r *http.Request) requestView {
	return requestView{page: s.basePage(r, "Forgot your password?"), Heading: "Forgot your password?",
		Lede:   "Enter your account's e-mail address and we will send you a link to choose a new password.",
		Action: notify.ForgotPath, Button: "E-mail me a reset link"}
}

func (s *Server) forgot(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	v := forgotView(s, r)
	v.Email = r.PostForm.Get("email")
	s.mailLink(w, r, v, account.ResetPassword, "")
}

// mailLink handles a request for an e-mailed link: the same answer, after the same work (one
// account_mail job), whether or not the address has an account; the job mails only an address
// that has one (enqueueAccountMail).
func (s *Server) mailLink(w http.ResponseWriter, r *http.Request, v requestView, p account.Purpose, next string) {
	addr, err := account.NormalizeEmail(v.Email)
	if err != nil {
		v.Error = "E-mail address: please enter an address like name@example.com."
		s.render(w, r, http.StatusBadRequest, "account_request", v)
		return
	}
	if msg, limited := s.mailLimited(w, r, addr); limited {
		v.Error = msg
		s.render(w, r, http.StatusTooManyRequests, "account_request", v)
		return
	}
	if err := s.enqueueAccountMail(r.Context(), addr, p, next); err != nil {
		s.fail(w, r, err)
		return
	}
	what := "a link to choose a new password"
	if p == account.SignInLink {
		what = "a sign-in link"
	}
	s.render(w, r, http.StatusOK, "account_notice", noticeView{page: s.basePage(r, "Check your e-mail"),
		Heading: "Check your e-mail",
		Lines: []string{"If " + addr + " belongs to a tagdrop account, we have sent it " + what + ". It works once and for " + lifetimeText(p) + ".",
			"Nothing arrived? Check your spam folder, or make sure you typed the address you signed up with."},
		Links: []noticeLink{{"/signin", "Back to sign in"}}})
}

func lifetimeText(p account.Purpose) string {
	switch d := p.Lifetime(); {
	case d >= 48*time.Hour:
		return fmt.Sprintf("%d days", int(d.Hours()/24))
	case d >= 2*time.Hour:
		return fmt.Sprintf("%d hours", int(d.Hours()))
	case d >= time.Hour:
		return "one hour"
	default:
		return fmt.Sprintf("%d minutes", int(d.Minutes()))
	}
}

func (s *Server) resetPage(w http.ResponseWriter, r *http.Request) {
	u, ok := s.tokenUser(w, r, account.ResetPassword, againReset)
	if !ok {
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "account_reset", resetView{page: s.basePage(r, "Choose a new password"),
		Token: linkToken(r), Email: u.Email, MinPassword: account.MinPasswordLength})
}

func (s *Server) reset(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	u, ok := s.tokenUser(w, r, account.ResetPassword, againReset)
	if !ok {
		return
	}
	password := r.PostForm.Get("password")
	v := resetView{page: s.basePage(r, "Choose a new password"), Token: linkToken(r), Email: u.Email, MinPassword: account.MinPasswordLength}
	if len(password) < account.MinPasswordLength || len(password) > 1000 {
		v.Error = "New password: please use between 8 and 1000 characters."
		s.render(w, r, http.StatusBadRequest, "account_reset", v)
		return
	}
	if !s.passwords.acquire(r.Context()) {
		w.Header().Set("Retry-After", "5")
		v.Error = "We are busy right now. Please try again in a few seconds."
		s.render(w, r, http.StatusServiceUnavailable, "account_reset", v)
		return
	}
	hash, err := account.HashPassword(password)
	s.passwords.release()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	token, sessionHash, err := account.NewSessionToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	expires := s.now().Add(account.SessionLifetime)
	s.endRequestSession(r)
	u, err = s.db.ResetPasswordWithToken(r.Context(), account.HashSessionToken(linkToken(r)), hash, sessionHash, expires)
	if errors.Is(err, store.ErrNotFound) {
		s.badLink(w, r, againReset)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.setSessionCookie(w, token, expires)
	s.signins.reset(r.Context(), "email:"+u.Email)
	s.log.Info("password reset", "user_id", u.ID)
	http.Redirect(w, r, "/account?done=password", http.StatusSeeOther)
}

func signinLinkView(s *Server, r *http.Request) requestView {
	return requestView{page: s.basePage(r, "E-mail me a sign-in link"), Heading: "Sign in without a password",
		Lede:   "Enter your account's e-mail address and we will send you a link that signs you in on this device.",
		Action: "/signin/link", Button: "E-mail me a sign-in link"}
}

func (s *Server) signinLinkPage(w http.ResponseWriter, r *http.Request) {
	v := signinLinkView(s, r)
	v.Next = safeNext(r.URL.Query().Get("next"))
	s.render(w, r, http.StatusOK, "account_request", v)
}

func (s *Server) signinLink(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	v := signinLinkView(s, r)
	v.Email, v.Next = r.PostForm.Get("email"), safeNext(r.PostForm.Get("next"))
	s.mailLink(w, r, v, account.SignInLink, v.Next)
}

func (s *Server) signinLinkConfirmPage(w http.ResponseWriter, r *http.Request) {
	u, ok := s.tokenUser(w, r, account.SignInLink, againSignin)
	if !ok {
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "account_confirm", confirmView{page: s.basePage(r, "Sign in"),
		Heading: "Sign in to tagdrop", Lede: "Press the button to sign in on this device as:",
		Action: notify.SignInLinkPath, Button: "Sign in", Token: linkToken(r), Email: u.Email,
		Next: safeNext(r.URL.Query().Get("next"))})
}

func (s *Server) signinLinkConfirm(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r) {
		return
	}
	token, sessionHash, err := account.NewSessionToken()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	expires := s.now().Add(account.SessionLifetime)
	u, err := s.db.SignInWithToken(r.Context(), account.HashSessionToken(linkToken(r)), s.requestSessionHash(r), sessionHash, expires)
	if errors.Is(err, store.ErrNotFound) {
		s.badLink(w, r, againSignin)
		return
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if old := s.requestSessionHash(r); old != "" && old != sessionHash {
		_ = s.db.DeleteSession(r.Context(), old)
	}
	s.setSessionCookie(w, token, expires)
	s.log.Info("signed in by link", "user_id", u.ID)
	http.Redirect(w, r, safeNext(r.PostForm.Get("next")), http.StatusSeeOther)
}
