package fetch

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// A gzip bomb: a few kilobytes on the wire that decompress to 16 MiB. The limit counts decoded
// bytes, so it stops the body at 1 MiB although the compressed body is far below the limit.
func TestSizeLimitAppliesAfterDecompression(t *testing.T) {
	const limit = 1 << 20
	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	zw.Write(make([]byte, 16<<20))
	zw.Close()
	if bomb.Len() >= limit/10 {
		t.Fatalf("the bomb is %d bytes compressed; it should be tiny", bomb.Len())
	}
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb.Bytes())
	}))
	c := newTestClient(t, Config{Allow: loopbackOnly, MaxBytes: limit}, nil)
	resp, err := c.Get(context.Background(), srv.URL+"/bomb.xml", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	n, err := io.Copy(io.Discard, resp.Body)
	if !errors.Is(err, ErrTooLarge) || n != limit {
		t.Fatalf("read %d bytes, %v; want exactly %d bytes then ErrTooLarge", n, err, limit)
	}
	if msg := err.Error(); !strings.Contains(msg, srv.URL+"/bomb.xml") || !strings.Contains(msg, strconv.Itoa(limit)) {
		t.Fatalf("error %q should name the URL and the limit", msg)
	}
}

func TestSizeLimitBoundary(t *testing.T) {
	tests := []struct {
		name     string
		size     int
		chunked  bool // no Content-Length: only counting the bytes can tell
		tooLarge bool
	}{
		{"exactly the limit", 1000, false, false},
		{"one byte over, announced", 1001, false, true},
		{"exactly the limit, chunked", 1000, true, false},
		{"one byte over, chunked", 1001, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if !tt.chunked {
					w.Header().Set("Content-Length", strconv.Itoa(tt.size))
				}
				w.Write(bytes.Repeat([]byte("x"), tt.size/2))
				w.(http.Flusher).Flush()
				w.Write(bytes.Repeat([]byte("x"), tt.size-tt.size/2))
			}))
			c := newTestClient(t, Config{Allow: loopbackOnly, MaxBytes: 1000}, nil)
			_, body, err := c.Fetch(context.Background(), srv.URL, Conditional{})
			if tt.tooLarge != errors.Is(err, ErrTooLarge) || (!tt.tooLarge && len(body) != tt.size) {
				t.Fatalf("Fetch = %d bytes, %v; want too large: %v", len(body), err, tt.tooLarge)
			}
		})
	}
}

// stall writes head (if any), then holds the response open without a byte until the client
// goes away or the test ends.
func stall(t *testing.T, head string) http.Handler {
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if head != "" {
			io.WriteString(w, head)
			w.(http.Flusher).Flush()
		}
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
}

// A server that stops sending is cut off after ReadIdleTimeout, before headers and mid-body,
// long before the whole-request deadline.
func TestStalledServerIsCutOff(t *testing.T) {
	cfg := Config{Allow: loopbackOnly, ReadIdleTimeout: 100 * time.Millisecond, Timeout: 20 * time.Second}
	t.Run("before headers", func(t *testing.T) {
		srv, _ := serve(t, stall(t, ""))
		c := newTestClient(t, cfg, nil)
		_, err := c.Get(context.Background(), srv.URL+"/slow", Conditional{})
		if !errors.Is(err, ErrIdle) || !strings.Contains(err.Error(), srv.URL+"/slow") {
			t.Fatalf("Get = %v, want ErrIdle naming the URL", err)
		}
	})
	t.Run("mid-body", func(t *testing.T) {
		srv, _ := serve(t, stall(t, "<rss><channel>"))
		c := newTestClient(t, cfg, nil)
		resp, err := c.Get(context.Background(), srv.URL+"/slow", Conditional{})
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		got, err := io.ReadAll(resp.Body)
		if !errors.Is(err, ErrIdle) || string(got) != "<rss><channel>" || !strings.Contains(err.Error(), srv.URL+"/slow") {
			t.Fatalf("read %q, %v; want the first bytes then ErrIdle naming the URL", got, err)
		}
	})
}

// The idle clock measures the server, not the caller: a caller that takes longer than the idle
// timeout between reads (writing a batch to the database, say) is not cut off.
func TestSlowCallerIsNotIdle(t *testing.T) {
	more := make(chan struct{})
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "first,")
		w.(http.Flusher).Flush()
		<-more // the second part leaves only when the caller asks for it
		io.WriteString(w, "second")
	}))
	c := newTestClient(t, Config{Allow: loopbackOnly, ReadIdleTimeout: 200 * time.Millisecond}, nil)
	resp, err := c.Get(context.Background(), srv.URL, Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	buf := make([]byte, 64)
	n, err := resp.Body.Read(buf)
	if err != nil || string(buf[:n]) != "first," {
		t.Fatalf("first read %q, %v", buf[:n], err)
	}
	time.Sleep(400 * time.Millisecond) // the caller is busy for twice the idle timeout
	close(more)
	rest, err := io.ReadAll(resp.Body)
	if err != nil || string(rest) != "second" {
		t.Fatalf("after a slow caller: %q, %v", rest, err)
	}
}

// A server dripping a byte at a time never trips the idle cut-off; the deadline for the whole
// request stops it.
func TestWholeRequestDeadline(t *testing.T) {
	srv, _ := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Ends by itself after a while, so that a client without a deadline gets to EOF
		// (and fails the test) rather than hanging it.
		for range 3000 {
			if _, err := io.WriteString(w, "x"); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}))
	c := newTestClient(t, Config{Allow: loopbackOnly, Timeout: 300 * time.Millisecond, ReadIdleTimeout: 10 * time.Second}, nil)
	resp, err := c.Get(context.Background(), srv.URL+"/drip", Conditional{})
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if !errors.Is(err, ErrTimeout) || len(got) == 0 || !strings.Contains(err.Error(), srv.URL+"/drip") {
		t.Fatalf("read %d bytes, %v; want some bytes then ErrTimeout naming the URL", len(got), err)
	}
}

// The caller's own cancellation is reported as such, not as a limit.
func TestCallerCancellation(t *testing.T) {
	srv, _ := serve(t, stall(t, ""))
	c := newTestClient(t, Config{Allow: loopbackOnly}, nil)
	ctx, cancel := context.WithCancel(context.Background())
	go func() { time.Sleep(50 * time.Millisecond); cancel() }()
	_, err := c.Get(ctx, srv.URL, Conditional{})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrIdle) || errors.Is(err, ErrTimeout) {
		t.Fatalf("Get = %v, want context.Canceled", err)
	}
}

// With PerHostConcurrency 2, five requests to one host never have more than two in flight; the
// others queue in the client, and requests to another host are not held up by the queue.
func TestPerHostConcurrency(t *testing.T) {
	var inFlight, peak atomic.Int32
	release := make(chan struct{})
	free := sync.OnceFunc(func() { close(release) })
	_, port := serve(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.Host, "other.test:") {
			io.WriteString(w, "other")
			return
		}
		n := inFlight.Add(1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		<-release
		inFlight.Add(-1)
		io.WriteString(w, "shop")
	}))
	t.Cleanup(free) // before the server's Close, which waits for its handlers
	dns := newFakeDNS(map[string][]string{"shop.test": {"127.0.0.1"}, "other.test": {"127.0.0.1"}})
	c := newTestClient(t, Config{Allow: loopbackOnly, PerHostConcurrency: 2}, dns.lookup)

	const n = 5
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := range n {
		wg.Go(func() {
			_, body, err := c.Fetch(context.Background(), fmt.Sprintf("http://shop.test:%s/feed/%d", port, i), Conditional{})
			if err == nil && string(body) != "shop" {
				err = fmt.Errorf("body %q", body)
			}
			errs <- err
		})
	}
	// Wait until two requests are at the server and three queue in the client.
	deadline := time.Now().Add(10 * time.Second)
	for inFlight.Load() != 2 || c.hosts.waiting("shop.test") != n-2 {
		if time.Now().After(deadline) {
			t.Fatalf("in flight %d, queued %d; want 2 and %d", inFlight.Load(), c.hosts.waiting("shop.test"), n-2)
		}
		time.Sleep(5 * time.Millisecond)
	}
	if _, body, err := c.Fetch(context.Background(), "http://other.test:"+port+"/", Conditional{}); err != nil || string(body) != "other" {
		t.Fatalf("another host waited behind shop.test: %q %v", body, err)
	}
	free()
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if p := peak.Load(); p != 2 {
		t.Fatalf("peak of %d requests in flight to one host, want 2", p)
	}
	if w := c.hosts.waiting("shop.test"); w != 0 || len(c.hosts.hosts) != 0 {
		t.Fatalf("limiter still holds %d waiters, %d hosts", w, len(c.hosts.hosts))
	}
}
