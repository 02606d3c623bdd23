package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// DefaultMinShare is the share of the last good complete feed's usable items a complete feed
// must have to be applied (Options.MinShare).
const DefaultMinShare = 0.5

// ErrSuppressed means a complete feed had far fewer usable items than the retailer's last good
// one (see Options.MinShare). Nothing was written; the run is recorded as store.RunSuppressed
// with the reason.
var ErrSuppressed = errors.New("import suppressed")

// execute reads the source into the run's spool with read, and, if the whole feed came in and
// passes the size check, applies it.
func (r *run) execute(ctx context.Context, opts Options, rep *Report, read func(*run, *Report) error) error {
	defer r.spool.close()
	defer r.items.free()
	if opts.Full {
		if err := r.im.db.MarkFullFeedRun(ctx, r.runID); err != nil {
			return err
		}
		// A complete feed reads every live offer anyway (to mark the missing ones gone): read
		// them first, with their records' hashes, and skip the items that have not changed.
		if err := r.loadKnown(ctx); err != nil {
			return err
		}
		r.hasher = newFeedHasher(r.im.normVersion, opts, r.tables, r.retailer.Slug)
	}
	if err := read(r, rep); err != nil {
		return err
	}
	return r.apply(ctx, opts, rep)
}

// apply writes a run's spooled items in batches, one transaction each, then, for a complete
// feed, marks what it lacks as gone, and finally refreshes the figures of the retailer's offers
// whose 30-day window moved. Each step compares with the stored state and writes only what
// differs, so applying the same items again writes nothing: a run cut short here converges when
// it is run again.
func (r *run) apply(ctx context.Context, opts Options, rep *Report) error {
	if opts.Full {
		if err := r.checkShare(ctx, opts); err != nil {
			return err
		}
	}
	w, err := r.im.db.NewCatalogWriter(ctx, r.importCacheKiB())
	if err != nil {
		return err
	}
	r.writer = w
	err = r.applyBatches(ctx, opts, rep)
	if cerr := w.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if _, err := r.im.db.RefreshOfferFigures(ctx, r.retailer.ID, r.at); err != nil {
		return err
	}
	return nil
}

// applyBatches writes the spooled items in batches on the run's writer, then, for a complete
// feed, marks the missing ones gone and the rest seen.
func (r *run) applyBatches(ctx context.Context, opts Options, rep *Report) error {
	err := r.spool.batches(r.batchSizeAfter, func(b []listing) error {
		if err := r.write(ctx, b, rep); err != nil {
			return err
		}
		r.applied += len(b)
		// While a run grows the tables, refresh the planner's statistics each time the items
		// applied have doubled: a logarithmic number of cheap ANALYZEs keeps plans fit for the
		// tables' real size. (Counted in items, not batches, since batches grow: statistics
		// taken at the first batch and never again made SQLite scan a 100K-offer table for
		// each IN list of a thousand ids.)
		if rep.New > 0 && r.applied >= r.statsAt {
			r.statsAt = 2 * r.applied
			if err := r.im.db.UpdateStatistics(ctx); err != nil {
				r.im.logger.Warn("planner statistics not updated", "error", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	// The skipped offers' records came unchanged: nothing of them is written. That they were in
	// the feed, markGone records for all of the retailer's live offers at once.
	rep.Unchanged += len(r.skipped)
	if opts.Full {
		return r.markGone(ctx, rep)
	}
	return nil
}

// checkShare refuses a complete feed with fewer usable items than MinShare of the retailer's
// last good complete feed: an export cut short or a broken filter far more often than a shop
// that halved its range overnight. The first complete feed has nothing to compare with.
func (r *run) checkShare(ctx context.Context, opts Options) error {
	share := opts.MinShare
	if share == 0 {
		share = DefaultMinShare
	}
	if share < 0 {
		return nil
	}
	last, err := r.im.db.LastGoodFullRun(ctx, r.retailer.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil
	}
	if err != nil {
		return err
	}
	before, now := last.Read-last.Rejected, r.spool.len()+len(r.skipped)
	if before <= 0 || float64(now) >= share*float64(before) {
		return nil
	}
	return fmt.Errorf("%w: the complete feed has %d usable items, fewer than %g%% of the %d of %s's last good one "+
		"(run %d, observed %s); nothing was changed", ErrSuppressed, now, share*100, before, r.retailer.Name, last.ID,
		last.ObservedAt.Format(time.RFC3339))
}
