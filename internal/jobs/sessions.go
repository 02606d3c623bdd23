package jobs

import (
	"context"
	"log/slog"
	"time"
)

// SessionStore is what the session sweeper needs from the store.
type SessionStore interface {
	DeleteExpiredSessions(ctx context.Context) (int64, error)
	// DeleteExpiredAccountTokens removes expired e-mailed link tokens (and the dropped link
	// requests kept to make unknown addresses cost the same).
	DeleteExpiredAccountTokens(ctx context.Context) (int64, error)
}

// DefaultSessionSweepEvery is how often expired sign-in sessions are deleted.
const DefaultSessionSweepEvery = time.Hour

// SweepSessions deletes expired sessions and expired account link tokens at start and then
// every interval until ctx ends, so those tables hold only live sign-ins and links. Failures are
// logged and retried at the next tick. (serve runs SweepSessionsOnce as a periodic job of the
// job queue instead; this loop remains for callers without one.)
func SweepSessions(ctx context.Context, db SessionStore, every time.Duration, logger *slog.Logger) error {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		SweepSessionsOnce(ctx, db, logger)
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// SweepSessionsOnce deletes expired sessions and expired account link tokens once. Failures are
// logged, not returned: the next sweep tries again.
func SweepSessionsOnce(ctx context.Context, db SessionStore, logger *slog.Logger) {
	n, err := db.DeleteExpiredSessions(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		logger.Warn("deleting expired sessions failed", "error", err)
	case n > 0:
		logger.Info("expired sessions deleted", "count", n)
	}
	n, err = db.DeleteExpiredAccountTokens(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		logger.Warn("deleting expired account tokens failed", "error", err)
	case n > 0:
		logger.Info("expired account tokens deleted", "count", n)
	}
}
