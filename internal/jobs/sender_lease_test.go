package jobs

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// slowClock is a sender's clock that each delivery moves on by step: a slow mail server.
type slowClock struct {
	mu   sync.Mutex
	at   time.Time
	step time.Duration
}

func (c *slowClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.at
}

func (c *slowClock) advance() {
	c.mu.Lock()
	c.at = c.at.Add(c.step)
	c.mu.Unlock()
}

// slowTransport delivers and then moves the clock on.
type slowTransport struct {
	MailTransport
	clock *slowClock
}

func (s slowTransport) Send(ctx context.Context, m notify.Message) error {
	err := s.MailTransport.Send(ctx, m)
	s.clock.advance()
	return err
}

// TestSenderStopsBeforeTheLeaseEnds: on a server so slow that a batch cannot be sent within its
// lease (each delivery takes a third of it), a sender gives the rest of a batch back once half
// the lease has gone, instead of sending messages whose lease has run out (which another
// connection or node may have claimed and sent meanwhile); the messages given back are claimed
// again and every one is delivered once.
func TestSenderStopsBeforeTheLeaseEnds(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := queueMail(t, db, 6, func(int) string { return "ok@example.com" })
		srv := smtptest.Start(t, smtptest.Options{})
		const lease = time.Hour // the database's lease, in real time, never runs out here
		clock := &slowClock{at: time.Now(), step: lease / 3}
		dial := transportTo(srv.Addr)
		s := NewSender(db, func() (MailTransport, error) {
			tr, err := dial()
			return slowTransport{MailTransport: tr, clock: clock}, err
		}, SenderConfig{Connections: 1, Batch: 6, Lease: lease}, slog.New(slog.NewTextHandler(io.Discard, nil)))
		s.now = clock.now

		counts, err := s.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts.Sent != len(ids) {
			t.Errorf("sent %d, want %d", counts.Sent, len(ids))
		}
		// Two deliveries fit in half a lease: each batch of six gives back what is left after them.
		if counts.Released < len(ids)-2 {
			t.Errorf("given back %d, want at least %d: messages went out after half their lease", counts.Released, len(ids)-2)
		}
		byID := map[string]int{}
		for _, m := range srv.Messages() {
			byID[m.MessageID]++
		}
		for mid := range ids {
			if byID[mid] != 1 {
				t.Errorf("%s delivered %d times, want once", mid, byID[mid])
			}
		}
		c, _ := db.OutboxCounts(ctx)
		if c[notify.Sent] != len(ids) {
			t.Errorf("outbox: %d sent, want %d", c[notify.Sent], len(ids))
		}
	})
}

// TestSenderSendsWithinTheLease: on a server that stalls past the whole lease, a send is cut
// off while the claim still holds and the message is put off as a temporary failure, instead of
// being delivered after the lease ended (when another sender may have claimed and sent it).
func TestSenderSendsWithinTheLease(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := queueMail(t, db, 1, func(int) string { return "ok@example.com" })
		srv := smtptest.Start(t, smtptest.Options{Delay: 3 * time.Second})
		s := NewSender(db, transportTo(srv.Addr), SenderConfig{Connections: 1, Lease: time.Second},
			slog.New(slog.NewTextHandler(io.Discard, nil)))
		defer s.Close()
		counts, err := s.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts.Sent != 0 || counts.Delayed != 1 {
			t.Errorf("counts %+v, want the one message delayed: a send went on past its lease", counts)
		}
		for _, id := range ids {
			m, err := db.Message(ctx, id)
			if err != nil || m.Status != notify.Queued || m.LastError == "" {
				t.Errorf("message after a cut-off send: %+v %v, want queued with the error kept", m, err)
			}
		}
	})
}

// TestSenderConnectsWithinTheLease: a server that stalls past the whole lease while the sender
// connects (before it answers EHLO) does not get the message after the lease ended either: the
// send is cut off at three quarters of the lease and the message put off.
func TestSenderConnectsWithinTheLease(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		queueMail(t, db, 1, func(int) string { return "ok@example.com" })
		srv := smtptest.Start(t, smtptest.Options{HelloDelay: 3 * time.Second})
		s := NewSender(db, transportTo(srv.Addr), SenderConfig{Connections: 1, Lease: time.Second},
			slog.New(slog.NewTextHandler(io.Discard, nil)))
		defer s.Close()
		counts, err := s.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts.Sent != 0 || counts.Delayed != 1 || srv.Count() != 0 {
			t.Errorf("counts %+v, %d delivered: want the one message delayed, none delivered after the lease", counts, srv.Count())
		}
	})
}

// TestSenderWaitsForTheRateBeforeItClaims: with a rate so low that the wait for a message's
// turn is longer than the lease, a sender waits before it claims, not while it holds a claim.
// Before, it claimed, waited, and found its send's room gone: the message was put off as a
// temporary failure without being tried, its attempt counted, again on every claim (failed for
// good after MaxAttempts, never sent).
func TestSenderWaitsForTheRateBeforeItClaims(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		queueMail(t, db, 2, func(int) string { return "ok@example.com" })
		srv := smtptest.Start(t, smtptest.Options{})
		s := NewSender(db, transportTo(srv.Addr), SenderConfig{Connections: 1, Lease: time.Second, Rate: 0.4},
			slog.New(slog.NewTextHandler(io.Discard, nil)))
		defer s.Close()
		counts, err := s.Sweep(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if counts.Sent != 2 || srv.Count() != 2 {
			t.Errorf("counts %+v, %d delivered: want both messages sent, each within its lease", counts, srv.Count())
		}
	})
}
