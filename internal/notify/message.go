// Package notify tells shoppers about their sales: e-mail (HTML and text), web push, Atom and
// webhooks. Every message is first written to the outbox (the messages table) so that sending can
// be retried after a crash, and so that an install without a mail server can show what would
// have been sent.
package notify

import "time"

// Status is where a message is in the outbox.
type Status string

// The outbox states.
const (
	Queued Status = "queued"
	Sent   Status = "sent"
	Failed Status = "failed"
)

// Message is one e-mail in the outbox, rendered and ready to send.
type Message struct {
	ID     int64
	UserID int64 // 0 when the message is to an address without an account
	// Kind says what the message is for ("welcome", "digest", "signin", …).
	Kind string
	// MessageID is the RFC 5322 Message-ID, angle brackets included ("<…@tagdrop>"); it is
	// unique, so queueing the same message twice is refused.
	MessageID string
	To        string
	Subject   string
	TextBody  string
	HTMLBody  string
	// ListUnsubscribe is the https address of the one-click unsubscribe (RFC 8058) that the
	// List-Unsubscribe header carries; empty for transactional mail, which has none.
	ListUnsubscribe string
	Status          Status
	Attempts        int
	LastError       string
	CreatedAt       time.Time
	SentAt          time.Time // zero until sent
}
