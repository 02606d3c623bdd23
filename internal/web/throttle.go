package web

import (
	"context"
	"net"
	"net/http"
	"runtime"
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
	// maxThrottleKeys bounds the throttle's memory; past it the oldest half is forgotten.
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

// throttle remembers recent failures per key.
type throttle struct {
	mu    sync.Mutex
	fails map[string][]time.Time
	now   func() time.Time
}

func newThrottle(now func() time.Time) *throttle {
	return &throttle{fails: map[string][]time.Time{}, now: now}
}

// recent returns key's failures inside the window, pruning older ones.
func (t *throttle) recent(key string) []time.Time {
	cut := t.now().Add(-throttleWindow)
	f := t.fails[key]
	i := 0
	for i < len(f) && !f[i].After(cut) {
		i++
	}
	f = f[i:]
	if len(f) == 0 {
		delete(t.fails, key)
		return nil
	}
	t.fails[key] = f
	return f
}

// limited reports whether any of the keys is over its limit, and when it frees up.
func (t *throttle) limited(limits map[string]int) (bool, time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for key, limit := range limits {
		if f := t.recent(key); len(f) >= limit {
			return true, f[len(f)-limit].Add(throttleWindow).Sub(t.now())
		}
	}
	return false, 0
}

// fail records one failure against each key.
func (t *throttle) fail(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.fails) > maxThrottleKeys {
		for k := range t.fails { // map order is random: forget about half
			delete(t.fails, k)
			if len(t.fails) <= maxThrottleKeys/2 {
				break
			}
		}
	}
	now := t.now()
	for _, k := range keys {
		t.fails[k] = append(t.recent(k), now)
	}
}

// reset forgets a key's failures (a successful sign-in of that address).
func (t *throttle) reset(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.fails, key)
}

// clientIP is the request's peer address without the port.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
