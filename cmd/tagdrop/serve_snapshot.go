package main

import (
	"context"
	"log/slog"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

// startSnapshots keeps the admin dashboard's daily catalogue snapshots current, backfilling
// missing days from the price history (jobs.Snapshotter), until the returned stop is called;
// stop waits for it.
func startSnapshots(ctx context.Context, db *store.DB, logger *slog.Logger) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	s := jobs.NewSnapshotter(db, jobs.DefaultSnapshotEvery, logger)
	go func() { done <- s.Run(ctx) }()
	return func() { cancel(); <-done }
}
