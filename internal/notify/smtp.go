package notify

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/textproto"
	"net/url"
	"strconv"
	"time"

	gomail "github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// TLS modes of an SMTP connection.
const (
	TLSStartTLS      = "starttls"      // plain connection upgraded by STARTTLS, which the server must offer (smtp://, port 587)
	TLSImplicit      = "tls"           // TLS from the first byte (smtps://, port 465)
	TLSOpportunistic = "opportunistic" // STARTTLS when offered, plain otherwise
	TLSNone          = "none"          // never encrypted: a relay on this machine, tests
)

// SMTPConfig says how to reach the mail server.
type SMTPConfig struct {
	Host     string
	Port     int
	Username string
	Password string
	// TLS is one of TLSStartTLS (default), TLSImplicit, TLSOpportunistic, TLSNone.
	TLS string
	// TLSConfig overrides the TLS settings (tests trust their own certificate with it).
	TLSConfig *tls.Config
	// HELO is the name given in EHLO (default: the machine's host name).
	HELO string
	// Timeout bounds connecting and each command (default 30 s).
	Timeout time.Duration
}

// ParseSMTPURL reads --smtp-url: smtp://USER:PASS@HOST:PORT (STARTTLS required, port 587 by
// default), smtps://… (implicit TLS, port 465) with an optional ?tls=opportunistic|none to relax
// it (a relay on localhost, for example). The user name and password are URL-decoded.
func ParseSMTPURL(raw string) (SMTPConfig, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return SMTPConfig{}, fmt.Errorf("smtp-url: not a URL: %v", errors.Unwrap(err))
	}
	var c SMTPConfig
	switch u.Scheme {
	case "smtp":
		c.TLS, c.Port = TLSStartTLS, 587
	case "smtps":
		c.TLS, c.Port = TLSImplicit, 465
	default:
		return SMTPConfig{}, fmt.Errorf("smtp-url %q: scheme must be smtp or smtps", redactURL(u))
	}
	c.Host = u.Hostname()
	if c.Host == "" {
		return SMTPConfig{}, fmt.Errorf("smtp-url %q: no host", redactURL(u))
	}
	if p := u.Port(); p != "" {
		if c.Port, err = strconv.Atoi(p); err != nil || c.Port < 1 || c.Port > 65535 {
			return SMTPConfig{}, fmt.Errorf("smtp-url %q: port %q is not between 1 and 65535", redactURL(u), p)
		}
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	q := u.Query()
	for k := range q {
		if k != "tls" {
			return SMTPConfig{}, fmt.Errorf("smtp-url %q: unknown parameter %q (only tls)", redactURL(u), k)
		}
	}
	if t := q.Get("tls"); t != "" {
		switch t {
		case TLSStartTLS, TLSImplicit, TLSOpportunistic, TLSNone:
			c.TLS = t
		default:
			return SMTPConfig{}, fmt.Errorf("smtp-url %q: tls=%q is not starttls, tls, opportunistic or none", redactURL(u), t)
		}
	}
	return c, nil
}

// String describes the server without the password.
func (c SMTPConfig) String() string {
	u := url.URL{Scheme: "smtp", Host: net.JoinHostPort(c.Host, strconv.Itoa(c.Port)), RawQuery: "tls=" + c.TLS}
	if c.Username != "" {
		u.User = url.User(c.Username)
		if c.Password != "" {
			u.User = url.UserPassword(c.Username, "REDACTED")
		}
	}
	return u.String()
}

func redactURL(u *url.URL) string {
	if _, ok := u.User.Password(); ok {
		c := *u
		c.User = url.UserPassword(u.User.Username(), "REDACTED")
		return c.String()
	}
	return u.String()
}

// SendError is a failed delivery, classified: a permanent failure (an SMTP 5xx reply) is not
// retried, and when the server refused the recipient the address is bad.
type SendError struct {
	Permanent bool
	// BadAddress says the server refused the recipient permanently (5xx to RCPT TO).
	BadAddress bool
	Code       int // the SMTP reply code, 0 when there was none (a network error)
	Err        error
}

func (e *SendError) Error() string { return e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

// Transport sends outbox messages over one SMTP connection, opened on first use and kept for
// the next messages (connection reuse); after any error but a refused recipient it is closed and
// the next send dials again. go-mail dials, negotiates TLS and authenticates; the messages are
// written by AppendMIME. A Transport is not safe for concurrent use: run one per connection.
type Transport struct {
	cfg    SMTPConfig
	env    Envelope
	client *gomail.Client
	conn   *smtp.Client // nil until dialled
	buf    []byte
	// pipelining, chunking and utf8 say what the server offers (EHLO), read when dialling.
	pipelining, chunking, utf8 bool
	// avoid turns extensions off, for tests of the plainer paths.
	avoid struct{ pipelining, chunking bool }
}

// NewTransport checks the settings and prepares (but does not open) a connection.
func NewTransport(cfg SMTPConfig, env Envelope) (*Transport, error) {
	if err := env.Validate(); err != nil {
		return nil, err
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	opts := []gomail.Option{gomail.WithPort(cfg.Port), gomail.WithTimeout(cfg.Timeout)}
	switch cfg.TLS {
	case "", TLSStartTLS:
		opts = append(opts, gomail.WithTLSPortPolicy(gomail.TLSMandatory))
	case TLSImplicit:
		opts = append(opts, gomail.WithSSLPort(false))
	case TLSOpportunistic:
		opts = append(opts, gomail.WithTLSPortPolicy(gomail.TLSOpportunistic))
	case TLSNone:
		opts = append(opts, gomail.WithTLSPortPolicy(gomail.NoTLS))
	default:
		return nil, fmt.Errorf("smtp tls %q is not starttls, tls, opportunistic or none", cfg.TLS)
	}
	if cfg.TLSConfig != nil {
		opts = append(opts, gomail.WithTLSConfig(cfg.TLSConfig))
	}
	if cfg.HELO != "" {
		opts = append(opts, gomail.WithHELO(cfg.HELO))
	}
	if cfg.Username != "" {
		// The strongest mechanism the server offers (SCRAM, CRAM-MD5, PLAIN or LOGIN, the last two
		// only once encrypted). With tls=none that leaves PLAIN, which go-mail then sends only to
		// a server on this machine (localhost), never in clear text over a network.
		auth := gomail.SMTPAuthAutoDiscover
		if cfg.TLS == TLSNone {
			auth = gomail.SMTPAuthPlain
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(cfg.Username), gomail.WithPassword(cfg.Password))
	}
	c, err := gomail.NewClient(cfg.Host, opts...)
	if err != nil {
		return nil, fmt.Errorf("smtp %s: %w", cfg, err)
	}
	return &Transport{cfg: cfg, env: env, client: c}, nil
}

// Send writes the message (AppendMIME) and sends it, dialling first if needed. A message that
// cannot be built is a permanent *SendError; so is a 5xx reply. Anything else (4xx, network
// errors) is temporary. The conversation ends at ctx's deadline when that comes before the
// Timeout (the sender's lease), with a temporary error and the connection closed.
func (t *Transport) Send(ctx context.Context, m Message) error {
	// The message is written after room for the commands, so that commands and message leave in
	// one write (one system call on a plain connection) instead of a buffer's worth, then the rest.
	buf := append(t.buf[:0], make([]byte, commandRoom)...)
	data, from, to, err := AppendMIME(buf, m, t.env)
	if err != nil {
		return &SendError{Permanent: true, Err: err}
	}
	t.buf = data
	return t.send(ctx, from, to, data, commandRoom)
}

// commandRoom is the room Send leaves before a message for MAIL, RCPT and BDAT (addresses are at
// most 254 bytes each in practice; longer commands are written apart).
const commandRoom = 640

// SendRaw sends a message already written (CRLF line ends), from and to one address. When the
// server offers PIPELINING (RFC 2920), MAIL, RCPT and DATA go out in one write and their replies
// are read together. When it also offers CHUNKING (RFC 3030), the message follows as one
// "BDAT n LAST" chunk in that same write: one round trip per message, and no dot-stuffing for
// either side. Otherwise the message is dot-stuffed in bulk while it is written.
func (t *Transport) SendRaw(ctx context.Context, from, to string, data []byte) error {
	return t.send(ctx, from, to, data, 0)
}

// send is SendRaw of buf[room:], where buf[:room] is free room that the commands may be
// written into so that they and the message go out together. A kept connection that the server
// closed while it was idle (go-smtp and Postfix end idle sessions after a timeout, with a 421 or
// nothing) fails before the server answered this message's MAIL FROM with anything but 421:
// nothing of the message was taken, so it is sent once more on a new connection instead of
// failing (and waiting for its retry) because the connection had gone stale.
func (t *Transport) send(ctx context.Context, from, to string, buf []byte, room int) error {
	reused := t.conn != nil
	stale, err := t.sendOnce(ctx, from, to, buf, room)
	if stale && reused {
		_, err = t.sendOnce(ctx, from, to, buf, room)
	}
	return err
}

// sendOnce is one try of send. stale says the try failed before the server took any part of the
// message: the connection could not be written, or it closed (or answered 421) before a reply to
// MAIL FROM that was not 421.
func (t *Transport) sendOnce(ctx context.Context, from, to string, buf []byte, room int) (stale bool, err error) {
	data := buf[room:]
	if t.timeLeft(ctx) <= 0 {
		return false, t.noTimeLeft()
	}
	if t.conn == nil {
		c, err := t.dial(ctx)
		if err != nil {
			return false, classify(fmt.Errorf("connect to %s: %w", t.cfg, err), false)
		}
		t.conn = c
		t.pipelining, _ = c.Extension("PIPELINING")
		t.utf8, _ = c.Extension("SMTPUTF8")
		t.chunking, _ = c.Extension("CHUNKING")
		t.pipelining, t.chunking = t.pipelining && !t.avoid.pipelining, t.chunking && !t.avoid.chunking
	}
	// Counted after the dial, which took some of it: the connection is kept for the next send.
	limit := t.timeLeft(ctx)
	if limit <= 0 {
		return false, t.noTimeLeft()
	}
	if err := t.conn.UpdateDeadline(limit); err != nil {
		return true, t.fail("connection", err, false)
	}
	tx := t.conn.Text
	mailCmd := "MAIL FROM:<" + from + ">"
	if t.utf8 && (!isASCII(from) || !isASCII(to)) {
		mailCmd += " SMTPUTF8"
	}
	cmds := [3]string{mailCmd, "RCPT TO:<" + to + ">", "DATA"}
	codes := [3]int{250, 25, 354}
	if t.chunking { // RFC 3030: the message goes as it is, counted, with no dot-stuffing
		cmds[2], codes[2] = "BDAT "+strconv.Itoa(len(data))+" LAST", 250
	}
	var errs [3]error
	if t.pipelining {
		if n := len(cmds[0]) + len(cmds[1]) + len(cmds[2]) + 6; t.chunking && n <= room && tx.W.Buffered() == 0 {
			// Commands and message in one slice: bufio writes a slice this large straight through.
			at := room - n
			for _, c := range cmds {
				at += copy(buf[at:], c)
				at += copy(buf[at:], "\r\n")
			}
			_, _ = tx.W.Write(buf[room-n:])
		} else {
			for _, c := range cmds {
				_, _ = tx.W.WriteString(c)
				_, _ = tx.W.WriteString("\r\n")
			}
			if t.chunking {
				_, _ = tx.W.Write(data)
			}
		}
		if err := tx.W.Flush(); err != nil {
			return true, t.fail("MAIL FROM", err, false)
		}
		for i := range cmds {
			if _, _, errs[i] = tx.ReadResponse(codes[i]); errs[i] != nil && !isReply(errs[i]) {
				// The connection broke: stale if MAIL FROM got no answer, or a 421.
				return i == 0 || closing(errs[0]), t.fail(cmds[i], errs[i], false)
			}
		}
	} else {
		for i, c := range cmds {
			_, _ = tx.W.WriteString(c)
			_, _ = tx.W.WriteString("\r\n")
			if i == 2 && t.chunking {
				_, _ = tx.W.Write(data)
			}
			if err := tx.W.Flush(); err != nil {
				return i == 0, t.fail(c, err, false)
			}
			if _, _, errs[i] = tx.ReadResponse(codes[i]); errs[i] != nil {
				if !isReply(errs[i]) {
					return i == 0, t.fail(c, errs[i], false)
				}
				break
			}
		}
	}
	switch {
	case errs[0] != nil:
		return closing(errs[0]), t.failInTransaction("MAIL FROM", errs[0], false, !t.chunking && errs[2] == nil && t.pipelining)
	case errs[1] != nil:
		return false, t.failInTransaction("RCPT TO", errs[1], true, !t.chunking && errs[2] == nil && t.pipelining)
	case errs[2] != nil:
		return false, t.fail(cmds[2][:4], errs[2], false)
	case t.chunking:
		return false, nil
	}
	if room > 0 && len(data) > 0 && data[0] != '.' && bytes.HasSuffix(data, []byte("\r\n")) && !bytes.Contains(data, []byte("\r\n.")) {
		// Nothing to stuff, and the buffer is ours: the message and its ending in one write.
		_, _ = tx.W.Write(append(data, ".\r\n"...))
	} else {
		writeDotStuffed(tx.W, data)
	}
	if err := tx.W.Flush(); err != nil {
		return false, t.fail("DATA", err, false)
	}
	if _, _, err := tx.ReadResponse(250); err != nil {
		return false, t.fail("end of DATA", err, false)
	}
	return false, nil
}

// timeLeft is how long the conversation may still take: the Timeout, or less until ctx's deadline.
func (t *Transport) timeLeft(ctx context.Context) time.Duration {
	if d, ok := ctx.Deadline(); ok {
		return min(t.cfg.Timeout, time.Until(d))
	}
	return t.cfg.Timeout
}

func (t *Transport) noTimeLeft() error {
	return &SendError{Err: fmt.Errorf("smtp %s: no time left to send: %w", t.cfg, context.DeadlineExceeded)}
}

// dial connects, greets, negotiates TLS and authenticates (go-mail), and gives up at ctx's end.
// go-mail bounds only the TCP connect (and an implicit TLS handshake) by ctx: the greeting,
// EHLO, STARTTLS and AUTH run under its own Timeout, so a server stalling there would carry the
// send past ctx's deadline (the sender's lease). When ctx ends first, dial returns ctx's error at
// once and the connection still being made is closed when it is made; nothing is sent on it.
func (t *Transport) dial(ctx context.Context) (*smtp.Client, error) {
	if ctx.Done() == nil {
		return t.client.DialToSMTPClientWithContext(ctx)
	}
	type dialled struct {
		c   *smtp.Client
		err error
	}
	done := make(chan dialled, 1)
	go func() {
		c, err := t.client.DialToSMTPClientWithContext(ctx)
		done <- dialled{c, err}
	}()
	select {
	case d := <-done:
		return d.c, d.err
	case <-ctx.Done():
		go func() {
			if d := <-done; d.c != nil {
				_ = d.c.Close()
			}
		}()
		return nil, fmt.Errorf("connecting: %w", context.Cause(ctx))
	}
}

// failInTransaction handles a refused MAIL or RCPT: if the server still accepted DATA (it
// should not), the empty message is ended; then the session is reset for the next message.
func (t *Transport) failInTransaction(step string, err error, rcpt, dataOpen bool) error {
	if dataOpen {
		_, _ = t.conn.Text.W.WriteString(".\r\n")
		_ = t.conn.Text.W.Flush()
		_, _, _ = t.conn.Text.ReadResponse(0)
	}
	return t.fail(step, err, rcpt)
}

// writeDotStuffed writes a message for DATA: every line starting with "." gets another one
// (RFC 5321 4.5.2), then the ending "CRLF . CRLF".
func writeDotStuffed(w *bufio.Writer, data []byte) {
	if len(data) > 0 && data[0] == '.' {
		_ = w.WriteByte('.')
	}
	for len(data) > 0 {
		i := bytes.Index(data, []byte("\r\n."))
		if i < 0 {
			_, _ = w.Write(data)
			break
		}
		_, _ = w.Write(data[:i+3])
		_ = w.WriteByte('.')
		data = data[i+3:]
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		_, _ = w.WriteString("\r\n")
	}
	_, _ = w.WriteString(".\r\n")
}

// closing says err is the server's 421 reply: it is closing the session (RFC 5321 3.8), as
// servers do to a connection left idle too long.
func closing(err error) bool {
	var tp *textproto.Error
	return errors.As(err, &tp) && tp.Code == 421
}

func isReply(err error) bool {
	var tp *textproto.Error
	return errors.As(err, &tp)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// fail classifies a failed step. A recipient refused with a reply leaves the session usable
// after RSET; anything else closes the connection, so the next message starts afresh.
func (t *Transport) fail(step string, err error, rcpt bool) error {
	var tp *textproto.Error
	replied := errors.As(err, &tp)
	if !(rcpt && replied) || t.conn.Reset() != nil {
		t.Close()
	}
	return classify(fmt.Errorf("%s: %w", step, err), rcpt && replied)
}

// classify turns an error into a *SendError: permanent only on a 5xx reply.
func classify(err error, rcpt bool) error {
	code := 0
	var tp *textproto.Error
	var se *gomail.SendError
	switch {
	case errors.As(err, &tp):
		code = tp.Code
	case errors.As(err, &se):
		code = se.ErrorCode()
	}
	perm := code >= 500 && code < 600
	return &SendError{Permanent: perm, BadAddress: perm && rcpt, Code: code, Err: err}
}

// Close ends the connection, if open (QUIT, then close).
func (t *Transport) Close() error {
	if t.conn == nil {
		return nil
	}
	c := t.conn
	t.conn = nil
	return t.client.CloseWithSMTPClient(c)
}
