package web

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestThrottleWindow(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	th := newThrottle(func() time.Time { return now })
	limits := map[string]int{"email:a@example.com": 3}
	for i := 0; i < 3; i++ {
		if limited, _ := th.limited(limits); limited {
			t.Fatalf("limited after %d failures", i)
		}
		th.fail("email:a@example.com")
		now = now.Add(time.Minute)
	}
	limited, wait := th.limited(limits)
	if !limited || wait != throttleWindow-3*time.Minute {
		t.Fatalf("after 3 failures: limited %t, wait %v", limited, wait)
	}
	now = now.Add(wait) // the oldest failure leaves the window
	if limited, _ := th.limited(limits); limited {
		t.Fatal("still limited after the window moved")
	}
	th.fail("email:a@example.com")
	th.reset("email:a@example.com")
	if f := th.recent("email:a@example.com"); f != nil {
		t.Fatalf("reset kept %v", f)
	}
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
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	th := newThrottle(func() time.Time { return now })
	for i := range 3 {
		key := fmt.Sprintf("ip:2001:db8:1:2::%x", i+1)
		if limited, _ := th.limited(map[string]int{key: 3}); limited {
			t.Fatalf("limited after %d failures", i)
		}
		th.fail(key)
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
		if got, _ := th.limited(map[string]int{tt.key: 3}); got != tt.limited {
			t.Errorf("%s (%s): limited %t, want %t", tt.name, tt.key, got, tt.limited)
		}
	}
	th.fail("ip:192.0.2.1", "ip:192.0.2.1", "ip:192.0.2.1")
	if got, _ := th.limited(map[string]int{"ip:192.0.2.2": 3}); got {
		t.Error("IPv4 addresses share a budget")
	}
	th.reset("ip:2001:db8:1:2::77")
	if got, _ := th.limited(map[string]int{"ip:2001:db8:1:2::1": 3}); got {
		t.Error("reset of another address of the /64 did not reset the /64")
	}
}

// Past the bound the keys whose latest failure is oldest are forgotten, and a key at its limit
// never is, however many other keys arrive.
func TestThrottleEvictsOldestNeverLimited(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	th := newThrottle(func() time.Time { return now })
	th.maxKeys = 20
	victim := map[string]int{"email:victim@example.com": 3}
	for range 3 {
		th.limited(victim)
		th.fail("email:victim@example.com")
		now = now.Add(time.Second)
	}
	if limited, _ := th.limited(victim); !limited {
		t.Fatal("precondition: the victim key is not limited")
	}
	for i := range 200 {
		key := fmt.Sprintf("email:flood%d@example.com", i)
		th.limited(map[string]int{key: 3})
		th.fail(key)
		now = now.Add(time.Second)
		if len(th.fails) > th.maxKeys+1 {
			t.Fatalf("after %d keys the table holds %d, bound %d", i+1, len(th.fails), th.maxKeys)
		}
	}
	if limited, _ := th.limited(victim); !limited {
		t.Fatal("a flood of keys wiped a key at its limit")
	}
	if th.recent("email:flood199@example.com") == nil {
		t.Error("the newest key was forgotten")
	}
	if th.recent("email:flood0@example.com") != nil {
		t.Error("the oldest key is still remembered")
	}
}
