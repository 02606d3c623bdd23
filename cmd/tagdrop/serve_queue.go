package main

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/tagdrop/tagdrop/internal/accountmail"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
)

// queueStopTimeout bounds how long shutdown waits for the jobs in flight, whose contexts are
// cancelled at once.
const queueStopTimeout = 30 * time.Second

// startQueue starts this process's side of the job queue (internal/queue). A web node only
// enqueues; worker and all also work every periodic job and feed refresh: feed sweeps and
// refreshes, offer figures, the session sweep, digest runs, love evaluation and tracked pages.
// ix is the live index digests are matched against. stop waits for the jobs in flight.
func startQueue(ctx context.Context, db *store.DB, c serveConfig, ix func() *index.Index, logger *slog.Logger) (q *queue.Queue, stop func(), err error) {
	cfg := c.Queue.config(c.RefreshWorkers, logger) // serve_jobs.go
	var work *queue.Work
	var mail *jobs.Sender
	if c.Role != "web" {
		mail = newMailSender(db, c.Mail, logger) // serve_jobs.go; nil without --smtp-url
		client := fetch.New(fetch.Config{Timeout: importFetchTimeout, UserAgent: userAgent(), Allow: c.AllowPrivate})
		digests, err := newDigestRun(ctx, db, ix, c.BaseURL, logger) // digest.go
		if err != nil {
			return nil, nil, err
		}
		push, err := newPushSender(ctx, db, c.BaseURL, c.Mail.From, c.AllowPrivate, logger) // serve_push.go
		if err != nil {
			return nil, nil, err
		}
		work = &queue.Work{
			Feeds:    jobs.NewRefresher(db, ingest.New(db, logger), client, logger),
			Figures:  jobs.NewFiguresRefresher(db, logger),
			Sessions: db,
			Digests:  digests,
			Mail:     mail, // send jobs (enqueued with the digests) and the outbox sweep
			Loves:    jobs.NewLoveEvaluator(db, alerts.LoveRules{}, logger),
			// Pasted pages are re-checked without --allow-private (serve_loves.go).
			Tracked: jobs.NewTrackedChecker(db, newShopperPageImporter(db, logger), jobs.DefaultTrackedEvery, logger),
			// The mails of sign-up, reset and sign-in-link requests, which web nodes only enqueue.
			AccountMail: accountmail.New(db, c.BaseURL, logger),
			// Partitions ahead and --price-history-days retention (internal/queue/maintenance.go).
			PriceHistory: queue.NewPriceHistoryMaintenance(db, time.Duration(c.PriceHistoryDays)*24*time.Hour, logger),
			// Love alerts by web push, signed webhook events (serve_webhooks.go), the trends
			// page's counts and the dashboard's daily snapshots.
			Push:      push,
			Webhooks:  newWebhooks(db, c.BaseURL, c.AllowPrivate, logger),
			Trends:    jobs.NewTrendsUpdater(db, jobs.TrendsConfig{}, logger),
			Snapshots: jobs.NewSnapshotter(db, logger),
		}
	}
	q, err = queue.New(db, cfg, work)
	if err != nil {
		return nil, nil, err
	}
	if err := q.Start(ctx); err != nil {
		return nil, nil, err
	}
	logger.Info("job queue ready", "works_jobs", q.Working())
	return q, func() {
		sctx, cancel := context.WithTimeout(context.Background(), queueStopTimeout)
		defer cancel()
		if err := q.Stop(sctx); err != nil {
			logger.Warn("stopping the job queue", "error", err)
		}
		if mail != nil {
			mail.Close() // the kept SMTP connections
		}
	}, nil
}

// opsOnly serves h's operational endpoints (/healthz, /readyz, /metrics, the latter still
// guarded by h) and a 404 for everything else: a worker process (serve --role worker) is
// watched on --addr like any node but serves no pages.
func opsOnly(h http.Handler) http.Handler {
	mux := http.NewServeMux()
	for _, pattern := range []string{"GET /healthz", "GET /readyz", "GET /metrics"} {
		mux.Handle(pattern, h)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'none'")
		http.Error(w, "404 page not found: this tagdrop process is a worker (--role worker)", http.StatusNotFound)
	})
	return mux
}
