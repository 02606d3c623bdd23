package jobs

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
)

// MailStore is the outbox as the sender sees it (implemented by *store.DB).
type MailStore interface {
	ClaimMessages(ctx context.Context, limit int, lease time.Duration) ([]notify.Message, error)
	ClaimMessagesByID(ctx context.Context, ids []int64, lease time.Duration) ([]notify.Message, error)
	MarkMessageSent(ctx context.Context, id int64) error
	// RetryMessage and ReleaseMessage change a message only while the claim that returned it
	// with Attempts == attempt still holds it.
	RetryMessage(ctx context.Context, id int64, attempt int, next time.Time, reason string) error
	ReleaseMessage(ctx context.Context, id int64, attempt int) error
	FailMessage(ctx context.Context, id int64, reason string, bounced bool) error
	// Ping says whether the database answers (the sender asks after an outcome went unrecorded).
	Ping(ctx context.Context) error
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

// Sender delivers the outbox over a pool of Connections kept SMTP connections, shared by
// everything that sends in this process: send jobs (SendMessages, the messages a digest shard
// stored), the outbox sweep (Sweep, whatever is due and unclaimed) and the loop (Run, a sweep
// every Poll, for tools without the job queue). Every path claims its messages with a lease
// (one statement, so several senders on several nodes share the work), sends each on its
// connection, and records the outcome at once: sent; failed for good on a 5xx (a refused
// recipient also marks the account's address bounced); or, on a temporary failure, due again
// after a backoff, when the sweep picks it up. The only messages a crash can send twice are
// those the server had accepted but whose "sent" had not been written yet, at most one per
// connection, and they go again with the same Message-ID, so receivers can tell.
type Sender struct {
	db           MailStore
	newTransport func() (MailTransport, error)
	cfg          SenderConfig
	log          *slog.Logger
	limit        *limiter
	now          func() time.Time
	pool         chan *pooledConn
	// unrecordedAt is when an outcome last could not be recorded (Unix ns; 0: none since the
	// database last answered). See databaseBack.
	unrecordedAt atomic.Int64
}

// errDatabaseAway ends a sweep or send job whose sends databaseBack stopped.
var errDatabaseAway = errors.New("the database is away: sending waits for it")

// recordPause is how long no connection of the process sends after an outcome could not be
// recorded, before the database is asked whether it is back. A PostgreSQL shutdown ends its
// sessions one by one over a few milliseconds, so a claim can still succeed on a session not yet
// ended after another failed to record: without the pause, the connection freed by the failure
// could send that message too, and an outage would leave more than one message per connection
// delivered but unrecorded (sent again later).
const recordPause = 2 * time.Second

// pooledConn is one connection slot of the pool: its transport (made on first use, dialled by
// the transport itself) and when it last sent.
type pooledConn struct {
	tr   MailTransport
	used time.Time
}

// idleClose is how long a pooled connection may sit unused before it is closed: mail servers
// drop idle clients after a few minutes, and a message sent on a dropped connection would fail.
const idleClose = 30 * time.Second

// SendCounts sum up what a send job, a sweep or a loop round did.
type SendCounts struct {
	// Sent, Failed and Delayed count messages sent, failed for good, and due again later.
	Sent, Failed, Delayed int
	// Released counts messages claimed but given back unsent (the context ended).
	Released int
}

func (c *SendCounts) add(o SendCounts) {
	c.Sent, c.Failed, c.Delayed, c.Released = c.Sent+o.Sent, c.Failed+o.Failed, c.Delayed+o.Delayed, c.Released+o.Released
}

// Total is every message handled.
func (c SendCounts) Total() int { return c.Sent + c.Failed + c.Delayed + c.Released }

// NewSender builds a sender; newTransport makes one connection's transport.
func NewSender(db MailStore, newTransport func() (MailTransport, error), cfg SenderConfig, logger *slog.Logger) *Sender {
	cfg = cfg.withDefaults()
	if logger == nil {
		logger = slog.Default()
	}
	s := &Sender{db: db, newTransport: newTransport, cfg: cfg, log: logger, limit: newLimiter(cfg.Rate), now: time.Now,
		pool: make(chan *pooledConn, cfg.Connections)}
	for range cfg.Connections {
		s.pool <- &pooledConn{}
	}
	return s
}

// Connections is how many connections the pool keeps: the most send jobs worth running at once.
func (s *Sender) Connections() int { return s.cfg.Connections }

// Run sweeps the outbox until ctx ends, looking again every Poll when it found nothing (and
// closing its idle connections then), and returns when the messages being sent are settled.
// Failures (the database or the mail server away) are logged and tried again.
func (s *Sender) Run(ctx context.Context) error {
	defer s.Close()
	for ctx.Err() == nil {
		c, err := s.Sweep(ctx)
		if err != nil && ctx.Err() == nil {
			s.log.Warn("sending mail failed; trying again", "error", err) // the database or the mail server is away
		}
		if c.Total() == 0 {
			s.closeIdle(0)
			sleep(ctx, s.cfg.Poll)
		}
	}
	return nil
}

// Sweep sends the outbox's due, unclaimed messages on every connection of the pool until none
// is left or ctx ends: the outbox sweep job, which delivers what no send job was enqueued for
// (account mail) and what waited out a temporary failure. Connections idle for a while are
// closed at the end.
func (s *Sender) Sweep(ctx context.Context) (SendCounts, error) {
	var wg sync.WaitGroup
	counts := make([]SendCounts, s.cfg.Connections)
	errs := make([]error, s.cfg.Connections)
	for i := range s.cfg.Connections {
		wg.Go(func() {
			errs[i] = s.withConn(ctx, func(tr MailTransport) error {
				for ctx.Err() == nil {
					if !s.databaseBack(ctx) {
						return errDatabaseAway
					}
					if s.limit.wait(ctx) != nil { // the first message's turn, waited for before the claim
						return nil
					}
					claimed := s.now()
					msgs, err := s.db.ClaimMessages(ctx, s.cfg.Batch, s.cfg.Lease)
					if err != nil {
						return err
					}
					if len(msgs) == 0 {
						return nil
					}
					c, err := s.sendBatch(ctx, tr, msgs, claimed)
					counts[i].add(c)
					if err != nil {
						return err
					}
				}
				return nil
			})
		})
	}
	wg.Wait()
	s.closeIdle(idleClose)
	var total SendCounts
	for _, c := range counts {
		total.add(c)
	}
	if err := errors.Join(errs...); err != nil && ctx.Err() == nil {
		return total, fmt.Errorf("mail sweep: %w", err)
	}
	return total, nil
}

// SendMessages sends the named outbox messages on one connection of the pool, Batch at a time:
// a send job's work. Messages already sent, failed, or held by another sender are skipped
// (store.ClaimMessagesByID), so the job may run twice and sends each message once, but for one
// in flight when a worker was killed, which goes again with its Message-ID.
func (s *Sender) SendMessages(ctx context.Context, ids []int64) (SendCounts, error) {
	var total SendCounts
	err := s.withConn(ctx, func(tr MailTransport) error {
		for start := 0; start < len(ids) && ctx.Err() == nil; start += s.cfg.Batch {
			if !s.databaseBack(ctx) && ctx.Err() == nil {
				return errDatabaseAway
			}
			if s.limit.wait(ctx) != nil { // the first message's turn, waited for before the claim
				break
			}
			claimed := s.now()
			msgs, err := s.db.ClaimMessagesByID(ctx, ids[start:min(len(ids), start+s.cfg.Batch)], s.cfg.Lease)
			if err != nil {
				return err
			}
			c, err := s.sendBatch(ctx, tr, msgs, claimed)
			total.add(c)
			if err != nil {
				return err
			}
		}
		return ctx.Err()
	})
	return total, err
}

// withConn runs fn with a connection of the pool, waiting for one to be free.
func (s *Sender) withConn(ctx context.Context, fn func(tr MailTransport) error) error {
	var c *pooledConn
	select {
	case c = <-s.pool:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { s.pool <- c }()
	if c.tr != nil && s.now().Sub(c.used) > idleClose {
		_ = c.tr.Close() // dialled again on first send
	}
	if c.tr == nil {
		tr, err := s.newTransport()
		if err != nil {
			return err
		}
		c.tr = tr
	}
	c.used = s.now()
	err := fn(c.tr)
	c.used = s.now()
	return err
}

// closeIdle closes the free connections unused for longer than idle (all free ones for 0).
func (s *Sender) closeIdle(idle time.Duration) {
	for range cap(s.pool) {
		select {
		case c := <-s.pool:
			if c.tr != nil && s.now().Sub(c.used) >= idle {
				_ = c.tr.Close()
			}
			s.pool <- c
		default:
			return
		}
	}
}

// Close closes the connections of the pool that are free; send on and they open again.
func (s *Sender) Close() { s.closeIdle(0) }

// sendBatch sends messages claimed at claimed (before the claim was asked for) on tr in order,
// settling each; when ctx ends, the rate limit cannot be waited for, or half the lease has
// gone (a slow server), the rest are given back unsent. The caller waited for the first
// message's turn of the rate limit before it claimed. When the database is away
// (databaseBack) it stops with errDatabaseAway and leaves the rest leased.
func (s *Sender) sendBatch(ctx context.Context, tr MailTransport, msgs []notify.Message, claimed time.Time) (SendCounts, error) {
	var c SendCounts
	for i, m := range msgs {
		// A message sent after its lease ended may have been claimed, and sent, by another
		// connection meanwhile: stop while half the lease is left for the send under way. The
		// rate limit is waited for first, so its wait counts: a send never starts with less than
		// a quarter of the lease to run in (sendRoom), which would put the message off untried
		// and count an attempt.
		if ctx.Err() != nil || (i > 0 && s.limit.wait(ctx) != nil) || s.now().Sub(claimed) >= s.cfg.Lease/2 {
			s.release(msgs[i:])
			c.Released += len(msgs) - i
			break
		}
		if s.unrecordedAt.Load() != 0 {
			// Another connection could not record an outcome while this batch was held: leave
			// the rest leased (giving it back needs the database), to be sent after the lease.
			// Waiting out the pause here instead would let the lease run down while the batch is
			// held, and a message sent after its lease ended may be claimed and sent by another
			// connection too.
			return c, errDatabaseAway
		}
		sendCtx, cancel := context.WithTimeout(ctx, s.sendRoom(claimed))
		err := tr.Send(sendCtx, m)
		cancel()
		st, recorded := s.settle(ctx, m, err)
		if !recorded {
			// The database is away: stop here and leave the rest of the batch leased, to be sent
			// once after the lease ends, instead of sending it now unrecorded (and again later).
			s.unrecordedAt.Store(s.now().UnixNano())
			return c, errDatabaseAway
		}
		switch st {
		case notify.Sent:
			c.Sent++
		case notify.Failed:
			c.Failed++
		default:
			c.Delayed++
		}
	}
	return c, nil
}

// sendRoom is how long a send begun now may take: until three quarters of the lease taken at
// claimed, so that a send on a slow or stalled server ends (as a temporary failure, retried
// later) while the claim still holds, instead of going on after another sender may have claimed
// and sent the same message. The quarter left covers clocks and the outcome's write.
func (s *Sender) sendRoom(claimed time.Time) time.Duration {
	return s.cfg.Lease*3/4 - s.now().Sub(claimed)
}

// databaseBack says whether a connection may claim mail to send: after an outcome could not be
// recorded, not until recordPause has passed (it waits that out) and the database answers again.
// It is asked before a claim, never while a claimed batch is held: the lease runs during the
// wait (recordPause may be longer than the lease), and a batch sent after its lease ran out
// could also be claimed, and sent, by another connection.
func (s *Sender) databaseBack(ctx context.Context) bool {
	at := s.unrecordedAt.Load()
	if at == 0 {
		return true
	}
	if wait := recordPause - s.now().Sub(time.Unix(0, at)); wait > 0 {
		sleep(ctx, wait)
	}
	if ctx.Err() != nil || s.db.Ping(ctx) != nil {
		return false
	}
	s.unrecordedAt.CompareAndSwap(at, 0)
	return true
}

// settle records a send's outcome, even when ctx has just ended, and returns it.
func (s *Sender) settle(ctx context.Context, m notify.Message, err error) (notify.Status, bool) {
	ctx = context.WithoutCancel(ctx)
	var se *notify.SendError
	status := notify.Queued
	switch {
	case err == nil:
		status = notify.Sent
		err = s.db.MarkMessageSent(ctx, m.ID)
		s.log.Debug("mail sent", "message", m.ID, "message_id", m.MessageID, "kind", m.Kind)
	case errors.As(err, &se) && se.Permanent:
		status = notify.Failed
		s.log.Warn("mail failed for good", "message", m.ID, "kind", m.Kind, "bounced", se.BadAddress, "error", err)
		err = s.db.FailMessage(ctx, m.ID, err.Error(), se.BadAddress)
	case m.Attempts >= s.cfg.MaxAttempts:
		status = notify.Failed
		s.log.Warn("mail failed: too many attempts", "message", m.ID, "kind", m.Kind, "attempts", m.Attempts, "error", err)
		err = s.db.FailMessage(ctx, m.ID, err.Error(), false)
	default:
		next := s.now().Add(Backoff(s.cfg.RetryBase, m.Attempts-1, rand.Float64()))
		s.log.Info("mail delayed", "message", m.ID, "kind", m.Kind, "attempts", m.Attempts, "retry_at", next, "error", err)
		err = s.db.RetryMessage(ctx, m.ID, m.Attempts, next, err.Error())
	}
	if err != nil {
		s.log.Error("recording a mail's outcome failed; it will be sent again when its lease ends", "message", m.ID, "error", err)
		return status, false
	}
	return status, true
}

func (s *Sender) release(msgs []notify.Message) {
	for _, m := range msgs {
		if err := s.db.ReleaseMessage(context.Background(), m.ID, m.Attempts); err != nil {
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
