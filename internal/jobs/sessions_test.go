package jobs

import (
	"context"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
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

// One sweep deletes expired sessions and expired account tokens, once each.
func TestSweepSessionsOnceSweepsBoth(t *testing.T) {
	store := &countingSessions{}
	SweepSessionsOnce(context.Background(), store, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if s, a := store.calls.Load(), store.tokenCalls.Load(); s != 1 || a != 1 {
		t.Fatalf("one sweep deleted sessions %d times and account tokens %d times, want once each", s, a)
	}
}
