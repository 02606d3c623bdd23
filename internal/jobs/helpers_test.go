package jobs

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// newRefresher returns a refresher over db whose fetcher may reach the test servers on
// loopback, with no jitter (r = 0.5 spreads by nothing).
func newRefresher(db *store.DB) *Refresher {
	client := fetch.New(fetch.Config{Timeout: 20 * time.Second,
		Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}})
	r := NewRefresher(db, ingest.New(db, nil), client, nil)
	r.jitter = func() float64 { return 0.5 }
	return r
}

// addFeed registers a feed or fails the test.
func addFeed(t *testing.T, db *store.DB, nf store.NewFeed) store.Feed {
	t.Helper()
	if nf.Every == 0 {
		nf.Every = time.Hour
	}
	f, err := db.AddFeed(context.Background(), nf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// reload reads a feed back or fails the test.
func reload(t *testing.T, db *store.DB, id int64) store.Feed {
	t.Helper()
	f, err := db.FeedByID(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func readFixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// feedSite is a retailer's web server: it serves a body with an ETag, answers 304 to a
// matching If-None-Match, or fails with a status, as the test sets it.
type feedSite struct {
	*httptest.Server
	mu       sync.Mutex
	body     []byte
	etag     string
	status   int      // non-zero: answer with this status instead
	requests []string // If-None-Match of each request, in order
}

func newFeedSite(t *testing.T, body []byte, etag string) *feedSite {
	t.Helper()
	s := &feedSite{body: body, etag: etag}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.requests = append(s.requests, r.Header.Get("If-None-Match"))
		switch {
		case s.status != 0:
			http.Error(w, "unavailable", s.status)
		case s.etag != "" && r.Header.Get("If-None-Match") == s.etag:
			w.WriteHeader(http.StatusNotModified)
		default:
			if s.etag != "" {
				w.Header().Set("ETag", s.etag)
			}
			w.Header().Set("Content-Type", "application/xml")
			w.Write(s.body)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

// set changes what the site answers from now on.
func (s *feedSite) set(body []byte, etag string, status int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.body, s.etag, s.status = body, etag, status
}

func (s *feedSite) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.requests...)
}
