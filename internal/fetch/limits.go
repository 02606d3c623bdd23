package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// limitReader fails with ErrTooLarge once more than limit bytes have come through. It sits after
// decompression, so a small gzip bomb cannot expand past the limit; it reads one byte beyond the
// limit to tell "exactly the limit" from "more".
type limitReader struct {
	r         io.Reader
	remaining int64
	limit     int64
	url       string
}

func (l *limitReader) Read(p []byte) (int, error) {
	if int64(len(p)) > l.remaining+1 {
		p = p[:l.remaining+1]
	}
	n, err := l.r.Read(p)
	if int64(n) > l.remaining {
		n = int(l.remaining)
		l.remaining = 0
		return n, fmt.Errorf("fetch %s: body is larger than the limit of %d bytes: %w", l.url, l.limit, ErrTooLarge)
	}
	l.remaining -= int64(n)
	return n, err
}

// watchdog cancels a request when the server leaves it waiting for longer than idle: armed while
// the client waits for response headers or for a Read of the body, disarmed as soon as bytes
// come. It measures the server, not the caller: time the caller spends between reads (writing
// a batch to the database, say) does not count.
type watchdog struct {
	idle  time.Duration
	timer *time.Timer
}

func newWatchdog(idle time.Duration, cancel context.CancelCauseFunc) *watchdog {
	w := &watchdog{idle: idle, timer: time.AfterFunc(time.Hour, func() { cancel(ErrIdle) })}
	w.timer.Stop()
	return w
}

func (w *watchdog) arm()    { w.timer.Reset(w.idle) }
func (w *watchdog) disarm() { w.timer.Stop() }

// idleReader arms the watchdog around every Read of the network body.
type idleReader struct {
	r io.Reader
	w *watchdog
}

func (r idleReader) Read(p []byte) (int, error) {
	r.w.arm()
	n, err := r.r.Read(p)
	r.w.disarm()
	return n, err
}

// hostLimiter caps concurrent requests per host name, so that many feeds of one retailer (or a
// redirect chain back to it) never hit one server with more than a few connections. Entries are
// dropped when unused, so the map holds only hosts in flight.
type hostLimiter struct {
	per   int
	mu    sync.Mutex
	hosts map[string]*hostSlots
}

type hostSlots struct {
	ch    chan struct{} // one element per request in flight
	users int           // requests in flight or waiting; guarded by hostLimiter.mu
}

func newHostLimiter(per int) *hostLimiter {
	return &hostLimiter{per: per, hosts: map[string]*hostSlots{}}
}

// acquire waits for a slot for host, or for ctx to end.
func (l *hostLimiter) acquire(ctx context.Context, host string) (release func(), err error) {
	l.mu.Lock()
	s := l.hosts[host]
	if s == nil {
		s = &hostSlots{ch: make(chan struct{}, l.per)}
		l.hosts[host] = s
	}
	s.users++
	l.mu.Unlock()
	leave := func() {
		l.mu.Lock()
		if s.users--; s.users == 0 {
			delete(l.hosts, host)
		}
		l.mu.Unlock()
	}
	select {
	case s.ch <- struct{}{}:
		return sync.OnceFunc(func() { <-s.ch; leave() }), nil
	case <-ctx.Done():
		leave()
		return nil, context.Cause(ctx)
	}
}

// waiting counts requests for host queued behind the limit.
func (l *hostLimiter) waiting(host string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	if s := l.hosts[host]; s != nil {
		return s.users - len(s.ch)
	}
	return 0
}

// limitedTransport takes a per-host slot for every request it sends, redirect hops included,
// and gives it back when the response body is closed.
type limitedTransport struct {
	next  http.RoundTripper
	hosts *hostLimiter
}

func (t *limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	release, err := t.hosts.acquire(req.Context(), hostKey(req))
	if err != nil {
		return nil, err
	}
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		release()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: release}
	return resp, nil
}

func hostKey(req *http.Request) string { return strings.ToLower(req.URL.Hostname()) }

type releasingBody struct {
	io.ReadCloser
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}
