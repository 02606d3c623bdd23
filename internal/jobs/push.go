package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"math/rand/v2"
	"time"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// PushStore is what the push sender reads and records (implemented by *store.DB).
type PushStore interface {
	ClaimPushAlerts(ctx context.Context, limit int, lease time.Duration, notBefore time.Time) ([]store.PushAlert, error)
	PushSubscriptions(ctx context.Context, userID int64) ([]store.PushSubscription, error)
	RemovePushSubscription(ctx context.Context, id int64) error
	MarkLoveAlertDelivered(ctx context.Context, id int64, at time.Time) error
	RetryPushAlert(ctx context.Context, id int64, next time.Time) error
}

// PushTransport sends one encrypted message (*notify.Pusher). Its errors are *notify.PushError
// (or the context's).
type PushTransport interface {
	Send(ctx context.Context, t notify.PushTarget, payload []byte, topic string) error
}

// PushConfig tunes the push sender; zero values take the defaults.
type PushConfig struct {
	// Batch is how many alerts a claim takes (default 50).
	Batch int
	// Lease keeps other workers off claimed alerts (default 2 min); a worker killed mid-batch
	// leaves them to be claimed again when it ends.
	Lease time.Duration
	// MaxAge is how old an alert may be and still be pushed (default 3 days): older price news
	// misleads, and a shopper subscribing today should not get last month's drops.
	MaxAge time.Duration
	// RetryBase is the wait after the first temporary failure, doubled for each further one
	// (default 1 min; see Backoff).
	RetryBase time.Duration
}

func (c PushConfig) withDefaults() PushConfig {
	if c.Batch < 1 {
		c.Batch = 50
	}
	if c.Lease <= 0 {
		c.Lease = 2 * time.Minute
	}
	if c.MaxAge <= 0 {
		c.MaxAge = 72 * time.Hour
	}
	if c.RetryBase <= 0 {
		c.RetryBase = time.Minute
	}
	return c
}

// PushSender delivers love alerts (price drop, target reached, size back, price protection) as
// web push messages to every subscription of the alert's shopper. It claims a batch with a
// lease, sends, and marks each alert delivered as soon as one device accepted it, so nothing is
// lost and a crash re-sends only the alerts that were in flight; those carry the same Topic
// and notification tag, so the push service or the device shows them once. Subscriptions the
// push service calls gone (404, 410) are removed. When every device failed for a reason that
// may pass, the alert is due again after a backoff, until it is MaxAge old.
type PushSender struct {
	db   PushStore
	tr   PushTransport
	cfg  PushConfig
	log  *slog.Logger
	now  func() time.Time
	rand func() float64
}

// NewPushSender builds a push sender.
func NewPushSender(db PushStore, tr PushTransport, cfg PushConfig, logger *slog.Logger) *PushSender {
	return &PushSender{db: db, tr: tr, cfg: cfg.withDefaults(), log: logger, now: time.Now, rand: rand.Float64}
}

// Round delivers every alert due now, batch after batch, until none is left or ctx ends, and
// logs a failure (the alerts it did not deliver stay due). The job queue runs it as a periodic
// job (internal/queue).
func (p *PushSender) Round(ctx context.Context) {
	for ctx.Err() == nil {
		n, err := p.RunOnce(ctx)
		if err != nil && ctx.Err() == nil {
			p.log.Warn("push delivery failed", "error", err)
			return
		}
		if n < p.cfg.Batch {
			return
		}
	}
}

// RunOnce claims one batch and delivers it, returning how many alerts it claimed.
func (p *PushSender) RunOnce(ctx context.Context) (int, error) {
	batch, err := p.db.ClaimPushAlerts(ctx, p.cfg.Batch, p.cfg.Lease, p.now().Add(-p.cfg.MaxAge))
	if err != nil {
		return 0, err
	}
	subs := map[int64][]store.PushSubscription{}
	for _, a := range batch {
		if ctx.Err() != nil {
			break // the rest stay leased and are claimed again when the lease ends
		}
		list, ok := subs[a.UserID]
		if !ok {
			if list, err = p.db.PushSubscriptions(ctx, a.UserID); err != nil {
				return len(batch), err
			}
			subs[a.UserID] = list
		}
		kept, err := p.deliver(ctx, a, list)
		subs[a.UserID] = kept
		if err != nil {
			return len(batch), err
		}
	}
	return len(batch), nil
}

// deliver pushes one alert to the shopper's subscriptions and records the outcome; it returns
// the subscriptions still alive.
func (p *PushSender) deliver(ctx context.Context, a store.PushAlert, subs []store.PushSubscription) ([]store.PushSubscription, error) {
	msg := notify.LovePush{AlertID: a.ID, ProductID: a.ProductID, Brand: a.Brand, Title: a.Title, Size: a.Size,
		Kind: string(a.Kind), Currency: a.Currency, Price: a.Price, PreviousPrice: a.PreviousPrice}
	payload, err := json.Marshal(msg.Message())
	if err != nil {
		return subs, err
	}
	delivered, temporary := 0, false
	var kept []store.PushSubscription
	for _, s := range subs {
		err := p.tr.Send(ctx, notify.PushTarget{Endpoint: s.Endpoint, P256dh: s.P256dh, Auth: s.Auth}, payload, msg.Topic())
		var pe *notify.PushError
		switch {
		case err == nil:
			delivered++
			kept = append(kept, s)
		case errors.As(err, &pe) && pe.Gone:
			p.log.Info("push subscription gone: removed", "subscription", s.ID, "user_id", s.UserID, "status", pe.Status, "error", err)
			if err := p.db.RemovePushSubscription(context.WithoutCancel(ctx), s.ID); err != nil {
				return subs, err
			}
		case errors.As(err, &pe) && !pe.Temporary:
			p.log.Warn("push refused", "subscription", s.ID, "alert", a.ID, "status", pe.Status, "error", err)
			kept = append(kept, s)
		default:
			if ctx.Err() != nil {
				return subs, nil // stopping: the alert stays leased and is claimed again later
			}
			temporary = true
			p.log.Info("push delayed", "subscription", s.ID, "alert", a.ID, "error", err)
			kept = append(kept, s)
		}
	}
	ctx = context.WithoutCancel(ctx)
	now := p.now()
	switch {
	case delivered > 0:
		if err := p.db.MarkLoveAlertDelivered(ctx, a.ID, now); err != nil && !errors.Is(err, store.ErrNotFound) {
			return kept, err
		}
		p.log.Debug("love alert pushed", "alert", a.ID, "user_id", a.UserID, "devices", delivered)
	case temporary:
		return kept, p.db.RetryPushAlert(ctx, a.ID, now.Add(Backoff(p.cfg.RetryBase, a.Attempts-1, p.rand())))
	default:
		// Every device refused it for good (or is gone): waiting cannot help. The alert stays
		// undelivered for other channels; it is not claimed again before it is too old to push.
		return kept, p.db.RetryPushAlert(ctx, a.ID, a.CreatedAt.Add(p.cfg.MaxAge))
	}
	return kept, nil
}
