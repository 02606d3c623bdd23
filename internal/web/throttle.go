package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/netip"
	"runtime"
	"strings"
	"time"
)

// Sign-in costs one argon2id check (64 MiB, tens of milliseconds), for unknown addresses too so
// timing reveals nothing. Two guards keep that from being turned against the server:
//   - passwordGate caps the checks running at once (one per CPU); a request that cannot get a
//     slot within passwordWait is answered 503 with Retry-After instead of queueing memory;
//   - throttle counts failed sign-ins per client address and per e-mail address (known or not,
//     so the limit reveals nothing either) in a sliding window and answers 429 past the limit.
// The gate is per process (it protects this process's CPU and memory); the throttle's counts are
// in the database, shared by every process.

const (
	passwordWait     = 3 * time.Second
	throttleWindow   = 15 * time.Minute
	maxFailsPerEmail = 10
	maxFailsPerIP    = 50
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

// throttle counts recent events per key (failed sign-ins, mail requests, tracked pages) in a
// sliding window, in the database (store.ThrottleHit), so every process sharing the database
// applies the same limits. Keys are "ip:ADDRESS", "email:ADDRESS" or "user:ID"; an IPv6 client
// address counts by its /64, since one household or server is routinely given a whole /64 and
// could otherwise spend a fresh budget from each of its 2^64 addresses. The store sees only a
// hash of each key. (Behind a reverse proxy every client shares the proxy's address; a
// trusted-proxy setting that reads X-Forwarded-For is not built yet.)
//
// A database error never locks anyone out: the check reports "not limited" and logs, and the
// request then meets the same database in its own work.
type throttle struct {
	db    throttleStore
	scope string
	now   func() time.Time
	log   *slog.Logger
}

// throttleStore is the part of *store.DB a throttle uses.
type throttleStore interface {
	ThrottleRecent(ctx context.Context, scope, key string, since time.Time, limit int) ([]time.Time, error)
	ThrottleHit(ctx context.Context, scope string, keys []string, at time.Time) error
	ThrottleReset(ctx context.Context, scope, key string) error
	SweepThrottle(ctx context.Context, before time.Time) (int64, error)
}

// sweepEvery is how many recorded events, on average, trigger one sweep of expired rows.
const sweepEvery = 64

func newThrottle(db throttleStore, scope string, now func() time.Time, log *slog.Logger) *throttle {
	return &throttle{db: db, scope: scope, now: now, log: log}
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

// storedKey is what the store keeps for key: a hash of its normalised form, so the table holds
// no addresses.
func storedKey(key string) string {
	sum := sha256.Sum256([]byte(throttleKey(key)))
	return hex.EncodeToString(sum[:16])
}

// limited reports whether any of the keys is at its limit, and when it frees up.
func (t *throttle) limited(ctx context.Context, limits map[string]int) (bool, time.Duration) {
	now := t.now()
	for key, limit := range limits {
		times, err := t.db.ThrottleRecent(ctx, t.scope, storedKey(key), now.Add(-throttleWindow), limit)
		if err != nil {
			t.log.Error("throttle check failed; allowing the request", "scope", t.scope, "err", err)
			return false, 0
		}
		if len(times) >= limit {
			return true, times[limit-1].Add(throttleWindow).Sub(now)
		}
	}
	return false, 0
}

// fail records one event against each key, and now and then sweeps rows out of the window.
func (t *throttle) fail(ctx context.Context, keys ...string) {
	stored := make([]string, len(keys))
	for i, k := range keys {
		stored[i] = storedKey(k)
	}
	now := t.now()
	if err := t.db.ThrottleHit(ctx, t.scope, stored, now); err != nil {
		t.log.Error("throttle: recording failed", "scope", t.scope, "err", err)
		return
	}
	if rand.IntN(sweepEvery) == 0 {
		if _, err := t.db.SweepThrottle(ctx, now.Add(-throttleWindow)); err != nil {
			t.log.Warn("throttle: sweep failed", "err", err)
		}
	}
}

// reset forgets a key's events (a successful sign-in of that address).
func (t *throttle) reset(ctx context.Context, key string) {
	if err := t.db.ThrottleReset(ctx, t.scope, storedKey(key)); err != nil {
		t.log.Warn("throttle: reset failed", "scope", t.scope, "err", err)
	}
}

// clientIP is the request's peer address without the port.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
