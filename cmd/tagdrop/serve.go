package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"syscall"
	"time"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/search"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/web"
)

// serveConfig is everything `tagdrop serve` is told, read once from flags and environment.
type serveConfig struct {
	Addr string
	DB   string
	Role string
	Demo bool
	// MetricsPublic serves /metrics to every client, not only local ones.
	MetricsPublic bool
	BaseURL       string
	LogLevel      string
	LogFormat     string
	// RefreshWorkers is how many feed refreshes run at once (roles worker and all).
	RefreshWorkers int
	// PriceHistoryDays is the price-history retention in days: older changes are compacted to
	// daily lows (store.CompactPriceHistory). 0 keeps every change.
	PriceHistoryDays int
	// AllowPrivate lists address ranges feeds may be fetched from although the fetch policy
	// refuses them; for local testing only.
	AllowPrivate []netip.Prefix
	// Mail is the outgoing mail server and sender address; without an SMTP URL, mail stays in
	// the outbox (mail.go).
	Mail mailConfig
	// Queue tunes digest shards and the rescue of a killed worker's jobs (serve_jobs.go).
	Queue queueFlags
}

// String prints the configuration without secrets (a database password is redacted).
func (c serveConfig) String() string {
	db := c.DB
	if loc, err := store.ParseLocation(c.DB); err == nil {
		db = loc.Redacted
	}
	return fmt.Sprintf("addr=%s db=%s role=%s demo=%t base_url=%s refresh_workers=%d allow_private=%v %s", c.Addr, db, c.Role, c.Demo, c.BaseURL,
		c.RefreshWorkers, c.AllowPrivate, c.Mail)
}

func (c serveConfig) validate() error {
	switch c.Role {
	case "all", "web", "worker":
	default:
		return fmt.Errorf("%w: --role %q is not one of web, worker, all", errUsage, c.Role)
	}
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("%w: --addr %q is not HOST:PORT", errUsage, c.Addr)
	}
	if _, err := store.ParseLocation(c.DB); err != nil {
		return err
	}
	if c.RefreshWorkers < 1 {
		return fmt.Errorf("%w: --refresh-workers %d is not a positive number", errUsage, c.RefreshWorkers)
	}
	if minDays := int(store.MinPriceRetention / (24 * time.Hour)); c.PriceHistoryDays != 0 && c.PriceHistoryDays < minDays {
		return fmt.Errorf("%w: --price-history-days %d is neither 0 (keep every change) nor at least %d (the figures read that far back)", errUsage, c.PriceHistoryDays, minDays)
	}
	if err := c.Queue.validate(); err != nil {
		return err
	}
	return c.Mail.validate()
}

func newLogger(env *environment, level, format string) (*slog.Logger, error) {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		return nil, fmt.Errorf("%w: --log-level %q is not debug, info, warn or error", errUsage, level)
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(env.stderr, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(env.stderr, opts)), nil
	}
	return nil, fmt.Errorf("%w: --log-format %q is not text or json", errUsage, format)
}

func serveUntilStopped(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "serve", "serve [--addr HOST:PORT] [--db URL] [--role web|worker|all] [--demo]",
		"Runs the web app, the JSON API and background work until SIGINT or SIGTERM.")
	var c serveConfig
	fs.StringVar(&c.Addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&c.DB, "db", defaultDB, "database: sqlite:PATH or postgres://USER@HOST:PORT/DB")
	fs.StringVar(&c.Role, "role", "all", "what this process does: web, worker or all")
	fs.BoolVar(&c.MetricsPublic, "metrics-public", false, "serve /metrics to any client (default: only direct requests from this machine)")
	fs.BoolVar(&c.Demo, "demo", false, "fill an empty database with the bundled demo catalogue, collection and shopper")
	fs.StringVar(&c.BaseURL, "base-url", "", "public URL of this tagdrop (default http://ADDR)")
	fs.StringVar(&c.LogLevel, "log-level", "info", "debug, info, warn or error")
	fs.StringVar(&c.LogFormat, "log-format", "text", "text or json")
	fs.IntVar(&c.RefreshWorkers, "refresh-workers", jobs.DefaultWorkers, "feed refreshes run at once (roles worker and all; see tagdrop feed)")
	fs.IntVar(&c.PriceHistoryDays, "price-history-days", 0, "keep raw price changes this many days (at least 90), daily lows beyond; 0 keeps every change")
	c.Mail.flags(fs)
	c.Queue.flags(fs)
	var allow listFlag
	fs.Var(&allow, "allow-private", "for local testing only: also fetch feeds from this otherwise refused address range, a `CIDR`\nor a single address (e.g. 127.0.0.1/32); repeatable")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	var err error
	if c.AllowPrivate, err = parseAllowPrivate(allow.values); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if err := c.validate(); err != nil {
		return err
	}
	logger, err := newLogger(env, c.LogLevel, c.LogFormat)
	if err != nil {
		return err
	}
	// Take the port first: a port in use should fail before any database work.
	ln, err := listen(c.Addr)
	if err != nil {
		return err
	}
	defer ln.Close()
	if c.BaseURL == "" {
		c.BaseURL = "http://" + ln.Addr().String() // the real port when --addr asked for :0
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")

	db, err := store.Open(ctx, c.DB)
	if err != nil {
		return err
	}
	defer db.Close()
	logger.Info("database ready", "db", db.String())

	if _, err := db.MailSecret(ctx); err != nil { // created on first start: unsubscribe links are signed with it
		return err
	}
	if _, err := db.PushVAPIDKeys(ctx, notify.GenerateVAPIDKeys); err != nil { // created on first start: web push identity
		return err
	}

	if c.Demo {
		if err := loadDemo(ctx, env, db, logger, c.BaseURL); err != nil {
			return err
		}
	}

	// All background work (feed refreshes, offer figures, the session sweep, digest runs in
	// shards, sending mail, loves, tracked pages, web push, webhooks, trends, snapshots, price
	// history upkeep) is jobs of the job queue (serve_queue.go), started once the live index is
	// built.
	webCfg := web.Config{BaseURL: c.BaseURL, Version: version, Demo: c.Demo, MetricsPublic: c.MetricsPublic}
	webCfg.Tracker = newShopperPageImporter(db, logger) // /track (serve_loves.go): no --allow-private
	// Webhook URLs may name --allow-private addresses (local testing only; serve_webhooks.go).
	webCfg.WebhookAllow = c.AllowPrivate
	clickSvc, stopClicks, err := startClicks(ctx, db, logger) // signed click-outs and their recorder (serve_clicks.go)
	if err != nil {
		return err
	}
	defer stopClicks() // runs after the HTTP server's shutdown: every click is written
	webCfg.Clicks = clickSvc
	// Every role keeps the in-memory index current from the change log: web nodes search it,
	// workers match digests against it.
	live, err := search.Build(ctx, db, search.Options{Logger: logger})
	if err != nil {
		return err
	}
	followCtx, stopFollow := context.WithCancel(ctx)
	followDone := make(chan error, 1)
	go func() { followDone <- live.Run(followCtx) }()
	defer func() { stopFollow(); <-followDone }()
	if c.Role != "worker" {
		webCfg.Index, webCfg.Catalogue = live, live.Index()
	}
	// The job queue: a web node only enqueues; worker and all work the jobs (serve_queue.go).
	jobQueue, stopQueue, err := startQueue(ctx, db, c, live.Index, logger)
	if err != nil {
		return err
	}
	defer stopQueue() // after the HTTP server's shutdown, before the database closes
	webCfg.Queue = jobQueue
	webCfg.AccountMail = jobQueue // sign-up, reset and sign-in-link requests enqueue their mail (internal/accountmail)
	srv, err := web.New(webCfg, db, logger)
	if err != nil {
		return err
	}
	if live != nil {
		srv.Registry().MustRegister(live.Collectors()...)
	}
	srv.Registry().MustRegister(clickSvc.Recorder().Collectors()...)
	srv.Registry().MustRegister(jobQueue.Collectors()...) // tagdrop_queue_* (internal/queue/metrics.go)
	handler := srv.Handler()
	if c.Role == "worker" {
		handler = opsOnly(handler) // serve_queue.go: health, readiness and metrics only
	}
	httpServer := newHTTPServer(handler, logger)
	errc := make(chan error, 1)
	go func() { errc <- httpServer.Serve(ln) }()
	logger.Info("tagdrop is serving", "url", c.BaseURL, "role", c.Role, "version", version)
	fmt.Fprintf(env.stdout, "tagdrop is serving at %s\n", c.BaseURL)

	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := httpServer.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	logger.Info("stopped")
	return nil
}

// listen opens the port with a message a user can act on when it cannot.
func listen(addr string) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err == nil {
		return ln, nil
	}
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return nil, fmt.Errorf("address %s is already in use: stop the other program or pick another with --addr", addr)
	case errors.Is(err, syscall.EACCES):
		return nil, fmt.Errorf("no permission to listen on %s: use a port above 1024", addr)
	}
	return nil, fmt.Errorf("cannot listen on %s: %v", addr, err)
}

// Server timeouts: a client gets headerTimeout to send its request headers (slow-header attacks
// are cut off there), readTimeout for the whole request, writeTimeout for the answer.
const (
	headerTimeout = 5 * time.Second
	readTimeout   = 30 * time.Second
	writeTimeout  = 60 * time.Second
)

// newHTTPServer is the HTTP server of serve: its timeouts and header limit bound what a slow or
// hostile client can hold.
func newHTTPServer(h http.Handler, logger *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: headerTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
}
