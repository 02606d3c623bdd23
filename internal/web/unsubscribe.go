package web

import (
	"errors"
	"net/http"
	"strings"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Unsubscribing (RFC 8058). Every digest carries a per-shopper link, BASE/unsubscribe/TOKEN,
// in its List-Unsubscribe header and its footer; the token is signed with the installation's
// secret over the shopper's id and account creation time (notify.UnsubscribeToken), so it works without signing in, cookies or any stored state.
//
//   - GET shows what the link will do and a button; it changes nothing, because mail scanners
//     and link previewers fetch every link in a message.
//   - POST turns the shopper's digests off (frequency "off") and answers 200 with a page saying
//     so: no redirect (RFC 8058 forbids one) and no login. Mail providers send this POST
//     themselves ("List-Unsubscribe=One-Click" in the body) when the shopper presses their
//     Unsubscribe button.
//
// Cross-origin: http.CrossOriginProtection (routes.go) lets through requests with neither
// Sec-Fetch-Site nor Origin, which is how providers' servers post. But a provider may also post
// from the shopper's browser (a webmail page on its own origin), which sends
// "Sec-Fetch-Site: cross-site" and would get 403. So routes.go exempts exactly
// "POST /unsubscribe/{token}" with AddInsecureBypassPattern. That is safe because this handler
// trusts nothing but the token: a forged cross-site POST needs the token, and whoever has it can
// already unsubscribe, which is what it is for. It acts on no session, and reads no cookie.

// unsubscribeView is the confirm page and its outcome.
type unsubscribeView struct {
	page
	Token string
	// Address is the shopper's address, partly hidden ("a…a@example.com").
	Address string
	// Already says digests were already off (GET) or are now off (POST: Done).
	Already bool
	Done    bool
}

// unsubscribeUser resolves a token to its shopper; a bad token, a deleted account or a token
// of an earlier account that had the same id is not found. A token of the wrong shape costs
// no database work at all; the secret is read once and then kept in memory (store.MailSecret).
func (s *Server) unsubscribeUser(r *http.Request) (account.User, error) {
	token := r.PathValue("token")
	id, ok := notify.UnsubscribeTokenUser(token)
	if !ok {
		return account.User{}, store.ErrNotFound
	}
	secret, err := s.db.MailSecret(r.Context())
	if err != nil {
		return account.User{}, err
	}
	u, err := s.db.UserByID(r.Context(), id)
	if err != nil {
		return account.User{}, err
	}
	if !notify.VerifyUnsubscribeToken(secret, token, u.ID, u.CreatedAt) {
		return account.User{}, store.ErrNotFound
	}
	return u, nil
}

func (s *Server) unsubscribePage(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	u, err := s.unsubscribeUser(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := unsubscribeView{page: s.basePage(r, "Unsubscribe"), Token: r.PathValue("token"), Address: maskAddress(u.Email)}
	if p, err := s.db.Preferences(r.Context(), u.ID); err == nil && p.Frequency == account.NoDigest {
		v.Already = true
	} else if err != nil && !errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "unsubscribe", v)
}

func (s *Server) unsubscribe(w http.ResponseWriter, r *http.Request) {
	noStore(w)
	u, err := s.unsubscribeUser(r)
	if err == nil {
		err = s.db.Unsubscribe(r.Context(), u.ID)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.log.Info("unsubscribed from digests", "user_id", u.ID)
	s.render(w, r, http.StatusOK, "unsubscribe", unsubscribeView{page: s.basePage(r, "Unsubscribed"),
		Token: r.PathValue("token"), Address: maskAddress(u.Email), Done: true})
}

// noStore keeps the page (and the token in its URL) out of caches and search engines.
func noStore(w http.ResponseWriter) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	w.Header().Set("Referrer-Policy", "no-referrer")
}

// maskAddress hides most of the local part: a link may be forwarded, the address need not be.
func maskAddress(email string) string {
	local, domain, ok := strings.Cut(email, "@")
	if !ok || local == "" {
		return "your address"
	}
	r := []rune(local)
	if len(r) <= 2 {
		return string(r[:1]) + "…@" + domain
	}
	return string(r[0]) + "…" + string(r[len(r)-1]) + "@" + domain
}
