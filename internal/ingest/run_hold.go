package ingest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// busyPoll is how often a run waiting for its retailer (Options.WaitBusy) tries again.
const busyPoll = 250 * time.Millisecond

// startRun records the run and holds its retailer for it, waiting up to wait for another
// run of the retailer to end. Once it holds the retailer it checks again that the feed is not
// older than the newest one imported, which a run that ended meanwhile may have changed.
func (im *Importer) startRun(ctx context.Context, retailer store.Retailer, source, format string, observed time.Time, wait time.Duration) (int64, error) {
	deadline := time.Now().Add(wait)
	for {
		runID, err := im.db.StartFeedRun(ctx, retailer.ID, source, format, observed)
		if err == nil {
			return runID, im.checkNotStale(ctx, retailer, runID, source, observed)
		}
		if !errors.Is(err, store.ErrRetailerBusy) || !time.Now().Add(busyPoll).Before(deadline) {
			if errors.Is(err, store.ErrRetailerBusy) {
				return 0, fmt.Errorf("%s: retailer %s: %w", source, retailer.Name, err)
			}
			return 0, err
		}
		select {
		case <-ctx.Done():
			return 0, ctx.Err()
		case <-time.After(busyPoll):
		}
	}
}

// checkNotStale fails the just started run with ErrStale when a run that ended while this one
// waited imported a newer feed of the retailer.
func (im *Importer) checkNotStale(ctx context.Context, retailer store.Retailer, runID int64, source string, observed time.Time) error {
	last, err := im.db.LastObservedAt(ctx, retailer.ID)
	if err == nil && observed.Before(last) {
		err = staleError(source, retailer.Name, observed, last)
	}
	if err != nil {
		rep := newReport(source, "")
		im.finish(ctx, runID, &rep, err)
	}
	return err
}

// heartbeat renews the run's hold on its retailer every im.beat (store.FeedRunHeartbeat) until the
// returned stop is called (which may be called more than once). A renewal that fails is logged
// and tried again at the next beat, and the run goes on; a hold found lost (store.ErrHoldLost)
// stops the run through lost.
func (im *Importer) heartbeat(ctx context.Context, runID int64, lost context.CancelCauseFunc) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(im.beat)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), store.FeedRunHeartbeat)
				if err := im.db.TouchFeedRun(bctx, runID); errors.Is(err, store.ErrHoldLost) {
					im.logger.Error("import stopped: it lost its hold on the retailer", "feed_run_id", runID, "error", err)
					lost(err)
				} else if err != nil {
					im.logger.Warn("renewing an import's hold on its retailer failed", "feed_run_id", runID, "error", err)
				}
				cancel()
			}
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() { close(done) })
		wg.Wait()
	}
}

// staleError is ErrStale for a feed observed before the retailer's newest import.
func staleError(source, retailer string, observed, last time.Time) error {
	return fmt.Errorf("%w: %s was observed %s, before %s's last import (%s)", ErrStale, source,
		observed.UTC().Format(time.RFC3339), retailer, last.Format(time.RFC3339))
}
