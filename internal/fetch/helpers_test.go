package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// loopbackOnly is the allowlist the happy-path tests use: the httptest servers listen on it.
var loopbackOnly = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}

// newTestClient is New plus a tripwire: should any address outside loopback ever get past the
// policy, the connection is stopped and the test fails, so no test can send traffic off this
// machine even when the policy under test is broken. lookup, if not nil, replaces DNS.
func newTestClient(t *testing.T, cfg Config, lookup lookupFunc) *Client {
	t.Helper()
	c := newClient(cfg, lookup)
	c.dialer.approved = func(ap netip.AddrPort) error {
		if !ap.Addr().Unmap().IsLoopback() {
			t.Errorf("policy let the client connect to %s; stopped by the test tripwire", ap)
			return errors.New("test tripwire: connection outside loopback")
		}
		return nil
	}
	return c
}

// fakeDNS answers lookups from a table; a name with several answers gives them in turn, one per
// lookup, the last one repeating (a DNS record that changes between connections).
type fakeDNS struct {
	mu      sync.Mutex
	answers map[string][]string
	asked   map[string]int
}

func newFakeDNS(answers map[string][]string) *fakeDNS {
	return &fakeDNS{answers: answers, asked: map[string]int{}}
}

func (d *fakeDNS) lookup(_ context.Context, host string) ([]netip.Addr, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	list, ok := d.answers[host]
	if !ok {
		return nil, fmt.Errorf("lookup %s: no such host (fake DNS)", host)
	}
	i := min(d.asked[host], len(list)-1)
	d.asked[host]++
	return []netip.Addr{netip.MustParseAddr(list[i])}, nil
}

// serve starts a test server on 127.0.0.1 and returns it with its port.
func serve(t *testing.T, h http.Handler) (*httptest.Server, string) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return srv, u.Port()
}

// seen records what a test server's handler saw, for the test goroutine to read.
type seen struct {
	mu sync.Mutex
	v  []string
}

func (s *seen) add(v string) {
	s.mu.Lock()
	s.v = append(s.v, v)
	s.mu.Unlock()
}

func (s *seen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.v, ",")
}

// lookups counts the lookups of host so far.
func (d *fakeDNS) lookups(host string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.asked[host]
}
