package notify_test

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/notify"
)

func TestWebhookCheckURL(t *testing.T) {
	loopback := []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}
	tests := []struct {
		name  string
		allow []netip.Prefix
		url   string
		want  string // the cleaned URL, or "" for a refusal
		why   string // part of the refusal message
	}{
		{name: "https", url: " https://hooks.example.com/tagdrop?k=1 ", want: "https://hooks.example.com/tagdrop?k=1"},
		{name: "https with port", url: "https://hooks.example.com:8443/x", want: "https://hooks.example.com:8443/x"},
		{name: "http refused", url: "http://hooks.example.com/x", why: "https"},
		{name: "ftp refused", url: "ftp://hooks.example.com/x", why: "scheme"},
		{name: "empty", url: "  ", why: "enter"},
		{name: "no host", url: "https:///x", why: "not a valid address"},
		{name: "relative", url: "/hooks", why: "not a valid address"},
		{name: "credentials", url: "https://u:p@hooks.example.com/", why: "user name"},
		{name: "fragment", url: "https://hooks.example.com/#x", why: "fragment"},
		{name: "loopback", url: "https://127.0.0.1/x", why: "not a public address"},
		{name: "private", url: "https://10.1.2.3/x", why: "not a public address"},
		{name: "metadata", url: "https://169.254.169.254/latest", why: "not a public address"},
		{name: "mapped IPv6", url: "https://[::ffff:192.168.0.1]/x", why: "not a public address"},
		{name: "localhost", url: "https://localhost/x", why: "localhost"},
		{name: "localhost subdomain", url: "https://a.localhost./x", why: "localhost"},
		{name: "bad port", url: "https://hooks.example.com:0/x", why: "port"},
		{name: "too long", url: "https://hooks.example.com/" + strings.Repeat("a", 2000), why: "at most"},
		{name: "allowed loopback over http", allow: loopback, url: "http://127.0.0.1:8080/x", want: "http://127.0.0.1:8080/x"},
		{name: "allow list covers only its range", allow: loopback, url: "https://10.1.2.3/x", why: "not a public address"},
		{name: "allow list does not open http to names", allow: loopback, url: "http://hooks.example.com/x", why: "https"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := notify.WebhookURLRules{Allow: tt.allow}.CheckURL(tt.url, fetch.Refusal)
			if tt.want != "" {
				if err != nil || got != tt.want {
					t.Fatalf("CheckURL(%q) = %q, %v; want %q", tt.url, got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("CheckURL(%q) = %q, accepted; want a refusal", tt.url, got)
			}
			if !strings.HasPrefix(err.Error(), "url: ") || !strings.Contains(err.Error(), tt.why) {
				t.Fatalf("CheckURL(%q): %q; want the field named and %q", tt.url, err, tt.why)
			}
		})
	}
}

func TestWebhookSignature(t *testing.T) {
	at := time.Unix(1_800_000_000, 0)
	body := []byte(`{"id":"digest:1"}`)
	sig := notify.SignWebhook("secret", at, body)
	if !strings.HasPrefix(sig, "sha256=") || len(sig) != len("sha256=")+64 {
		t.Fatalf("signature %q", sig)
	}
	ts := "1800000000"
	if err := notify.VerifyWebhook("secret", ts, sig, body, at.Add(time.Minute), 5*time.Minute); err != nil {
		t.Fatalf("fresh: %v", err)
	}
	if err := notify.VerifyWebhook("secret", ts, sig, body, at.Add(10*time.Minute), 5*time.Minute); !errors.Is(err, notify.ErrStale) {
		t.Fatalf("replayed 10 minutes later: %v, want ErrStale", err)
	}
	// The timestamp is signed: moving it forward to pass the age check breaks the signature.
	if err := notify.VerifyWebhook("secret", "1800000540", sig, body, at.Add(10*time.Minute), 5*time.Minute); !errors.Is(err, notify.ErrBadSignature) {
		t.Fatalf("replay with a new timestamp: %v, want ErrBadSignature", err)
	}
	if err := notify.VerifyWebhook("secret", "soon", sig, body, at, 5*time.Minute); !errors.Is(err, notify.ErrBadSignature) {
		t.Fatalf("non-numeric timestamp: %v", err)
	}
	if notify.SignWebhook("other", at, body) == sig || notify.SignWebhook("secret", at.Add(time.Second), body) == sig {
		t.Fatal("the signature ignores the secret or the time")
	}
	a, err := notify.NewWebhookSecret()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := notify.NewWebhookSecret()
	if len(a) != 64 || a == b {
		t.Fatalf("secrets %q, %q", a, b)
	}
}
