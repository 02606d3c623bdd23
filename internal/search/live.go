package search

import (
	"context"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Source is what Live reads: the store implements it.
type Source interface {
	index.Loader
	ProductsByIDs(ctx context.Context, ids []int64) ([]index.Product, error)
	ChangesSince(ctx context.Context, seq int64, limit int) ([]store.Change, error)
	ChangesAt(ctx context.Context, seqs []int64) ([]store.Change, error)
	MaxChangeSeq(ctx context.Context) (int64, error)
}

// Options tune a Live index. Zero values take the defaults.
type Options struct {
	// Interval is how often the change log is polled; DefaultInterval when zero.
	Interval time.Duration
	// Batch is how many change log entries one read takes; DefaultBatch when zero.
	Batch int
	// GapTimeout is how long a skipped sequence number is rechecked before it is taken for a
	// rolled-back transaction; DefaultGapTimeout when zero.
	GapTimeout time.Duration
	// MaxBackoff caps the wait between polls after failures; DefaultMaxBackoff when zero.
	MaxBackoff time.Duration
	// Index configures the index itself (currency rates).
	Index index.Options
	// Logger receives the build summary and follow errors; slog.Default() when nil.
	Logger *slog.Logger
	// Now is the clock; time.Now when nil.
	Now func() time.Time
}

// Defaults of Options.
const (
	DefaultInterval   = time.Second
	DefaultBatch      = 1000
	DefaultGapTimeout = 2 * time.Minute
	DefaultMaxBackoff = 30 * time.Second
	// startLookback is how far below the head at start holes count as gaps.
	startLookback = 1000
	// maxGaps caps the gaps remembered; the oldest go first.
	maxGaps = 10_000
	// reloadChunk is how many products one Apply reloads.
	reloadChunk = 500
)

func (o Options) withDefaults() Options {
	if o.Interval <= 0 {
		o.Interval = DefaultInterval
	}
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	if o.GapTimeout <= 0 {
		o.GapTimeout = DefaultGapTimeout
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Live is the search index of this process, kept current from the change log. Searches run
// concurrently with catching up.
type Live struct {
	ix   *index.Index
	src  Source
	opts Options

	// follow state, owned by the goroutine running CatchUp (Run)
	cursor int64               // every seq at or below is applied, pending in gaps, or abandoned
	gaps   map[int64]time.Time // skipped seqs → when first seen skipped

	mu       sync.Mutex
	head     int64     // newest seq known at the last successful poll
	caughtUp time.Time // start of the last poll that ended with everything applied
	failures int
	lastErr  error
	retryAt  time.Time // when Run polls again after a failure; zero while polls succeed
}

// Build reads the head of the change log, builds the index from everything the source holds,
// and returns it ready to search and to follow the log from that head (Run). It logs how many
// products and offers it indexed and how long that took.
func Build(ctx context.Context, src Source, opts Options) (*Live, error) {
	opts = opts.withDefaults()
	start := opts.Now()
	head, err := src.MaxChangeSeq(ctx)
	if err != nil {
		return nil, fmt.Errorf("build search index: %w", err)
	}
	l := &Live{src: src, opts: opts, cursor: head, head: head, gaps: map[int64]time.Time{}}
	// Holes just below the head may be transactions that have not committed yet.
	if head > 0 {
		recent, err := src.ChangesSince(ctx, max(0, head-startLookback), startLookback)
		if err != nil {
			return nil, fmt.Errorf("build search index: %w", err)
		}
		l.noteGaps(max(0, head-startLookback), recent, start)
	}
	ix, err := index.Build(ctx, src, opts.Index)
	if err != nil {
		return nil, err
	}
	l.ix, l.caughtUp = ix, start
	opts.Logger.Info("search index built", "products", ix.Len(), "offers", ix.OfferCount(),
		"duration_ms", opts.Now().Sub(start).Milliseconds(), "change_seq", head)
	return l, nil
}

// Index is the index itself, for the per-shopper matcher's set algebra.
func (l *Live) Index() *index.Index { return l.ix }

// Search answers q from the index as it stands.
func (l *Live) Search(q index.Query) index.Result { return l.ix.Search(q) }

// Run follows the change log every Interval until ctx ends, then returns nil. A failed poll
// (the database unreachable) is logged and retried with exponential backoff up to MaxBackoff;
// the next good poll catches up on everything missed.
func (l *Live) Run(ctx context.Context) error {
	timer := time.NewTimer(l.opts.Interval)
	defer timer.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		}
		wait := l.opts.Interval
		l.mu.Lock()
		before := l.lastErr
		l.mu.Unlock()
		if err := l.CatchUp(ctx); err != nil {
			if ctx.Err() != nil {
				// Stopping interrupted the poll: that is not a failure of the change log.
				l.mu.Lock()
				l.lastErr = before
				l.mu.Unlock()
				return nil
			}
			l.mu.Lock()
			l.failures++
			n := l.failures
			wait = backoff(l.opts.Interval, l.opts.MaxBackoff, n)
			l.retryAt = l.opts.Now().Add(wait)
			l.mu.Unlock()
			l.opts.Logger.Warn("search index: following the change log failed", "err", err, "failures", n,
				"retry_in_ms", wait.Milliseconds())
		}
		timer.Reset(wait)
	}
}

// backoff is interval × 2^(failures-1), capped.
func backoff(interval, limit time.Duration, failures int) time.Duration {
	d := interval
	for i := 1; i < failures && d < limit; i++ {
		d *= 2
	}
	return min(d, limit)
}

// CatchUp applies every change committed since the last poll, and any skipped change that has
// appeared since, then returns. Run calls it every Interval; tests and one-shot commands may
// call it directly, but never concurrently with Run.
func (l *Live) CatchUp(ctx context.Context) error {
	start := l.opts.Now()
	head, err := l.src.MaxChangeSeq(ctx)
	if err != nil {
		return l.failed(err)
	}
	if err := l.recheckGaps(ctx, start); err != nil {
		return l.failed(err)
	}
	for l.cursor < head {
		batch, err := l.src.ChangesSince(ctx, l.cursor, l.opts.Batch)
		if err != nil {
			return l.failed(err)
		}
		if len(batch) == 0 {
			break
		}
		if err := l.apply(ctx, batch); err != nil {
			return l.failed(err)
		}
		l.mu.Lock() // Lag reads cursor and gaps; this goroutine is their only writer
		from := l.cursor
		l.cursor = batch[len(batch)-1].Seq
		l.noteGaps(from, batch, start)
		l.mu.Unlock()
	}
	l.mu.Lock()
	l.head, l.caughtUp, l.failures, l.lastErr, l.retryAt = max(head, l.cursor), start, 0, nil, time.Time{}
	l.mu.Unlock()
	return nil
}

func (l *Live) failed(err error) error {
	l.mu.Lock()
	l.lastErr = err
	l.mu.Unlock()
	return fmt.Errorf("follow change log: %w", err)
}

// noteGaps remembers the sequence numbers after from that batch (in seq order) skipped. Once
// the follower runs, call it with l.mu held (Lag reads the gaps).
func (l *Live) noteGaps(from int64, batch []store.Change, now time.Time) {
	next := from + 1
	for _, c := range batch {
		for s := next; s < c.Seq; s++ {
			if len(l.gaps) >= maxGaps {
				l.dropOldestGap()
			}
			l.gaps[s] = now
		}
		next = c.Seq + 1
	}
}

func (l *Live) dropOldestGap() {
	var oldest int64
	var at time.Time
	for s, t := range l.gaps {
		if at.IsZero() || t.Before(at) || t.Equal(at) && s < oldest {
			oldest, at = s, t
		}
	}
	delete(l.gaps, oldest)
}

// recheckGaps applies skipped changes that have appeared and forgets those too old to.
func (l *Live) recheckGaps(ctx context.Context, now time.Time) error {
	if len(l.gaps) == 0 {
		return nil
	}
	seqs := make([]int64, 0, len(l.gaps))
	l.mu.Lock()
	for s, seen := range l.gaps {
		if now.Sub(seen) > l.opts.GapTimeout {
			delete(l.gaps, s)
			continue
		}
		seqs = append(seqs, s)
	}
	l.mu.Unlock()
	if len(seqs) == 0 {
		return nil
	}
	sort.Slice(seqs, func(i, j int) bool { return seqs[i] < seqs[j] })
	found, err := l.src.ChangesAt(ctx, seqs)
	if err != nil {
		return err
	}
	if len(found) == 0 {
		return nil
	}
	if err := l.apply(ctx, found); err != nil {
		return err
	}
	l.mu.Lock()
	for _, c := range found {
		delete(l.gaps, c.Seq)
	}
	l.mu.Unlock()
	return nil
}

// apply reloads the products the changes touched, a chunk at a time, and drops from the
// index those the store no longer offers.
func (l *Live) apply(ctx context.Context, changes []store.Change) error {
	seen := map[int64]bool{}
	var ids []int64
	for _, c := range changes {
		if c.Entity == "product" && !seen[c.EntityID] {
			seen[c.EntityID] = true
			ids = append(ids, c.EntityID)
		}
	}
	for start := 0; start < len(ids); start += reloadChunk {
		part := ids[start:min(len(ids), start+reloadChunk)]
		ps, err := l.src.ProductsByIDs(ctx, part)
		if err != nil {
			return err
		}
		live := make(map[int64]bool, len(ps))
		for _, p := range ps {
			live[p.ID] = true
		}
		var deletes []int64
		for _, id := range part {
			if !live[id] {
				deletes = append(deletes, id)
			}
		}
		if err := l.ix.Apply(ps, deletes); err != nil {
			// A product the index refuses is logged; the rest of the chunk is in.
			l.opts.Logger.Warn("search index: some products could not be indexed", "err", err)
		}
	}
	return nil
}

// Lag says how far behind the change log the index may be.
type Lag struct {
	// Seconds since the start of the last poll that found nothing left to apply: an upper
	// bound on how stale a search can be. It grows while the database is unreachable.
	Seconds float64
	// Seqs is how many change log numbers were known but not yet applied at the last poll.
	Seqs int64
	// Gaps is how many skipped numbers are being rechecked.
	Gaps int
	// Err is the last poll's error, nil when it succeeded. While it is set the index is not
	// following the change log, however small Seconds still is.
	Err error
	// Failures is how many polls in a row have failed.
	Failures int
	// RetryIn is how long until Run polls again after those failures (its backoff, up to
	// MaxBackoff); zero while polls succeed.
	RetryIn time.Duration
}

// Lag reports the index's distance behind the change log now.
func (l *Live) Lag() Lag {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.opts.Now()
	lag := Lag{Seconds: now.Sub(l.caughtUp).Seconds(), Seqs: max(0, l.head-l.cursor), Gaps: len(l.gaps), Err: l.lastErr,
		Failures: l.failures}
	if !l.retryAt.IsZero() {
		lag.RetryIn = max(0, l.retryAt.Sub(now))
	}
	return lag
}

// Collectors are the index's Prometheus metrics: tagdrop_index_lag_seconds (see Lag.Seconds),
// tagdrop_index_products and tagdrop_index_offers. Register them once.
func (l *Live) Collectors() []prometheus.Collector {
	return []prometheus.Collector{
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "tagdrop_index_lag_seconds",
			Help: "Seconds since the search index last found the change log fully applied."},
			func() float64 { return l.Lag().Seconds }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "tagdrop_index_products",
			Help: "Products in the search index."}, func() float64 { return float64(l.ix.Len()) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "tagdrop_index_offers",
			Help: "Offers in the search index."}, func() float64 { return float64(l.ix.OfferCount()) }),
	}
}
