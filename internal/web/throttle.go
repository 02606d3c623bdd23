package web

import (
	"context"
	"net"
	"net/http"
	"net/netip"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
)

// Sign-in costs one argon2id check (64 MiB, tens of milliseconds), for unknown addresses too so
// timing reveals nothing. Two guards keep that from being turned against the server:
//   - passwordGate caps the checks running at once (one per CPU); a request that cannot get a
//     slot within passwordWait is answered 503 with Retry-After instead of queueing memory;
//   - throttle counts failed sign-ins per client address and per e-mail address (known or not,
//     so the limit reveals nothing either) in a sliding window and answers 429 past the limit.
// Both live in this process; with several web nodes each node applies them on its own (shared
// throttles in the database are scale-out work).

const (
	passwordWait     = 3 * time.Second
	throttleWindow   = 15 * time.Minute
	maxFailsPerEmail = 10
	maxFailsPerIP    = 50
	// maxThrottleKeys bounds the throttle's memory; past it the keys with the oldest latest
	// failure are forgotten (down to half), never those at their limit.
	maxThrottleKeys = 100_000
)

// passwordGate is a semaphore over password checks.
type passwordGate chan struct{}

func newPasswordGate() passwordGate { return make(passwordGate, max(1, runtime.GOMAXPROCS(0))) }

// acquire waits for a slot; false means none came in time.
func (g passwordGate) acquire(ctx context.Context) bool {
	t := time.NewTimer(passwordWait)
	defer t.Stop()
	select {
	case g <- struct{}{}:
		return true
	case <-t.C:
		return false
	case <-ctx.Done():
		return false
	}
}

func (g passwordGate) release() { <-g }

// throttle remembers recent failures per key. Keys are "ip:ADDRESS" or "email:ADDRESS"; an
// IPv6 client address counts by its /64, since one household or server is routinely given a
// whole /64 and could otherwise spend a fresh budget from each of its 2^64 addresses. (Behind a
// reverse proxy every client shares the proxy's address; a trusted-proxy setting that reads
// X-Forwarded-For is not built yet.)
type throttle struct {
	mu    sync.Mutex
	fails map[string]*throttleEntry
	now   func() time.Time
	// maxKeys bounds memory; past it the entries whose latest failure is oldest are forgotten.
	maxKeys int
}

// throttleEntry is one key's recent failures and the limit it was last checked against (0
// until limited first sees the key).
type throttleEntry struct {
	times []time.Time
	limit int
}

func newThrottle(now func() time.Time) *throttle {
	return &throttle{fails: map[string]*throttleEntry{}, now: now, maxKeys: maxThrottleKeys}
}

// throttleKey normalises a key: an IPv6 client address becomes its /64 prefix.
func throttleKey(key string) string {
	addr, ok := strings.CutPrefix(key, "ip:")
	if !ok {
		return key
	}
	ip, err := netip.ParseAddr(addr)
	if err != nil || !ip.Is6() || ip.Is4In6() {
		return key
	}
	p, err := ip.WithZone("").Prefix(64)
	if err != nil {
		return key
	}
	return "ip:" + p.String()
}

// recent returns key's failures inside the window, pruning older ones.
func (t *throttle) recent(key string) []time.Time {
	e := t.fails[key]
	if e == nil {
		return nil
	}
	cut := t.now().Add(-throttleWindow)
	i := 0
	for i < len(e.times) && !e.times[i].After(cut) {
		i++
	}
	e.times = e.times[i:]
	if len(e.times) == 0 {
		delete(t.fails, key)
		return nil
	}
	return e.times
}

// limited reports whether any of the keys is over its limit, and when it frees up. It also
// remembers each counted key's limit, so that making room never forgets a key at its limit
// (callers ask limited before they record a failure with fail).
func (t *throttle) limited(limits map[string]int) (bool, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for key, limit := range limits {
		key = throttleKey(key)
		f := t.recent(key)
		if f != nil {
			t.fails[key].limit = limit
		}
		if len(f) >= limit {
			return true, f[len(f)-limit].Add(throttleWindow).Sub(t.now())
		}
	}
	return false, 0
}

// fail records one failure against each key.
func (t *throttle) fail(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.fails)+len(keys) > t.maxKeys {
		t.evict()
	}
	now := t.now()
	for _, k := range keys {
		k = throttleKey(k)
		if times := t.recent(k); times != nil {
			t.fails[k].times = append(times, now)
		} else {
			t.fails[k] = &throttleEntry{times: []time.Time{now}}
		}
	}
}

// evict makes room by forgetting the keys whose latest failure is oldest, down to half the
// bound. Keys at or over their limit (as last seen by limited) are never forgotten: wiping a blocked key would hand its
// owner (or whoever floods the table) a fresh budget. When nothing else is left the table may
// stay above the bound until those keys leave the window.
func (t *throttle) evict() {
	type aged struct {
		key  string
		last time.Time
	}
	var candidates []aged
	for k := range t.fails {
		f := t.recent(k)
		if f == nil {
			continue // out of the window: recent already forgot it
		}
		if e := t.fails[k]; e.limit > 0 && len(f) >= e.limit {
			continue
		}
		candidates = append(candidates, aged{k, f[len(f)-1]})
	}
	slices.SortFunc(candidates, func(a, b aged) int { return a.last.Compare(b.last) })
	for _, c := range candidates {
		if len(t.fails) <= t.maxKeys/2 {
			break
		}
		delete(t.fails, c.key)
	}
}

// reset forgets a key's failures (a successful sign-in of that address).
func (t *throttle) reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.fails, throttleKey(key))
}

// clientIP is the request's peer address without the port.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
