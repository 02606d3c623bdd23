package jobs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// WebhookStore is what the webhook jobs read and write (implemented by *store.DB).
type WebhookStore interface {
	DigestEventsAfter(ctx context.Context, after int64, settledBefore time.Time, limit int) ([]store.DigestEvent, int64, error)
	LoveAlertEventsAfter(ctx context.Context, after int64, settledBefore time.Time, limit int) ([]store.LoveAlertEvent, int64, error)
	WebhookCursor(ctx context.Context, key string) (int64, error)
	EnqueueWebhookDeliveries(ctx context.Context, cursorKey string, cursor int64, ds []store.NewDelivery) (int, error)
	ClaimWebhookDeliveries(ctx context.Context, limit int, lease time.Duration) ([]notify.Delivery, error)
	MarkDeliveryDone(ctx context.Context, id int64, code int) error
	RetryDelivery(ctx context.Context, id int64, next time.Time, reason string, code int) error
	FailDelivery(ctx context.Context, id int64, reason string, code int) error
	ReleaseDelivery(ctx context.Context, id int64) error
}

// Poster sends a request under the outside-URL policy (*fetch.Client).
type Poster interface {
	Do(req *http.Request) (*http.Response, error)
}

// The enqueue cursors, kept in the settings table.
const (
	webhookDigestCursor = "webhooks_cursor_digests"
	webhookLoveCursor   = "webhooks_cursor_love_alerts"
)

// WebhooksConfig tunes the webhook jobs; zero values take the defaults.
type WebhooksConfig struct {
	// BaseURL is this tagdrop's public address, for the product links in events.
	BaseURL string
	// Settle is how old a digest or love alert must be before it is scanned (default 1 min),
	// so that a row committed late behind a higher id is not passed over by the cursor.
	Settle time.Duration
	// Batch is how many events a scan, and how many deliveries a claim, takes (default 100).
	Batch int
	// Lease keeps other senders off a claimed delivery (default 2 min).
	Lease time.Duration
	// MaxAttempts is how many tries a delivery gets before it is given up (default 8).
	MaxAttempts int
	// RetryBase is the wait after the first failure, doubled for each further one (default
	// 30 s; see Backoff).
	RetryBase time.Duration
	// MaxError bounds the error text kept per delivery (default 300 bytes).
	MaxError int
}

func (c WebhooksConfig) withDefaults() WebhooksConfig {
	if c.Settle <= 0 {
		c.Settle = time.Minute
	}
	if c.Batch < 1 {
		c.Batch = 100
	}
	if c.Lease <= 0 {
		c.Lease = 2 * time.Minute
	}
	if c.MaxAttempts < 1 {
		c.MaxAttempts = 8
	}
	if c.RetryBase <= 0 {
		c.RetryBase = 30 * time.Second
	}
	if c.MaxError <= 0 {
		c.MaxError = 300
	}
	return c
}

// Webhooks turns new digests and love alerts into deliveries and delivers them. Enqueueing
// scans each source by id after a cursor and writes the deliveries and the moved cursor in
// one transaction; a (webhook, event) pair is stored once, so a scan repeated after a crash
// adds nothing. Delivering claims due deliveries with a lease (several nodes share the work;
// a crash mid-delivery leaves the delivery to be claimed again when the lease ends, so none
// is lost and one may arrive twice, with the same event id), POSTs each signed body through
// the outside-URL client and records the outcome: delivered on 2xx; retried with exponential
// backoff on a timeout, a connection failure, 408, 429 or 5xx; given up after MaxAttempts, or
// at once on any other answer or a refused address.
type Webhooks struct {
	db   WebhookStore
	post Poster
	cfg  WebhooksConfig
	log  *slog.Logger
	now  func() time.Time
}

// NewWebhooks builds the webhook jobs.
func NewWebhooks(db WebhookStore, post Poster, cfg WebhooksConfig, logger *slog.Logger) *Webhooks {
	return &Webhooks{db: db, post: post, cfg: cfg.withDefaults(), log: logger, now: time.Now}
}

// SetClock replaces the clock (tests).
func (w *Webhooks) SetClock(now func() time.Time) { w.now = now }

// Round turns the new events into deliveries and delivers every delivery due now, batch after
// batch, until none is left or ctx ends, and logs a failure (what it did not deliver stays due).
// The job queue runs it as a periodic job (internal/queue).
func (w *Webhooks) Round(ctx context.Context) {
	if _, err := w.Enqueue(ctx); err != nil && ctx.Err() == nil {
		w.log.Warn("enqueueing webhook events failed", "error", err)
	}
	for ctx.Err() == nil {
		n, err := w.Deliver(ctx)
		if err != nil && ctx.Err() == nil {
			w.log.Warn("delivering webhooks failed", "error", err)
			return
		}
		if n < w.cfg.Batch {
			return
		}
	}
}

// Enqueue scans both sources until they are drained and returns how many deliveries were new.
func (w *Webhooks) Enqueue(ctx context.Context) (int, error) {
	settled := w.now().Add(-w.cfg.Settle)
	total := 0
	for _, src := range []struct {
		key  string
		scan func(after int64) ([]store.NewDelivery, int64, error)
	}{
		{webhookDigestCursor, func(after int64) ([]store.NewDelivery, int64, error) {
			evs, last, err := w.db.DigestEventsAfter(ctx, after, settled, w.cfg.Batch)
			if err != nil {
				return nil, after, err
			}
			ds, err := w.digestDeliveries(evs)
			return ds, last, err
		}},
		{webhookLoveCursor, func(after int64) ([]store.NewDelivery, int64, error) {
			evs, last, err := w.db.LoveAlertEventsAfter(ctx, after, settled, w.cfg.Batch)
			if err != nil {
				return nil, after, err
			}
			ds, err := w.loveDeliveries(evs)
			return ds, last, err
		}},
	} {
		after, err := w.db.WebhookCursor(ctx, src.key)
		if err != nil {
			return total, err
		}
		for ctx.Err() == nil {
			ds, last, err := src.scan(after)
			if err != nil {
				return total, err
			}
			if last == after {
				break
			}
			n, err := w.db.EnqueueWebhookDeliveries(ctx, src.key, last, ds)
			if err != nil {
				return total, err
			}
			total += n
			after = last
		}
	}
	return total, ctx.Err()
}

func (w *Webhooks) productURL(id int64) string {
	return w.cfg.BaseURL + "/products/" + strconv.FormatInt(id, 10)
}

func (w *Webhooks) digestDeliveries(evs []store.DigestEvent) ([]store.NewDelivery, error) {
	var out []store.NewDelivery
	for _, ev := range evs {
		m := &notify.MatchEvent{DigestID: ev.DigestID, Period: ev.PeriodKey}
		for _, it := range ev.Items {
			m.Items = append(m.Items, notify.EventOffer{OfferID: it.OfferID, ProductID: it.ProductID, Title: it.Title,
				Brand: it.Brand, Retailer: it.Retailer, Size: it.Size, Color: it.Color,
				Price: money(it.Price, it.Currency), RegularPrice: regular(it.RegularPrice, it.Price, it.Currency), Currency: it.Currency,
				DiscountPct: discount(it.Price, it.RegularPrice), URL: w.productURL(it.ProductID), Reason: it.Reason})
		}
		key := "digest:" + strconv.FormatInt(ev.DigestID, 10)
		body, err := notify.WebhookEvent{ID: key, Type: notify.EventMatch, CreatedAt: ev.At, Match: m}.Marshal()
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", key, err)
		}
		for _, h := range ev.Webhooks {
			out = append(out, store.NewDelivery{WebhookID: h, Event: notify.EventMatch, EventKey: key, Payload: body})
		}
	}
	return out, nil
}

func (w *Webhooks) loveDeliveries(evs []store.LoveAlertEvent) ([]store.NewDelivery, error) {
	var out []store.NewDelivery
	for _, ev := range evs {
		a := &notify.LoveAlertEvent{AlertID: ev.AlertID, LoveID: ev.LoveID, Kind: ev.Kind,
			Offer: notify.EventOffer{OfferID: ev.OfferID, ProductID: ev.ProductID, Title: ev.Title, Brand: ev.Brand,
				Retailer: ev.Retailer, Size: ev.Size, Color: ev.Color, Price: money(ev.Price, ev.Currency),
				RegularPrice: regular(ev.RegularPrice, ev.Price, ev.Currency), Currency: ev.Currency,
				DiscountPct: discount(ev.Price, ev.RegularPrice), URL: w.productURL(ev.ProductID)}}
		if ev.PreviousPrice > 0 {
			a.PreviousPrice = money(ev.PreviousPrice, ev.Currency)
		}
		key := "love_alert:" + strconv.FormatInt(ev.AlertID, 10)
		body, err := notify.WebhookEvent{ID: key, Type: notify.EventLoveAlert, CreatedAt: ev.At, LoveAlert: a}.Marshal()
		if err != nil {
			return nil, fmt.Errorf("event %s: %w", key, err)
		}
		for _, h := range ev.Webhooks {
			out = append(out, store.NewDelivery{WebhookID: h, Event: notify.EventLoveAlert, EventKey: key, Payload: body})
		}
	}
	return out, nil
}

// Deliver claims one batch of due deliveries, sends them and records each outcome. It
// returns how many it tried.
func (w *Webhooks) Deliver(ctx context.Context) (int, error) {
	ds, err := w.db.ClaimWebhookDeliveries(ctx, w.cfg.Batch, w.cfg.Lease)
	if err != nil {
		return 0, err
	}
	for i, d := range ds {
		if ctx.Err() != nil {
			for _, rest := range ds[i:] {
				if err := w.db.ReleaseDelivery(context.WithoutCancel(ctx), rest.ID); err != nil {
					w.log.Warn("giving back a webhook delivery failed; it is retried when its lease ends", "delivery", rest.ID, "error", err)
				}
			}
			return i, ctx.Err()
		}
		code, err := w.send(ctx, d)
		w.settle(ctx, d, code, err)
	}
	return len(ds), nil
}

// errPermanent marks a failure that retrying cannot fix.
var errPermanent = errors.New("not retried")

// send POSTs one delivery. It returns the response code (0 without a response).
func (w *Webhooks) send(ctx context.Context, d notify.Delivery) (int, error) {
	if d.URL == "" {
		return 0, fmt.Errorf("the webhook was deleted: %w", errPermanent)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, d.URL, bytes.NewReader(d.Payload))
	if err != nil {
		return 0, fmt.Errorf("%v: %w", err, errPermanent)
	}
	ts := w.now()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(notify.HeaderEvent, d.Event)
	req.Header.Set(notify.HeaderDelivery, strconv.FormatInt(d.ID, 10))
	req.Header.Set(notify.HeaderTimestamp, strconv.FormatInt(ts.Unix(), 10))
	req.Header.Set(notify.HeaderSignature, notify.SignWebhook(d.Secret, ts, d.Payload))
	resp, err := w.post.Do(req)
	if err != nil {
		var blocked *fetch.BlockedError
		if errors.As(err, &blocked) || errors.Is(err, fetch.ErrBadURL) || errors.Is(err, fetch.ErrTooManyRedirects) {
			return 0, fmt.Errorf("%w: %w", err, errPermanent)
		}
		return 0, err
	}
	resp.Body.Close()
	switch code := resp.StatusCode; {
	case code >= 200 && code <= 299:
		return code, nil
	case code == http.StatusRequestTimeout, code == http.StatusTooManyRequests, code >= 500:
		return code, fmt.Errorf("the receiver answered %d", code)
	default:
		return code, fmt.Errorf("the receiver answered %d: %w", code, errPermanent)
	}
}

// settle records a send's outcome, even when ctx has just ended.
func (w *Webhooks) settle(ctx context.Context, d notify.Delivery, code int, sendErr error) {
	ctx = context.WithoutCancel(ctx)
	var err error
	switch {
	case sendErr == nil:
		err = w.db.MarkDeliveryDone(ctx, d.ID, code)
	case errors.Is(sendErr, errPermanent):
		// Webhook URLs often carry a secret in their path: logs name the webhook, not the URL.
		w.log.Warn("webhook delivery failed for good", "delivery", d.ID, "webhook", d.WebhookID, "code", code)
		err = w.db.FailDelivery(ctx, d.ID, w.reason(sendErr), code)
	case d.Attempts >= w.cfg.MaxAttempts:
		w.log.Warn("webhook delivery given up", "delivery", d.ID, "webhook", d.WebhookID, "attempts", d.Attempts, "code", code)
		err = w.db.FailDelivery(ctx, d.ID, fmt.Sprintf("gave up after %d attempts: %s", d.Attempts, w.reason(sendErr)), code)
	default:
		next := w.now().Add(Backoff(w.cfg.RetryBase, d.Attempts-1, rand.Float64()))
		w.log.Info("webhook delivery delayed", "delivery", d.ID, "webhook", d.WebhookID, "attempts", d.Attempts, "retry_at", next, "code", code)
		err = w.db.RetryDelivery(ctx, d.ID, next, w.reason(sendErr), code)
	}
	if err != nil {
		w.log.Error("recording a webhook delivery's outcome failed; it is retried when its lease ends", "delivery", d.ID, "error", err)
	}
}

func (w *Webhooks) reason(err error) string {
	s := err.Error()
	if len(s) > w.cfg.MaxError {
		s = strings.ToValidUTF8(s[:w.cfg.MaxError], "") + "…"
	}
	return s
}

func money(minor int64, currency string) string { return catalog.FormatDecimal(minor, currency) }

// regular is the regular price when it is above the price, else "".
func regular(reg, price int64, currency string) string {
	if reg <= price {
		return ""
	}
	return money(reg, currency)
}

func discount(price, reg int64) int {
	if reg <= 0 || price >= reg {
		return 0
	}
	return int((reg - price) * 100 / reg)
}
