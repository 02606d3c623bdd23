package jobs

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// Defaults of the loves jobs.
const (
	// DefaultLovesEvery is how often every love is evaluated against the catalogue.
	DefaultLovesEvery = 15 * time.Minute
	// DefaultLovesBatch is how many loves one round reads, decides and records at a time (one
	// query for the loves, one for their offers, one transaction for the decisions).
	DefaultLovesBatch = 500
	// DefaultTrackedEvery is how often a tracked product page is fetched again.
	DefaultTrackedEvery = ingest.DefaultRecheckEvery
	// trackedPerRound caps the pages one round of the tracked-page checker fetches.
	trackedPerRound = 50
)

// LoveEvaluator decides every love's alerts against the current catalogue (alerts.LoveRules)
// and records them durably (love_alerts), for delivery to pick up. A round walks the loves in
// keyset batches; each batch's alerts and new baselines commit together, so a crash loses at
// most the batch in flight and a rerun adds no alert twice.
type LoveEvaluator struct {
	db     *store.DB
	rules  alerts.LoveRules
	batch  int
	logger *slog.Logger
	now    func() time.Time
}

// NewLoveEvaluator returns an evaluator over db with the given noise rules (zero: defaults).
// logger may be nil.
func NewLoveEvaluator(db *store.DB, rules alerts.LoveRules, logger *slog.Logger) *LoveEvaluator {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &LoveEvaluator{db: db, rules: rules, batch: DefaultLovesBatch, logger: logger, now: time.Now}
}

// LoveRound is what one round did.
type LoveRound struct {
	Loves   int // loves evaluated
	Changed int // loves whose baseline moved or that raised alerts
	Alerts  int // new alerts recorded
}

// EvaluateOnce evaluates every love once. It stops at the first error (the batches before it
// stay recorded) or when ctx is cancelled.
func (e *LoveEvaluator) EvaluateOnce(ctx context.Context) (LoveRound, error) {
	var round LoveRound
	now := e.now()
	var after int64
	for {
		if err := ctx.Err(); err != nil {
			return round, err
		}
		loves, err := e.db.LovesAfter(ctx, after, e.batch)
		if err != nil {
			return round, err
		}
		if len(loves) == 0 {
			return round, nil
		}
		products := make([]int64, 0, len(loves))
		seen := map[int64]bool{}
		for _, l := range loves {
			if !seen[l.ProductID] {
				seen[l.ProductID] = true
				products = append(products, l.ProductID)
			}
		}
		offers, err := e.db.LiveOffersOf(ctx, products)
		if err != nil {
			return round, err
		}
		var ds []store.LoveDecision
		for _, l := range loves {
			cur := l.CurrentState(offers[l.ProductID])
			got, next := e.rules.Decide(l.Love, l.Seen, cur, now)
			if len(got) > 0 || next != l.Seen {
				ds = append(ds, store.LoveDecision{LoveID: l.ID, UserID: l.UserID, Basis: l.Seen.At, Alerts: got, Next: next})
			}
		}
		round.Loves += len(loves)
		if len(ds) > 0 {
			n, err := e.db.RecordLoveDecisions(ctx, ds)
			if err != nil {
				return round, err
			}
			round.Changed += len(ds)
			round.Alerts += n
		}
		after = loves[len(loves)-1].ID
		if len(loves) < e.batch {
			return round, nil
		}
	}
}

// PageImporter imports one product page (ingest.PageImporter).
type PageImporter interface {
	ImportPage(ctx context.Context, rawURL string) (ingest.PageResult, error)
}

// TrackedChecker fetches tracked product pages again when they are due, so their prices and
// sizes stay current between the shoppers' visits; the love evaluator then sees the changes.
// A page is checked once for everyone tracking it. Failures are recorded on the page (its
// reason shows on the loves page) and retried at the next interval.
type TrackedChecker struct {
	db     *store.DB
	pages  PageImporter
	every  time.Duration
	logger *slog.Logger
	now    func() time.Time
}

// NewTrackedChecker returns a checker fetching due pages through pages, each again after every
// (0: DefaultTrackedEvery). logger may be nil.
func NewTrackedChecker(db *store.DB, pages PageImporter, every time.Duration, logger *slog.Logger) *TrackedChecker {
	if every <= 0 {
		every = DefaultTrackedEvery
	}
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	return &TrackedChecker{db: db, pages: pages, every: every, logger: logger, now: time.Now}
}

// CheckOnce fetches the pages due now (at most a round's worth) one after another and
// returns how many it checked and how many of those failed.
func (c *TrackedChecker) CheckOnce(ctx context.Context) (checked, failed int, err error) {
	urls, err := c.db.DueTrackedURLs(ctx, c.now(), trackedPerRound)
	if err != nil {
		return 0, 0, err
	}
	for _, u := range urls {
		if err := ctx.Err(); err != nil {
			return checked, failed, err
		}
		_, ierr := c.pages.ImportPage(ctx, u)
		if ctx.Err() != nil {
			return checked, failed, ctx.Err() // cut short by shutdown: still due
		}
		if errors.Is(ierr, ingest.ErrBusy) {
			continue // its shop's catalogue is being imported: no failure, still due next round
		}
		reason := ""
		if ierr != nil {
			failed++
			reason = ierr.Error()
			var pe *ingest.PageError
			if !errors.As(ierr, &pe) {
				c.logger.Warn("checking a tracked page failed", "error", ierr)
				reason = "the page could not be imported"
			}
		}
		if err := c.db.TrackedChecked(ctx, u, reason, c.now().Add(c.every)); err != nil {
			return checked, failed, err
		}
		checked++
	}
	return checked, failed, nil
}

// Round evaluates every love once (EvaluateOnce) and logs what it did; serve runs it as a
// periodic job of the job queue.
func (e *LoveEvaluator) Round(ctx context.Context) {
	r, err := e.EvaluateOnce(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		e.logger.Error("evaluating loves failed", "loves", r.Loves, "alerts", r.Alerts, "error", err)
	case r.Alerts > 0:
		e.logger.Info("love alerts recorded", "loves", r.Loves, "changed", r.Changed, "alerts", r.Alerts)
	}
}

// Round checks the pages due now once (CheckOnce) and logs what it did; serve runs it as a
// periodic job of the job queue.
func (c *TrackedChecker) Round(ctx context.Context) {
	n, failed, err := c.CheckOnce(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		c.logger.Error("checking tracked pages failed", "error", err)
	case n > 0:
		c.logger.Info("tracked pages checked", "checked", n, "failed", failed)
	}
}
