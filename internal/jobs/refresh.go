package jobs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Refresher refreshes registered feeds: it fetches each through the guarded client with the
// validators it kept, imports it as the retailer's complete catalogue and records the outcome
// on the feed, scheduling the next refresh.
type Refresher struct {
	db     *store.DB
	im     *ingest.Importer
	client *fetch.Client
	logger *slog.Logger
	now    func() time.Time
	jitter func() float64
}

// NewRefresher returns a refresher writing to db through im and fetching through client. logger
// may be nil.
func NewRefresher(db *store.DB, im *ingest.Importer, client *fetch.Client, logger *slog.Logger) *Refresher {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Refresher{db: db, im: im, client: client, logger: logger, now: time.Now, jitter: rand.Float64}
}

// Result is what one refresh did.
type Result struct {
	// Report is the import's report; for a 304 or a fetch failure it counts nothing.
	Report ingest.Report
	// NotModified says the server answered 304: nothing was imported.
	NotModified bool
	// Next is when the feed is due again.
	Next time.Time
}

// BusyRetry is how soon a refresh is tried again when another import of its retailer was
// running.
const BusyRetry = time.Minute

// RefreshFeed refreshes f now and records the outcome: a run in feed_runs (the import's own,
// or one saying "not modified" or why the source could not be fetched) and, on the feed, last
// success or last error, the failure count, the validators and the next run: f.Every after a
// success, Backoff after a failure, BusyRetry when another import of the retailer was running
// (no failure then). The error is the refresh's failure, already recorded. A
// refresh cut short by ctx is not counted as a failure: the feed is left due at once.
func (r *Refresher) RefreshFeed(ctx context.Context, f store.Feed) (Result, error) {
	started := r.now()
	res, validators, err := r.fetchAndImport(ctx, f, started)
	// Record with a context of our own: a refresh stopped by shutdown still leaves its record.
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	ended := r.now()
	if err != nil && ctx.Err() != nil {
		res.Next = ended
		if serr := r.db.SetFeedNextRun(rctx, f.ID, ended); serr != nil {
			r.logger.Error("rescheduling an interrupted refresh failed", "feed_id", f.ID, "error", serr)
		}
		return res, err
	}
	if errors.Is(err, ingest.ErrBusy) {
		// Another import of the retailer runs (`tagdrop import` by hand, another feed of the
		// same shop): not the feed's failure; it is due again shortly.
		res.Next = ended.Add(BusyRetry)
		r.logger.Info("feed refresh postponed: its retailer is being imported", "feed_id", f.ID, "retailer", f.RetailerSlug,
			"next_run_at", res.Next, "reason", err.Error())
		if serr := r.db.SetFeedNextRun(rctx, f.ID, res.Next); serr != nil {
			return res, errors.Join(err, serr)
		}
		return res, err
	}
	outcome := store.FeedResult{At: ended}
	if err != nil {
		r.recordFailedRun(rctx, f, started, ended, err)
		// The error is stored, shown on the feed health page and logged: never with the
		// source's credentials or query keys.
		outcome.Err = strings.ReplaceAll(oneLine(err.Error()), f.Source, fetch.Redact(f.Source))
		outcome.Next = ended.Add(Backoff(f.Every, f.Failures+1, r.jitter()))
		r.logger.Warn("feed refresh failed", "feed_id", f.ID, "retailer", f.RetailerSlug, "source", fetch.Redact(f.Source),
			"failures", f.Failures+1, "next_run_at", outcome.Next, "error", outcome.Err)
	} else {
		outcome.ETag, outcome.LastModified = validators.ETag, validators.LastModified
		outcome.Next = ended.Add(f.Every)
		r.logger.Info("feed refreshed", "feed_id", f.ID, "retailer", f.RetailerSlug, "not_modified", res.NotModified,
			"read", res.Report.Read, "new", res.Report.New, "changed", res.Report.Changed, "gone", res.Report.Gone,
			"duration_ms", ended.Sub(started).Milliseconds())
	}
	res.Next = outcome.Next
	if rerr := r.db.FinishFeedRefresh(rctx, f.ID, outcome); rerr != nil {
		return res, errors.Join(err, rerr)
	}
	return res, err
}

// fetchAndImport does the work of a refresh and returns the validators to keep.
func (r *Refresher) fetchAndImport(ctx context.Context, f store.Feed, started time.Time) (Result, fetch.Conditional, error) {
	opts := ingest.Options{Retailer: f.Retailer, Format: f.Format, Full: true, ColumnMap: f.ColumnMap,
		Currency: f.Currency, FeedID: f.ID}
	res := Result{Report: ingest.Report{Source: f.Source, Format: f.Format, Errors: []ingest.RowError{}}}
	var err error
	switch {
	case !IsURL(f.Source):
		res.Report, err = r.im.ImportFile(ctx, f.Source, opts)
		return res, fetch.Conditional{}, err
	case f.Format == feed.Shopify:
		// A store is many pages; validators of one page say nothing about the others.
		pages := feed.ShopifyPages(ctx, PageGetter(r.client), f.Source, feed.Options{Currency: f.Currency})
		defer pages.(io.Closer).Close()
		res.Report, err = r.im.ImportFeed(ctx, pages, feed.Shopify, f.Source, opts)
		return res, fetch.Conditional{}, err
	}
	resp, err := r.client.Get(ctx, f.Source, fetch.Conditional{ETag: f.ETag, LastModified: f.LastModified})
	if err != nil {
		return res, fetch.Conditional{}, err
	}
	defer resp.Body.Close()
	if resp.NotModified {
		res.NotModified = true
		_, err := r.db.AddFeedRun(ctx, f, store.FeedRun{Status: store.RunNotModified, Format: f.Format, StartedAt: started, FinishedAt: r.now()})
		return res, resp.Validators(), err
	}
	res.Report, err = r.im.Import(ctx, resp.Body, f.Source, opts)
	return res, resp.Validators(), err
}

// recordFailedRun records a run for a refresh that failed before the importer recorded one
// (the source could not be fetched or opened), so that every refresh leaves a run behind.
func (r *Refresher) recordFailedRun(ctx context.Context, f store.Feed, started, ended time.Time, failure error) {
	// The importer's own run, linked to the feed, is newer than the last one recorded on it.
	if newest, err := r.db.LatestFeedRunID(ctx, f.ID); err == nil && newest != f.LastRun.ID {
		return
	}
	js, _ := json.Marshal([]ingest.RowError{{Reason: failure.Error()}})
	if _, err := r.db.AddFeedRun(ctx, f, store.FeedRun{Status: store.RunFailed, Format: f.Format, StartedAt: started,
		FinishedAt: ended, ErrorsJSON: string(js)}); err != nil {
		r.logger.Error("recording failed refresh failed", "feed_id", f.ID, "error", err)
	}
}

// PageGetter fetches one page of a Shopify store through client, for feed.ShopifyPages.
func PageGetter(client *fetch.Client) func(ctx context.Context, pageURL string) (io.ReadCloser, error) {
	return func(ctx context.Context, pageURL string) (io.ReadCloser, error) {
		resp, err := client.Get(ctx, pageURL, fetch.Conditional{})
		if err != nil {
			return nil, err
		}
		return resp.Body, nil
	}
}

// IsURL says whether a feed source is an http(s) URL rather than a file path.
func IsURL(source string) bool {
	lower := strings.ToLower(strings.TrimSpace(source))
	return strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://")
}

// oneLine keeps a recorded error to one line.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 1000 {
		s = strings.ToValidUTF8(s[:1000], "") + "…"
	}
	return s
}

// String describes a result in one line, as `tagdrop feed run` prints it.
func (res Result) String() string {
	if res.NotModified {
		return fmt.Sprintf("not modified; next refresh %s", res.Next.UTC().Format(time.RFC3339))
	}
	rep := res.Report
	return fmt.Sprintf("%d read, %d new, %d changed, %d unchanged, %d rejected, %d gone (%s, %d ms); next refresh %s",
		rep.Read, rep.New, rep.Changed, rep.Unchanged, rep.Rejected, rep.Gone, rep.Format, rep.DurationMS,
		res.Next.UTC().Format(time.RFC3339))
}
