package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// stubShop is a retailer's site for click-out tests: every page is one heading (id "stub")
// saying its heading, and every arrival's request URI is kept.
type stubShop struct {
	URL      string
	mu       sync.Mutex
	arrivals []string
}

// startStubShop starts a stubShop that stops when the test ends.
func startStubShop(t *testing.T, heading string) *stubShop {
	s := &stubShop{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/favicon.ico" {
			http.NotFound(w, r)
			return
		}
		s.mu.Lock()
		s.arrivals = append(s.arrivals, r.URL.RequestURI())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="en"><title>Stub retailer</title><h1 id="stub">%s</h1></html>`, heading)
	}))
	t.Cleanup(srv.Close)
	s.URL = srv.URL
	return s
}

// Arrivals returns the request URIs the shop has seen so far.
func (s *stubShop) Arrivals() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.arrivals...)
}
