package main

import (
	"context"
	"log/slog"
	"net/netip"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

// webhookTimeout bounds one webhook request: receivers should answer at once and work later.
const webhookTimeout = 15 * time.Second

// startWebhooks runs the webhook jobs (new digests and love alerts → signed POSTs, see
// internal/jobs/webhooks.go) until ctx ends or the returned stop is called, which waits for
// them. Requests go through the outside-URL client; allow is --allow-private, for local tests.
func startWebhooks(ctx context.Context, db *store.DB, baseURL string, allow []netip.Prefix, logger *slog.Logger) (stop func()) {
	client := fetch.New(fetch.Config{Timeout: webhookTimeout, ReadIdleTimeout: webhookTimeout, MaxBytes: 64 << 10,
		MaxRedirects: -1, UserAgent: userAgent(), Allow: allow})
	w := jobs.NewWebhooks(db, client, jobs.WebhooksConfig{BaseURL: baseURL}, logger)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	return func() { cancel(); <-done }
}
