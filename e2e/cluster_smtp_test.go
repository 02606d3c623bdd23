package e2e_test

import (
	"bufio"
	"io"
	"net"
	"net/textproto"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// delivery is one message the cluster test's mail server accepted: only what the test checks,
// so 20,000 digests do not sit in memory.
type delivery struct {
	seq       int // order of acceptance, from 0
	to        string
	messageID string // the Message-ID header, angle brackets included
	subject   string
}

// mailSink is a real SMTP server (github.com/emersion/go-smtp) on a free loopback port that
// records the envelope recipient and the Message-ID of every message it accepts, in order.
type mailSink struct {
	addr string
	srv  *smtp.Server

	mu         sync.Mutex
	deliveries []delivery
	changed    chan struct{}
}

// startMailSink starts the server; it is closed when the test ends.
func startMailSink(t *testing.T) *mailSink {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &mailSink{addr: ln.Addr().String(), changed: make(chan struct{})}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &sinkSession{sink: s}, nil }))
	s.srv.Domain = "localhost"
	s.srv.AllowInsecureAuth = true
	s.srv.MaxMessageBytes = 16 << 20
	s.srv.ReadTimeout, s.srv.WriteTimeout = 30*time.Second, 30*time.Second
	s.srv.ErrorLog = quietLog{} // a killed sender's connection ends mid-session: expected here
	go func() { _ = s.srv.Serve(ln) }()
	t.Cleanup(func() { s.srv.Close() })
	return s
}

// url is the --smtp-url of the server (no TLS on loopback).
func (s *mailSink) url() string { return "smtp://" + s.addr + "?tls=none" }

// count is how many messages were accepted so far.
func (s *mailSink) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.deliveries)
}

// all returns a copy of the deliveries so far, in order.
func (s *mailSink) all() []delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]delivery(nil), s.deliveries...)
}

// waitCount blocks until at least n messages were accepted or limit passes; it reports whether
// they were.
func (s *mailSink) waitCount(n int, limit time.Duration) bool {
	deadline := time.After(limit)
	for {
		s.mu.Lock()
		got, ch := len(s.deliveries), s.changed
		s.mu.Unlock()
		if got >= n {
			return true
		}
		select {
		case <-ch:
		case <-deadline:
			return s.count() >= n
		}
	}
}

func (s *mailSink) accept(d delivery) {
	s.mu.Lock()
	d.seq = len(s.deliveries)
	s.deliveries = append(s.deliveries, d)
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

type sinkSession struct {
	sink *mailSink
	to   []string
}

func (ss *sinkSession) Mail(string, *smtp.MailOptions) error { return nil }

func (ss *sinkSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.to = append(ss.to, to)
	return nil
}

// Data reads the header, discards the body and records the message once all of it arrived (a
// sender killed mid-message delivers nothing).
func (ss *sinkSession) Data(r io.Reader) error {
	br := bufio.NewReader(r)
	h, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil {
		return err
	}
	if _, err := io.Copy(io.Discard, br); err != nil {
		return err
	}
	for _, to := range ss.to {
		ss.sink.accept(delivery{to: to, messageID: h.Get("Message-Id"), subject: h.Get("Subject")})
	}
	return nil
}

func (ss *sinkSession) Reset()        { ss.to = nil }
func (ss *sinkSession) Logout() error { return nil }

type quietLog struct{}

func (quietLog) Printf(string, ...any) {}
func (quietLog) Println(...any)        {}
