package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

// Without the allowlist, a server on loopback is refused at connect time, whether the URL names
// it by address or by a name that resolves to it, and the server never sees a request.
func TestLoopbackRefusedWithoutAllowlist(t *testing.T) {
	var hits atomic.Int32
	srv, port := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits.Add(1) }))
	c := newTestClient(t, Config{}, nil)
	for _, raw := range []string{srv.URL + "/feed.xml", "http://localhost:" + port + "/feed.xml", "http://[::ffff:127.0.0.1]:" + port + "/"} {
		t.Run(raw, func(t *testing.T) {
			_, err := c.Get(context.Background(), raw, Conditional{})
			var b *BlockedError
			if !errors.As(err, &b) {
				t.Fatalf("Get(%s) = %v, want a *BlockedError", raw, err)
			}
			if !b.IP.Unmap().IsLoopback() || b.URL != raw || !strings.Contains(err.Error(), raw) {
				t.Fatalf("refusal %+v (%v) should name %s and a loopback address", b, err, raw)
			}
		})
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the refused server saw %d requests", n)
	}
}

// A name resolving to a refused address is refused at connect, through the system resolver too.
func TestHostNameResolvingInsideIsRefused(t *testing.T) {
	dns := newFakeDNS(map[string][]string{"metadata.test": {"169.254.169.254"}, "intranet.test": {"10.0.0.1"}, "v6.test": {"fd00::1"}})
	c := newTestClient(t, Config{Allow: loopbackOnly}, dns.lookup)
	for _, raw := range []string{"http://metadata.test/latest/meta-data/", "http://intranet.test:8080/", "https://v6.test/"} {
		_, err := c.Get(context.Background(), raw, Conditional{})
		var b *BlockedError
		if !errors.As(err, &b) || b.URL != raw {
			t.Errorf("Get(%s) = %v, want a *BlockedError naming it", raw, err)
		}
	}
}

// An allowed server redirecting to a refused address: the hop is refused when it connects.
func TestRedirectToRefusedAddress(t *testing.T) {
	_, port := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
	}))
	dns := newFakeDNS(map[string][]string{"shop.test": {"127.0.0.1"}, "internal.test": {"10.0.0.1"}, "loop.test": {"127.0.0.2"}})
	c := newTestClient(t, Config{Allow: loopbackOnly}, dns.lookup)
	tests := []struct{ name, to, ip string }{
		{"name resolving to private", "http://internal.test:" + port + "/", "10.0.0.1"},
		{"name resolving to loopback outside the allowlist", "http://loop.test:" + port + "/", "127.0.0.2"},
		{"metadata literal", "http://169.254.169.254/latest/meta-data/", "169.254.169.254"},
		{"mapped private literal (dialled as IPv4)", "http://[::ffff:10.0.0.1]:" + port + "/", "10.0.0.1"},
		{"NAT64 loopback literal", "http://[64:ff9b::7f00:1]:" + port + "/", "64:ff9b::7f00:1"},
		{"6to4 private literal", "http://[2002:c0a8:101::1]:" + port + "/", "2002:c0a8:101::1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := "http://shop.test:" + port + "/go?to=" + tt.to
			_, err := c.Get(context.Background(), start, Conditional{})
			var b *BlockedError
			if !errors.As(err, &b) {
				t.Fatalf("Get = %v, want a *BlockedError", err)
			}
			// The error names the starting URL without its query (which may carry keys).
			if b.IP.String() != tt.ip || b.URL != tt.to || !strings.Contains(err.Error(), Redact(start)) || strings.Contains(err.Error(), "?to=") {
				t.Fatalf("refusal %+v (%v): want IP %s, hop %s, and the error to name %s", b, err, tt.ip, tt.to, start)
			}
		})
	}
}

// DNS rebinding: the name first resolves to an allowed address (127.0.0.1 is allowed here and
// stands for a public one), then, for the next connection, to a private one. The check is on
// the address being connected to, so the second connection is refused.
func TestDNSAnswerChangingBetweenConnectionsIsRefused(t *testing.T) {
	var paths seen
	_, port := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		paths.add(r.URL.Path)
		w.Header().Set("Connection", "close") // the next hop needs a new connection, and a new lookup
		http.Redirect(w, r, "/second", http.StatusMovedPermanently)
	}))
	dns := newFakeDNS(map[string][]string{"rebind.test": {"127.0.0.1", "10.0.0.1"}})
	c := newTestClient(t, Config{Allow: loopbackOnly}, dns.lookup)
	_, err := c.Get(context.Background(), "http://rebind.test:"+port+"/first", Conditional{})
	var b *BlockedError
	if !errors.As(err, &b) || b.IP.String() != "10.0.0.1" {
		t.Fatalf("Get = %v, want the second connection refused at 10.0.0.1", err)
	}
	if paths.String() != "/first" || dns.lookups("rebind.test") != 2 {
		t.Fatalf("server saw %q after %d lookups, want /first after 2", paths.String(), dns.lookups("rebind.test"))
	}
}

func TestBadURLs(t *testing.T) {
	c := newTestClient(t, Config{}, newFakeDNS(nil).lookup)
	tests := []struct{ name, url, want string }{
		{"file", "file:///etc/passwd", "scheme"},
		{"ftp", "ftp://shop.test/feed.xml", "scheme"},
		{"gopher", "gopher://shop.test:70/", "scheme"},
		{"relative", "/feed.xml", "scheme"},
		{"no host", "http:///feed.xml", "no host"},
		{"credentials", "https://user:secret@shop.test/feed.xml", "credentials"},
		{"user only", "https://user@shop.test/feed.xml", "credentials"},
		{"port zero", "http://shop.test:0/", "port"},
		{"port too big", "http://shop.test:70000/", "port"},
		{"unparsable", "http://shop test/%zz", "invalid"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Get(context.Background(), tt.url, Conditional{})
			if !errors.Is(err, ErrBadURL) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Get(%q) = %v, want ErrBadURL mentioning %q", tt.url, err, tt.want)
			}
			if strings.Contains(err.Error(), "secret") {
				t.Fatalf("error %q shows the password", err)
			}
		})
	}
}

// A redirect must obey the same URL rules as the first request.
func TestRedirectToBadURL(t *testing.T) {
	var port string
	targets := map[string]func() string{
		"/file":  func() string { return "file:///etc/passwd" },
		"/creds": func() string { return "http://admin:secret@shop.test:" + port + "/" },
	}
	_, port = serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, targets[r.URL.Path](), http.StatusFound)
	}))
	dns := newFakeDNS(map[string][]string{"shop.test": {"127.0.0.1"}})
	c := newTestClient(t, Config{Allow: loopbackOnly}, dns.lookup)
	for path := range targets {
		_, err := c.Get(context.Background(), "http://shop.test:"+port+path, Conditional{})
		if !errors.Is(err, ErrBadURL) || strings.Contains(err.Error(), "secret") {
			t.Errorf("redirect %s: %v, want ErrBadURL without the password", path, err)
		}
	}
}

func TestRedirectLimit(t *testing.T) {
	// /hop/N redirects to /hop/N-1; /hop/0 answers.
	_, port := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		if n == 0 {
			fmt.Fprint(w, "arrived")
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
	}))
	dns := newFakeDNS(map[string][]string{"shop.test": {"127.0.0.1"}})
	base := "http://shop.test:" + port
	tests := []struct {
		name         string
		maxRedirects int
		hops         int
		ok           bool
	}{
		{"default allows 5", 0, 5, true},
		{"default refuses 6", 0, 6, false},
		{"configured 2 allows 2", 2, 2, true},
		{"configured 2 refuses 3", 2, 3, false},
		{"negative follows none", -1, 1, false},
		{"negative still fetches", -1, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, Config{Allow: loopbackOnly, MaxRedirects: tt.maxRedirects}, dns.lookup)
			start := fmt.Sprintf("%s/hop/%d", base, tt.hops)
			resp, body, err := c.Fetch(context.Background(), start, Conditional{})
			if !tt.ok {
				if !errors.Is(err, ErrTooManyRedirects) || !strings.Contains(err.Error(), start) {
					t.Fatalf("Fetch = %v, want ErrTooManyRedirects naming %s", err, start)
				}
				return
			}
			if err != nil || string(body) != "arrived" || resp.URL != base+"/hop/0" {
				t.Fatalf("Fetch = %v, %q, %v; want arrived at /hop/0", resp, body, err)
			}
		})
	}
}

// A proxy would make the connection on the client's behalf, past the address check; the
// client ignores the proxy environment variables.
func TestProxyEnvironmentIgnored(t *testing.T) {
	var proxied atomic.Int32
	proxy, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		proxied.Add(1)
		io.WriteString(w, "from the proxy")
	}))
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)
	_, port := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "direct") }))
	dns := newFakeDNS(map[string][]string{"shop.test": {"127.0.0.1"}})
	c := newTestClient(t, Config{Allow: loopbackOnly}, dns.lookup)
	_, body, err := c.Fetch(context.Background(), "http://shop.test:"+port+"/", Conditional{})
	if err != nil || string(body) != "direct" || proxied.Load() != 0 {
		t.Fatalf("Fetch = %q, %v; proxy saw %d requests", body, err, proxied.Load())
	}
}
