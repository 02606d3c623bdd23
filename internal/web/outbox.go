package web

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// The outbox shows every e-mail tagdrop has queued, as it would be sent. It is how an install
// without a mail server (and the demo) shows its sign-in links and digests. Messages hold
// shoppers' addresses and sign-in links, so the pages exist only while the server runs in demo
// mode, where every account is sample data; otherwise they answer 404 as if they did not exist.
// Signed-in admins see it too.
//
// Account mails (verification, password reset, sign-in and set-password links) carry live
// single-use links, so their bodies show only to a viewer signed in as their recipient; everyone
// else, admins included, sees "hidden: sent to …". One exception, in demo mode only: verification
// mails show to everyone, because sign-up signs nobody in before the address is confirmed, so a
// demo visitor has no other way to read the link (the demo's own accounts are all confirmed, so
// such a mail only ever confirms an account a visitor just made up). The sender also blanks
// them once the mail server has them (store.MarkMessageSent). Dropped link requests for addresses without an
// account, which tagdrop before the account-mail job wrote (store.DroppedStatus), are not listed.

// outboxLimit caps the messages listed.
const outboxLimit = 200

// outboxVisible says whether this request may see the outbox.
func (s *Server) outboxVisible(r *http.Request) bool {
	if s.cfg.Demo {
		return true
	}
	u := currentUser(r)
	return u != nil && u.Role == account.Admin
}

// outboxView lists queued and sent messages.
type outboxView struct {
	page
	Messages []outboxItem
}

// outboxItem is one listed message and whether its bodies are hidden from this viewer.
type outboxItem struct {
	notify.Message
	Hidden bool
}

// bodyHidden reports whether m's bodies must not be shown to the request's viewer: an account
// mail shows only to its recipient, signed in.
func (s *Server) bodyHidden(r *http.Request, m notify.Message) bool {
	if s.cfg.Demo && m.Kind == notify.KindVerify {
		return false
	}
	switch m.Kind {
	case notify.KindVerify, notify.KindReset, notify.KindSignIn:
		u := currentUser(r)
		return u == nil || m.UserID == 0 || u.ID != m.UserID
	}
	return false
}

func (s *Server) outbox(w http.ResponseWriter, r *http.Request) {
	if !s.outboxVisible(r) {
		s.notFound(w, r)
		return
	}
	msgs, err := s.db.Outbox(r.Context(), outboxLimit)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	v := outboxView{page: s.basePage(r, "Outbox")}
	for _, m := range msgs {
		if m.Status == store.DroppedStatus {
			continue
		}
		v.Messages = append(v.Messages, outboxItem{Message: m, Hidden: s.bodyHidden(r, m)})
	}
	s.render(w, r, http.StatusOK, "outbox", v)
}

// messageView shows one message: its headers, the HTML part in a sandboxed frame and the text
// part, or in place of both, for an account mail and anyone but its recipient, that it is hidden.
type messageView struct {
	page
	Message notify.Message
	Hidden  bool
}

func (s *Server) outboxMessage(r *http.Request) (notify.Message, error) {
	if !s.outboxVisible(r) {
		return notify.Message{}, store.ErrNotFound
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return notify.Message{}, fmt.Errorf("message %q: %w", r.PathValue("id"), store.ErrNotFound)
	}
	m, err := s.db.Message(r.Context(), id)
	if err == nil && m.Status == store.DroppedStatus {
		return notify.Message{}, fmt.Errorf("message %d: %w", id, store.ErrNotFound)
	}
	if err == nil && s.bodyHidden(r, m) {
		m.TextBody, m.HTMLBody = "", ""
	}
	return m, err
}

func (s *Server) message(w http.ResponseWriter, r *http.Request) {
	m, err := s.outboxMessage(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "message", messageView{page: s.basePage(r, m.Subject), Message: m, Hidden: s.bodyHidden(r, m)})
}

// messageHTMLPolicy confines a message's HTML part: it may style itself inline and show images,
// but runs no script, loads nothing else, submits nothing, and is framed only by our own page.
// The CSP sandbox gives it an opaque origin even when opened directly.
const messageHTMLPolicy = "default-src 'none'; img-src 'self' https: data:; style-src 'unsafe-inline'; " +
	"form-action 'none'; base-uri 'none'; frame-ancestors 'self'; sandbox"

// messageHTML serves a message's HTML part on its own, for the frame on the message page. Mail
// HTML relies on inline styles, which the site's CSP rightly forbids, so it gets its own policy.
func (s *Server) messageHTML(w http.ResponseWriter, r *http.Request) {
	m, err := s.outboxMessage(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", messageHTMLPolicy)
	h.Set("X-Frame-Options", "SAMEORIGIN")
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	body := m.HTMLBody
	if s.bodyHidden(r, m) {
		body = "<p>Hidden: this e-mail carries a single-use link and shows only to its recipient, signed in.</p>"
	} else if body == "" {
		body = "<p>This message has no HTML part.</p>"
	}
	_, _ = w.Write([]byte(body))
}
