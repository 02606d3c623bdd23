package notify

import (
	"bytes"
	"context"
	"errors"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
)

// TestTransportSendsWholeMessages sends, over every protocol path, messages that take the
// single-write paths (commands and message in one slice; a message with nothing to dot-stuff
// written with its ending) and ones that cannot (a recipient too long for the room kept for the
// commands, lines starting with a dot), and checks that each arrives exactly as AppendMIME
// wrote it, over one connection.
func TestTransportSendsWholeMessages(t *testing.T) {
	html := strings.Repeat("<p>Le Chiquito, €120.00</p>\n", 400) // large enough to be written straight through
	for _, tt := range []struct {
		name                   string
		noPipelining, noChunks bool
	}{{"bdat", false, false}, {"pipelined data", false, true}, {"one command at a time", true, true}, {"bdat unpipelined", true, false}} {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Options{})
			tr := transportTo(t, srv, SMTPConfig{TLS: TLSNone})
			tr.avoid.pipelining, tr.avoid.chunking = tt.noPipelining, tt.noChunks
			long := strings.Repeat("l", commandRoom) + "@example.com"
			msgs := []Message{
				{To: "ada@example.com", Subject: "Plain", TextBody: "Hello\nthere", HTMLBody: html},
				{To: long, Subject: "Long recipient", TextBody: "Hi", HTMLBody: html},
				{To: "bob@example.com", Subject: "Dots", TextBody: ".one\n..two\n.", HTMLBody: html},
				{To: "cy@example.com", Subject: "Small", TextBody: "short"},
			}
			ctx := context.Background()
			for i := range msgs {
				msgs[i].MessageID = "<whole-" + strconv.Itoa(i) + "@tagdrop>"
				msgs[i].CreatedAt = time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) // Date is the time queued
				if err := tr.Send(ctx, msgs[i]); err != nil {
					t.Fatalf("send %s: %v", msgs[i].Subject, err)
				}
			}
			got := srv.Messages()
			if len(got) != len(msgs) || srv.Connections() != 1 {
				t.Fatalf("%d messages over %d connections, want %d over 1", len(got), srv.Connections(), len(msgs))
			}
			for i, g := range got {
				if len(g.To) != 1 || g.To[0] != msgs[i].To {
					t.Errorf("message %d went to %q, want %q", i, g.To, msgs[i].To)
				}
				pm, err := mail.ReadMessage(bytes.NewReader(g.Data))
				if err != nil {
					t.Fatalf("message %d does not parse: %v", i, err)
				}
				if pm.Header.Get("Message-Id") != msgs[i].MessageID {
					t.Errorf("message %d arrived as %q", i, pm.Header.Get("Message-Id"))
				}
				want, _, _, err := AppendMIME(nil, msgs[i], testEnvelope)
				if err != nil {
					t.Fatal(err)
				}
				// The boundary is random per message: compare everything but it.
				if a, b := withoutBoundary(g.Data), withoutBoundary(want); !bytes.Equal(a, b) {
					t.Errorf("message %d (%s): %d bytes arrived, %d were written, and they differ", i, msgs[i].Subject, len(a), len(b))
				}
			}
		})
	}
}

// withoutBoundary blanks every occurrence of the multipart boundary ("=_td" and 24 hex digits).
func withoutBoundary(b []byte) []byte {
	out := bytes.Clone(b)
	for i := 0; ; {
		j := bytes.Index(out[i:], []byte("=_td"))
		if j < 0 || i+j+28 > len(out) {
			return out
		}
		copy(out[i+j:i+j+28], strings.Repeat("B", 28))
		i += j + 28
	}
}

// TestTransportRedialsAStaleConnection: a server ends a session left idle (go-smtp answers 421
// and closes, as Postfix does after its timeout). The next message on the kept connection must
// not fail for it: it goes on a new connection, once, over every protocol path.
func TestTransportRedialsAStaleConnection(t *testing.T) {
	for _, tt := range []struct {
		name                   string
		noPipelining, noChunks bool
	}{{"bdat", false, false}, {"pipelined data", false, true}, {"one command at a time", true, true}, {"bdat unpipelined", true, false}} {
		t.Run(tt.name, func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Options{IdleTimeout: 200 * time.Millisecond})
			tr := transportTo(t, srv, SMTPConfig{TLS: TLSNone})
			tr.avoid.pipelining, tr.avoid.chunking = tt.noPipelining, tt.noChunks
			ctx := context.Background()
			for i := range 3 {
				if i > 0 {
					time.Sleep(600 * time.Millisecond) // the server has closed the idle session by now
				}
				m := Message{To: "ada@example.com", Subject: "After a pause", TextBody: "Hello", MessageID: "<stale-" + strconv.Itoa(i) + "@tagdrop>"}
				if err := tr.Send(ctx, m); err != nil {
					t.Fatalf("message %d after the server closed the idle connection: %v", i, err)
				}
			}
			if got := srv.Count(); got != 3 {
				t.Errorf("%d messages arrived, want 3 (each once)", got)
			}
			if got := srv.Connections(); got != 3 {
				t.Errorf("%d connections, want 3 (one dial per pause)", got)
			}
		})
	}
}

// TestTransportStopsAtTheContextDeadline: a deadline on the context (the sender's lease) ends a
// conversation with a slow server before the Timeout does, as a temporary error; a deadline
// already past sends nothing.
func TestTransportStopsAtTheContextDeadline(t *testing.T) {
	srv := smtptest.Start(t, smtptest.Options{Delay: 3 * time.Second})
	tr := transportTo(t, srv, SMTPConfig{TLS: TLSNone, Timeout: time.Minute})
	m := Message{To: "ada@example.com", Subject: "Slow", TextBody: "Hi", MessageID: "<slow@tagdrop>"}
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	err := tr.Send(ctx, m)
	var se *SendError
	if !errors.As(err, &se) || se.Permanent {
		t.Fatalf("send past the context's deadline: %v, want a temporary *SendError", err)
	}
	if err := tr.Send(ctx, m); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("send after the deadline: %v, want context.DeadlineExceeded", err)
	}
	if n := srv.Connections(); n != 1 {
		t.Errorf("%d connections, want 1 (nothing dialled after the deadline)", n)
	}
}

// TestTransportStopsAtTheContextDeadlineWhileConnecting: a server that stalls while the
// transport connects (greeting, EHLO, STARTTLS, AUTH: go-mail bounds them by its Timeout only)
// does not carry a send past the context's deadline, neither on a first dial nor on the redial
// of a kept connection gone stale; and the room left is counted after the dial, not before.
// Before, the message went out once the server let the client in, after the deadline.
func TestTransportStopsAtTheContextDeadlineWhileConnecting(t *testing.T) {
	for _, stale := range []bool{false, true} {
		t.Run(map[bool]string{false: "dial", true: "redial"}[stale], func(t *testing.T) {
			srv := smtptest.Start(t, smtptest.Options{HelloDelay: 2 * time.Second, IdleTimeout: 200 * time.Millisecond})
			tr := transportTo(t, srv, SMTPConfig{TLS: TLSNone, Timeout: time.Minute})
			sent := 0
			if stale {
				m := Message{To: "ada@example.com", Subject: "First", TextBody: "Hi", MessageID: "<first@tagdrop>"}
				if err := tr.Send(context.Background(), m); err != nil {
					t.Fatal(err)
				}
				sent = 1
				time.Sleep(600 * time.Millisecond) // the server has closed the idle session by now
			}
			m := Message{To: "ada@example.com", Subject: "Slow door", TextBody: "Hi", MessageID: "<door@tagdrop>"}
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			err := tr.Send(ctx, m)
			var se *SendError
			if !errors.As(err, &se) || se.Permanent || !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("send to a server stalling past the deadline while connecting: %v, want a temporary *SendError for the deadline", err)
			}
			if n := srv.Count(); n != sent {
				t.Errorf("%d messages arrived, want %d: the message went out after the context's deadline", n, sent)
			}
		})
	}
}
