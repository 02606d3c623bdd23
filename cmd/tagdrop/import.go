package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

const importSynopsis = "import [--db URL] [--retailer NAME] [--format auto|gmc-xml|gmc-tsv|csv|shopify|product-xml|html] [--map FILE] [--currency CODE] [--taxonomy FILE] [--full] [--wait DURATION] [--json] [--allow-private CIDR]... SOURCE..."

// importConfig is everything `tagdrop import` is told.
type importConfig struct {
	DB       string
	Retailer string
	Format   string
	MapFile  string
	Currency string
	Full     bool
	JSON     bool
	Sources  []string
	// Wait is how long to wait for another import of the same retailer to end.
	Wait time.Duration
	// AllowPrivate lists address ranges URL sources may be fetched from although the fetch
	// policy refuses them (a feed served on 127.0.0.1 in a test); for local testing only.
	AllowPrivate []netip.Prefix
	// ColumnMap is --map's file read: tagdrop field → CSV column header.
	ColumnMap map[string]string
	// TaxonomyFile is Google's published taxonomy (taxonomy-with-ids.*.txt); Taxonomy, read
	// from it, replaces the built-in apparel branch.
	TaxonomyFile string
	Taxonomy     *catalog.Taxonomy
	// progress starts the progress display of one source (nil: none; see newImportProgress).
	progress func(label string, size int64) *importProgress
}

func runImport(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "import", importSynopsis,
		"Imports product feeds (Google Merchant Center XML or TSV, affiliate CSV/TSV, Shopify products.json;\n"+
			"shop exports of Shopify, WooCommerce, PrestaShop and Magento as exported; plain, gzip or zip)\n"+
			"into the catalogue.\n"+
			"SOURCE is a file or an http(s) URL. URLs are fetched only from public addresses (--allow-private\n"+
			"widens that, for local testing only). Prints one summary per source, or with --json one object\n"+
			"per source. Exits 1 if any source could not be imported; rejected rows alone do not fail an import.")
	var c importConfig
	fs.StringVar(&c.DB, "db", defaultDB, "database: sqlite:PATH or postgres://USER@HOST:PORT/DB")
	fs.StringVar(&c.Retailer, "retailer", "", "retailer name (default: each file's name without extensions, each URL's host name without www.)")
	fs.StringVar(&c.Format, "format", "auto", "feed format: auto (detected from the content), "+strings.Join(feed.Formats, ", ")+", or html (one product page by its URL)")
	fs.StringVar(&c.MapFile, "map", "", "JSON `FILE` naming a CSV feed's columns: {\"id\": \"aw_product_id\", \"price\": \"search_price\"}\n(Merchant Center's attribute names, plus currency, regular_price, in_stock, attributes,\nsale_price_start and sale_price_end)")
	fs.StringVar(&c.Currency, "currency", "", "ISO 4217 `CODE` of prices that give none (a CSV of bare amounts, a Shopify store)")
	fs.StringVar(&c.TaxonomyFile, "taxonomy", "", "Google's product taxonomy `FILE` (taxonomy-with-ids.en-US.txt) to categorise with, instead of\nthe built-in apparel branch")
	fs.BoolVar(&c.Full, "full", false, "each feed is the retailer's complete catalogue: mark offers missing from it as gone")
	fs.DurationVar(&c.Wait, "wait", 0, "wait up to `DURATION` (e.g. 5m) for another import of the same retailer to end\n(one runs at a time; default: fail at once)")
	fs.BoolVar(&c.JSON, "json", false, "print one JSON object per source")
	var allow listFlag
	fs.Var(&allow, "allow-private", "for local testing only: also fetch URLs from this otherwise refused address range, a `CIDR`\nor a single address (e.g. 127.0.0.1/32); repeatable")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	// Flags may follow the sources (tagdrop import feed.xml --json).
	for rest := fs.Args(); len(rest) > 0; rest = fs.Args() {
		c.Sources = append(c.Sources, rest[0])
		if err := fs.Parse(rest[1:]); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.Usage()
				return errHelp
			}
			return fmt.Errorf("%w: %v (see tagdrop import --help)", errUsage, err)
		}
	}
	if err := c.validate(); err != nil {
		return err
	}
	colMap, err := readColumnMap(c.MapFile)
	if err != nil {
		return err
	}
	c.ColumnMap = colMap
	allowed, err := parseAllowPrivate(allow.values)
	if err != nil {
		return err
	}
	c.AllowPrivate = allowed
	if c.Taxonomy, err = readTaxonomy(c.TaxonomyFile); err != nil {
		return err
	}
	if !c.JSON && isTerminal(env.stderr) {
		c.progress = func(label string, size int64) *importProgress { return newImportProgress(env.stderr, label, size) }
	}
	db, err := store.Open(ctx, c.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	// The summary lines are the command's output (failures included); logs only add errors
	// that the summary cannot show, such as a feed run that could not be recorded.
	logger := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	im := ingest.New(db, logger)
	client := fetch.New(fetch.Config{Timeout: importFetchTimeout, UserAgent: userAgent(), Allow: c.AllowPrivate})

	pages := newPageImporter(db, logger, c.AllowPrivate)

	failed := 0
	for _, src := range c.Sources {
		var rep ingest.Report
		var err error
		if c.Format == ingest.PageFormat {
			rep, err = importPage(ctx, pages, src)
		} else {
			rep, err = importSource(ctx, im, client, src, c)
		}
		if errors.Is(err, ingest.ErrBusy) {
			err = fmt.Errorf("%w (--wait 5m waits for it)", err)
		}
		if err != nil {
			failed++
			rep.Errors = append(rep.Errors, ingest.RowError{Reason: err.Error()})
		}
		if c.JSON {
			if err := json.NewEncoder(env.stdout).Encode(rep); err != nil {
				return err
			}
		} else {
			printReport(env, rep, err)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d sources could not be imported", failed, len(c.Sources))
	}
	return nil
}

func (c importConfig) validate() error {
	if len(c.Sources) == 0 {
		return fmt.Errorf("%w: import needs at least one SOURCE (a feed file)", errUsage)
	}
	if c.Format != "auto" && c.Format != ingest.PageFormat && !slices.Contains(feed.Formats, c.Format) {
		return fmt.Errorf("%w: --format %q is not auto, %s, %s", errUsage, c.Format, strings.Join(feed.Formats, ", "), ingest.PageFormat)
	}
	if c.Currency != "" && (len(c.Currency) != 3 || strings.ToUpper(c.Currency) == strings.ToLower(c.Currency)) {
		return fmt.Errorf("%w: --currency %q is not a three-letter ISO 4217 code", errUsage, c.Currency)
	}
	if c.Wait < 0 {
		return fmt.Errorf("%w: --wait %s is negative", errUsage, c.Wait)
	}
	if c.Retailer != "" && strings.TrimSpace(c.Retailer) == "" {
		return fmt.Errorf("%w: --retailer is blank", errUsage)
	}
	_, err := store.ParseLocation(c.DB)
	return err
}

// ingestOptions are the import options for one source of the given retailer.
func (c importConfig) ingestOptions(retailer string) ingest.Options {
	return ingest.Options{Retailer: retailer, Format: c.Format, Full: c.Full, ColumnMap: c.ColumnMap,
		Currency: strings.ToUpper(c.Currency), Taxonomy: c.Taxonomy, WaitBusy: c.Wait}
}

// withProgress starts a progress display for src when one is wanted and hooks it into opts;
// the returned function ends it (before the summary is printed).
func (c importConfig) withProgress(opts *ingest.Options, src string, size int64) (done func()) {
	if c.progress == nil {
		return func() {}
	}
	p := c.progress(src, size)
	opts.Progress = p.update
	return p.finish
}

func importSource(ctx context.Context, im *ingest.Importer, client *fetch.Client, src string, c importConfig) (ingest.Report, error) {
	if lower := strings.ToLower(src); strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return importURL(ctx, im, client, src, c)
	}
	retailer := c.Retailer
	if retailer == "" {
		retailer = retailerFromPath(src)
	}
	opts := c.ingestOptions(retailer)
	var size int64
	if st, err := os.Stat(src); err == nil {
		size = st.Size()
	}
	defer c.withProgress(&opts, src, size)()
	return im.ImportFile(ctx, src, opts)
}

// importPage imports one product page by its URL, as a shopper's pasted link is (/track):
// its main product under the shop its host names.
func importPage(ctx context.Context, pages *ingest.PageImporter, src string) (ingest.Report, error) {
	empty := ingest.Report{Source: src, Format: ingest.PageFormat, Errors: []ingest.RowError{}}
	if lower := strings.ToLower(src); !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		return empty, fmt.Errorf("%s: --format html imports a product page by its address (https://…); tagdrop extract FILE shows what a saved page holds", src)
	}
	res, err := pages.ImportPage(ctx, src)
	rep := res.Report
	if rep.Source == "" {
		rep = empty
	}
	return rep, err
}

// importFetchTimeout bounds fetching one URL source. The feed streams into the database as it
// arrives, so the deadline covers the import as well as the download; a stalled server is cut
// off much sooner by the client's idle timeout.
const importFetchTimeout = 30 * time.Minute

// importURL fetches a feed through the guarded client and streams it into the importer.
func importURL(ctx context.Context, im *ingest.Importer, client *fetch.Client, src string, c importConfig) (ingest.Report, error) {
	empty := ingest.Report{Source: src, Format: c.Format, Errors: []ingest.RowError{}}
	retailer := c.Retailer
	if retailer == "" {
		u, err := url.Parse(src)
		if err != nil || u.Hostname() == "" {
			return empty, fmt.Errorf("%s: not a URL with a host; name the retailer with --retailer", src)
		}
		retailer = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	}
	opts := c.ingestOptions(retailer)
	// The size of a body on the wire says little about its decoded size: count items instead.
	defer c.withProgress(&opts, src, -1)()
	if c.Format == feed.Shopify {
		// A store is read page by page; product links point at the store's own address.
		if c.Currency == "" {
			return empty, fmt.Errorf("%s: a Shopify store does not say its currency: name it with --currency", src)
		}
		pages := feed.ShopifyPages(ctx, jobs.PageGetter(client), src, feed.Options{Currency: opts.Currency})
		defer pages.(io.Closer).Close()
		return im.ImportFeed(ctx, pages, feed.Shopify, src, opts)
	}
	resp, err := client.Get(ctx, src, fetch.Conditional{})
	if err != nil {
		return empty, err
	}
	defer resp.Body.Close()
	return im.Import(ctx, resp.Body, src, opts)
}

// readTaxonomy reads --taxonomy's file; no file means the built-in taxonomy (nil).
func readTaxonomy(path string) (*catalog.Taxonomy, error) {
	if path == "" {
		return nil, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: --taxonomy %s: %v", errUsage, path, unwrapPath(err))
	}
	defer f.Close()
	t, err := catalog.LoadTaxonomy(f)
	if err != nil {
		return nil, fmt.Errorf("--taxonomy %s: %w", path, err)
	}
	return t, nil
}

// importProgress shows an import advancing on a terminal: a bar over the source's bytes when
// its size is known (a file), else a spinner counting items (a URL, a Shopify store).
type importProgress struct {
	bar   *progressbar.ProgressBar
	label string
	known bool
	last  time.Time
}

func newImportProgress(w io.Writer, label string, size int64) *importProgress {
	p := &importProgress{label: label, known: size > 0}
	opts := []progressbar.Option{progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(label),
		progressbar.OptionSetWidth(30), progressbar.OptionClearOnFinish(), progressbar.OptionSetPredictTime(p.known)}
	if p.known {
		opts = append(opts, progressbar.OptionShowBytes(true), progressbar.OptionShowCount(), progressbar.OptionShowTotalBytes(true))
	} else {
		size = -1
		opts = append(opts, progressbar.OptionSpinnerType(14))
	}
	p.bar = progressbar.NewOptions64(size, opts...)
	return p
}

// progressEvery is how often the display is redrawn (the hook is called far more often).
const progressEvery = 100 * time.Millisecond

// update is the ingest.Options.Progress hook; it redraws at most every progressEvery.
func (p *importProgress) update(bytes int64, items int) {
	now := time.Now()
	if now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	p.bar.Describe(fmt.Sprintf("%s · %d items", p.label, items))
	if p.known {
		_ = p.bar.Set64(bytes)
		return
	}
	_ = p.bar.Add(1) // turns the spinner
}

// finish clears the display, leaving the line to the summary.
func (p *importProgress) finish() { _ = p.bar.Finish() }

// isTerminal says whether w is a terminal (progress is drawn only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// parseAllowPrivate reads --allow-private values: CIDR prefixes or single addresses.
func parseAllowPrivate(values []string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, v := range values {
		if p, err := netip.ParsePrefix(v); err == nil {
			out = append(out, p.Masked())
			continue
		}
		a, err := netip.ParseAddr(v)
		if err != nil {
			return nil, fmt.Errorf("%w: --allow-private %q is not a CIDR range (127.0.0.1/32) or an address", errUsage, v)
		}
		out = append(out, netip.PrefixFrom(a, a.BitLen()))
	}
	return out, nil
}

// userAgent is how tagdrop introduces itself to the servers it fetches from.
func userAgent() string {
	return "tagdrop/" + version + " (+https://github.com/tagdrop/tagdrop)"
}

// retailerFromPath names a retailer after its feed file: "feeds/maison-ligne.xml.gz" →
// "maison-ligne".
func retailerFromPath(p string) string {
	name := filepath.Base(p)
	for _, ext := range []string{".gz", ".gzip", ".zip", ".xml", ".rss", ".atom", ".tsv", ".csv", ".txt"} {
		name = strings.TrimSuffix(name, ext)
	}
	if i := strings.IndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return name
}

// printReport writes a source's summary line and its first few errors.
func printReport(env *environment, rep ingest.Report, failure error) {
	if failure != nil {
		fmt.Fprintf(env.stdout, "%s: failed: %s\n", rep.Source, oneLine(failure.Error()))
		if rep.Read == 0 {
			return
		}
		fmt.Fprintf(env.stdout, "%s: before failing: ", rep.Source)
	} else {
		fmt.Fprintf(env.stdout, "%s: ", rep.Source)
	}
	fmt.Fprintf(env.stdout, "%d read, %d new, %d changed, %d unchanged, %d rejected, %d gone (%s, %d ms)\n",
		rep.Read, rep.New, rep.Changed, rep.Unchanged, rep.Rejected, rep.Gone, rep.Format, rep.DurationMS)
	const shown = 5
	rows := rep.Errors
	if failure != nil && len(rows) > 0 {
		rows = rows[:len(rows)-1] // the failure itself was printed above
	}
	for i, e := range rows {
		if i == shown {
			fmt.Fprintf(env.stdout, "  … and %d more rejected\n", rep.Rejected-shown)
			break
		}
		item := ""
		if e.Item != "" {
			item = " item " + e.Item
		}
		fmt.Fprintf(env.stdout, "  line %d%s: %s\n", e.Line, item, e.Reason)
	}
}
