package web

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// testThrottle is a throttle on db whose clock the test moves.
func testThrottle(db throttleStore, scope string, now *time.Time) *throttle {
	return newThrottle(db, scope, func() time.Time { return *now }, slog.New(slog.DiscardHandler))
}

func TestThrottleWindow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
		th := testThrottle(db, "signin", &now)
		limits := map[string]int{"email:a@example.com": 3}
		for i := 0; i < 3; i++ {
			if limited, _ := th.limited(ctx, limits); limited {
				t.Fatalf("limited after %d failures", i)
			}
			th.fail(ctx, "email:a@example.com")
			now = now.Add(time.Minute)
		}
		limited, wait := th.limited(ctx, limits)
		if !limited || wait != throttleWindow-3*time.Minute {
			t.Fatalf("after 3 failures: limited %t, wait %v", limited, wait)
		}
		if other, _ := testThrottle(db, "mail", &now).limited(ctx, limits); other {
			t.Error("another scope shares the sign-in count")
		}
		now = now.Add(wait) // the oldest failure leaves the window
		if limited, _ := th.limited(ctx, limits); limited {
			t.Fatal("still limited after the window moved")
		}
		th.fail(ctx, "email:a@example.com")
		th.fail(ctx, "email:a@example.com")
		th.reset(ctx, "email:a@example.com")
		if limited, _ := th.limited(ctx, map[string]int{"email:a@example.com": 1}); limited {
			t.Fatal("reset kept failures")
		}
	})
}

// Two tagdrop processes on one database (two throttles, as two web nodes have) share each
// budget: failures counted by one limit the other. The table holds hashes, not addresses, and a
// sweep removes rows that left the window.
func TestThrottleSharedBetweenProcesses(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
		nodeA, nodeB := testThrottle(db, "signin", &now), testThrottle(db, "signin", &now)
		limits := map[string]int{"ip:192.0.2.7": 4, "email:victim@example.com": 10}
		for i := range 4 {
			node := nodeA
			if i%2 == 1 {
				node = nodeB
			}
			node.fail(ctx, "ip:192.0.2.7", "email:victim@example.com")
		}
		if limited, _ := nodeB.limited(ctx, limits); !limited {
			t.Fatal("4 failures spread over two nodes did not reach the limit of 4")
		}
		rows, err := db.SQL().QueryContext(ctx, `SELECT key FROM throttle_hits`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				t.Fatal(err)
			}
			if strings.Contains(k, "@") || strings.Contains(k, "192.0.2") || len(k) != 32 {
				t.Fatalf("the throttle table holds %q, not a hash", k)
			}
		}
		if n, err := db.SweepThrottle(ctx, now.Add(-throttleWindow)); err != nil || n != 0 {
			t.Fatalf("a sweep inside the window removed %d rows (%v)", n, err)
		}
		now = now.Add(throttleWindow)
		if n, err := db.SweepThrottle(ctx, now.Add(-throttleWindow)); err != nil || n != 8 {
			t.Fatalf("a sweep after the window removed %d rows (%v), want 8", n, err)
		}
	})
}

func TestPasswordGateRefusesWhenFull(t *testing.T) {
	g := make(passwordGate, 1)
	if !g.acquire(context.Background()) {
		t.Fatal("an empty gate refused")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if g.acquire(ctx) {
		t.Fatal("a full gate gave a second slot")
	}
	g.release()
	if !g.acquire(context.Background()) {
		t.Fatal("a released slot was not given again")
	}
}

// An IPv6 client is counted by its /64: moving to another address of the same network does not
// buy a fresh budget, while another network, or another IPv4 address, has its own.
func TestThrottleKeysIPv6ByPrefix(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	th := testThrottle(storetest.SQLite(t), "signin", &now)
	for i := range 3 {
		key := fmt.Sprintf("ip:2001:db8:1:2::%x", i+1)
		if limited, _ := th.limited(ctx, map[string]int{key: 3}); limited {
			t.Fatalf("limited after %d failures", i)
		}
		th.fail(ctx, key)
	}
	tests := []struct {
		name, key string
		limited   bool
	}{
		{"same /64, new address", "ip:2001:db8:1:2:ffff:ffff:ffff:fffe", true},
		{"same /64, with a zone", "ip:2001:db8:1:2::9%eth0", true},
		{"next /64", "ip:2001:db8:1:3::1", false},
		{"IPv4", "ip:192.0.2.1", false},
		{"e-mail key untouched", "email:2001:db8:1:2::1", false},
	}
	for _, tt := range tests {
		if got, _ := th.limited(ctx, map[string]int{tt.key: 3}); got != tt.limited {
			t.Errorf("%s (%s): limited %t, want %t", tt.name, tt.key, got, tt.limited)
		}
	}
	th.fail(ctx, "ip:192.0.2.1", "ip:192.0.2.1", "ip:192.0.2.1")
	if got, _ := th.limited(ctx, map[string]int{"ip:192.0.2.2": 3}); got {
		t.Error("IPv4 addresses share a budget")
	}
	th.reset(ctx, "ip:2001:db8:1:2::77")
	if got, _ := th.limited(ctx, map[string]int{"ip:2001:db8:1:2::1": 3}); got {
		t.Error("reset of another address of the /64 did not reset the /64")
	}
}

// brokenThrottleStore fails every call, as a database that went away does.
type brokenThrottleStore struct{}

var errGone = errors.New("database unreachable")

func (brokenThrottleStore) ThrottleRecent(context.Context, string, string, time.Time, int) ([]time.Time, error) {
	return nil, errGone
}
func (brokenThrottleStore) ThrottleHit(context.Context, string, []string, time.Time) error {
	return errGone
}
func (brokenThrottleStore) ThrottleReset(context.Context, string, string) error { return errGone }
func (brokenThrottleStore) SweepThrottle(context.Context, time.Time) (int64, error) {
	return 0, errGone
}

// A throttle whose database fails locks nobody out (the request then meets the same database in
// its own work and fails there, visibly) and does not panic.
func TestThrottleDatabaseDownAllows(t *testing.T) {
	now := time.Now()
	th := testThrottle(brokenThrottleStore{}, "signin", &now)
	th.fail(context.Background(), "email:a@example.com")
	th.reset(context.Background(), "email:a@example.com")
	if limited, _ := th.limited(context.Background(), map[string]int{"email:a@example.com": 1}); limited {
		t.Fatal("a database error reads as a limit")
	}
}
