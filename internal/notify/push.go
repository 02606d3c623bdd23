package notify

import (
	"context"
	"crypto/ecdh"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	webpush "github.com/SherClockHolmes/webpush-go"

	"github.com/tagdrop/tagdrop/internal/fetch"
)

// Web push (RFC 8030) with VAPID (RFC 8292) and aes128gcm payload encryption (RFC 8291). The
// encryption and the VAPID signature are webpush-go's; the request goes out through the caller's
// HTTP client, in production the guarded internal/fetch client, because a push endpoint is an
// address a browser handed us: https only, never a private address.

// GenerateVAPIDKeys makes a new application server key pair, base64url without padding: the
// public key as an uncompressed P-256 point (what browsers take as applicationServerKey).
func GenerateVAPIDKeys() (public, private string, err error) {
	private, public, err = webpush.GenerateVAPIDKeys()
	if err != nil {
		return "", "", fmt.Errorf("generate vapid keys: %w", err)
	}
	return public, private, nil
}

// MaxPushEndpoint bounds a subscription's endpoint URL (real ones are a few hundred bytes).
const MaxPushEndpoint = 2048

// CheckPushEndpoint refuses endpoints tagdrop will not post to: anything but https, credentials
// in the URL, a missing host, a host that is a refused IP address (see fetch.Refusal) or a name
// for this machine. Names are judged again at connect time by the fetch client, on the address
// they resolve to then.
func CheckPushEndpoint(raw string) error {
	if raw == "" {
		return errors.New("endpoint: missing")
	}
	if len(raw) > MaxPushEndpoint {
		return fmt.Errorf("endpoint: longer than %d bytes", MaxPushEndpoint)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return errors.New("endpoint: not a URL")
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	switch {
	case u.Scheme != "https":
		return fmt.Errorf("endpoint: scheme %q is not https", u.Scheme)
	case u.User != nil:
		return errors.New("endpoint: credentials in the URL are not accepted")
	case host == "":
		return errors.New("endpoint: no host")
	case host == "localhost" || strings.HasSuffix(host, ".localhost"):
		return errors.New("endpoint: a name for this machine is not a push service")
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		if why := fetch.Refusal(ip); why != "" {
			return fmt.Errorf("endpoint: address %s is refused: %s", ip, why)
		}
	}
	return nil
}

// CheckPushKeys checks a subscription's keys: p256dh must be an uncompressed P-256 public key
// and auth a 16-byte secret, both base64url (padded or not), as PushSubscription.getKey gives.
func CheckPushKeys(p256dh, auth string) error {
	pk, err := decodeKey(p256dh)
	if err != nil || len(pk) != 65 {
		return errors.New("keys.p256dh: not a base64url P-256 public key of 65 bytes")
	}
	if _, err := ecdh.P256().NewPublicKey(pk); err != nil {
		return errors.New("keys.p256dh: not a point on the P-256 curve")
	}
	a, err := decodeKey(auth)
	if err != nil || len(a) != 16 {
		return errors.New("keys.auth: not a base64url secret of 16 bytes")
	}
	return nil
}

func decodeKey(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}

// PushTarget is where one message goes: a subscription's endpoint and keys.
type PushTarget struct {
	Endpoint string
	P256dh   string
	Auth     string
}

// PushOptions configure a Pusher.
type PushOptions struct {
	// Public and Private are the VAPID key pair (see GenerateVAPIDKeys).
	Public, Private string
	// Subscriber is the operator's contact put in the VAPID token: an https URL or a
	// "mailto:" address. Push services may contact it about misbehaviour.
	Subscriber string
	// TTL is how long the push service keeps a message for an offline device (default 24 h).
	TTL time.Duration
}

// Pusher sends encrypted web push messages through an HTTP client.
type Pusher struct {
	client webpush.HTTPClient
	opts   PushOptions
}

// NewPusher returns a pusher that posts through client (the guarded *fetch.Client in production).
func NewPusher(client webpush.HTTPClient, opts PushOptions) *Pusher {
	if opts.TTL <= 0 {
		opts.TTL = 24 * time.Hour
	}
	return &Pusher{client: client, opts: opts}
}

// PushError is a failed push. Gone means the push service says the subscription no longer
// exists (404, 410) or its endpoint is one tagdrop refuses to reach: remove it. Temporary means
// trying again later may work (429, 5xx, network trouble); anything else will fail again.
type PushError struct {
	Status    int // the push service's answer; 0 when there was none
	Gone      bool
	Temporary bool
	Err       error
}

func (e *PushError) Error() string {
	if e.Status != 0 {
		return fmt.Sprintf("web push: push service answered %d %s", e.Status, http.StatusText(e.Status))
	}
	return "web push: " + e.Err.Error()
}

func (e *PushError) Unwrap() error { return e.Err }

// Send encrypts payload to the target's keys and posts it. topic (at most 32 base64url
// characters, may be empty) lets the push service replace an undelivered message with the same
// topic, so a message re-sent after a crash does not reach the device twice.
func (p *Pusher) Send(ctx context.Context, t PushTarget, payload []byte, topic string) error {
	// Addresses are the fetch client's to judge, at connect time (its Allow list lets tests
	// play the push service on loopback); the scheme is checked here too, whatever was stored.
	if u, err := url.Parse(t.Endpoint); err != nil || u.Scheme != "https" {
		return &PushError{Gone: true, Err: fmt.Errorf("endpoint %s is not an https URL", fetch.Redact(t.Endpoint))}
	}
	resp, err := webpush.SendNotificationWithContext(ctx, payload, &webpush.Subscription{Endpoint: t.Endpoint,
		Keys: webpush.Keys{P256dh: t.P256dh, Auth: t.Auth}}, &webpush.Options{
		HTTPClient: p.client, Subscriber: subscriber(p.opts.Subscriber), Topic: topic, TTL: int(p.opts.TTL.Seconds()),
		Urgency: webpush.UrgencyNormal, VAPIDPublicKey: p.opts.Public, VAPIDPrivateKey: p.opts.Private,
	})
	if err != nil {
		var blocked *fetch.BlockedError
		switch {
		case errors.As(err, &blocked), errors.Is(err, fetch.ErrBadURL):
			return &PushError{Gone: true, Err: err}
		case ctx.Err() != nil:
			return ctx.Err()
		case errors.Is(err, webpush.ErrMaxPadExceeded):
			return &PushError{Err: err}
		}
		return &PushError{Temporary: true, Err: err}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch s := resp.StatusCode; {
	case s >= 200 && s <= 299:
		return nil
	case s == http.StatusNotFound || s == http.StatusGone:
		return &PushError{Status: s, Gone: true, Err: errors.New("subscription gone")}
	case s == http.StatusTooManyRequests || s >= 500:
		return &PushError{Status: s, Temporary: true, Err: errors.New("push service busy")}
	default:
		return &PushError{Status: s, Err: errors.New("push refused")}
	}
}

// PushMessage is the JSON a push carries; the service worker (static/sw.js) shows it as a
// notification and opens URL when it is tapped.
type PushMessage struct {
	Title string `json:"title"`
	Body  string `json:"body"`
	// URL is a path on this tagdrop (never an outside address).
	URL string `json:"url"`
	// Tag groups notifications: a message with the tag of one already shown replaces it, so a
	// duplicate after a crash shows once.
	Tag  string `json:"tag"`
	Kind string `json:"kind"`
}

// subscriber is the contact as webpush-go takes it: it puts "mailto:" before anything that is
// not an https URL itself, so a "mailto:" given here would be doubled.
func subscriber(contact string) string {
	return strings.TrimPrefix(contact, "mailto:")
}
