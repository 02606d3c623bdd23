package jobs

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// halfDownStore is the outbox during a database shutdown as a sender can meet it: claims still
// succeed (on sessions not yet ended) while nothing can be recorded and a ping fails.
type halfDownStore struct {
	*store.DB
	down atomic.Bool
}

var errShutdown = errors.New("terminating connection due to administrator command")

func (h *halfDownStore) MarkMessageSent(ctx context.Context, id int64) error {
	if h.down.Load() {
		return errShutdown
	}
	return h.DB.MarkMessageSent(ctx, id)
}

func (h *halfDownStore) Ping(ctx context.Context) error {
	if h.down.Load() {
		return errShutdown
	}
	return h.DB.Ping(ctx)
}

// downAfter is a transport that takes the database down once its nth message is delivered.
type downAfter struct {
	MailTransport
	sent  *atomic.Int64
	n     int64
	store *halfDownStore
}

func (d downAfter) Send(ctx context.Context, m notify.Message) error {
	err := d.MailTransport.Send(ctx, m)
	if err == nil && d.sent.Add(1) == d.n {
		d.store.down.Store(true)
	}
	return err
}

// TestSenderPausesWhileOutcomesGoUnrecorded: the database goes away right after the third
// delivery, but claims keep succeeding (a PostgreSQL shutdown ends sessions one by one). Each
// connection may lose the outcome of the one message it was sending; none may go on sending
// while outcomes cannot be recorded (every such message is delivered again later). Once the
// database is back, every message is delivered, at most one per connection twice.
func TestSenderPausesWhileOutcomesGoUnrecorded(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := queueMail(t, db, 40, func(int) string { return "ok@example.com" })
		srv := smtptest.Start(t, smtptest.Options{})
		hs := &halfDownStore{DB: db}
		var delivered atomic.Int64
		dial := transportTo(srv.Addr)
		const conns = 2
		s := NewSender(hs, func() (MailTransport, error) {
			tr, err := dial()
			return downAfter{MailTransport: tr, sent: &delivered, n: 3, store: hs}, err
		}, SenderConfig{Connections: conns, Batch: 5, Lease: time.Second}, slog.New(slog.NewTextHandler(io.Discard, nil)))

		outage, cancel := context.WithTimeout(ctx, 3*time.Second)
		_, err := s.Sweep(outage)
		cancel()
		c, _ := db.OutboxCounts(ctx)
		if unrecorded := srv.Count() - c[notify.Sent]; unrecorded > conns {
			t.Fatalf("%d messages delivered while outcomes could not be recorded, want at most %d (one per connection)", unrecorded, conns)
		}
		if err == nil || !hs.down.Load() {
			t.Fatalf("sweep during the outage = %v (database down: %t), want an error", err, hs.down.Load())
		}

		hs.down.Store(false)
		time.Sleep(1100 * time.Millisecond) // the unrecorded messages' lease ends
		waitFor(t, "every message sent", 30*time.Second, func() bool {
			if _, err := s.Sweep(ctx); err != nil {
				t.Logf("sweep: %v", err)
			}
			c, _ := db.OutboxCounts(ctx)
			return c[notify.Sent] == len(ids)
		})
		byID := map[string]int{}
		for _, m := range srv.Messages() {
			byID[m.MessageID]++
		}
		twice := 0
		for mid := range ids {
			switch byID[mid] {
			case 0:
				t.Errorf("%s was never delivered", mid)
			case 1:
			case 2:
				twice++
			default:
				t.Errorf("%s delivered %d times", mid, byID[mid])
			}
		}
		if twice > conns {
			t.Errorf("%d messages delivered twice, want at most %d", twice, conns)
		}
	})
}

// TestSenderPausesBeforeItClaims: after an outcome went unrecorded, a sender waits out its pause
// (recordPause, 2 s) before it claims more mail, not while it holds a claimed batch. Here the
// lease (1 s) is shorter than the pause: a sender that claimed a batch right after the database
// came back and then paused would send it after its lease ended, when another sender (a second
// node) had already claimed and sent it, so it would arrive twice though it was never in flight
// at a fault.
func TestSenderPausesBeforeItClaims(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := queueMail(t, db, 10, func(int) string { return "ok@example.com" })
		srv := smtptest.Start(t, smtptest.Options{})
		hs := &halfDownStore{DB: db}
		var delivered atomic.Int64
		dial := transportTo(srv.Addr)
		quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
		first := NewSender(hs, func() (MailTransport, error) {
			tr, err := dial()
			return downAfter{MailTransport: tr, sent: &delivered, n: 1, store: hs}, err
		}, SenderConfig{Connections: 1, Batch: 5, Lease: time.Second}, quiet)
		if _, err := first.Sweep(ctx); err == nil || !hs.down.Load() {
			t.Fatalf("sweep during the outage = %v (database down: %t), want an error", err, hs.down.Load())
		}
		hs.down.Store(false)

		done := make(chan error, 1)
		go func() { _, err := first.Sweep(ctx); done <- err }() // still in its pause
		time.Sleep(1100 * time.Millisecond)                     // the first claim's lease ends
		second := NewSender(db, dial, SenderConfig{Connections: 1, Batch: len(ids), Lease: time.Second}, quiet)
		if _, err := second.Sweep(ctx); err != nil {
			t.Fatal(err)
		}
		if err := <-done; err != nil {
			t.Fatalf("sweep after the outage: %v", err)
		}
		defer second.Close()
		defer first.Close()

		byID := map[string]int{}
		for _, m := range srv.Messages() {
			byID[m.MessageID]++
		}
		twice := 0
		for mid := range ids {
			switch byID[mid] {
			case 0:
				t.Errorf("%s was never delivered", mid)
			case 1:
			case 2:
				twice++
			default:
				t.Errorf("%s delivered %d times", mid, byID[mid])
			}
		}
		if twice > 1 {
			t.Errorf("%d messages delivered twice, want at most 1 (the one in flight at the outage)", twice)
		}
	})
}
