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

// newPushSender builds the web push sender (love alerts to shoppers' devices), worked by the
// job queue's push rounds. Posts go through the guarded fetch client: push
// endpoints are addresses browsers handed us.
func newPushSender(ctx context.Context, db *store.DB, baseURL, mailFrom string, allow []netip.Prefix, logger *slog.Logger) (*jobs.PushSender, error) {
	keys, err := db.PushVAPIDKeys(ctx, notify.GenerateVAPIDKeys)
	if err != nil {
		return nil, err
	}
	client := fetch.New(fetch.Config{Timeout: pushFetchTimeout, MaxBytes: 64 << 10, MaxRedirects: -1, UserAgent: userAgent(), Allow: allow})
	pusher := notify.NewPusher(client, notify.PushOptions{Public: keys.Public, Private: keys.Private, Subscriber: pushContact(baseURL, mailFrom)})
	return jobs.NewPushSender(db, pusher, jobs.PushConfig{}, logger), nil
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
