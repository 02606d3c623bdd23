package jobs

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdh"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// browserKeys is what a browser keeps for one push subscription: the private half of p256dh
// and the auth secret. The test decrypts with them as a browser would.
type browserKeys struct {
	priv *ecdh.PrivateKey
	auth []byte
}

func newBrowserKeys(t *testing.T) browserKeys {
	t.Helper()
	priv, err := ecdh.P256().GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	auth := make([]byte, 16)
	_, _ = rand.Read(auth)
	return browserKeys{priv: priv, auth: auth}
}

func (k browserKeys) p256dh() string {
	return base64.RawURLEncoding.EncodeToString(k.priv.PublicKey().Bytes())
}
func (k browserKeys) authKey() string { return base64.RawURLEncoding.EncodeToString(k.auth) }

// decrypt undoes RFC 8291 (aes128gcm, RFC 8188 framing) with the browser's keys, written from
// the RFCs, independently of the sender's library: header salt(16) rs(4) idlen(1) keyid(idlen
// = the sender's ephemeral public key), then one record whose plaintext ends in 0x02 + padding.
func (k browserKeys) decrypt(body []byte) ([]byte, error) {
	if len(body) < 21 {
		return nil, errors.New("body shorter than the header")
	}
	salt, rs, idlen := body[:16], binary.BigEndian.Uint32(body[16:20]), int(body[20])
	if len(body) < 21+idlen || rs < 18 {
		return nil, errors.New("bad header")
	}
	asPublic, record := body[21:21+idlen], body[21+idlen:]
	if uint32(len(record)) > rs {
		return nil, fmt.Errorf("record of %d bytes is larger than rs %d: more than one record", len(record), rs)
	}
	peer, err := ecdh.P256().NewPublicKey(asPublic)
	if err != nil {
		return nil, fmt.Errorf("sender key: %w", err)
	}
	secret, err := k.priv.ECDH(peer)
	if err != nil {
		return nil, err
	}
	info := append(append([]byte("WebPush: info\x00"), k.priv.PublicKey().Bytes()...), asPublic...)
	ikm, err := hkdf.Key(sha256.New, secret, k.auth, string(info), 32)
	if err != nil {
		return nil, err
	}
	cek, err := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: aes128gcm\x00", 16)
	if err != nil {
		return nil, err
	}
	nonce, err := hkdf.Key(sha256.New, ikm, salt, "Content-Encoding: nonce\x00", 12)
	if err != nil {
		return nil, err
	}
	block, err := aes.NewCipher(cek)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, nonce, record, nil)
	if err != nil {
		return nil, fmt.Errorf("decrypt: %w", err)
	}
	end := bytes.LastIndexFunc(plain, func(r rune) bool { return r != 0 })
	if end < 0 || plain[end] != 2 {
		return nil, errors.New("no last-record delimiter 0x02 before the padding")
	}
	return plain[:end], nil
}

// checkVAPID verifies the Authorization header of RFC 8292: "vapid t=JWT, k=KEY", the JWT
// signed with ES256 by KEY's private half, for the endpoint's origin, not expired, with the
// operator's contact.
func checkVAPID(header, wantKey, origin, wantSub string, now time.Time) error {
	rest, ok := strings.CutPrefix(header, "vapid ")
	if !ok {
		return fmt.Errorf("authorization %q is not the vapid scheme", header)
	}
	params := map[string]string{}
	for _, p := range strings.Split(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		params[k] = v
	}
	if params["k"] != wantKey {
		return fmt.Errorf("k = %q, want the installation's public key %q", params["k"], wantKey)
	}
	raw, err := base64.RawURLEncoding.DecodeString(params["k"])
	if err != nil {
		return err
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(elliptic.P256(), raw)
	if err != nil {
		return fmt.Errorf("k: %w", err)
	}
	parts := strings.Split(params["t"], ".")
	if len(parts) != 3 {
		return fmt.Errorf("t is not a JWT")
	}
	var head struct{ Alg, Typ string }
	var claims struct {
		Aud string `json:"aud"`
		Exp int64  `json:"exp"`
		Sub string `json:"sub"`
	}
	for i, into := range []any{&head, &claims} {
		b, err := base64.RawURLEncoding.DecodeString(parts[i])
		if err != nil {
			return err
		}
		if err := json.Unmarshal(b, into); err != nil {
			return err
		}
	}
	sig, err := base64.RawURLEncoding.DecodeString(parts[2])
	if err != nil || len(sig) != 64 {
		return errors.New("signature is not 64 bytes of r||s")
	}
	digest := sha256.Sum256([]byte(parts[0] + "." + parts[1]))
	if !ecdsa.Verify(pub, digest[:], new(big.Int).SetBytes(sig[:32]), new(big.Int).SetBytes(sig[32:])) {
		return errors.New("JWT signature does not verify with k")
	}
	exp := time.Unix(claims.Exp, 0)
	switch {
	case head.Alg != "ES256":
		return fmt.Errorf("alg %q", head.Alg)
	case claims.Aud != origin:
		return fmt.Errorf("aud %q, want %q", claims.Aud, origin)
	case claims.Sub != wantSub:
		return fmt.Errorf("sub %q, want %q", claims.Sub, wantSub)
	case !exp.After(now) || exp.After(now.Add(24*time.Hour)):
		return fmt.Errorf("exp %v is not within 24 h from now (RFC 8292)", exp)
	}
	return nil
}

// pushService is the test's push service: it keeps every request and answers by path prefix
// (/ok/ 201, /gone/ 410, /missing/ 404, /busy/ 503).
type pushService struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []pushRequest
}

type pushRequest struct {
	Path   string
	Header http.Header
	Body   []byte
}

func newPushService(t *testing.T) *pushService {
	ps := &pushService{}
	ps.Server = httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		ps.mu.Lock()
		ps.reqs = append(ps.reqs, pushRequest{Path: r.URL.Path, Header: r.Header.Clone(), Body: body})
		ps.mu.Unlock()
		switch {
		case r.Method != http.MethodPost:
			w.WriteHeader(http.StatusMethodNotAllowed)
		case strings.HasPrefix(r.URL.Path, "/ok/"):
			w.WriteHeader(http.StatusCreated)
		case strings.HasPrefix(r.URL.Path, "/gone/"):
			w.WriteHeader(http.StatusGone)
		case strings.HasPrefix(r.URL.Path, "/missing/"):
			w.WriteHeader(http.StatusNotFound)
		default:
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	t.Cleanup(ps.Close)
	return ps
}

func (ps *pushService) requests(path string) []pushRequest {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	var out []pushRequest
	for _, r := range ps.reqs {
		if r.Path == path {
			out = append(out, r)
		}
	}
	return out
}

// pushClient is the guarded fetch client, trusting the test service's certificate and allowed
// to reach loopback, nothing else private.
func pushClient(ps *pushService) *fetch.Client {
	pool := x509.NewCertPool()
	pool.AddCert(ps.Certificate())
	return fetch.New(fetch.Config{Timeout: 10 * time.Second, RootCAs: pool,
		Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}})
}

// crashOnce is the store with the first "delivered" write failing, as if the process died
// between the push service accepting a message and the database recording it.
type crashOnce struct {
	*store.DB
	mu      sync.Mutex
	crashed bool
}

func (c *crashOnce) MarkLoveAlertDelivered(ctx context.Context, id int64, at time.Time) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.crashed {
		c.crashed = true
		return errors.New("killed before recording the delivery")
	}
	return c.DB.MarkLoveAlertDelivered(ctx, id, at)
}

func TestPushLoveAlertsEndToEnd(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now().UTC().Truncate(time.Millisecond)
		db.SetClock(func() time.Time { return now })
		shop := execSQL(t, db, `INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		brand := execSQL(t, db, `INSERT INTO brands (slug, name, created_at) VALUES ('toteme', 'Totême', 1)`)
		product := execSQL(t, db, `INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('coat', $1, 'Wool coat', 1, 1)`, brand)
		offer := execSQL(t, db, `INSERT INTO offers (retailer_id, product_id, item_id, size, currency, price, regular_price, availability,
			first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, 'coat-s', 'S', 'EUR', 18000, 30000, 'in_stock', 1, 1, 1)`, shop, product)
		users := map[string]int64{}
		for _, name := range []string{"ada", "bob", "cy"} {
			u, err := db.CreateUser(ctx, name+"@example.com", account.Shopper, "", true)
			if err != nil {
				t.Fatal(err)
			}
			users[name] = u.ID
		}
		// alert records one alert on a new love of the user and returns its id.
		alert := func(user int64, size string, a alerts.LoveAlert) int64 {
			t.Helper()
			l, err := db.SaveLove(ctx, store.Love{UserID: user, ProductID: product, Love: alerts.Love{Size: size, AlertAnyDrop: true}})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.RecordLoveDecisions(ctx, []store.LoveDecision{{LoveID: l.ID, UserID: user, Basis: now,
				Next: alerts.LoveState{Known: true, OfferID: offer, Price: a.Price, Currency: "EUR", InStock: true, At: now}, Alerts: []alerts.LoveAlert{a}}}); err != nil {
				t.Fatal(err)
			}
			rows, err := db.LoveAlerts(ctx, user, 1)
			if err != nil || len(rows) != 1 {
				t.Fatalf("alerts of user %d: %v, %v", user, rows, err)
			}
			return rows[0].ID
		}
		drop := alert(users["ada"], "S", alerts.LoveAlert{Kind: alerts.PriceDropped, OfferID: offer, Currency: "EUR", Price: 18000, PreviousPrice: 20000})
		back := alert(users["ada"], "M", alerts.LoveAlert{Kind: alerts.BackInStock, OfferID: offer, Currency: "EUR", Price: 18000})
		bobs := alert(users["bob"], "S", alerts.LoveAlert{Kind: alerts.TargetReached, OfferID: offer, Currency: "EUR", Price: 18000, PreviousPrice: 20000})
		cys := alert(users["cy"], "S", alerts.LoveAlert{Kind: alerts.PriceDropped, OfferID: offer, Currency: "EUR", Price: 18000, PreviousPrice: 20000})

		ps := newPushService(t)
		subscribe := func(user int64, endpoint string) (store.PushSubscription, browserKeys) {
			t.Helper()
			k := newBrowserKeys(t)
			s, err := db.SavePushSubscription(ctx, store.PushSubscription{UserID: user, Endpoint: endpoint, P256dh: k.p256dh(), Auth: k.authKey()})
			if err != nil {
				t.Fatal(err)
			}
			return s, k
		}
		phone, phoneKeys := subscribe(users["ada"], ps.URL+"/ok/ada-phone")
		subscribe(users["ada"], ps.URL+"/gone/ada-old-laptop")
		subscribe(users["ada"], ps.URL+"/missing/ada-tablet")
		subscribe(users["bob"], ps.URL+"/busy/bob-phone")
		// Endpoints the sender must never post to, whatever got stored: plain http, and a
		// private address the fetch client refuses at connect time.
		subscribe(users["cy"], strings.Replace(ps.URL, "https://", "http://", 1)+"/ok/cy-http")
		subscribe(users["cy"], "https://10.1.2.3/ok/cy-private")

		keys, err := db.PushVAPIDKeys(ctx, notify.GenerateVAPIDKeys)
		if err != nil {
			t.Fatal(err)
		}
		const contact = "mailto:ops@tagdrop.example"
		pusher := notify.NewPusher(pushClient(ps), notify.PushOptions{Public: keys.Public, Private: keys.Private, Subscriber: contact})
		crashy := &crashOnce{DB: db}
		logger := slog.New(slog.NewTextHandler(io.Discard, nil))
		sender := NewPushSender(crashy, pusher, PushConfig{Lease: time.Minute}, logger)
		sender.now = func() time.Time { return now }

		// First run: the first delivery "crashes" before it is recorded; RunOnce stops there.
		if _, err := sender.RunOnce(ctx); err == nil {
			t.Fatal("the simulated crash was not reported")
		}
		if got := len(ps.requests("/ok/ada-phone")); got != 1 {
			t.Fatalf("phone got %d messages before the crash, want 1", got)
		}
		// A restarted sender finds nothing before the lease ends, then delivers everything.
		sender = NewPushSender(db, pusher, PushConfig{Lease: time.Minute}, logger)
		sender.now = func() time.Time { return now }
		if n, err := sender.RunOnce(ctx); err != nil || n != 0 {
			t.Fatalf("claimed %d alerts under lease (%v)", n, err)
		}
		now = now.Add(2 * time.Minute)
		if n, err := sender.RunOnce(ctx); err != nil || n != 4 {
			t.Fatalf("after the lease: claimed %d alerts, %v; want 4", n, err)
		}

		// The phone got each of ada's alerts, the one in flight at the crash twice, with the same
		// topic; every message decrypts with the phone's keys to the alert's JSON.
		msgs := ps.requests("/ok/ada-phone")
		if len(msgs) != 3 {
			t.Fatalf("phone got %d messages, want 3 (drop twice, back in stock once)", len(msgs))
		}
		origin := ps.URL
		byTopic := map[string]int{}
		var got []notify.PushMessage
		for _, m := range msgs {
			if err := checkVAPID(m.Header.Get("Authorization"), keys.Public, origin, contact, time.Now()); err != nil {
				t.Errorf("VAPID: %v", err)
			}
			if ce := m.Header.Get("Content-Encoding"); ce != "aes128gcm" {
				t.Errorf("Content-Encoding %q", ce)
			}
			if ttl := m.Header.Get("TTL"); ttl != "86400" {
				t.Errorf("TTL %q, want 86400", ttl)
			}
			byTopic[m.Header.Get("Topic")]++
			plain, err := phoneKeys.decrypt(m.Body)
			if err != nil {
				t.Fatalf("decrypting with the subscription's keys: %v", err)
			}
			var pm notify.PushMessage
			if err := json.Unmarshal(plain, &pm); err != nil {
				t.Fatalf("payload %q: %v", plain, err)
			}
			got = append(got, pm)
		}
		if byTopic[fmt.Sprintf("love-alert-%d", drop)] != 2 || byTopic[fmt.Sprintf("love-alert-%d", back)] != 1 {
			t.Errorf("topics = %v", byTopic)
		}
		wantDrop := notify.PushMessage{Title: "Price drop: Totême Wool coat", Body: "Now €180.00 in size S, was €200.00.",
			URL: fmt.Sprintf("/products/%d", product), Tag: fmt.Sprintf("love-alert-%d", drop), Kind: "price_drop"}
		wantBack := notify.PushMessage{Title: "Back in stock: Totême Wool coat", Body: "Size M is back, at €180.00.",
			URL: fmt.Sprintf("/products/%d", product), Tag: fmt.Sprintf("love-alert-%d", back), Kind: "back_in_stock"}
		for _, pm := range got {
			if pm != wantDrop && pm != wantBack {
				t.Errorf("payload = %+v\nwant %+v\n  or %+v", pm, wantDrop, wantBack)
			}
		}

		// 404 and 410 removed ada's dead subscriptions; the phone stays.
		subs, err := db.PushSubscriptions(ctx, users["ada"])
		if err != nil || len(subs) != 1 || subs[0].ID != phone.ID {
			t.Errorf("ada's subscriptions after delivery = %+v, %v; want only the phone", subs, err)
		}
		// Cy's http and private endpoints were never contacted and are removed.
		for _, path := range []string{"/ok/cy-http", "/ok/cy-private"} {
			if n := len(ps.requests(path)); n != 0 {
				t.Errorf("%s was posted to %d times", path, n)
			}
		}
		if subs, err := db.PushSubscriptions(ctx, users["cy"]); err != nil || len(subs) != 0 {
			t.Errorf("cy's refused subscriptions kept: %+v, %v", subs, err)
		}

		delivered := func(user, id int64) bool {
			rows, err := db.LoveAlerts(ctx, user, 10)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range rows {
				if r.ID == id {
					return !r.DeliveredAt.IsZero()
				}
			}
			t.Fatalf("alert %d not found", id)
			return false
		}
		if !delivered(users["ada"], drop) || !delivered(users["ada"], back) {
			t.Error("ada's alerts are not marked delivered")
		}
		if delivered(users["cy"], cys) {
			t.Error("cy's alert marked delivered though no device got it")
		}
		// Bob's push service was busy: not delivered, retried after a backoff, delivered then.
		if delivered(users["bob"], bobs) || len(ps.requests("/busy/bob-phone")) != 1 {
			t.Fatalf("bob's alert: delivered %v after %d attempts", delivered(users["bob"], bobs), len(ps.requests("/busy/bob-phone")))
		}
		if n, err := sender.RunOnce(ctx); err != nil || n != 0 {
			t.Errorf("bob's alert claimed again before its backoff: %d, %v", n, err)
		}
		busy, _ := db.PushSubscriptions(ctx, users["bob"])
		if len(busy) != 1 {
			t.Fatalf("bob's busy subscription was removed: %+v", busy)
		}
		k := newBrowserKeys(t)
		if _, err := db.SavePushSubscription(ctx, store.PushSubscription{UserID: users["bob"], Endpoint: ps.URL + "/ok/bob-laptop",
			P256dh: k.p256dh(), Auth: k.authKey()}); err != nil {
			t.Fatal(err)
		}
		now = now.Add(10 * time.Minute)
		if n, err := sender.RunOnce(ctx); err != nil || n != 1 {
			t.Fatalf("retry: claimed %d, %v", n, err)
		}
		if !delivered(users["bob"], bobs) || len(ps.requests("/ok/bob-laptop")) != 1 {
			t.Error("bob's alert not delivered to his laptop on the retry")
		}
		plain, err := k.decrypt(ps.requests("/ok/bob-laptop")[0].Body)
		if err != nil || !strings.Contains(string(plain), `"kind":"target"`) {
			t.Errorf("bob's payload %s, %v", plain, err)
		}
	})
}

// TestLovePushKinds keeps notify's copy of the alert kinds in step with alerts': every kind
// gets its own headline, none the fallback.
func TestLovePushKinds(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range []alerts.LoveAlertKind{alerts.PriceDropped, alerts.TargetReached, alerts.BackInStock, alerts.PriceProtection} {
		m := notify.LovePush{AlertID: 1, ProductID: 2, Title: "Coat", Kind: string(k), Currency: "EUR", Price: 100, PreviousPrice: 200}.Message()
		if strings.HasPrefix(m.Title, "News on a love") || seen[m.Title] {
			t.Errorf("kind %s: title %q", k, m.Title)
		}
		seen[m.Title] = true
	}
}
