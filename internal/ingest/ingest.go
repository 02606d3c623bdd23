package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/pricing"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Options say what is being imported and how.
type Options struct {
	Retailer   string    // retailer name; its slug is the retailer key; required
	Format     string    // "auto" (default) or one of feed.Formats: gmc-xml, gmc-tsv, csv, shopify, product-xml
	ObservedAt time.Time // when the feed was seen; zero means now. Used as the time of every price change.
	Full       bool      // the feed is the retailer's complete catalogue: offers not in it are marked gone
	// ColumnMap names the columns of a CSV/TSV feed: tagdrop field → the feed's header (see
	// feed.Options.ColumnMap); nil uses the usual affiliate and Merchant Center column names.
	ColumnMap map[string]string
	// Currency is the ISO 4217 code of prices that do not give one: a CSV with bare amounts, a
	// Shopify store (whose products.json never says).
	Currency string
	// BaseURL is the store's address, from which Shopify product links are made.
	BaseURL string
	// Taxonomy places items on categories; nil uses catalog.DefaultTaxonomy (the apparel
	// branch). `tagdrop import --taxonomy FILE` passes Google's full published file.
	Taxonomy *catalog.Taxonomy
	// FeedID links the run to a registered feed (store.Feed), so its health shows this run.
	FeedID int64
	// Progress, when set, is told how the import advances: bytes of the source consumed so far
	// (0 for a feed read page by page) and items read. It runs on the importing goroutine as the
	// source is read, a few times per buffer, so it must be quick.
	Progress func(bytes int64, items int)
	// MinShare guards complete feeds: one with fewer usable items than this share of the
	// retailer's last good complete feed changes nothing and fails with ErrSuppressed. 0 means
	// DefaultMinShare (half); a negative value turns the check off, for a shop that really shrank.
	MinShare float64
	// MinDrop is the share a price must fall by to raise a price_drop event (see
	// pricing.EventRules); 0 means pricing.DefaultMinDrop (10%).
	MinDrop float64
	// WaitBusy is how long to wait for another import of the same retailer to end (one runs at a
	// time: store.StartFeedRun); 0 fails at once with ErrBusy.
	WaitBusy time.Duration
}

// feedOptions are the options the feed reader takes.
func (o Options) feedOptions() feed.Options {
	return feed.Options{Format: o.Format, ColumnMap: o.ColumnMap, Currency: o.Currency, BaseURL: o.BaseURL}
}

// ErrStale means the feed was observed before the retailer's newest imported feed; it is not
// imported, so price history only moves forward in time.
var ErrStale = errors.New("feed is older than the last import")

// ErrBusy means another import of the same retailer was running (store.ErrRetailerBusy; the
// error names that run) and Options.WaitBusy ran out: nothing was imported.
var ErrBusy = store.ErrRetailerBusy

// defaultBatchSize balances round trips and commits against transaction length: 2,000 items
// make a handful of statements and hold SQLite's write lock for some tens of milliseconds.
// Each commit rewrites the index pages the batch touched (random item ids and product keys
// spread over the whole index), so fewer, larger batches write far fewer pages: going from
// 500 to 2,000 halved the commits' CPU time in the 100K-item benchmark (docs/PERFORMANCE.md).
const defaultBatchSize = 2000

// Importer writes feeds into one database. It is safe for concurrent use; imports of the same
// retailer should not overlap (the later one's view of "gone" would be off).
type Importer struct {
	db     *store.DB
	logger *slog.Logger

	batchSize    int // items of a run's first batches
	maxBatchSize int // items of a batch at most, however big the run (batchsize.go)
	memo         *memo
	// spoolBudget is how many bytes of a feed's items are held in memory before they go to a
	// temporary file (see spool).
	spoolBudget int
	// normVersion is mixed into every feed record's hash: normaliserVersion, but for tests.
	normVersion int
	// beat is how often a run renews its hold on its retailer: store.FeedRunHeartbeat, but for
	// tests.
	beat time.Duration
	// beforeCommit, when set (tests only), runs at the end of each batch's transaction; an
	// error from it rolls the batch back as a crash would.
	beforeCommit func(batch int) error
	// onDedupe, when set (tests only), is told the candidates each time a run's end-of-run
	// duplicate pass runs (identity_dedupe.go).
	onDedupe func(candidates []int64)
}

// New returns an importer writing to db and logging to logger (nil: no logs).
func New(db *store.DB, logger *slog.Logger) *Importer {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &Importer{db: db, logger: logger, batchSize: defaultBatchSize, maxBatchSize: defaultMaxBatchSize, memo: newMemo(), spoolBudget: defaultSpoolBudget,
		normVersion: normaliserVersion, beat: store.FeedRunHeartbeat}
}

// ImportFile imports the feed in the file at path (gzip or not); the report's source is path.
func (im *Importer) ImportFile(ctx context.Context, path string, opts Options) (Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return newReport(path, opts.Format), fmt.Errorf("open %s: %w", path, unwrapPathError(err))
	}
	defer f.Close()
	return im.Import(ctx, f, path, opts)
}

// Import reads a feed from r and writes it to the catalogue. source names the feed in the
// report and in the feed_runs record. Broken items are counted as rejected and listed in the
// report; the error is for failures of the whole feed (unreadable, not a known format, broken
// XML part-way, database down, a complete feed suppressed as too small: ErrSuppressed). A feed
// that fails while being read changes nothing; one that fails while being written keeps its
// committed batches and converges when run again (see the package doc). The report counts what
// was read and written before the error.
func (im *Importer) Import(ctx context.Context, r io.Reader, source string, opts Options) (Report, error) {
	return im.importWith(ctx, source, opts, func(run *run, rep *Report) error {
		if opts.Progress != nil {
			r = &progressReader{r: r, rep: rep, fn: opts.Progress}
		}
		return run.read(ctx, r, opts, rep)
	})
}

// ImportFeed is Import for a feed that is already open: a Shopify store read page by page
// (feed.ShopifyPages). format names it in the report.
func (im *Importer) ImportFeed(ctx context.Context, fr feed.Reader, format, source string, opts Options) (Report, error) {
	opts.Format = format
	return im.importWith(ctx, source, opts, func(run *run, rep *Report) error {
		if opts.Progress != nil {
			fr = &progressFeed{r: fr, rep: rep, fn: opts.Progress}
		}
		rep.Format = format
		return run.readItems(ctx, fr, rep)
	})
}

// importWith records a run around read, which streams the source into the run's batches.
func (im *Importer) importWith(ctx context.Context, source string, opts Options, read func(*run, *Report) error) (Report, error) {
	started := time.Now()
	rep := newReport(source, opts.Format)
	if err := opts.validate(); err != nil {
		return rep, err
	}
	observed := opts.ObservedAt
	if observed.IsZero() {
		observed = time.Now()
	}
	retailer, err := im.db.EnsureRetailer(ctx, opts.Retailer)
	if err != nil {
		return rep, err
	}
	// History is a change log in time order: a feed seen before the newest one already imported
	// would write its older prices as if they were news.
	last, err := im.db.LastObservedAt(ctx, retailer.ID)
	if err != nil {
		return rep, err
	}
	if observed.Before(last) {
		return rep, staleError(source, retailer.Name, observed, last)
	}
	runID, err := im.startRun(ctx, retailer, source, rep.Format, observed, opts.WaitBusy)
	if err != nil {
		return rep, err
	}
	// A run that loses its hold (store.ErrHoldLost) stops: another import of the retailer may
	// be running.
	ctx, stopRun := context.WithCancelCause(ctx)
	defer stopRun(nil)
	stopBeat := im.heartbeat(ctx, runID, stopRun)
	defer stopBeat()
	if opts.FeedID != 0 {
		if err := im.db.LinkFeedRun(ctx, runID, opts.FeedID); err != nil {
			im.finish(ctx, runID, &rep, err)
			return rep, err
		}
	}
	run := newRun(im, retailer, runID, observed)
	run.tables = tablesFor(opts.Taxonomy)
	run.rules = pricing.EventRules{MinDrop: opts.MinDrop}
	err = run.execute(ctx, opts, &rep, read)
	if cause := context.Cause(ctx); err != nil && errors.Is(cause, store.ErrHoldLost) {
		err = cause
	}
	rep.DurationMS = time.Since(started).Milliseconds()
	stopBeat()
	im.finish(ctx, runID, &rep, err)
	if err != nil {
		im.logger.Warn("feed import failed", "source", fetch.Redact(source), "retailer", retailer.Slug, "error", err)
		return rep, err
	}
	im.logger.Info("feed imported", "source", fetch.Redact(source), "retailer", retailer.Slug, "format", rep.Format,
		"read", rep.Read, "new", rep.New, "changed", rep.Changed, "unchanged", rep.Unchanged,
		"rejected", rep.Rejected, "gone", rep.Gone, "invalid_gtins", run.badGTINs, "identity_conflicts", run.conflicts,
		"duration_ms", rep.DurationMS)
	im.mergeCollided(ctx, run.collided, retailer.Slug)
	if run.conflicts > 0 {
		// Two stored products share a key, and the batch was an unlisted shop's (identity.go): not merged.
		im.logger.Warn("offers whose product keys name two products", "source", fetch.Redact(source), "retailer", retailer.Slug,
			"identity_conflicts", run.conflicts, "examples", run.conflictSamples)
	}
	return rep, nil
}

// finish records the run's outcome. It uses a context of its own so that a cancelled import
// still leaves an honest record.
func (im *Importer) finish(ctx context.Context, runID int64, rep *Report, failure error) {
	status, reason := store.RunOK, ""
	errs := rep.Errors
	if failure != nil {
		status, reason = store.RunFailed, failure.Error()
		if errors.Is(failure, ErrSuppressed) {
			status = store.RunSuppressed
		}
		errs = append(append([]RowError(nil), errs...), RowError{Reason: failure.Error()})
	}
	js, _ := json.Marshal(errs)
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	err := im.db.FinishFeedRun(fctx, store.FeedRun{ID: runID, Status: status, Format: rep.Format,
		Read: rep.Read, New: rep.New, Changed: rep.Changed, Unchanged: rep.Unchanged, Rejected: rep.Rejected, Gone: rep.Gone,
		ErrorsJSON: string(js), Reason: reason})
	if err != nil {
		im.logger.Error("recording feed run failed", "feed_run_id", runID, "error", err)
	}
}

func (o Options) validate() error {
	if o.Retailer == "" {
		return errors.New("import: a retailer name is required")
	}
	if o.MinShare > 1 {
		return fmt.Errorf("import: minimum share %g is above 1 (it is a share of the last complete feed's items)", o.MinShare)
	}
	if o.MinDrop < 0 || o.MinDrop >= 1 {
		return fmt.Errorf("import: minimum price drop %g is not a share between 0 and 1", o.MinDrop)
	}
	if o.Format != "" && o.Format != "auto" && !slices.Contains(feed.Formats, o.Format) {
		return fmt.Errorf("import: format %q is not supported (use auto, %s)", o.Format, strings.Join(feed.Formats, ", "))
	}
	if err := feed.CheckColumnMap(o.ColumnMap); err != nil {
		return fmt.Errorf("import: %w", err)
	}
	if o.Currency != "" && !isCurrencyCode(o.Currency) {
		return fmt.Errorf("import: currency %q is not a three-letter ISO 4217 code", o.Currency)
	}
	if o.BaseURL != "" {
		u, err := url.Parse(o.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("import: base URL %q is not an http(s) address", o.BaseURL)
		}
	}
	return nil
}

// isCurrencyCode says whether s has the shape of an ISO 4217 code (three letters).
func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for _, c := range s {
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// unwrapPathError drops the *PathError's repetition of the path.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// progressReader reports Options.Progress as the feed reader pulls bytes from the source. The
// report it reads is the run's own, updated on the same goroutine, so no locking is needed.
type progressReader struct {
	r     io.Reader
	rep   *Report
	fn    func(bytes int64, items int)
	bytes int64
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.bytes += int64(n)
	p.fn(p.bytes, p.rep.Read)
	return n, err
}

// progressEvery is how many items a feed read item by item goes between progress reports.
const progressEvery = 64

// progressFeed reports Options.Progress every progressEvery items of an open feed.
type progressFeed struct {
	r   feed.Reader
	rep *Report
	fn  func(bytes int64, items int)
	n   int
}

func (p *progressFeed) Next() (feed.Item, error) {
	it, err := p.r.Next()
	if p.n++; p.n%progressEvery == 0 || err == io.EOF {
		p.fn(0, p.rep.Read)
	}
	return it, err
}
