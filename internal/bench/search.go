package bench

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/index"
)

// Search peers.
const (
	PeerBleve = "bleve"
	PeerFTS5  = "sqlite-fts5"
)

// SearchConfig says what the search benchmark measures.
type SearchConfig struct {
	// Size is the number of offers to generate (at least 100); products are about an eighth.
	Size int
	// Seed picks the catalogue and the queries.
	Seed uint64
	// Queries is how many queries each engine answers in the timed run (default 2,000: 500
	// of each kind), after a warm-up pass of a tenth as many.
	Queries int
	// Peers names the peers to run (default: every peer built in; see SearchPeers).
	Peers []string
	// Progress receives progress lines; nil discards them.
	Progress io.Writer
}

// SearchReport is the outcome of the search benchmark, the JSON of `tagdrop bench search
// --json`: {"bench", "size", "tagdrop": {figures}, "peers": {"PEER": {figures, "ratio"}}}.
type SearchReport struct {
	Bench    string                   `json:"bench"` // "search"
	Size     int                      `json:"size"`  // offers indexed
	Products int                      `json:"products"`
	Queries  int                      `json:"queries"` // timed queries per engine
	Tagdrop  SearchFigures            `json:"tagdrop"`
	Peers    map[string]SearchFigures `json:"peers"`
}

// SearchFigures are one engine's figures over the same documents and queries.
type SearchFigures struct {
	P50MS   float64 `json:"p50_ms"`
	P99MS   float64 `json:"p99_ms"`
	OpsPerS float64 `json:"ops_per_s"` // queries answered per second, one core
	// Seconds is the time to build the index from the documents in memory.
	Seconds float64 `json:"seconds"`
	// IndexMB is the index's memory: the Go heap it added (tagdrop, bleve) or the database's
	// pages (sqlite-fts5, whose memory the C-to-Go library keeps outside the Go heap).
	IndexMB float64 `json:"index_mb"`
	// BytesPerOffer is IndexMB per offer (tagdrop only: its target is per offer).
	BytesPerOffer float64 `json:"bytes_per_offer,omitempty"`
	// Kinds are the latency percentiles per query kind.
	Kinds map[string]KindFigures `json:"kinds"`
	// Matches is the sum of the queries' totals: engines that read text alike agree on it.
	Matches int `json:"matches"`
	// Ratio (peers only) is the peer's time for the whole query list over tagdrop's, which is
	// tagdrop's ops_per_s over the peer's: above 1, tagdrop is faster. P50Ratio is the same for
	// the median latency.
	Ratio    float64 `json:"ratio,omitempty"`
	P50Ratio float64 `json:"p50_ratio,omitempty"`
}

// KindFigures are the latency percentiles of one kind of query.
type KindFigures struct {
	P50MS float64 `json:"p50_ms"`
	P99MS float64 `json:"p99_ms"`
}

// searchEngine is one engine under test.
type searchEngine interface {
	// build indexes docs.
	build(ctx context.Context, docs []searchDoc) error
	// run answers q: matching products, one page of them, every facet it asks for; it returns
	// the total.
	run(q searchQuery) (int, error)
	// memory is the index's size in bytes, measured after build.
	memory() float64
	close() error
}

// peerFactories are the peers built into this binary: sqlite-fts5 always, bleve with the
// bench_bleve build tag (search_bleve.go).
func peerFactories() map[string]func() searchEngine {
	m := map[string]func() searchEngine{PeerFTS5: func() searchEngine { return &fts5Engine{} }}
	if newBleve != nil {
		m[PeerBleve] = newBleve
	}
	return m
}

// SearchPeers lists the peers built into this binary: bleve needs the bench_bleve build tag.
func SearchPeers() []string {
	var out []string
	for name := range peerFactories() {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// Search runs the search benchmark: it generates the catalogue, indexes it in tagdrop and in
// each peer, and answers the same queries with each, timing every query on one core.
func Search(ctx context.Context, cfg SearchConfig) (SearchReport, error) {
	if cfg.Size < 100 || cfg.Size > maxSize {
		return SearchReport{}, fmt.Errorf("bench search: size %d is not between 100 and %d", cfg.Size, maxSize)
	}
	if cfg.Queries <= 0 {
		cfg.Queries = 2000
	}
	if cfg.Peers == nil {
		cfg.Peers = SearchPeers()
	}
	peers := peerFactories()
	for _, p := range cfg.Peers {
		if peers[p] == nil {
			return SearchReport{}, fmt.Errorf("bench search: peer %q is not built into this binary (built in: %v; bleve needs -tags bench_bleve)", p, SearchPeers())
		}
	}
	say := func(format string, args ...any) {
		if cfg.Progress != nil {
			fmt.Fprintf(cfg.Progress, format+"\n", args...)
		}
	}
	start := time.Now()
	docs := searchCatalogue(cfg.Size, cfg.Seed)
	rep := SearchReport{Bench: "search", Size: countOffers(docs), Products: len(docs), Queries: cfg.Queries,
		Peers: map[string]SearchFigures{}}
	say("search: %d products, %d offers generated in %s", rep.Products, rep.Size, time.Since(start).Round(time.Millisecond))
	queries := searchQueries(docs, cfg.Queries, cfg.Seed)
	warm := searchQueries(docs, max(cfg.Queries/10, len(searchKinds)), cfg.Seed+1)

	measure := func(name string, e searchEngine) (SearchFigures, error) {
		defer e.close()
		before := heapAlloc()
		t0 := time.Now()
		if err := e.build(ctx, docs); err != nil {
			return SearchFigures{}, fmt.Errorf("%s: build: %w", name, err)
		}
		f := SearchFigures{Seconds: time.Since(t0).Seconds()}
		f.IndexMB = e.memory()
		if f.IndexMB < 0 { // the engine's memory is its Go heap
			f.IndexMB = float64(heapAlloc()) - float64(before)
		}
		f.IndexMB /= 1 << 20
		say("search: %s indexed in %.1f s (%.0f MB); answering %d queries", name, f.Seconds, f.IndexMB, len(queries))
		if err := timeQueries(ctx, e, warm, queries, &f); err != nil {
			return SearchFigures{}, fmt.Errorf("%s: %w", name, err)
		}
		say("search: %s p50 %.3f ms, p99 %.3f ms, %.0f queries/s", name, f.P50MS, f.P99MS, f.OpsPerS)
		return f, nil
	}
	var err error
	if rep.Tagdrop, err = measure("tagdrop", &tagdropEngine{}); err != nil {
		return rep, err
	}
	rep.Tagdrop.BytesPerOffer = rep.Tagdrop.IndexMB * (1 << 20) / float64(rep.Size)
	for _, name := range cfg.Peers {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		f, err := measure(name, peers[name]())
		if err != nil {
			return rep, err
		}
		f.Ratio = ratio(rep.Tagdrop.OpsPerS, f.OpsPerS)
		f.P50Ratio = ratio(f.P50MS, rep.Tagdrop.P50MS)
		rep.Peers[name] = f
	}
	return rep, nil
}

// timeQueries answers warm (untimed), then queries, each timed, with one core.
func timeQueries(ctx context.Context, e searchEngine, warm, queries []searchQuery, f *SearchFigures) error {
	for _, q := range warm {
		if _, err := e.run(q); err != nil {
			return fmt.Errorf("%s query: %w", q.kind, err)
		}
	}
	runtime.GC()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	all := make([]time.Duration, 0, len(queries))
	byKind := map[string][]time.Duration{}
	start := time.Now()
	for i, q := range queries {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		t0 := time.Now()
		n, err := e.run(q)
		d := time.Since(t0)
		if err != nil {
			return fmt.Errorf("%s query: %w", q.kind, err)
		}
		f.Matches += n
		all = append(all, d)
		byKind[q.kind] = append(byKind[q.kind], d)
	}
	elapsed := time.Since(start)
	f.P50MS, f.P99MS = percentiles(all)
	f.OpsPerS = float64(len(queries)) / elapsed.Seconds()
	f.Kinds = map[string]KindFigures{}
	for k, ds := range byKind {
		p50, p99 := percentiles(ds)
		f.Kinds[k] = KindFigures{P50MS: p50, P99MS: p99}
	}
	return nil
}

// percentiles are the median and 99th percentile of ds in milliseconds.
func percentiles(ds []time.Duration) (p50, p99 float64) {
	if len(ds) == 0 {
		return 0, 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	return ms(s[len(s)/2]), ms(s[min(len(s)-1, len(s)*99/100)])
}

func heapAlloc() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// tagdropEngine is tagdrop's index.
type tagdropEngine struct{ ix *index.Index }

type docLoader []searchDoc

func (l docLoader) LoadProducts(ctx context.Context, fn func(index.Product) error) error {
	for _, d := range l {
		if err := fn(d.Product); err != nil {
			return err
		}
	}
	return nil
}

func (e *tagdropEngine) build(ctx context.Context, docs []searchDoc) error {
	ix, err := index.Build(ctx, docLoader(docs), index.Options{})
	e.ix = ix
	return err
}

func (e *tagdropEngine) run(q searchQuery) (int, error) {
	return e.ix.Search(q.tagdropQuery()).Total, nil
}

func (e *tagdropEngine) memory() float64 { return -1 }
func (e *tagdropEngine) close() error    { e.ix = nil; return nil }
