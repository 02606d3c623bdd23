package main

import (
	"log/slog"
	"net/netip"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

// webhookTimeout bounds one webhook request: receivers should answer at once and work later.
const webhookTimeout = 15 * time.Second

// newWebhooks builds the webhook jobs (new digests and love alerts → signed POSTs, see
// internal/jobs/webhooks.go), worked by the job queue's webhook rounds. Requests go through the
// outside-URL client; allow is --allow-private, for local tests.
func newWebhooks(db *store.DB, baseURL string, allow []netip.Prefix, logger *slog.Logger) *jobs.Webhooks {
	client := fetch.New(fetch.Config{Timeout: webhookTimeout, ReadIdleTimeout: webhookTimeout, MaxBytes: 64 << 10,
		MaxRedirects: -1, UserAgent: userAgent(), Allow: allow})
	return jobs.NewWebhooks(db, client, jobs.WebhooksConfig{BaseURL: baseURL}, logger)
}
