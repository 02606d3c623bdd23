package bench

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/demo"
	"github.com/tagdrop/tagdrop/internal/index"
)

// Match peers.
const (
	PeerPostgresPerShopper = "postgres-per-shopper"
	PeerBlevePerShopper    = "bleve-per-shopper"
)

// MySalesPage is the items of one "My sales" page the benchmark asks for.
const MySalesPage = 60

// MatchConfig says what the match benchmark measures.
type MatchConfig struct {
	// Offers is the catalogue's size (offers; products are about a sixth).
	Offers int
	// Users is how many shoppers the run computes digests for.
	Users int
	// Seed picks the catalogue and the shoppers.
	Seed uint64
	// Cap is the items per digest (default 30, the digest's cap).
	Cap int
	// Changed is the share of offers changed since the previous run (default 0.10).
	Changed float64
	// Sample is how many shoppers each peer matches (default 300), spread evenly over all.
	Sample int
	// StoreUsers is how many shoppers the store phases load and write per database (default
	// Users, at most 100,000): filling a database with millions of shoppers takes longer than
	// the run itself, so the figures are per shopper.
	StoreUsers int
	// PostgresURL, when set, adds the PostgreSQL store phases and the postgres-per-shopper
	// peer; databases named tagdrop_bench_… are created there and dropped afterwards.
	PostgresURL string
	// Dir holds the SQLite file (default: a temporary folder, removed).
	Dir string
	// Peers names the peers to run (default: every one that can run; see MatchPeers).
	Peers []string
	// Progress receives progress lines; nil discards them.
	Progress io.Writer
}

// MatchReport is `tagdrop bench match --json`: {"bench", "size", "tagdrop": {figures},
// "peers": {"PEER": {figures, "ratio"}}, "store": {"sqlite"|"postgres": {figures}}}.
type MatchReport struct {
	Bench         string                  `json:"bench"` // "match"
	Size          int                     `json:"size"`  // offers in the catalogue
	Users         int                     `json:"users"`
	Products      int                     `json:"products"`
	OnSale        int                     `json:"on_sale"`        // offers on sale and available
	ChangedOffers int                     `json:"changed_offers"` // since the previous run
	Cap           int                     `json:"cap"`
	Workers       int                     `json:"workers"`
	Tagdrop       MatchFigures            `json:"tagdrop"`
	Peers         map[string]MatchFigures `json:"peers"`
	Store         map[string]StoreFigures `json:"store,omitempty"`
	// MySales is the live "My sales" page's matcher for the sampled shoppers, one at a time:
	// alerts.Match an hour after the run, for a page of MySalesPage items (Limit), and for every
	// item (MySalesAll: no early stop).
	MySales    LiveFigures `json:"my_sales"`
	MySalesAll LiveFigures `json:"my_sales_all"`
}

// LiveFigures are per-request latencies.
type LiveFigures struct {
	Limit    int     `json:"limit"` // items asked for; 0: all
	Requests int     `json:"requests"`
	P50MS    float64 `json:"p50_ms"`
	P99MS    float64 `json:"p99_ms"`
	Items    int     `json:"items"`
}

// MatchFigures are one engine's figures for computing every digest of the run.
type MatchFigures struct {
	// Seconds is the run's wall time: tagdrop's includes preparing the matcher (PrepareSeconds);
	// a peer's is its mean time per sampled shopper times Users over the number of cores (as if
	// it ran one connection per core and scaled perfectly, which favours it).
	Seconds        float64 `json:"seconds"`
	PrepareSeconds float64 `json:"prepare_seconds,omitempty"`
	// CPUSeconds (tagdrop only) is the CPU time the process spent in Seconds, all cores: on a
	// machine shared with other work, Seconds can be longer than CPUSeconds over the cores.
	CPUSeconds float64 `json:"cpu_seconds,omitempty"`
	OpsPerS    float64 `json:"ops_per_s"` // shoppers per second
	Items      int     `json:"items"`     // digest items of all shoppers (peers: of the sample)
	ItemsPerS  float64 `json:"items_per_s,omitempty"`
	P50MS      float64 `json:"p50_ms"` // per shopper
	P99MS      float64 `json:"p99_ms"`
	PeakRSSMB  float64 `json:"peak_rss_mb,omitempty"`
	Sampled    int     `json:"sampled,omitempty"`
	// Mismatches counts sampled shoppers whose digest differs from tagdrop's (peers only).
	Mismatches int `json:"mismatches"`
	// Ratio (peers only) is the peer's seconds over tagdrop's: above 1, tagdrop is faster.
	Ratio float64 `json:"ratio,omitempty"`
}

// StoreFigures time the run's database work on one database: loading the shoppers'
// preferences and sent-history, and writing the outbox (digests, their items, and the
// sent-history of what they hold).
type StoreFigures struct {
	Shoppers          int     `json:"shoppers"`
	LoadSeconds       float64 `json:"load_seconds"`
	LoadShoppersPerS  float64 `json:"load_shoppers_per_s"`
	WriteSeconds      float64 `json:"write_seconds"`
	Digests           int     `json:"digests"`
	Items             int     `json:"items"`
	WriteItemsPerS    float64 `json:"write_items_per_s"`
	WriteShoppersPerS float64 `json:"write_shoppers_per_s"`
}

// matchShopper is a sampled or stored shopper: the request, and tagdrop's digest.
type matchShopper struct {
	id    int64
	req   alerts.Request
	sent  alerts.SentList
	picks []alerts.Pick
}

// MatchPeers lists the peers built into this binary: bleve-per-shopper needs the bench_bleve
// build tag, postgres-per-shopper a PostgreSQL URL.
func MatchPeers() []string {
	out := []string{PeerPostgresPerShopper}
	if newBlevePerShopper != nil {
		out = append(out, PeerBlevePerShopper)
	}
	return out
}

// Match runs the match benchmark: it makes a catalogue and its state at the previous run
// (Changed of the offers differ), computes the previous run's digests to make every shopper's
// sent-history, then times the full run: preparing a Matcher and every shopper's capped digest
// on all cores. Peers match a sample of the same shoppers against the same catalogue; the
// store phases load and write a slice of them on SQLite and PostgreSQL.
func Match(ctx context.Context, cfg MatchConfig) (MatchReport, error) {
	if cfg.Offers < 100 || cfg.Offers > maxSize {
		return MatchReport{}, fmt.Errorf("bench match: size %d is not between 100 and %d", cfg.Offers, maxSize)
	}
	if cfg.Users < 1 {
		return MatchReport{}, fmt.Errorf("bench match: %d users: need at least one", cfg.Users)
	}
	if cfg.Cap <= 0 {
		cfg.Cap = alerts.DefaultCap
	}
	if cfg.Changed <= 0 {
		cfg.Changed = 0.10
	}
	if cfg.Sample <= 0 {
		cfg.Sample = 300
	}
	cfg.Sample = min(cfg.Sample, cfg.Users)
	if cfg.StoreUsers <= 0 {
		cfg.StoreUsers = min(cfg.Users, 100_000)
	}
	cfg.StoreUsers = min(cfg.StoreUsers, cfg.Users)
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	if cfg.Peers == nil {
		cfg.Peers = MatchPeers()
	}
	logf := func(format string, args ...any) {
		fmt.Fprintf(cfg.Progress, "match: "+format+"\n", args...)
	}
	workers := runtime.GOMAXPROCS(0)
	rep := MatchReport{Bench: "match", Size: cfg.Offers, Users: cfg.Users, Cap: cfg.Cap, Workers: workers,
		Peers: map[string]MatchFigures{}, Store: map[string]StoreFigures{}}

	start := time.Now()
	brands := demo.BrandNames(demo.ShopperBrands)
	before := matchCatalogue(cfg.Offers, cfg.Seed, brands)
	after, changed := changeCatalogue(before, cfg.Seed, cfg.Changed)
	rep.Products, rep.ChangedOffers = len(after), changed
	idxBefore, err := index.Build(ctx, productSlice(before), index.Options{})
	if err != nil {
		return rep, err
	}
	idxAfter, err := index.Build(ctx, productSlice(after), index.Options{})
	if err != nil {
		return rep, err
	}
	before = nil
	logf("catalogue: %d offers, %d products, %d changed since the previous run (%s)", cfg.Offers, len(after), changed, time.Since(start).Round(time.Millisecond))

	prev := alerts.NewMatcher(idxBefore, matchNow.Add(-24*time.Hour))
	prepStart, cpu0 := time.Now(), selfCPUSeconds()
	m := alerts.NewMatcher(idxAfter, matchNow)
	prepare := time.Since(prepStart)
	cpu := selfCPUSeconds() - cpu0
	rep.OnSale = m.Offers()
	logf("matcher: %d offers on sale ranked in %s", m.Offers(), prepare.Round(time.Millisecond))

	sampleEvery := cfg.Users / cfg.Sample
	var sample, stored []matchShopper
	lat := make([]float32, cfg.Users) // ms per shopper
	names, cats := brands, matchCategoryPaths()
	z := demo.NewZipf(len(names))
	var runTime time.Duration
	items := 0
	const chunk = 1 << 18
	reqs := make([]alerts.Request, 0, chunk)
	for lo := 0; lo < cfg.Users; lo += chunk {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		hi := min(lo+chunk, cfg.Users)
		reqs = reqs[:hi-lo]
		parallel(workers, hi-lo, func(i int) {
			id := lo + i
			reqs[i] = alerts.Request{Prefs: prefsOf(int64(id+1), demo.ShopperAt(cfg.Seed, id, names, cats, z))}
		})
		// The previous run's digests are the sent-history of this one.
		earlier := prev.MatchAll(reqs, cfg.Cap, workers)
		parallel(workers, hi-lo, func(i int) {
			sent := make(alerts.SentList, len(earlier[i]))
			for j, p := range earlier[i] {
				sent[j] = prev.SentItem(p)
			}
			slices.SortFunc(sent, func(a, b alerts.SentItem) int { return int(a.OfferID - b.OfferID) })
			reqs[i].Sent = sent
		})
		earlier = nil
		// The timed run: every shopper's digest, on all cores. The garbage of making the
		// shoppers and of the previous run is collected first: the matcher allocates next to
		// nothing, so no collection runs while it is timed.
		out := make([][]alerts.Pick, hi-lo)
		runtime.GC()
		t0, c0 := time.Now(), selfCPUSeconds()
		var mu sync.Mutex
		parallelWorkers(workers, hi-lo, func() func(i int) {
			w := m.NewWorker()
			n := 0
			var buf []alerts.Pick // digests are cut from big blocks: few allocations
			return func(i int) {
				if i < 0 { // done
					mu.Lock()
					items += n
					mu.Unlock()
					return
				}
				s := time.Now()
				picks := w.Picks(reqs[i].Prefs, reqs[i].Sent, cfg.Cap)
				if cap(buf)-len(buf) < len(picks) {
					buf = make([]alerts.Pick, 0, max(1<<16, len(picks)))
				}
				at := len(buf)
				buf = append(buf, picks...)
				out[i] = buf[at:len(buf):len(buf)]
				lat[lo+i] = float32(time.Since(s).Seconds() * 1000)
				n += len(picks)
			}
		})
		runTime += time.Since(t0)
		cpu += selfCPUSeconds() - c0
		for i := range hi - lo {
			id := lo + i
			keep := matchShopper{id: int64(id + 1), req: reqs[i], sent: reqs[i].Sent.(alerts.SentList), picks: out[i]}
			if id%sampleEvery == 0 && len(sample) < cfg.Sample {
				sample = append(sample, keep)
			}
			if id < cfg.StoreUsers {
				stored = append(stored, keep)
			}
		}
		logf("%d of %d shoppers (%s matching)", hi, cfg.Users, runTime.Round(time.Millisecond))
	}
	total := prepare + runTime
	rep.Tagdrop = MatchFigures{Seconds: total.Seconds(), PrepareSeconds: prepare.Seconds(), CPUSeconds: cpu,
		OpsPerS: float64(cfg.Users) / total.Seconds(), Items: items, ItemsPerS: float64(items) / total.Seconds(),
		PeakRSSMB: selfPeakRSSMB()}
	rep.Tagdrop.P50MS, rep.Tagdrop.P99MS = msPercentiles(lat)
	lat = nil
	logf("tagdrop: %d shoppers, %d items in %.2f s (%.2f s CPU; %.0f shoppers/s), p50 %.3f ms, p99 %.3f ms, peak RSS %.0f MB",
		cfg.Users, items, total.Seconds(), cpu, rep.Tagdrop.OpsPerS, rep.Tagdrop.P50MS, rep.Tagdrop.P99MS, rep.Tagdrop.PeakRSSMB)

	// My sales: the sampled shoppers one at a time through alerts.Match, an hour after the run.
	live := matchNow.Add(time.Hour)
	alerts.Match(idxAfter, sample[0].req.Prefs, nil, live, 0) // builds Match's matcher
	for _, f := range []*LiveFigures{&rep.MySales, &rep.MySalesAll} {
		if f == &rep.MySales {
			f.Limit = MySalesPage
		}
		lat := make([]float32, 0, len(sample))
		for _, s := range sample {
			sent := make(map[int64]int64, len(s.sent))
			for _, it := range s.sent {
				sent[it.OfferID] = it.Price
			}
			t := time.Now()
			n := len(alerts.Match(idxAfter, s.req.Prefs, sent, live, f.Limit))
			lat = append(lat, float32(time.Since(t).Seconds()*1000))
			f.Items += n
		}
		f.Requests = len(sample)
		f.P50MS, f.P99MS = msPercentiles(lat)
		logf("my sales: %d shoppers, limit %d: p50 %.3f ms, p99 %.3f ms", len(sample), f.Limit, f.P50MS, f.P99MS)
	}

	view, _ := idxAfter.MatchView()
	for _, name := range cfg.Peers {
		var f MatchFigures
		var err error
		switch name {
		case PeerPostgresPerShopper:
			if cfg.PostgresURL == "" {
				logf("%s skipped: no PostgreSQL URL (--db or TAGDROP_TEST_POSTGRES)", name)
				continue
			}
			f, err = runPostgresPerShopper(ctx, cfg.PostgresURL, view, m, sample, cfg.Cap, logf)
		case PeerBlevePerShopper:
			if newBlevePerShopper == nil {
				return rep, fmt.Errorf("bench match: peer %s is not built in (go build -tags bench_bleve)", name)
			}
			f, err = newBlevePerShopper().run(ctx, view, m, sample, cfg.Cap, logf)
		default:
			return rep, fmt.Errorf("bench match: unknown peer %q (%v)", name, MatchPeers())
		}
		if err != nil {
			return rep, fmt.Errorf("bench match: %s: %w", name, err)
		}
		// As if the peer ran on every core with perfect scaling: favourable to it.
		f.Seconds = f.Seconds / float64(len(sample)) * float64(cfg.Users) / float64(workers)
		f.OpsPerS = float64(cfg.Users) / f.Seconds
		f.Ratio = f.Seconds / rep.Tagdrop.Seconds
		rep.Peers[name] = f
		logf("%s: %.3f ms per shopper (p50), %d of %d sampled digests differ; %.0f s for %d shoppers extrapolated, ratio %.1f",
			name, f.P50MS, f.Mismatches, f.Sampled, f.Seconds, cfg.Users, f.Ratio)
	}

	dbs := []string{SQLite}
	if cfg.PostgresURL != "" {
		dbs = append(dbs, Postgres)
	}
	for _, kind := range dbs {
		f, err := runMatchStore(ctx, cfg, kind, after, brands, m, stored, logf)
		if err != nil {
			return rep, fmt.Errorf("bench match: %s store: %w", kind, err)
		}
		rep.Store[kind] = f
	}
	return rep, nil
}

// productSlice serves products to index.Build.
type productSlice []index.Product

func (s productSlice) LoadProducts(ctx context.Context, fn func(index.Product) error) error {
	for _, p := range s {
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// parallel calls fn(0 … n−1) on workers goroutines.
func parallel(workers, n int, fn func(i int)) {
	parallelWorkers(workers, n, func() func(int) {
		return func(i int) {
			if i >= 0 {
				fn(i)
			}
		}
	})
}

// parallelWorkers runs n items on workers goroutines, each with its own function from
// newFn; each function is called with −1 once its goroutine is done.
func parallelWorkers(workers, n int, newFn func() func(int)) {
	const step = 64
	var next sync.Mutex
	pos := 0
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fn := newFn()
			defer fn(-1)
			for {
				next.Lock()
				lo := pos
				pos += step
				next.Unlock()
				if lo >= n {
					return
				}
				for i := lo; i < min(lo+step, n); i++ {
					fn(i)
				}
			}
		}()
	}
	wg.Wait()
}

// msPercentiles are the median and 99th percentile of ms.
func msPercentiles(ms []float32) (p50, p99 float64) {
	if len(ms) == 0 {
		return 0, 0
	}
	s := slices.Clone(ms)
	slices.Sort(s)
	at := func(q float64) float64 { return float64(s[min(len(s)-1, int(q*float64(len(s))))]) }
	return at(0.50), at(0.99)
}
