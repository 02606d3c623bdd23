package notify

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Envelope is the sender's side of every message: who it is from and where replies go.
type Envelope struct {
	// From is the sender, an address with an optional name ("tagdrop <sales@example.com>").
	From string
	// ReplyTo, when set, receives replies instead of From.
	ReplyTo string
}

// Validate checks the addresses, naming the setting at fault.
func (e Envelope) Validate() error {
	if strings.TrimSpace(e.From) == "" {
		return errors.New("mail-from: no sender address")
	}
	if _, err := parseAddress(e.From); err != nil {
		return fmt.Errorf("mail-from: %w", err)
	}
	if e.ReplyTo != "" {
		if _, err := parseAddress(e.ReplyTo); err != nil {
			return fmt.Errorf("mail-reply-to: %w", err)
		}
	}
	return nil
}

// parseAddress reads one address; CR, LF and other control characters are refused outright, so
// no value can start a header of its own.
func parseAddress(s string) (*mail.Address, error) {
	if hasControl(s) {
		return nil, fmt.Errorf("address %q contains a control character", s)
	}
	a, err := mail.ParseAddress(s)
	if err != nil {
		return nil, fmt.Errorf("address %q: %v", s, err)
	}
	return a, nil
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] == 0x7f {
			return true
		}
	}
	return false
}

// ValidMessageID checks a Message-ID as stored: "<left@right>", printable ASCII without spaces
// or angle brackets inside.
func ValidMessageID(id string) error {
	if len(id) < 5 || id[0] != '<' || id[len(id)-1] != '>' {
		return fmt.Errorf("message_id %q: not of the form <left@right>", id)
	}
	inner := id[1 : len(id)-1]
	left, right, ok := strings.Cut(inner, "@")
	if !ok || left == "" || right == "" || strings.Contains(right, "@") {
		return fmt.Errorf("message_id %q: not of the form <left@right>", id)
	}
	for i := 0; i < len(inner); i++ {
		if c := inner[i]; c <= ' ' || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\\' {
			return fmt.Errorf("message_id %q: character %q is not allowed", id, c)
		}
	}
	return nil
}

// maxSubject caps the subject line (in runes) so that no header line can grow past SMTP's limit.
const maxSubject = 200

// AppendMIME appends an outbox message as a complete RFC 5322 message, ready for SMTP DATA:
// multipart/alternative with a quoted-printable text part and a base64 HTML part (or the text
// part alone), its fixed Message-ID, Date (when it was queued), From, Reply-To, To, Subject and,
// for mail with an unsubscribe address, List-Unsubscribe and, when that address is https,
// List-Unsubscribe-Post (RFC 8058). Every header value is checked or cleaned first: a CR or LF
// from stored data can never reach a header. It returns the envelope sender and recipient too.
//
// The standard library does the encoding (net/mail for addresses, mime for encoded words,
// quotedprintable, base64); writing into one reused buffer is what makes it cheap. go-mail's
// message builder took about 200 µs for a 20-item digest, more than rendering and sending it.
func AppendMIME(b []byte, m Message, env Envelope) (out []byte, from, to string, err error) {
	if err := ValidMessageID(m.MessageID); err != nil {
		return b, "", "", err
	}
	rcpt, err := parseAddress(m.To)
	if err != nil {
		return b, "", "", fmt.Errorf("message %s: to: %w", m.MessageID, err)
	}
	sender, err := parseAddress(env.From)
	if err != nil {
		return b, "", "", fmt.Errorf("mail-from: %w", err)
	}
	var replyTo *mail.Address
	if env.ReplyTo != "" {
		if replyTo, err = parseAddress(env.ReplyTo); err != nil {
			return b, "", "", fmt.Errorf("mail-reply-to: %w", err)
		}
	}
	var oneClick bool
	if m.ListUnsubscribe != "" {
		u, err := url.Parse(m.ListUnsubscribe)
		if err != nil || hasControl(m.ListUnsubscribe) || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") ||
			strings.ContainsAny(m.ListUnsubscribe, "<> ") || len(m.ListUnsubscribe) > 900 {
			return b, "", "", fmt.Errorf("message %s: list_unsubscribe %q is not an http(s) URL", m.MessageID, m.ListUnsubscribe)
		}
		oneClick = u.Scheme == "https"
	}
	date := m.CreatedAt
	if date.IsZero() {
		date = time.Now()
	}
	b = append(b, "Date: "...)
	b = date.UTC().AppendFormat(b, time.RFC1123Z)
	b = append(b, "\r\nFrom: "...)
	b = append(b, sender.String()...)
	if replyTo != nil {
		b = append(b, "\r\nReply-To: "...)
		b = append(b, replyTo.String()...)
	}
	b = append(b, "\r\nTo: "...)
	b = append(b, rcpt.String()...)
	b = append(b, "\r\nMessage-ID: "...)
	b = append(b, m.MessageID...)
	b = append(b, "\r\nSubject: "...)
	b = appendSubject(b, m.Subject)
	if m.ListUnsubscribe != "" {
		b = append(b, "\r\nList-Unsubscribe: <"...)
		b = append(b, m.ListUnsubscribe...)
		b = append(b, '>')
		if oneClick {
			b = append(b, "\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click"...)
		}
	}
	b = append(b, "\r\nMIME-Version: 1.0\r\n"...)
	if m.HTMLBody == "" {
		b = appendTextPart(b, m.TextBody)
		if !bytes.HasSuffix(b, []byte("\r\n")) { // SMTP ends the data on a line break
			b = append(b, "\r\n"...)
		}
		return b, sender.Address, rcpt.Address, nil
	}
	var rnd [12]byte
	_, _ = rand.Read(rnd[:])
	boundary := "=_td" + hex.EncodeToString(rnd[:]) // "=_" occurs in neither quoted-printable nor base64
	b = append(b, "Content-Type: multipart/alternative; boundary=\""...)
	b = append(b, boundary...)
	b = append(b, "\"\r\n\r\n--"...)
	b = append(b, boundary...)
	b = append(b, "\r\n"...)
	b = appendTextPart(b, m.TextBody)
	b = append(b, "\r\n--"...)
	b = append(b, boundary...)
	b = append(b, "\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"...)
	b = appendBase64Lines(b, m.HTMLBody)
	b = append(b, "--"...)
	b = append(b, boundary...)
	b = append(b, "--\r\n"...)
	return b, sender.Address, rcpt.Address, nil
}

// appendSubject writes the subject cleaned, capped, and as RFC 2047 encoded words (folded
// between words) when it is not plain ASCII.
func appendSubject(b []byte, s string) []byte {
	s = cleanText(s)
	if utf8.RuneCountInString(s) > maxSubject {
		s = string([]rune(s)[:maxSubject-1]) + "…"
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 || s[i] == '=' || s[i] == '?' {
			enc := mime.QEncoding.Encode("UTF-8", s)
			return append(b, strings.ReplaceAll(enc, "?= =?", "?=\r\n =?")...)
		}
	}
	return append(b, s...)
}

// appendTextPart writes the text part's headers and its body in quoted-printable.
func appendTextPart(b []byte, text string) []byte {
	b = append(b, "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"...)
	return appendQuotedPrintable(b, text)
}
