// Package accountmail writes the mails that account requests lead to: the verification link
// after a sign-up, the "someone tried to sign up" notice, password reset and sign-in links.
//
// The web handlers of sign-up, password reset and sign-in-link requests do the same work
// whether or not the typed address has an account: they enqueue one account_mail job
// (internal/queue) naming the address and the purpose, and answer. Only the job, off the
// request path, looks the address up and decides what, if anything, to write (Mailer.Send),
// so neither the answer nor its timing tells a visitor which addresses have accounts.
package accountmail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The purposes of an account_mail job: what the visitor asked for.
const (
	// SignUp follows a sign-up: a verification link to an unconfirmed account, the "someone
	// tried to sign up" notice to a confirmed one.
	SignUp = "signup"
	// Reset asks for a password reset link.
	Reset = "reset"
	// SignIn asks for a password-less sign-in link.
	SignIn = "signin"
)

// Mailer writes account mails into the outbox (the mail sender delivers them).
type Mailer struct {
	db      *store.DB
	baseURL string
	log     *slog.Logger
	now     func() time.Time
}

// New returns a Mailer whose links point at baseURL (the site's configured public address,
// never a request's Host header). A nil logger discards.
func New(db *store.DB, baseURL string, logger *slog.Logger) *Mailer {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Mailer{db: db, baseURL: strings.TrimRight(baseURL, "/"), log: logger, now: time.Now}
}

// ErrBadRequest marks a job that can never succeed (an unknown purpose, an address that is
// not normalised, an off-site next): retrying it is pointless.
var ErrBadRequest = errors.New("account mail request is not valid")

// Send does what an account request for the normalised address email asks (purpose SignUp,
// Reset or SignIn; next is the on-site path a sign-in link returns to). An address without an
// account gets nothing. For a sign-up, an unconfirmed account gets a fresh verification link
// (its owner cannot sign in until the address is confirmed, so "sign in instead" would lead
// nowhere) and a confirmed one the notice that someone tried to sign up with its address.
func (m *Mailer) Send(ctx context.Context, email, purpose, next string) error {
	if purpose != SignUp && purpose != Reset && purpose != SignIn {
		return fmt.Errorf("%w: purpose %q is not one of signup, reset, signin", ErrBadRequest, purpose)
	}
	if addr, err := account.NormalizeEmail(email); err != nil || addr != email {
		return fmt.Errorf("%w: the address of a %s request is not a normalised address", ErrBadRequest, purpose)
	}
	if next != "" && (purpose != SignIn || !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n")) {
		return fmt.Errorf("%w: next %q of a %s request is not an on-site path", ErrBadRequest, next, purpose)
	}
	u, err := m.db.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		m.log.Debug("account mail: no account has the address", "purpose", purpose)
		return nil
	}
	if err != nil {
		return err
	}
	switch {
	case purpose == Reset:
		return m.SendLink(ctx, u, account.ResetPassword, "")
	case purpose == SignIn:
		return m.SendLink(ctx, u, account.SignInLink, next)
	case u.EmailVerified:
		return m.SendSignupAttempt(ctx, u)
	default:
		return m.SendLink(ctx, u, account.VerifyEmail, "")
	}
}

// SendLink makes a single-use token of the purpose for u and queues the mail carrying it.
func (m *Mailer) SendLink(ctx context.Context, u account.User, purpose account.Purpose, next string) error {
	token, hash, err := account.NewLinkToken()
	if err != nil {
		return err
	}
	valid := purpose.Lifetime()
	am := notify.AccountMail{UserID: u.ID, To: u.Email, BaseURL: m.baseURL, Token: token, Next: next, Valid: valid}
	var msg notify.Message
	switch purpose {
	case account.VerifyEmail:
		msg, err = notify.RenderVerification(am)
	case account.ResetPassword:
		msg, err = notify.RenderPasswordReset(am)
	default:
		msg, err = notify.RenderSignInLink(am)
	}
	if err != nil {
		return err
	}
	if err := m.db.CreateAccountToken(ctx, u.ID, purpose, hash, m.now().Add(valid)); err != nil {
		return err
	}
	if _, err := m.db.QueueMessage(ctx, msg); err != nil {
		return err
	}
	m.log.Info("account mail queued", "kind", msg.Kind, "user_id", u.ID)
	return nil
}

// SendSignupAttempt tells an account's owner that someone tried to sign up with the address.
func (m *Mailer) SendSignupAttempt(ctx context.Context, u account.User) error {
	var nonce [12]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		return err
	}
	msg, err := notify.RenderSignupAttempt(notify.AccountMail{UserID: u.ID, To: u.Email, BaseURL: m.baseURL, Nonce: hex.EncodeToString(nonce[:])})
	if err != nil {
		return err
	}
	if _, err := m.db.QueueMessage(ctx, msg); err != nil {
		return err
	}
	m.log.Info("account mail queued", "kind", msg.Kind, "user_id", u.ID)
	return nil
}
