// Package smtptest runs a real SMTP server (github.com/emersion/go-smtp) in the process, for
// tests that send mail and for the e-mail benchmark's sink. It records what it receives, or
// only counts it, and can refuse recipients with any SMTP reply.
package smtptest

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/mail"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Message is one message the server accepted.
type Message struct {
	From      string
	To        []string
	MessageID string // the Message-ID header, angle brackets included
	Header    mail.Header
	Data      []byte // the whole message as received
}

// Options shape a server.
type Options struct {
	// Discard keeps no messages, only counts them (the benchmark's sink).
	Discard bool
	// Rcpt, when set, is asked about every recipient; an error (e.g. *smtp.SMTPError with code
	// 450 or 550) refuses it.
	Rcpt func(to string) error
	// Username and Password, when set, require AUTH PLAIN with them before MAIL.
	Username, Password string
	// Delay is spent on each message before it is accepted (a slow server), so a test can stop a
	// sender in the middle of its work.
	Delay time.Duration
	// HelloDelay is spent before answering each connection's EHLO (a server slow to let a client
	// in), so a test can stall a sender while it connects.
	HelloDelay time.Duration
	// TLS offers STARTTLS with a fresh self-signed certificate for 127.0.0.1 (see Server.RootCAs).
	TLS bool
	// Cert is the certificate's key type with TLS: CertECDSAP256 (the default) or CertRSA2048.
	Cert string
	// IdleTimeout ends a session that sends nothing for this long (go-smtp answers 421 and
	// closes), as real servers do; 0 means 30 s.
	IdleTimeout time.Duration
}

// Certificate key types (Options.Cert).
const (
	// CertECDSAP256 is an ECDSA P-256 key: the cheapest handshake for the server.
	CertECDSAP256 = "ecdsa-p256"
	// CertRSA2048 is an RSA-2048 key, what most mail servers present.
	CertRSA2048 = "rsa-2048"
)

// Server is a running SMTP server.
type Server struct {
	// Addr is the host:port it listens on.
	Addr string
	// RootCAs trusts the server's certificate (TLS only).
	RootCAs *x509.CertPool

	srv      *smtp.Server
	opts     Options
	mu       sync.Mutex
	messages []Message
	count    atomic.Int64
	conns    atomic.Int64
	changed  chan struct{}
}

// New starts a server on a free loopback port; Close stops it.
func New(opts Options) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s := &Server{Addr: ln.Addr().String(), opts: opts, changed: make(chan struct{})}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		if opts.HelloDelay > 0 { // go-smtp opens the session on EHLO, before it answers
			time.Sleep(opts.HelloDelay)
		}
		return &session{s: s}, nil
	}))
	s.srv.Domain = "localhost"
	s.srv.ErrorLog = quiet{} // clients that vanish mid-session (a killed sender) are expected here
	s.srv.MaxMessageBytes = 16 << 20
	s.srv.ReadTimeout = 30 * time.Second
	if opts.IdleTimeout > 0 {
		s.srv.ReadTimeout = opts.IdleTimeout
	}
	s.srv.WriteTimeout = 30 * time.Second
	s.srv.AllowInsecureAuth = !opts.TLS
	if opts.TLS {
		cfg, pool, err := selfSigned(opts.Cert)
		if err != nil {
			ln.Close()
			return nil, err
		}
		s.srv.TLSConfig, s.RootCAs = cfg, pool
	}
	go func() { _ = s.srv.Serve(countingListener{ln, &s.conns}) }()
	return s, nil
}

// Start is New for tests: it fails the test on error and closes the server when the test ends.
func Start(tb testing.TB, opts Options) *Server {
	tb.Helper()
	s, err := New(opts)
	if err != nil {
		tb.Fatalf("start SMTP server: %v", err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// Close stops the server and its connections.
func (s *Server) Close() error { return s.srv.Close() }

// Count is how many messages were accepted.
func (s *Server) Count() int { return int(s.count.Load()) }

// Connections is how many SMTP connections were opened.
func (s *Server) Connections() int { return int(s.conns.Load()) }

// Messages returns a copy of the messages received so far (none in Discard mode).
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.messages...)
}

// Wait blocks until at least n messages were accepted or the timeout passes, and reports
// whether they were.
func (s *Server) Wait(n int, timeout time.Duration) bool {
	deadline := time.After(timeout)
	for {
		s.mu.Lock()
		ch := s.changed
		s.mu.Unlock()
		if s.Count() >= n {
			return true
		}
		select {
		case <-ch:
		case <-deadline:
			return s.Count() >= n
		}
	}
}

func (s *Server) accept(m Message) {
	s.mu.Lock()
	if !s.opts.Discard {
		s.messages = append(s.messages, m)
	}
	s.count.Add(1)
	close(s.changed)
	s.changed = make(chan struct{})
	s.mu.Unlock()
}

type session struct {
	s      *Server
	authed bool
	from   string
	to     []string
	drain  []byte // Discard's read buffer
}

func (ss *session) AuthMechanisms() []string {
	if ss.s.opts.Username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (ss *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, username, password string) error {
		if username != ss.s.opts.Username || password != ss.s.opts.Password {
			return &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "bad credentials"}
		}
		ss.authed = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if ss.s.opts.Username != "" && !ss.authed {
		return smtp.ErrAuthRequired
	}
	ss.from = from
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if ss.s.opts.Rcpt != nil {
		if err := ss.s.opts.Rcpt(to); err != nil {
			return err
		}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
	if ss.s.opts.Delay > 0 {
		time.Sleep(ss.s.opts.Delay)
	}
	if ss.s.opts.Discard {
		// Drained through one large buffer per session: go-smtp hands a chunk over through a
		// pipe, and io.Discard's 8 KiB reads would take four hand-overs for each 32 KiB.
		if ss.drain == nil {
			ss.drain = make([]byte, 64<<10)
		}
		for {
			_, err := r.Read(ss.drain)
			if err == io.EOF {
				break
			}
			if err != nil {
				return err
			}
		}
		ss.s.accept(Message{})
		return nil
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	m := Message{From: ss.from, To: append([]string(nil), ss.to...), Data: data}
	if pm, err := mail.ReadMessage(bytes.NewReader(data)); err == nil {
		m.Header = pm.Header
		m.MessageID = pm.Header.Get("Message-Id")
	}
	ss.s.accept(m)
	return nil
}

func (ss *session) Reset()        { ss.from, ss.to = "", nil }
func (ss *session) Logout() error { return nil }

// selfSigned makes a certificate for 127.0.0.1 and localhost with a key of the given type and a
// pool that trusts it.
func selfSigned(keyType string) (*tls.Config, *x509.CertPool, error) {
	var key crypto.Signer
	var err error
	usage := x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign
	switch keyType {
	case "", CertECDSAP256:
		key, err = ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	case CertRSA2048:
		key, err = rsa.GenerateKey(rand.Reader, 2048)
	default:
		return nil, nil, fmt.Errorf("smtptest: certificate type %q is not %s or %s", keyType, CertECDSAP256, CertRSA2048)
	}
	if err != nil {
		return nil, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "smtptest"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: usage, IsCA: true, BasicConstraintsValid: true,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}}, pool, nil
}

// countingListener counts accepted connections (sessions are not connections: a client starts
// a new session after STARTTLS).
type countingListener struct {
	net.Listener
	n *atomic.Int64
}

func (l countingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err == nil {
		l.n.Add(1)
	}
	return c, err
}

type quiet struct{}

func (quiet) Printf(string, ...any) {}
func (quiet) Println(...any)        {}
