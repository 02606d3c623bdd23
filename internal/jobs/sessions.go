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

// SweepSessionsOnce deletes expired sessions and expired account link tokens once, so those
// tables hold only live sign-ins and links; serve runs it as a periodic job of the job queue.
// Failures are logged, not returned: the next sweep tries again.
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
