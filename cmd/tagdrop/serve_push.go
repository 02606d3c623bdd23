package main

import (
	"context"
	"log/slog"
	"net/mail"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// pushFetchTimeout bounds one post to a push service.
const pushFetchTimeout = 30 * time.Second

// startPush runs the web push sender (love alerts to shoppers' devices) until ctx ends or the
// returned stop is called, which waits for it. Posts go through the guarded fetch client: push
// endpoints are addresses browsers handed us.
func startPush(ctx context.Context, db *store.DB, baseURL, mailFrom string, allow []netip.Prefix, logger *slog.Logger) (stop func(), err error) {
	keys, err := db.PushVAPIDKeys(ctx, notify.GenerateVAPIDKeys)
	if err != nil {
		return nil, err
	}
	client := fetch.New(fetch.Config{Timeout: pushFetchTimeout, MaxBytes: 64 << 10, MaxRedirects: -1, UserAgent: userAgent(), Allow: allow})
	pusher := notify.NewPusher(client, notify.PushOptions{Public: keys.Public, Private: keys.Private, Subscriber: pushContact(baseURL, mailFrom)})
	sender := jobs.NewPushSender(db, pusher, jobs.PushConfig{}, logger)
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- sender.Run(ctx) }()
	return func() {
		cancel()
		if err := <-done; err != nil {
			logger.Warn("push sender stopped", "error", err)
		}
	}, nil
}

// pushContact is the operator contact in VAPID tokens (RFC 8292): the site when it is https,
// else the mail sender's address, else postmaster at the site's host.
func pushContact(baseURL, mailFrom string) string {
	if strings.HasPrefix(baseURL, "https://") {
		return baseURL
	}
	if a, err := mail.ParseAddress(mailFrom); err == nil {
		return "mailto:" + a.Address
	}
	host := "localhost"
	if u, err := url.Parse(baseURL); err == nil && u.Hostname() != "" {
		host = u.Hostname()
	}
	return "mailto:postmaster@" + host
}
