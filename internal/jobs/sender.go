package jobs

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

// MailStore is the outbox as the sender sees it (implemented by *store.DB).
type MailStore interface {
	ClaimMessages(ctx context.Context, limit int, lease time.Duration) ([]notify.Message, error)
	MarkMessageSent(ctx context.Context, id int64) error
	RetryMessage(ctx context.Context, id int64, next time.Time, reason string) error
	ReleaseMessage(ctx context.Context, id int64) error
	FailMessage(ctx context.Context, id int64, reason string, bounced bool) error
}

// MailTransport delivers one message over a connection it keeps between calls
// (*notify.Transport). Errors that are a *notify.SendError with Permanent set are not retried.
type MailTransport interface {
	Send(ctx context.Context, m notify.Message) error
	Close() error
}

// SenderConfig tunes the sender; zero values take the defaults.
type SenderConfig struct {
	// Connections is how many SMTP connections send at once (default 2), each with its own
	// claimed batch.
	Connections int
	// Batch is how many messages a connection claims at a time (default 50).
	Batch int
	// Lease is how long a claim keeps other senders off a message (default 5 min). A sender
	// killed mid-batch leaves its unsent messages to be claimed again when the lease ends.
	Lease time.Duration
	// Poll is how often an idle sender looks for new mail (default 2 s).
	Poll time.Duration
	// Rate caps messages per second over all connections (0: no cap).
	Rate float64
	// MaxAttempts is how many temporary failures a message survives before it is failed (default 10).
	MaxAttempts int
	// RetryBase is the wait after the first temporary failure, doubled for each further one
	// (default 30 s; see Backoff).
	RetryBase time.Duration
}

func (c SenderConfig) withDefaults() SenderConfig {
	if c.Connections < 1 {
		c.Connections = 2
	}
	if c.Batch < 1 {
		c.Batch = 50
	}
	if c.Lease <= 0 {
		c.Lease = 5 * time.Minute
	}
	if c.Poll <= 0 {
		c.Poll = 2 * time.Second
	}
	if c.MaxAttempts < 1 {
		c.MaxAttempts = 10
	}
	if c.RetryBase <= 0 {
		c.RetryBase = 30 * time.Second
	}
	if c.Rate > 0 { // a batch must be sendable well within its lease
		perConn := c.Rate / float64(c.Connections)
		c.Batch = max(1, min(c.Batch, int(perConn*c.Lease.Seconds()/2)))
	}
	return c
}

// Sender delivers the outbox. Each connection loops: claim a batch with a lease (one statement,
// so several senders on several nodes share the work), send each message on its kept SMTP
// connection, and record the outcome at once: sent; failed for good on a 5xx (a refused recipient
// also marks the account's address bounced); or, on a temporary failure, due again after a
// backoff. The only messages a crash can send twice are those the server had accepted but whose
// "sent" had not been written yet, at most one per connection, and they go again with the same
// Message-ID, so receivers can tell.
type Sender struct {
	db           MailStore
	newTransport func() (MailTransport, error)
	cfg          SenderConfig
	log          *slog.Logger
	limit        *limiter
	now          func() time.Time
}

// NewSender builds a sender; newTransport makes one connection's transport.
func NewSender(db MailStore, newTransport func() (MailTransport, error), cfg SenderConfig, logger *slog.Logger) *Sender {
	cfg = cfg.withDefaults()
	return &Sender{db: db, newTransport: newTransport, cfg: cfg, log: logger, limit: newLimiter(cfg.Rate), now: time.Now}
}

// Run sends until ctx ends, then lets each connection finish the message it is sending, gives
// back the rest of its batch and returns.
func (s *Sender) Run(ctx context.Context) error {
	var wg sync.WaitGroup
	errs := make([]error, s.cfg.Connections)
	for i := range s.cfg.Connections {
		wg.Go(func() { errs[i] = s.connection(ctx) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (s *Sender) connection(ctx context.Context) error {
	tr, err := s.newTransport()
	if err != nil {
		return err
	}
	defer tr.Close()
	for ctx.Err() == nil {
		msgs, err := s.db.ClaimMessages(ctx, s.cfg.Batch, s.cfg.Lease)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("claiming mail failed", "error", err)
		}
		if len(msgs) == 0 {
			_ = tr.Close() // do not hold an idle connection open
			sleep(ctx, s.cfg.Poll)
			continue
		}
		for i, m := range msgs {
			if ctx.Err() != nil || s.limit.wait(ctx) != nil {
				s.release(msgs[i:])
				break
			}
			s.settle(ctx, m, tr.Send(ctx, m))
		}
	}
	return nil
}

// settle records a send's outcome, even when ctx has just ended.
func (s *Sender) settle(ctx context.Context, m notify.Message, err error) {
	ctx = context.WithoutCancel(ctx)
	var se *notify.SendError
	switch {
	case err == nil:
		err = s.db.MarkMessageSent(ctx, m.ID)
		s.log.Debug("mail sent", "message", m.ID, "message_id", m.MessageID, "kind", m.Kind)
	case errors.As(err, &se) && se.Permanent:
		s.log.Warn("mail failed for good", "message", m.ID, "kind", m.Kind, "bounced", se.BadAddress, "error", err)
		err = s.db.FailMessage(ctx, m.ID, err.Error(), se.BadAddress)
	case m.Attempts >= s.cfg.MaxAttempts:
		s.log.Warn("mail failed: too many attempts", "message", m.ID, "kind", m.Kind, "attempts", m.Attempts, "error", err)
		err = s.db.FailMessage(ctx, m.ID, err.Error(), false)
	default:
		next := s.now().Add(Backoff(s.cfg.RetryBase, m.Attempts-1, rand.Float64()))
		s.log.Info("mail delayed", "message", m.ID, "kind", m.Kind, "attempts", m.Attempts, "retry_at", next, "error", err)
		err = s.db.RetryMessage(ctx, m.ID, next, err.Error())
	}
	if err != nil {
		s.log.Error("recording a mail's outcome failed; it will be sent again when its lease ends", "message", m.ID, "error", err)
	}
}

func (s *Sender) release(msgs []notify.Message) {
	for _, m := range msgs {
		if err := s.db.ReleaseMessage(context.Background(), m.ID); err != nil {
			s.log.Warn("giving back a claimed mail failed; it is sent when its lease ends", "message", m.ID, "error", err)
		}
	}
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// limiter spaces sends to a rate, letting up to a tenth of a second's worth (at least one)
// go at once after a pause.
type limiter struct {
	mu       sync.Mutex
	interval time.Duration
	burst    time.Duration
	next     time.Time
}

func newLimiter(perSecond float64) *limiter {
	if perSecond <= 0 {
		return nil
	}
	iv := time.Duration(float64(time.Second) / perSecond)
	return &limiter{interval: iv, burst: max(iv, 100*time.Millisecond)}
}

func (l *limiter) wait(ctx context.Context) error {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	now := time.Now()
	if floor := now.Add(-l.burst + l.interval); l.next.Before(floor) {
		l.next = floor
	}
	at := l.next
	l.next = l.next.Add(l.interval)
	l.mu.Unlock()
	if d := at.Sub(now); d > 0 {
		sleep(ctx, d)
	}
	return ctx.Err()
}
