package notify

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Webhook events are JSON documents tagdrop POSTs to a URL a shopper registered. Each request
// carries, besides the body:
//
//	X-Tagdrop-Event:     the event type ("match" or "love_alert")
//	X-Tagdrop-Delivery:  the delivery's id (the same on every retry of it)
//	X-Tagdrop-Timestamp: Unix seconds when this attempt was signed
//	X-Tagdrop-Signature: "sha256=" + hex(HMAC-SHA256(secret, timestamp + "." + body))
//
// Signing the timestamp with the body lets a receiver refuse replays of an old request: it
// checks the signature and that the timestamp is recent (VerifyWebhook).

// The webhook request headers.
const (
	HeaderEvent     = "X-Tagdrop-Event"
	HeaderDelivery  = "X-Tagdrop-Delivery"
	HeaderTimestamp = "X-Tagdrop-Timestamp"
	HeaderSignature = "X-Tagdrop-Signature"
)

// The webhook event types.
const (
	// EventMatch carries the items of a new digest: the shopper's new matches.
	EventMatch = "match"
	// EventLoveAlert carries one love alert (price drop, target reached, size back, price
	// protection).
	EventLoveAlert = "love_alert"
)

// DeliveryStatus is where a webhook delivery is.
type DeliveryStatus string

// The delivery states.
const (
	DeliveryQueued    DeliveryStatus = "queued"
	DeliveryDelivered DeliveryStatus = "delivered"
	DeliveryFailed    DeliveryStatus = "failed"
)

// Webhook is a URL a shopper asked tagdrop to POST their events to.
type Webhook struct {
	ID     int64
	UserID int64
	URL    string
	// Secret is the HMAC key, hex; the settings page shows it once, when the webhook is made.
	Secret    string
	CreatedAt time.Time
}

// Delivery is one event for one webhook: a durable outbox row retried until the receiver
// answers 2xx or the attempts run out.
type Delivery struct {
	ID        int64
	WebhookID int64
	// URL and Secret are the webhook's, read with the claim.
	URL    string
	Secret string
	// Event is the event type; EventKey names the event uniquely per webhook ("digest:12").
	Event    string
	EventKey string
	Payload  []byte
	Status   DeliveryStatus
	// Attempts counts the tries so far, the current one included once claimed.
	Attempts     int
	LastError    string
	ResponseCode int
	CreatedAt    time.Time
	NextAttempt  time.Time
	DoneAt       time.Time // zero until delivered or given up
}

// NewWebhookSecret returns a fresh 256-bit signing secret, hex.
func NewWebhookSecret() (string, error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("webhook secret: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// SignWebhook returns the X-Tagdrop-Signature value for a body signed at ts with secret.
func SignWebhook(secret string, ts time.Time, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(strconv.FormatInt(ts.Unix(), 10)))
	mac.Write([]byte{'.'})
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// Errors VerifyWebhook returns.
var (
	ErrBadSignature = errors.New("webhook signature does not match")
	ErrStale        = errors.New("webhook timestamp is too old or in the future")
)

// VerifyWebhook checks a received webhook the way a receiver should: the signature over
// timestamp and body (in constant time), and that the timestamp lies within tolerance of now.
func VerifyWebhook(secret, timestamp, signature string, body []byte, now time.Time, tolerance time.Duration) error {
	secs, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil {
		return fmt.Errorf("webhook timestamp %q is not Unix seconds: %w", timestamp, ErrBadSignature)
	}
	ts := time.Unix(secs, 0)
	if d := now.Sub(ts); d > tolerance || d < -tolerance {
		return ErrStale
	}
	want := SignWebhook(secret, ts, body)
	if !hmac.Equal([]byte(want), []byte(signature)) {
		return ErrBadSignature
	}
	return nil
}

// WebhookURLRules says which webhook URLs are accepted.
type WebhookURLRules struct {
	// Allow lists address ranges accepted although the address policy refuses them (the
	// fetch client's Allow list). It is for local testing only; a URL whose host is a literal
	// address inside it may also use http.
	Allow []netip.Prefix
}

// maxWebhookURL bounds a stored URL.
const maxWebhookURL = 2000

// CheckURL validates a webhook URL when it is registered: https (http only to an allowed
// test address), a host, no credentials, no fragment, and no host that is a refused address
// written literally (or "localhost"). Names are checked again, on every connection, by the
// fetch client's address policy when delivering; refused reports an address's refusal reason
// ("" if allowed; fetch.Refusal).
func (r WebhookURLRules) CheckURL(raw string, refused func(netip.Addr) string) (string, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return "", errors.New("url: enter the https address to send events to")
	}
	if len(raw) > maxWebhookURL {
		return "", fmt.Errorf("url: at most %d characters", maxWebhookURL)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "", errors.New("url: not a valid address (like https://example.com/hooks/tagdrop)")
	}
	if u.User != nil {
		return "", errors.New("url: must not contain a user name or password")
	}
	if u.Fragment != "" {
		return "", errors.New("url: must not contain a #fragment")
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	var allowed bool
	if ip, err := netip.ParseAddr(host); err == nil {
		ip = ip.Unmap()
		for _, p := range r.Allow {
			if p.Contains(ip) {
				allowed = true
			}
		}
		if !allowed && refused != nil {
			if why := refused(ip); why != "" {
				return "", fmt.Errorf("url: %s is not a public address (%s)", ip, why)
			}
		}
	} else if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return "", errors.New("url: localhost is not a public address")
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !allowed {
			return "", errors.New("url: must start with https:// (events carry personal data)")
		}
	default:
		return "", fmt.Errorf("url: scheme %q is not https", u.Scheme)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return "", fmt.Errorf("url: port %q is not 1-65535", p)
		}
	}
	return u.String(), nil
}
