package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-smtp"

	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
)

var testEnvelope = Envelope{From: "tagdrop <sales@tagdrop.example>", ReplyTo: "help@tagdrop.example"}

func writeMIME(t *testing.T, m Message, env Envelope) *mail.Message {
	t.Helper()
	data, from, to, err := AppendMIME(nil, m, env)
	if err != nil {
		t.Fatal(err)
	}
	if from == "" || to != strings.Trim(m.To, " ") {
		t.Errorf("envelope %q → %q", from, to)
	}
	for _, line := range strings.Split(string(data), "\r\n") {
		if len(line) > 998 || strings.ContainsAny(line, "\r\n") {
			t.Fatalf("a line of %d bytes or with a bare CR/LF: %.80q", len(line), line)
		}
	}
	pm, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("the message does not parse: %v\n%s", err, data)
	}
	return pm
}

// parts reads a multipart/alternative body into content type → decoded body.
func parts(t *testing.T, pm *mail.Message) map[string]string {
	t.Helper()
	mt, params, err := mime.ParseMediaType(pm.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/alternative" {
		t.Fatalf("Content-Type %q, want multipart/alternative", pm.Header.Get("Content-Type"))
	}
	out := map[string]string{}
	r := multipart.NewReader(pm.Body, params["boundary"])
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		var body io.Reader = p
		switch p.Header.Get("Content-Transfer-Encoding") {
		case "quoted-printable":
			body = quotedprintable.NewReader(p)
		case "base64":
			body = base64.NewDecoder(base64.StdEncoding, p)
		}
		data, _ := io.ReadAll(body)
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		out[ct] = strings.ReplaceAll(string(data), "\r\n", "\n") // MIME text has CRLF line ends
	}
}

func TestBuildMIMEHeaders(t *testing.T) {
	m, err := RenderDigest(testDigest(20))
	if err != nil {
		t.Fatal(err)
	}
	m.CreatedAt = time.Date(2026, 11, 26, 8, 0, 0, 0, time.UTC)
	pm := writeMIME(t, m, testEnvelope)
	h := pm.Header
	if got := h.Get("Message-Id"); got != m.MessageID {
		t.Errorf("Message-ID %q, want %q", got, m.MessageID)
	}
	if d, err := h.Date(); err != nil || !d.Equal(m.CreatedAt) {
		t.Errorf("Date %q (%v), want the time it was queued", h.Get("Date"), err)
	}
	if from, _ := h.AddressList("From"); len(from) != 1 || from[0].Address != "sales@tagdrop.example" || from[0].Name != "tagdrop" {
		t.Errorf("From %q", h.Get("From"))
	}
	if rt, _ := h.AddressList("Reply-To"); len(rt) != 1 || rt[0].Address != "help@tagdrop.example" {
		t.Errorf("Reply-To %q", h.Get("Reply-To"))
	}
	if to, _ := h.AddressList("To"); len(to) != 1 || to[0].Address != m.To {
		t.Errorf("To %q", h.Get("To"))
	}
	subject, _ := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	if subject != m.Subject {
		t.Errorf("Subject %q, want %q", subject, m.Subject)
	}
	if got := h.Get("List-Unsubscribe"); got != "<"+m.ListUnsubscribe+">" {
		t.Errorf("List-Unsubscribe %q", got)
	}
	if got := h.Get("List-Unsubscribe-Post"); got != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post %q", got)
	}
	p := parts(t, pm)
	if p["text/plain"] != m.TextBody {
		t.Errorf("text part differs from the stored one")
	}
	if p["text/html"] != m.HTMLBody {
		t.Errorf("HTML part differs from the stored one")
	}
}

func TestBuildMIMEWithoutUnsubscribe(t *testing.T) {
	m := Message{MessageID: "<signin-1@tagdrop>", To: "ada@example.com", Subject: "Your sign-in link", TextBody: "hello"}
	pm := writeMIME(t, m, Envelope{From: "sales@tagdrop.example"})
	if pm.Header.Get("List-Unsubscribe") != "" || pm.Header.Get("List-Unsubscribe-Post") != "" || pm.Header.Get("Reply-To") != "" {
		t.Errorf("transactional mail got list headers or Reply-To: %v", pm.Header)
	}
	// A plain http address (a development install) is listed, but one-click needs https.
	m.ListUnsubscribe = "http://127.0.0.1:8080/unsubscribe/1.x"
	pm = writeMIME(t, m, Envelope{From: "sales@tagdrop.example"})
	if pm.Header.Get("List-Unsubscribe") == "" || pm.Header.Get("List-Unsubscribe-Post") != "" {
		t.Errorf("http unsubscribe address: %v", pm.Header)
	}
}

// TestHeaderInjection: no value from the outbox or the settings can add a header line.
func TestHeaderInjection(t *testing.T) {
	base := Message{MessageID: "<m-1@tagdrop>", To: "ada@example.com", Subject: "Sale", TextBody: "x"}
	tests := []struct {
		name    string
		edit    func(*Message, *Envelope)
		refused string // the field the error must name; "" when the message is built, cleaned
	}{
		{"subject", func(m *Message, _ *Envelope) { m.Subject = "Sale\r\nBcc: evil@example.com" }, ""},
		{"subject LF", func(m *Message, _ *Envelope) { m.Subject = "Sale\nBcc: evil@example.com" }, ""},
		{"subject unicode", func(m *Message, _ *Envelope) { m.Subject = "Totême\r\nBcc: evil@example.com" }, ""},
		{"to", func(m *Message, _ *Envelope) { m.To = "ada@example.com\r\nBcc: evil@example.com" }, "to"},
		{"message id", func(m *Message, _ *Envelope) { m.MessageID = "<m-1@tagdrop>\r\nBcc: evil@example.com" }, "message_id"},
		{"list-unsubscribe", func(m *Message, _ *Envelope) {
			m.ListUnsubscribe = "https://t.example/u/1\r\nBcc: evil@example.com"
		}, "list_unsubscribe"},
		{"from", func(_ *Message, e *Envelope) { e.From = "a@tagdrop.example\r\nBcc: evil@example.com" }, "mail-from"},
		{"reply-to", func(_ *Message, e *Envelope) { e.ReplyTo = "a@tagdrop.example\nBcc: evil@example.com" }, "mail-reply-to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, env := base, testEnvelope
			tt.edit(&m, &env)
			data, _, _, err := AppendMIME(nil, m, env)
			if tt.refused != "" {
				if err == nil || !strings.Contains(err.Error(), tt.refused) {
					t.Fatalf("error %v, want one naming %s", err, tt.refused)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			pm, err := mail.ReadMessage(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if len(pm.Header["Bcc"]) > 0 {
				t.Errorf("a Bcc header was injected:\n%s", data)
			}
			subject, _ := new(mime.WordDecoder).DecodeHeader(pm.Header.Get("Subject"))
			if !strings.HasPrefix(subject, strings.Fields(m.Subject)[0]) || strings.ContainsAny(subject, "\r\n") {
				t.Errorf("subject came out as %q", subject)
			}
		})
	}
}

func TestParseSMTPURL(t *testing.T) {
	tests := []struct {
		raw, want, err string
		port           int
	}{
		{raw: "smtp://user:p%40ss@mail.example:2525", want: "smtp://user:REDACTED@mail.example:2525?tls=starttls", port: 2525},
		{raw: "smtp://mail.example", want: "smtp://mail.example:587?tls=starttls", port: 587},
		{raw: "smtps://u:secret@mail.example", want: "smtp://u:REDACTED@mail.example:465?tls=tls", port: 465},
		{raw: "smtp://localhost:25?tls=none", want: "smtp://localhost:25?tls=none", port: 25},
		{raw: "http://mail.example", err: "scheme"},
		{raw: "smtp://u:secret@:25", err: "no host"},
		{raw: "smtp://mail.example:0", err: "port"},
		{raw: "smtp://mail.example?tls=maybe", err: "tls="},
		{raw: "smtp://mail.example?tsl=none", err: "unknown parameter"},
	}
	for _, tt := range tests {
		t.Run(tt.raw, func(t *testing.T) {
			c, err := ParseSMTPURL(tt.raw)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || strings.Contains(err.Error(), "secret") {
					t.Fatalf("error %v, want one about %s without the password", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.String() != tt.want || c.Port != tt.port {
				t.Errorf("got %s port %d, want %s port %d", c, c.Port, tt.want, tt.port)
			}
		})
	}
	c, _ := ParseSMTPURL("smtp://user:p%40ss@mail.example")
	if c.Password != "p@ss" || c.Username != "user" {
		t.Errorf("credentials %q/%q, want user/p@ss", c.Username, c.Password)
	}
}

func transportTo(t *testing.T, srv *smtptest.Server, cfg SMTPConfig) *Transport {
	t.Helper()
	host, port, _ := net.SplitHostPort(srv.Addr)
	cfg.Host = host
	cfg.Port, _ = strconv.Atoi(port)
	cfg.Timeout = 10 * time.Second
	if srv.RootCAs != nil {
		cfg.TLSConfig = &tls.Config{RootCAs: srv.RootCAs, ServerName: host, MinVersion: tls.VersionTLS12}
	}
	tr, err := NewTransport(cfg, testEnvelope)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tr.Close() })
	return tr
}

// TestTransportSTARTTLSAuthAndReuse sends over STARTTLS with AUTH to a real server and reuses
// one connection for several messages.
func TestTransportSTARTTLSAuthAndReuse(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{TLS: true, Username: "tagdrop", Password: "s3cret"})
	tr := transportTo(t, srv, SMTPConfig{TLS: TLSStartTLS, Username: "tagdrop", Password: "s3cret"})
	ctx := context.Background()
	for i := range 3 {
		m, _ := RenderDigest(testDigest(2))
		m.MessageID = "<digest-" + strconv.Itoa(i) + "@tagdrop>"
		if err := tr.Send(ctx, m); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	got := srv.Messages()
	if len(got) != 3 || srv.Connections() != 1 {
		t.Fatalf("server got %d messages over %d connections, want 3 over 1", len(got), srv.Connections())
	}
	for i, m := range got {
		if m.MessageID != "<digest-"+strconv.Itoa(i)+"@tagdrop>" || m.From != "sales@tagdrop.example" || len(m.To) != 1 || m.To[0] != "ada@example.com" {
			t.Errorf("message %d: id %s from %s to %v", i, m.MessageID, m.From, m.To)
		}
	}

	bad := transportTo(t, srv, SMTPConfig{TLS: TLSStartTLS, Username: "tagdrop", Password: "wrong"})
	m, _ := RenderDigest(testDigest(1))
	err := bad.Send(ctx, m)
	var se *SendError
	if !errors.As(err, &se) || strings.Contains(err.Error(), "wrong") {
		t.Errorf("wrong password: error %v (must be a SendError without the password)", err)
	}
}

// TestTransportRequiresTLS: with STARTTLS required, a server that does not offer it gets nothing.
func TestTransportRequiresTLS(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{})
	tr := transportTo(t, srv, SMTPConfig{TLS: TLSStartTLS})
	m, _ := RenderDigest(testDigest(1))
	if err := tr.Send(context.Background(), m); err == nil || srv.Count() != 0 {
		t.Errorf("sent without TLS: err %v, %d received", err, srv.Count())
	}
}

func TestTransportClassifiesReplies(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{Rcpt: func(to string) error {
		switch to {
		case "full@example.com":
			return &smtp.SMTPError{Code: 452, EnhancedCode: smtp.EnhancedCode{4, 2, 2}, Message: "mailbox full"}
		case "gone@example.com":
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
		}
		return nil
	}})
	tr := transportTo(t, srv, SMTPConfig{TLS: TLSNone})
	send := func(to string) *SendError {
		m, _ := RenderDigest(testDigest(1))
		m.To = to
		err := tr.Send(context.Background(), m)
		if err == nil {
			return nil
		}
		var se *SendError
		if !errors.As(err, &se) {
			t.Fatalf("%s: %v is not a SendError", to, err)
		}
		return se
	}
	if se := send("full@example.com"); se == nil || se.Permanent || se.BadAddress || se.Code != 452 {
		t.Errorf("452: %+v, want temporary", se)
	}
	if se := send("gone@example.com"); se == nil || !se.Permanent || !se.BadAddress || se.Code != 550 {
		t.Errorf("550: %+v, want permanent, bad address", se)
	}
	if se := send("ok@example.com"); se != nil {
		t.Errorf("after refusals the connection no longer works: %v", se)
	}
	if srv.Count() != 1 || srv.Connections() != 1 {
		t.Errorf("%d messages over %d connections, want 1 over 1", srv.Count(), srv.Connections())
	}
	bad := Message{MessageID: "<x@y>", To: "not an address", TextBody: "x"}
	if err := tr.Send(context.Background(), bad); err == nil || !err.(*SendError).Permanent {
		t.Errorf("an unbuildable message is not a permanent failure: %v", err)
	}
}

// BenchmarkAppendMIME writes one 20-item digest's MIME message.
func BenchmarkAppendMIME(b *testing.B) {
	m, err := RenderDigest(testDigest(20))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var buf []byte
	for b.Loop() {
		if buf, _, _, err = AppendMIME(buf[:0], m, testEnvelope); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSend renders, builds and sends over one kept connection to an in-process sink.
func BenchmarkSend(b *testing.B) {
	srv, err := smtptest.New(smtptest.Options{Discard: true})
	if err != nil {
		b.Fatal(err)
	}
	defer srv.Close()
	host, port, _ := net.SplitHostPort(srv.Addr)
	p, _ := strconv.Atoi(port)
	tr, err := NewTransport(SMTPConfig{Host: host, Port: p, TLS: TLSNone}, testEnvelope)
	if err != nil {
		b.Fatal(err)
	}
	defer tr.Close()
	d := testDigest(20)
	b.ReportAllocs()
	for b.Loop() {
		m, err := RenderDigest(d)
		if err == nil {
			err = tr.Send(context.Background(), m)
		}
		if err != nil {
			b.Fatal(err)
		}
	}
}

// TestTransportPaths sends a message whose lines start with dots (one alone would end DATA)
// with BDAT, with pipelined DATA and with one command at a time; it must arrive intact, and a
// refused recipient must leave the connection usable on every path.
func TestTransportPaths(t *testing.T) {
	for _, tt := range []struct {
		name                   string
		noPipelining, noChunks bool
	}{{"bdat", false, false}, {"pipelined data", false, true}, {"one command at a time", true, true}, {"bdat unpipelined", true, false}} {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Options{Rcpt: func(to string) error {
				if to == "gone@example.com" {
					return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
				}
				return nil
			}})
			tr := transportTo(t, srv, SMTPConfig{TLS: TLSNone})
			tr.avoid.pipelining, tr.avoid.chunking = tt.noPipelining, tt.noChunks
			text := ".starts with a dot\n.\nmiddle\n..two dots\nend."
			ctx := context.Background()
			for i, to := range []string{"ada@example.com", "gone@example.com", "bob@example.com"} {
				m := Message{MessageID: "<dots-" + strconv.Itoa(i) + "@tagdrop>", To: to, Subject: "Dots", TextBody: text}
				err := tr.Send(ctx, m)
				var se *SendError
				if gone := to == "gone@example.com"; gone != (err != nil) || (gone && (!errors.As(err, &se) || !se.BadAddress)) {
					t.Fatalf("send to %s: %v", to, err)
				}
			}
			got := srv.Messages()
			if len(got) != 2 || srv.Connections() != 1 {
				t.Fatalf("%d messages over %d connections, want 2 over 1", len(got), srv.Connections())
			}
			for _, g := range got {
				pm, err := mail.ReadMessage(bytes.NewReader(g.Data))
				if err != nil {
					t.Fatal(err)
				}
				body, _ := io.ReadAll(quotedprintable.NewReader(pm.Body))
				// SMTP ends the data with a line break, so a body without one gains it.
				if s := strings.ReplaceAll(string(body), "\r\n", "\n"); s != text+"\n" {
					t.Errorf("text arrived as %q, want %q", s, text)
				}
			}
		})
	}
}
