package bench

import (
	"bufio"
	"io"
	"net"
	"net/textproto"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// idSink is the worker benchmark's SMTP server (github.com/emersion/go-smtp) on a loopback
// port: it reads each message's header, discards the body and counts deliveries per
// Message-ID, so the benchmark can tell that every message arrived once without keeping the
// messages.
type idSink struct {
	addr string
	srv  *smtp.Server

	mu    sync.Mutex
	total int
	byID  map[string]int
}

func startIDSink() (*idSink, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &idSink{addr: ln.Addr().String(), byID: map[string]int{}}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &idSession{sink: s}, nil }))
	s.srv.Domain = "localhost"
	s.srv.AllowInsecureAuth = true
	s.srv.MaxMessageBytes = 16 << 20
	s.srv.ReadTimeout, s.srv.WriteTimeout = 30*time.Second, 30*time.Second
	s.srv.ErrorLog = quietLog{}
	go func() { _ = s.srv.Serve(ln) }()
	return s, nil
}

// url is serve's --smtp-url for the sink (no TLS on loopback).
func (s *idSink) url() string { return "smtp://" + s.addr + "?tls=none" }

// count is how many messages were accepted.
func (s *idSink) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.total
}

// reset forgets what was delivered (a fresh run).
func (s *idSink) reset() {
	s.mu.Lock()
	s.total, s.byID = 0, map[string]int{}
	s.mu.Unlock()
}

// deliveries returns a copy of the deliveries per Message-ID.
func (s *idSink) deliveries() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.byID))
	for k, v := range s.byID {
		out[k] = v
	}
	return out
}

func (s *idSink) close() error { return s.srv.Close() }

type idSession struct {
	sink *idSink
	to   int
}

func (ss *idSession) Mail(string, *smtp.MailOptions) error { return nil }

func (ss *idSession) Rcpt(string, *smtp.RcptOptions) error {
	ss.to++
	return nil
}

// Data records the message once all of it arrived.
func (ss *idSession) Data(r io.Reader) error {
	br := bufio.NewReaderSize(r, 64<<10)
	h, err := textproto.NewReader(br).ReadMIMEHeader()
	if err != nil {
		return err
	}
	if _, err := io.Copy(io.Discard, br); err != nil {
		return err
	}
	id := h.Get("Message-Id")
	ss.sink.mu.Lock()
	ss.sink.total += ss.to
	ss.sink.byID[id] += ss.to
	ss.sink.mu.Unlock()
	return nil
}

func (ss *idSession) Reset()        { ss.to = 0 }
func (ss *idSession) Logout() error { return nil }

// quietLog drops go-smtp's error log: a sender stopping mid-session is expected.
type quietLog struct{}

func (quietLog) Printf(string, ...any) {}
func (quietLog) Println(...any)        {}
