package jobs

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// receiver is a webhook endpoint over TLS: it answers each request with the next status of its
// script (the last one repeats) and keeps what it got.
type receiver struct {
	*httptest.Server
	mu       sync.Mutex
	script   []int
	requests []received
}

type received struct {
	header http.Header
	body   []byte
}

func newReceiver(t *testing.T, script ...int) *receiver {
	t.Helper()
	rc := &receiver{script: script}
	rc.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		defer rc.mu.Unlock()
		if r.Method != http.MethodPost {
			w.WriteHeader(http.StatusMethodNotAllowed)
			return
		}
		rc.requests = append(rc.requests, received{header: r.Header.Clone(), body: body})
		status := rc.script[min(len(rc.requests), len(rc.script))-1]
		w.WriteHeader(status)
	}))
	t.Cleanup(rc.Close)
	return rc
}

func (rc *receiver) got() []received {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return append([]received(nil), rc.requests...)
}

// webhookClient trusts the receiver's certificate; with allow it may reach loopback.
func webhookClient(rc *receiver, allow bool) *fetch.Client {
	pool := x509.NewCertPool()
	pool.AddCert(rc.Certificate())
	cfg := fetch.Config{Timeout: 20 * time.Second, RootCAs: pool}
	if allow {
		cfg.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
	}
	return fetch.New(cfg)
}

// webhookFixture is a shopper with a webhook to url and one stored digest of two items, made
// after the webhook, plus a clock shared by the store and the jobs.
type webhookFixture struct {
	db     *store.DB
	user   int64
	hook   notify.Webhook
	digest int64
	now    time.Time
}

func newWebhookFixture(t *testing.T, db *store.DB, url string) *webhookFixture {
	t.Helper()
	ctx := context.Background()
	f := &webhookFixture{db: db, now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	db.SetClock(func() time.Time { return f.now })
	q := func(query string, args ...any) int64 {
		t.Helper()
		var id int64
		if err := db.SQL().QueryRowContext(ctx, query+" RETURNING id", args...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", query, err)
		}
		return id
	}
	shop := q(`INSERT INTO retailers (slug, name, created_at) VALUES ('shop', 'Shop "A" & Co', 1)`)
	brand := q(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	product := q(`INSERT INTO products (product_key, brand_id, title, color, image_url, created_at, updated_at)
		VALUES ('boot', $1, 'Boots <b>', 'Black', '', 1, 1)`, brand)
	var offers []int64
	for _, size := range []string{"38", "39"} {
		offers = append(offers, q(`INSERT INTO offers (retailer_id, product_id, item_id, url, size, currency, price, regular_price, availability,
			first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, 'https://shop.example/boot', $4, 'EUR', 20000, 30000, 'in_stock', 1, 1, 1)`,
			shop, product, "boot-"+size, size))
	}
	u, err := db.CreateUser(ctx, "hook@example.com", account.Shopper, "", true)
	if err != nil {
		t.Fatal(err)
	}
	f.user = u.ID
	secret, err := notify.NewWebhookSecret()
	if err != nil {
		t.Fatal(err)
	}
	if f.hook, err = db.AddWebhook(ctx, u.ID, url, secret); err != nil {
		t.Fatal(err)
	}
	f.hook.Secret = secret
	made := f.now.Add(time.Minute)
	f.digest = q(`INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, 'd1', 'queued', $2)`, u.ID, made.UnixMilli())
	for i, o := range offers {
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO digest_items (digest_id, position, offer_id, price, regular_price, currency, reason)
			VALUES ($1, $2, $3, 19900, 30000, 'EUR', 'follows Ganni')`, f.digest, i+1, o); err != nil {
			t.Fatal(err)
		}
	}
	f.now = made.Add(5 * time.Minute) // settled
	return f
}

func (f *webhookFixture) jobs(post Poster, cfg WebhooksConfig) *Webhooks {
	cfg.BaseURL = "https://tagdrop.example"
	w := NewWebhooks(f.db, post, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	w.SetClock(func() time.Time { return f.now })
	return w
}

func (f *webhookFixture) delivery(t *testing.T) notify.Delivery {
	t.Helper()
	log, err := f.db.WebhookDeliveries(context.Background(), f.user, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 {
		t.Fatalf("%d deliveries, want 1", len(log))
	}
	return log[0]
}

func TestWebhookDeliveredAfterRetry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rc := newReceiver(t, 500, 200)
		f := newWebhookFixture(t, db, rc.URL+"/hooks/tagdrop")
		w := f.jobs(webhookClient(rc, true), WebhooksConfig{RetryBase: time.Minute, MaxAttempts: 5})

		if n, err := w.Enqueue(ctx); err != nil || n != 1 {
			t.Fatalf("Enqueue = %d, %v; want 1 delivery", n, err)
		}
		if n, err := w.Enqueue(ctx); err != nil || n != 0 {
			t.Fatalf("second Enqueue = %d, %v; want nothing new", n, err)
		}

		// First attempt: the receiver answers 500, the delivery waits for a retry.
		if n, err := w.Deliver(ctx); err != nil || n != 1 {
			t.Fatalf("Deliver = %d, %v", n, err)
		}
		d := f.delivery(t)
		if d.Status != notify.DeliveryQueued || d.Attempts != 1 || d.ResponseCode != 500 || !strings.Contains(d.LastError, "500") {
			t.Fatalf("after a 500: %+v", d)
		}
		if !d.NextAttempt.After(f.now) {
			t.Fatalf("retry due at %v, not after now %v", d.NextAttempt, f.now)
		}
		if n, _ := w.Deliver(ctx); n != 0 {
			t.Fatalf("retried before its backoff ended (%d claimed)", n)
		}
		// The backoff ends: the second attempt succeeds.
		f.now = d.NextAttempt
		if n, err := w.Deliver(ctx); err != nil || n != 1 {
			t.Fatalf("Deliver after backoff = %d, %v", n, err)
		}
		d = f.delivery(t)
		if d.Status != notify.DeliveryDelivered || d.Attempts != 2 || d.ResponseCode != 200 || d.LastError != "" {
			t.Fatalf("after a 200: %+v", d)
		}
		if n, _ := w.Deliver(ctx); n != 0 {
			t.Fatalf("a delivered event was sent again")
		}

		reqs := rc.got()
		if len(reqs) != 2 {
			t.Fatalf("receiver got %d requests, want 2", len(reqs))
		}
		for i, r := range reqs {
			h := r.header
			if h.Get(notify.HeaderEvent) != notify.EventMatch || h.Get("Content-Type") != "application/json" {
				t.Errorf("request %d headers: %v", i, h)
			}
			if err := notify.VerifyWebhook(f.hook.Secret, h.Get(notify.HeaderTimestamp), h.Get(notify.HeaderSignature), r.body, f.now, 5*time.Minute); err != nil {
				t.Errorf("request %d: signature: %v", i, err)
			}
			// Computed here independently of SignWebhook: what a receiver in any language does.
			mac := hmac.New(sha256.New, []byte(f.hook.Secret))
			mac.Write([]byte(h.Get(notify.HeaderTimestamp) + "." + string(r.body)))
			if want := "sha256=" + hex.EncodeToString(mac.Sum(nil)); h.Get(notify.HeaderSignature) != want {
				t.Errorf("request %d: signature %q, want %q", i, h.Get(notify.HeaderSignature), want)
			}
			if ts := h.Get(notify.HeaderTimestamp); ts != strconv.FormatInt(f.now.Unix(), 10) && i == 1 {
				t.Errorf("request %d: timestamp %s, want the attempt's time %d", i, ts, f.now.Unix())
			}
			// A changed body or another secret does not verify.
			tampered := append([]byte(nil), r.body...)
			tampered[len(tampered)-2] ^= 1
			if err := notify.VerifyWebhook(f.hook.Secret, h.Get(notify.HeaderTimestamp), h.Get(notify.HeaderSignature), tampered, f.now, 5*time.Minute); !errors.Is(err, notify.ErrBadSignature) {
				t.Errorf("request %d: tampered body verified: %v", i, err)
			}
			if err := notify.VerifyWebhook("other", h.Get(notify.HeaderTimestamp), h.Get(notify.HeaderSignature), r.body, f.now, 5*time.Minute); !errors.Is(err, notify.ErrBadSignature) {
				t.Errorf("request %d: another secret verified: %v", i, err)
			}
		}
		if reqs[0].header.Get(notify.HeaderDelivery) != reqs[1].header.Get(notify.HeaderDelivery) || string(reqs[0].body) != string(reqs[1].body) {
			t.Errorf("a retry is not the same delivery")
		}
		var ev notify.WebhookEvent
		if err := json.Unmarshal(reqs[1].body, &ev); err != nil {
			t.Fatal(err)
		}
		if ev.Type != notify.EventMatch || ev.Match == nil || ev.Match.DigestID != f.digest || len(ev.Match.Items) != 2 {
			t.Fatalf("event %+v", ev)
		}
		it := ev.Match.Items[0]
		if it.Title != "Boots <b>" || it.Brand != "Ganni" || it.Retailer != `Shop "A" & Co` || it.Size != "38" || it.Price != "199.00" ||
			it.RegularPrice != "300.00" || it.Currency != "EUR" || it.DiscountPct != 33 || !strings.HasPrefix(it.URL, "https://tagdrop.example/products/") {
			t.Errorf("item %+v", it)
		}
	})
}

func TestWebhookGivesUp(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rc := newReceiver(t, 503)
		f := newWebhookFixture(t, db, rc.URL+"/hook")
		w := f.jobs(webhookClient(rc, true), WebhooksConfig{RetryBase: time.Minute, MaxAttempts: 3})
		if _, err := w.Enqueue(ctx); err != nil {
			t.Fatal(err)
		}
		var waits []time.Duration
		for range 5 {
			if _, err := w.Deliver(ctx); err != nil {
				t.Fatal(err)
			}
			d := f.delivery(t)
			if d.Status != notify.DeliveryQueued {
				break
			}
			waits = append(waits, d.NextAttempt.Sub(f.now))
			f.now = d.NextAttempt
		}
		d := f.delivery(t)
		if d.Status != notify.DeliveryFailed || d.Attempts != 3 || d.ResponseCode != 503 || !strings.Contains(d.LastError, "gave up after 3 attempts") {
			t.Fatalf("after 3 failures: %+v", d)
		}
		if n := len(rc.got()); n != 3 {
			t.Fatalf("receiver got %d requests, want 3", n)
		}
		if len(waits) != 2 || waits[1] <= waits[0] {
			t.Fatalf("waits between attempts %v: want 2, growing", waits)
		}
	})
}

func TestWebhookPermanentFailures(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		t.Run("4xx", func(t *testing.T) {
			rc := newReceiver(t, 410)
			f := newWebhookFixture(t, db, rc.URL+"/gone")
			w := f.jobs(webhookClient(rc, true), WebhooksConfig{MaxAttempts: 5})
			if _, err := w.Enqueue(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := w.Deliver(ctx); err != nil {
				t.Fatal(err)
			}
			if d := f.delivery(t); d.Status != notify.DeliveryFailed || d.Attempts != 1 || d.ResponseCode != 410 {
				t.Fatalf("after a 410: %+v", d)
			}
		})
		t.Run("private address without the allow list", func(t *testing.T) {
			exec := func(q string) {
				if _, err := db.SQL().ExecContext(ctx, q); err != nil {
					t.Fatal(err)
				}
			}
			exec(`DELETE FROM webhooks`)
			exec(`DELETE FROM users`)
			exec(`DELETE FROM offers`)
			exec(`DELETE FROM products`)
			exec(`DELETE FROM brands`)
			exec(`DELETE FROM retailers`)
			exec(`DELETE FROM settings WHERE key LIKE 'webhooks_cursor_%'`)
			rc := newReceiver(t, 200)
			f := newWebhookFixture(t, db, rc.URL+"/hook")
			w := f.jobs(webhookClient(rc, false), WebhooksConfig{MaxAttempts: 5})
			if _, err := w.Enqueue(ctx); err != nil {
				t.Fatal(err)
			}
			if _, err := w.Deliver(ctx); err != nil {
				t.Fatal(err)
			}
			d := f.delivery(t)
			if d.Status != notify.DeliveryFailed || d.Attempts != 1 || !strings.Contains(d.LastError, "loopback") {
				t.Fatalf("delivery to 127.0.0.1 without the allow list: %+v", d)
			}
			if n := len(rc.got()); n != 0 {
				t.Fatalf("the private receiver got %d requests", n)
			}
		})
	})
}

func TestWebhookLoveAlertEvent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rc := newReceiver(t, 204)
		f := newWebhookFixture(t, db, rc.URL+"/hook")
		var product, offer int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT product_id, id FROM offers ORDER BY id LIMIT 1`).Scan(&product, &offer); err != nil {
			t.Fatal(err)
		}
		var love, alert int64
		if err := db.SQL().QueryRowContext(ctx, `INSERT INTO loves (user_id, product_id, size, color, created_at) VALUES ($1, $2, '38', '', 1) RETURNING id`,
			f.user, product).Scan(&love); err != nil {
			t.Fatal(err)
		}
		if err := db.SQL().QueryRowContext(ctx, `INSERT INTO love_alerts (love_id, user_id, kind, offer_id, currency, price, previous_price, basis_at, created_at)
			VALUES ($1, $2, 'target', $3, 'EUR', 20000, 24000, 1, $4) RETURNING id`, love, f.user, offer, f.now.Add(-2*time.Minute).UnixMilli()).Scan(&alert); err != nil {
			t.Fatal(err)
		}
		w := f.jobs(webhookClient(rc, true), WebhooksConfig{})
		if n, err := w.Enqueue(ctx); err != nil || n != 2 {
			t.Fatalf("Enqueue = %d, %v; want the digest and the love alert", n, err)
		}
		for {
			if n, err := w.Deliver(ctx); err != nil {
				t.Fatal(err)
			} else if n == 0 {
				break
			}
		}
		var kinds []string
		for _, r := range rc.got() {
			kinds = append(kinds, r.header.Get(notify.HeaderEvent))
			if r.header.Get(notify.HeaderEvent) != notify.EventLoveAlert {
				continue
			}
			var ev notify.WebhookEvent
			if err := json.Unmarshal(r.body, &ev); err != nil {
				t.Fatal(err)
			}
			a := ev.LoveAlert
			if a == nil || a.AlertID != alert || a.LoveID != love || a.Kind != "target" || a.Offer.Price != "200.00" || a.PreviousPrice != "240.00" ||
				a.Offer.Size != "38" || ev.ID == "" {
				t.Fatalf("love alert event %+v / %+v", ev, a)
			}
		}
		if len(kinds) != 2 {
			t.Fatalf("events sent: %v", kinds)
		}
	})
}

// A sender that dies after claiming loses nothing: the delivery is claimed again when the
// lease ends and delivered once.
func TestWebhookSurvivesCrashedSender(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		rc := newReceiver(t, 200)
		f := newWebhookFixture(t, db, rc.URL+"/hook")
		w := f.jobs(webhookClient(rc, true), WebhooksConfig{Lease: time.Minute})
		if _, err := w.Enqueue(ctx); err != nil {
			t.Fatal(err)
		}
		if lost, err := db.ClaimWebhookDeliveries(ctx, 10, time.Minute); err != nil || len(lost) != 1 {
			t.Fatalf("the crashed sender's claim: %v, %v", lost, err)
		}
		if n, _ := w.Deliver(ctx); n != 0 {
			t.Fatal("a leased delivery was taken before its lease ended")
		}
		f.now = f.now.Add(time.Minute + time.Second)
		if n, err := w.Deliver(ctx); err != nil || n != 1 {
			t.Fatalf("after the lease: %d, %v", n, err)
		}
		if d := f.delivery(t); d.Status != notify.DeliveryDelivered || d.Attempts != 2 {
			t.Fatalf("delivery %+v", d)
		}
		if n := len(rc.got()); n != 1 {
			t.Fatalf("receiver got %d requests, want 1", n)
		}
	})
}
