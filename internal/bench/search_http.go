package bench

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/web"
)

// The search page benchmark measures what a shopper waits for: the whole /search page over
// HTTP (parameters parsed, the index asked, the page rendered; a card's display fields come
// with the hits, so no store read), served by the real web server from a catalogue imported by
// the real importer into SQLite, under a load generator on the same machine. The peer is the
// same page with bleve answering in place of tagdrop's index (web.Searcher), its hits carrying
// the same display fields from its documents: everything else, the rendering included, is
// shared, so the ratio is what the index choice costs a page.

// SearchHTTPConfig says what the search page benchmark measures.
type SearchHTTPConfig struct {
	// Size is the number of offers in the generated feed (at least 100).
	Size int
	// Seed picks the feed and the pages asked for.
	Seed uint64
	// Duration is how long each engine's page is loaded, after a warm-up of a fifth as long
	// (default 10 s).
	Duration time.Duration
	// Clients is how many connections ask for pages at once (default 8).
	Clients int
	// Peers names the peers to run (default: every one built in; bleve needs -tags bench_bleve).
	Peers []string
	// Dir holds the generated feed (reused by later runs) and the database; empty means a
	// temporary folder removed afterwards.
	Dir string
	// Progress receives progress lines; nil discards them.
	Progress io.Writer
}

// SearchHTTPReport is the outcome, the JSON of `tagdrop bench search --http --json`.
type SearchHTTPReport struct {
	Bench    string                 `json:"bench"` // "search-http"
	Size     int                    `json:"size"`  // offers imported
	Products int                    `json:"products"`
	Clients  int                    `json:"clients"`
	Seconds  float64                `json:"seconds"` // timed load per engine
	Tagdrop  HTTPFigures            `json:"tagdrop"`
	Peers    map[string]HTTPFigures `json:"peers"`
}

// HTTPFigures are one engine's page figures under the same load.
type HTTPFigures struct {
	P50MS    float64 `json:"p50_ms"`
	P99MS    float64 `json:"p99_ms"`
	OpsPerS  float64 `json:"ops_per_s"` // pages served per second
	Requests int     `json:"requests"`
	// Errors counts answers other than 200 and failed requests; a run with errors is reported
	// but its figures mean little.
	Errors int                    `json:"errors"`
	Kinds  map[string]KindFigures `json:"kinds"`
	// CPUMSPerPage is the process's CPU time (user and system, the load generator's included)
	// per page served during the timed load. Other work on the machine slows pages per second
	// far more than it changes this; 2 cores × 1000 / CPUMSPerPage is what the same load could
	// serve on an otherwise idle 2-core machine. 0 where it is not measured.
	CPUMSPerPage float64 `json:"cpu_ms_per_page"`
	// Unsupported (peers only) counts pages whose query used a filter the peer ignores: the mix
	// avoids them, so it should be 0.
	Unsupported int64 `json:"unsupported,omitempty"`
	// Ratio (peers only) is tagdrop's pages per second over the peer's: above 1, tagdrop is faster.
	Ratio float64 `json:"ratio,omitempty"`
}

// pageRequest is one page of the load: its kind and its path with query string.
type pageRequest struct {
	kind, path string
}

// SearchHTTPPeers lists the page peers built into this binary.
func SearchHTTPPeers() []string {
	if newBleveSearcher == nil {
		return nil
	}
	return []string{PeerBleve}
}

// SearchHTTP runs the search page benchmark.
func SearchHTTP(ctx context.Context, cfg SearchHTTPConfig) (SearchHTTPReport, error) {
	if cfg.Size < 100 || cfg.Size > maxSize {
		return SearchHTTPReport{}, fmt.Errorf("bench search --http: size %d is not between 100 and %d", cfg.Size, maxSize)
	}
	if cfg.Duration <= 0 {
		cfg.Duration = 10 * time.Second
	}
	if cfg.Clients <= 0 {
		cfg.Clients = 8
	}
	if cfg.Peers == nil {
		cfg.Peers = SearchHTTPPeers()
	}
	for _, p := range cfg.Peers {
		if p != PeerBleve || newBleveSearcher == nil {
			return SearchHTTPReport{}, fmt.Errorf("bench search --http: peer %q is not built into this binary (built in: %v; bleve needs -tags bench_bleve)", p, SearchHTTPPeers())
		}
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	say := func(format string, args ...any) { fmt.Fprintf(cfg.Progress, format+"\n", args...) }
	dir := cfg.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "tagdrop-bench-http-")
		if err != nil {
			return SearchHTTPReport{}, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	db, docs, err := importForPages(ctx, cfg, dir, say)
	if err != nil {
		return SearchHTTPReport{}, err
	}
	defer db.Close()
	pages, err := pageMix(ctx, db, docs, cfg.Seed)
	if err != nil {
		return SearchHTTPReport{}, err
	}
	rep := SearchHTTPReport{Bench: "search-http", Size: countOffers(docs), Products: len(docs), Clients: cfg.Clients,
		Seconds: cfg.Duration.Seconds(), Peers: map[string]HTTPFigures{}}
	// A web node keeps no copy of the catalogue beside its index: drop the documents while
	// tagdrop is timed (the collector would scan them at every cycle) and read them again for
	// the peers.
	docs = nil
	runtime.GC()

	live, err := search.Build(ctx, db, search.Options{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return rep, err
	}
	if rep.Tagdrop, err = loadPages(ctx, cfg, db, live, live.Index(), pages); err != nil {
		return rep, fmt.Errorf("tagdrop: %w", err)
	}
	say("search-http: tagdrop %.0f pages/s, p50 %.2f ms, p99 %.2f ms, %d errors", rep.Tagdrop.OpsPerS, rep.Tagdrop.P50MS, rep.Tagdrop.P99MS, rep.Tagdrop.Errors)
	for _, name := range cfg.Peers {
		if docs == nil {
			if docs, err = loadDocs(ctx, db); err != nil {
				return rep, err
			}
			runtime.GC()
		}
		t0 := time.Now()
		s, closeFn, err := newBleveSearcher(ctx, docs)
		if err != nil {
			return rep, fmt.Errorf("%s: build: %w", name, err)
		}
		say("search-http: %s indexed in %.1f s", name, time.Since(t0).Seconds())
		f, err := loadPages(ctx, cfg, db, s, nil, pages)
		if u, ok := s.(interface{ Unsupported() int64 }); ok {
			f.Unsupported = u.Unsupported()
		}
		closeFn()
		if err != nil {
			return rep, fmt.Errorf("%s: %w", name, err)
		}
		f.Ratio = ratio(rep.Tagdrop.OpsPerS, f.OpsPerS)
		rep.Peers[name] = f
		say("search-http: %s %.0f pages/s, p50 %.2f ms, p99 %.2f ms, %d errors", name, f.OpsPerS, f.P50MS, f.P99MS, f.Errors)
	}
	return rep, nil
}

// importForPages imports the generated feed into a new SQLite database in dir and returns it
// with the products as the store's loader hands them to an index, as search documents.
func importForPages(ctx context.Context, cfg SearchHTTPConfig, dir string, say func(string, ...any)) (*store.DB, []searchDoc, error) {
	path, err := Config{Size: cfg.Size, Seed: cfg.Seed, Progress: cfg.Progress}.feedFile(dir)
	if err != nil {
		return nil, nil, err
	}
	dbPath := filepath.Join(dir, fmt.Sprintf("search-http-%d.db", cfg.Size))
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(dbPath + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return nil, nil, err
		}
	}
	db, err := store.Open(ctx, "sqlite:"+dbPath)
	if err != nil {
		return nil, nil, err
	}
	t0 := time.Now()
	rep, err := ingest.New(db, nil).ImportFile(ctx, path, ingest.Options{Retailer: demo.BigFeedRetailer, Format: feed.GMCXML,
		ObservedAt: time.Now(), Full: true})
	if err != nil {
		db.Close()
		return nil, nil, fmt.Errorf("import: %w", err)
	}
	say("search-http: imported %d items in %.1f s", rep.Read, time.Since(t0).Seconds())
	docs, err := loadDocs(ctx, db)
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, docs, nil
}

// loadDocs reads the store's products as the loader hands them to an index, as search documents.
func loadDocs(ctx context.Context, db *store.DB) ([]searchDoc, error) {
	var docs []searchDoc
	rates := index.DefaultRates()
	err := db.LoadProducts(ctx, func(p index.Product) error {
		d := searchDoc{Product: p}
		d.summarise(rates)
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// pageMix is the pages of the load: the search benchmark's query mix (text with two filters,
// browse-all, a brand, a deep page) as the search page's URLs.
func pageMix(ctx context.Context, db *store.DB, docs []searchDoc, seed uint64) ([]pageRequest, error) {
	cats, err := db.Categories(ctx)
	if err != nil {
		return nil, err
	}
	slugs := make(map[int64]string, len(cats))
	for _, c := range cats {
		slugs[c.ID] = c.Slug
	}
	var out []pageRequest
	for _, q := range searchQueries(docs, 2000, seed) {
		v := url.Values{}
		if q.text != "" {
			v.Set("q", q.text)
		}
		if q.brand != "" {
			v.Set("brand", q.brand)
		}
		if q.categoryID != 0 {
			slug, ok := slugs[q.categoryID]
			if !ok {
				return nil, fmt.Errorf("page mix: category %d (%s) is not in the store", q.categoryID, q.category)
			}
			v.Set("category", slug)
		}
		if q.colour != "" {
			v.Set("color", q.colour)
		}
		if q.maxPrice > 0 {
			v.Set("max_price", strconv.FormatInt(q.maxPrice/100, 10))
		}
		if q.minDiscount > 0 {
			v.Set("min_discount", strconv.Itoa(q.minDiscount))
		}
		if q.sort != "" && q.sort != index.SortRelevance {
			v.Set("sort", string(q.sort))
		}
		if q.page > 1 {
			v.Set("page", strconv.Itoa(q.page))
		}
		out = append(out, pageRequest{kind: q.kind, path: "/search?" + v.Encode()})
	}
	return out, nil
}

// loadPages serves the search page with searcher on a loopback port and asks for pages from
// cfg.Clients connections at once: a warm-up, then cfg.Duration timed.
func loadPages(ctx context.Context, cfg SearchHTTPConfig, db *store.DB, searcher web.Searcher, cat *index.Index, pages []pageRequest) (HTTPFigures, error) {
	srv, err := web.New(web.Config{BaseURL: "http://127.0.0.1", Version: "bench", Index: searcher, Catalogue: cat}, db, slog.New(slog.DiscardHandler))
	if err != nil {
		return HTTPFigures{}, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return HTTPFigures{}, err
	}
	hs := &http.Server{Handler: srv.Handler(), ReadHeaderTimeout: 5 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: cfg.Clients, MaxIdleConnsPerHost: cfg.Clients, DisableCompression: true}}
	defer client.CloseIdleConnections()

	run := func(d time.Duration, record bool) (HTTPFigures, error) {
		type sample struct {
			kind string
			d    time.Duration
		}
		var (
			mu      sync.Mutex
			samples []sample
			errs    int
			firstEr error
		)
		deadline := time.Now().Add(d)
		start, cpu0 := time.Now(), processCPU()
		var wg sync.WaitGroup
		for c := range cfg.Clients {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var mine []sample
				bad := 0
				var badErr error
				for i := c; time.Now().Before(deadline) && ctx.Err() == nil; i += cfg.Clients {
					p := pages[i%len(pages)]
					t0 := time.Now()
					err := getPage(ctx, client, base+p.path)
					if err != nil {
						bad++
						badErr = err
						continue
					}
					mine = append(mine, sample{p.kind, time.Since(t0)})
				}
				mu.Lock()
				samples = append(samples, mine...)
				errs += bad
				if firstEr == nil {
					firstEr = badErr
				}
				mu.Unlock()
			}()
		}
		wg.Wait()
		elapsed, cpu := time.Since(start), processCPU()-cpu0
		if err := ctx.Err(); err != nil {
			return HTTPFigures{}, err
		}
		if len(samples) == 0 {
			return HTTPFigures{}, fmt.Errorf("no page was served: %v", firstEr)
		}
		if !record {
			return HTTPFigures{}, nil
		}
		f := HTTPFigures{Requests: len(samples) + errs, Errors: errs, OpsPerS: float64(len(samples)) / elapsed.Seconds(),
			Kinds: map[string]KindFigures{}, CPUMSPerPage: float64(cpu.Microseconds()) / 1000 / float64(len(samples))}
		all := make([]time.Duration, len(samples))
		byKind := map[string][]time.Duration{}
		for i, s := range samples {
			all[i] = s.d
			byKind[s.kind] = append(byKind[s.kind], s.d)
		}
		f.P50MS, f.P99MS = percentiles(all)
		for k, ds := range byKind {
			p50, p99 := percentiles(ds)
			f.Kinds[k] = KindFigures{P50MS: p50, P99MS: p99}
		}
		return f, nil
	}
	if _, err := run(cfg.Duration/5, false); err != nil {
		return HTTPFigures{}, err
	}
	return run(cfg.Duration, true)
}

// getPage asks for one page and reads it whole; anything but 200 is an error.
func getPage(ctx context.Context, client *http.Client, u string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", u, resp.Status)
	}
	return nil
}
