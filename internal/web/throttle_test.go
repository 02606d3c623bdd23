package web

import (
	"context"
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
