package web

import (
	"database/sql"
	"net/http"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/accountmail"
	"github.com/tagdrop/tagdrop/internal/queue"
)

// Sign-up records the account and asks the shopper to open the link mailed to the address;
// nobody is signed in until they do (the verification link opens the session and leads to the
// first-run flow, /welcome). An address that already has an account gets the identical answer
// after the identical work: the same argon2id hash, the same store transaction (whose user
// insert does nothing on a taken address) and the same account_mail job. Only the job, off the
// request path, looks the address up and mails a verification link, the "someone tried to sign
// up" notice, or nothing (internal/accountmail). Password sign-in is refused until the address
// is confirmed (auth.go), so signing up and then signing in cannot tell the cases apart either.

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
	if s.cfg.AccountMail == nil {
		s.fail(w, r, errNoAccountMail)
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
	args := queue.AccountMailArgs{Email: addr, Purpose: accountmail.SignUp}
	err = s.db.SignUp(r.Context(), addr, hash, func(tx *sql.Tx) error { return s.cfg.AccountMail.InsertTx(r.Context(), tx, args) })
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("sign-up requested")
	w.Header().Set("Cache-Control", "no-store")
	s.render(w, r, http.StatusOK, "account_notice", noticeView{page: s.basePage(r, "Check your inbox"),
		Heading: "Check your inbox",
		Lines: []string{"We have sent a message to " + addr + ". Open the link in it within " + lifetimeText(account.VerifyEmail) +
			" to confirm the address: that signs you in and takes you to choosing your brands and sizes.",
			"If " + addr + " already has a confirmed tagdrop account, the message says so and how to sign in instead.",
			"Nothing arrived? Check your spam folder, or make sure you typed your address correctly."},
		Links: []noticeLink{{"/signin", "Back to sign in"}}})
}
