package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// runTagdrop imports the feed with tagdrop's importer, as `tagdrop import` would: the whole
// pipeline (read, normalise, upsert products and offers, price history, sale events, figures,
// gone offers) as one complete feed of the big feed's retailer.
func runTagdrop(ctx context.Context, a phaseArgs, prog *progress) (phaseResult, error) {
	var res phaseResult
	db, err := store.Open(ctx, a.db)
	if err != nil {
		return res, err
	}
	defer db.Close()
	before, err := db.CountRows(ctx, "price_changes")
	if err != nil {
		return res, err
	}
	im := ingest.New(db, nil)
	opts := ingest.Options{Retailer: demo.BigFeedRetailer, Format: feed.GMCXML, ObservedAt: a.observed, Full: true,
		Progress: func(_ int64, items int) { prog.items(items) }}
	start := time.Now()
	rep, err := im.ImportFile(ctx, a.feed, opts)
	res.Seconds = time.Since(start).Seconds()
	if err != nil {
		return res, err
	}
	after, err := db.CountRows(ctx, "price_changes")
	if err != nil {
		return res, err
	}
	if rep.Rejected > 0 {
		return res, fmt.Errorf("%d items rejected, the first: %+v", rep.Rejected, rep.Errors[0])
	}
	res.Read, res.New, res.Unchanged, res.Rejected = rep.Read, rep.New, rep.Unchanged, rep.Rejected
	res.PriceRows = after - before
	res.Rows, err = db.CountRows(ctx, "offers")
	return res, err
}
