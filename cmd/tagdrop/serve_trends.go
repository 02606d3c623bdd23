package main

import (
	"context"
	"log/slog"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

// startTrends keeps the trends page's weekly counts current from the change log (see
// internal/jobs/trends.go) until ctx ends or the returned stop is called, which waits for it.
func startTrends(ctx context.Context, db *store.DB, logger *slog.Logger) (stop func()) {
	u := jobs.NewTrendsUpdater(db, jobs.TrendsConfig{}, logger)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- u.Run(ctx) }()
	return func() { cancel(); <-done }
}
