package bench

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
)

// The e-mail benchmark's sinks: every sender of one comparison sends into a fresh sink of the
// same kind.
const (
	// SinkGoSMTP is github.com/emersion/go-smtp in the benchmark's own process (smtptest,
	// discarding): it offers PIPELINING and CHUNKING, and STARTTLS with --tls.
	SinkGoSMTP = "go-smtp"
	// SinkPostfix is Postfix's smtp-sink, a separate C process, the usual SMTP benchmark sink:
	// it offers PIPELINING but neither CHUNKING nor STARTTLS, so messages go as dot-stuffed DATA.
	SinkPostfix = "postfix-smtp-sink"
)

// mailSink is a running sink.
type mailSink interface {
	// Addr is the host:port to send to.
	Addr() string
	// RootCAs trusts its certificate (nil without TLS).
	RootCAs() *x509.CertPool
	// Stop ends it and says how many messages it accepted.
	Stop() (int, error)
}

// goSMTPSink is smtptest in discard mode.
type goSMTPSink struct{ s *smtptest.Server }

func startGoSMTPSink(tls bool, cert string) (mailSink, error) {
	s, err := smtptest.New(smtptest.Options{Discard: true, TLS: tls, Cert: cert})
	if err != nil {
		return nil, err
	}
	return goSMTPSink{s}, nil
}

func (g goSMTPSink) Addr() string            { return g.s.Addr }
func (g goSMTPSink) RootCAs() *x509.CertPool { return g.s.RootCAs }
func (g goSMTPSink) Stop() (int, error)      { n := g.s.Count(); return n, g.s.Close() }

// postfixSink is Postfix's smtp-sink in a child process, its running count (-c) written to a
// file.
type postfixSink struct {
	cmd     *exec.Cmd
	addr    string
	counter *os.File
}

// startPostfixSink starts smtp-sink (path) on a free loopback port and waits until it accepts
// connections.
func startPostfixSink(ctx context.Context, path, dir string) (mailSink, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	addr := ln.Addr().String()
	ln.Close() // smtp-sink binds it next; nothing else on this machine asks for port 0's pick
	counter, err := os.CreateTemp(dir, "smtp-sink-*.count")
	if err != nil {
		return nil, err
	}
	args := []string{"-c"}
	if os.Geteuid() == 0 {
		args = append(args, "-u", "nobody") // smtp-sink refuses to run as root
	}
	cmd := exec.CommandContext(ctx, path, append(args, addr, "1024")...)
	cmd.Stdout, cmd.Stderr = counter, counter
	if err := cmd.Start(); err != nil {
		counter.Close()
		os.Remove(counter.Name())
		return nil, fmt.Errorf("smtp-sink: %w", err)
	}
	s := &postfixSink{cmd: cmd, addr: addr, counter: counter}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			_, _ = s.Stop()
			return nil, fmt.Errorf("smtp-sink on %s: not accepting connections after 10 s: %v", addr, err)
		}
	}
	return s, nil
}

func (p *postfixSink) Addr() string            { return p.addr }
func (p *postfixSink) RootCAs() *x509.CertPool { return nil }

// Stop ends smtp-sink and reads the last "mesg=N" of its counter. The readiness probe above
// opened one session without a message, so it does not count.
func (p *postfixSink) Stop() (int, error) {
	defer os.Remove(p.counter.Name())
	defer p.counter.Close()
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	_ = p.cmd.Wait()
	out, err := os.ReadFile(p.counter.Name())
	if err != nil {
		return 0, err
	}
	i := bytes.LastIndex(out, []byte("mesg="))
	if i < 0 {
		if len(out) == 0 {
			return 0, nil // no message arrived, so the counter never printed
		}
		return 0, fmt.Errorf("smtp-sink: no message count in its output %q", lastBytes(out, 200))
	}
	digits := out[i+len("mesg="):]
	end := bytes.IndexFunc(digits, func(r rune) bool { return r < '0' || r > '9' })
	if end >= 0 {
		digits = digits[:end]
	}
	n, err := strconv.Atoi(string(digits))
	if err != nil {
		return 0, fmt.Errorf("smtp-sink: message count %q: %v", digits, err)
	}
	return n, nil
}

func lastBytes(b []byte, n int) []byte { return b[max(0, len(b)-n):] }

// sinkFactory starts a fresh sink of one kind.
type sinkFactory func(ctx context.Context) (mailSink, error)

// sinkFor returns the factory of a sink kind; dir holds smtp-sink's counter files.
func sinkFor(kind string, tls bool, cert, dir string) (sinkFactory, error) {
	switch kind {
	case SinkGoSMTP:
		return func(context.Context) (mailSink, error) { return startGoSMTPSink(tls, cert) }, nil
	case SinkPostfix:
		path, err := exec.LookPath("smtp-sink")
		if err != nil {
			return nil, err
		}
		if tls {
			return nil, errors.New("smtp-sink offers no STARTTLS")
		}
		return func(ctx context.Context) (mailSink, error) { return startPostfixSink(ctx, path, dir) }, nil
	}
	return nil, fmt.Errorf("bench email: unknown sink %q", kind)
}

// tempDir is dir, or a new temporary folder that clean removes.
func tempDir(dir string) (string, func(), error) {
	if dir != "" {
		return dir, func() {}, nil
	}
	tmp, err := os.MkdirTemp("", "tagdrop-bench-email-")
	if err != nil {
		return "", nil, err
	}
	return filepath.Clean(tmp), func() { os.RemoveAll(tmp) }, nil
}
