package jobs

import (
	"context"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"time"
)

type countingSessions struct{ calls, tokenCalls atomic.Int32 }

func (c *countingSessions) DeleteExpiredSessions(context.Context) (int64, error) {
	c.calls.Add(1)
	return 1, nil
}

func (c *countingSessions) DeleteExpiredAccountTokens(context.Context) (int64, error) {
	c.tokenCalls.Add(1)
	return 1, nil
}

func TestSweepSessionsRunsAtStartAndOnEachTick(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	store := &countingSessions{}
	done := make(chan error, 1)
	go func() {
		done <- SweepSessions(ctx, store, 5*time.Millisecond, slog.New(slog.NewTextHandler(io.Discard, nil)))
	}()
	deadline := time.Now().Add(10 * time.Second) // a bound on a hung loop, not a speed test
	for store.calls.Load() < 3 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if n := store.calls.Load(); n < 3 {
		t.Fatalf("swept %d times, want at start and on later ticks", n)
	}
	if n := store.tokenCalls.Load(); n < 3 {
		t.Fatalf("swept account tokens %d times, want with every session sweep", n)
	}
}
