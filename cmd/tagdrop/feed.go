package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tagdrop/tagdrop/internal/feed"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
)

const feedSynopsis = `feed add --retailer NAME [--format F] [--map FILE] [--currency CODE] [--every 6h] SOURCE
       tagdrop feed list
       tagdrop feed remove ID
       tagdrop feed run [--json] [--allow-private CIDR]... ID`

// feedHelp follows feed's synopsis in its usage.
const feedHelp = "Registers feeds that `tagdrop serve` (role worker or all) refreshes on a schedule, each as the\n" +
	"retailer's complete catalogue: offers missing from a refresh are marked gone. A failing feed is retried\n" +
	"later and later (its interval doubled per failure, at most a day). Every form takes --db.\n"

func runFeed(ctx context.Context, env *environment, args []string) error {
	return runSubcommands(ctx, env, args, feedSynopsis, feedHelp, []subcommand{
		{"add", feedAdd}, {"list", feedList}, {"remove", feedRemove}, {"run", feedRun},
	})
}

// feedAddConfig is what `tagdrop feed add` is told.
type feedAddConfig struct {
	DB, Retailer, Format, MapFile, Currency string
	Every                                   time.Duration
	Source                                  string
}

func (c feedAddConfig) validate() error {
	if strings.TrimSpace(c.Retailer) == "" {
		return fmt.Errorf("%w: feed add needs --retailer NAME", errUsage)
	}
	if c.Format != "auto" && !slices.Contains(feed.Formats, c.Format) {
		return fmt.Errorf("%w: --format %q is not auto, %s", errUsage, c.Format, strings.Join(feed.Formats, ", "))
	}
	if c.Currency != "" && !isCurrencyCode(c.Currency) {
		return fmt.Errorf("%w: --currency %q is not a three-letter ISO 4217 code", errUsage, c.Currency)
	}
	if c.Every < time.Minute {
		return fmt.Errorf("%w: --every %s is under a minute", errUsage, c.Every)
	}
	if jobs.IsURL(c.Source) {
		u, err := url.Parse(c.Source)
		if err != nil || u.Hostname() == "" {
			return fmt.Errorf("%w: %q is not a URL with a host", errUsage, fetch.Redact(c.Source))
		}
		if u.User != nil {
			return fmt.Errorf("%w: %s carries a user name or password: the fetcher never sends credentials in URLs", errUsage, fetch.Redact(c.Source))
		}
	} else if c.Format == feed.Shopify {
		return fmt.Errorf("%w: --format shopify needs the store's URL, not a file", errUsage)
	}
	if c.Format == feed.Shopify && c.Currency == "" {
		return fmt.Errorf("%w: a Shopify store does not say its currency: name it with --currency", errUsage)
	}
	_, err := store.ParseLocation(c.DB)
	return err
}

func isCurrencyCode(s string) bool {
	return len(s) == 3 && strings.IndexFunc(s, func(r rune) bool { return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') }) < 0
}

func feedAdd(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "feed add", "feed add --retailer NAME [--format F] [--map FILE] [--currency CODE] [--every 6h] SOURCE",
		"Registers a feed for scheduled refreshes. SOURCE is an http(s) URL (a Shopify store's address with\n"+
			"--format shopify) or a file, kept as an absolute path. The first refresh is due at once.")
	var c feedAddConfig
	fs.StringVar(&c.DB, "db", defaultDB, "database: sqlite:PATH or postgres://USER@HOST:PORT/DB")
	fs.StringVar(&c.Retailer, "retailer", "", "retailer `NAME` (required)")
	fs.StringVar(&c.Format, "format", "auto", "feed format: auto (detected from the content), "+strings.Join(feed.Formats, ", "))
	fs.StringVar(&c.MapFile, "map", "", "JSON `FILE` naming a CSV feed's columns: {\"id\": \"aw_product_id\", \"price\": \"search_price\"}")
	fs.StringVar(&c.Currency, "currency", "", "ISO 4217 `CODE` of prices that give none (a CSV of bare amounts, a Shopify store)")
	fs.DurationVar(&c.Every, "every", 6*time.Hour, "refresh interval, e.g. 30m, 6h, 24h")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: feed add needs exactly one SOURCE (a URL or a file)", errUsage)
	}
	c.Source = pos[0]
	if err := c.validate(); err != nil {
		return err
	}
	colMap, err := readColumnMap(c.MapFile)
	if err != nil {
		return err
	}
	if !jobs.IsURL(c.Source) {
		abs, err := filepath.Abs(c.Source)
		if err != nil {
			return err
		}
		if st, err := os.Stat(abs); err != nil || st.IsDir() {
			return fmt.Errorf("%s is neither an http(s) URL nor a feed file", c.Source)
		}
		c.Source = abs
	}
	conn, err := openDB(ctx, c.DB)
	if err != nil {
		return err
	}
	defer conn.Close()
	f, err := conn.AddFeed(ctx, store.NewFeed{Retailer: c.Retailer, Source: c.Source, Format: c.Format, ColumnMap: colMap,
		Currency: c.Currency, Every: c.Every})
	if errors.Is(err, store.ErrConflict) {
		return fmt.Errorf("%s already has the feed %s (see tagdrop feed list)", c.Retailer, c.Source)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "added feed %d: %s for %s, every %s\n", f.ID, f.Source, f.Retailer, shortDuration(f.Every))
	return nil
}

func feedList(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "feed list", "feed list [--db URL]", "Lists registered feeds with how their last refreshes went.")
	db := dbFlag(fs)
	conn, err := parseAndOpen(ctx, env, fs, args, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	feeds, err := conn.Feeds(ctx)
	if err != nil {
		return err
	}
	if len(feeds) == 0 {
		fmt.Fprintln(env.stdout, "no feeds registered (add one with tagdrop feed add)")
		return nil
	}
	now := time.Now()
	tw := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRETAILER\tSOURCE\tFORMAT\tEVERY\tLAST SUCCESS\tLAST ERROR\tITEMS\tDURATION\tNEXT RUN")
	for _, f := range feeds {
		lastErr := "-"
		if f.Failures > 0 {
			lastErr = fmt.Sprintf("%s (%d in a row): %s", ago(now, f.LastErrorAt), f.Failures, clipText(f.LastError, 60))
		}
		items, dur := "-", "-"
		switch {
		case f.LastRun.Status == store.RunNotModified:
			items = "not modified"
		case f.LastRun.ID != 0:
			items = fmt.Sprintf("%d read, %d new, %d changed, %d rejected, %d gone",
				f.LastRun.Read, f.LastRun.New, f.LastRun.Changed, f.LastRun.Rejected, f.LastRun.Gone)
		}
		if d := f.LastRun.Duration(); f.LastRun.ID != 0 {
			dur = d.Round(time.Millisecond).String()
		}
		next := ago(now, f.NextRunAt)
		if !f.Enabled {
			next = "disabled"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.ID, f.Retailer, f.Source, f.Format, shortDuration(f.Every),
			ago(now, f.LastSuccessAt), lastErr, items, dur, next)
	}
	return tw.Flush()
}

func feedRemove(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "feed remove", "feed remove [--db URL] ID", "Unregisters a feed. What it imported stays; its runs stay in the history.")
	db := dbFlag(fs)
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	id, err := feedID(pos)
	if err != nil {
		return err
	}
	conn, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	if err := conn.DeleteFeed(ctx, id); errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no feed %d (see tagdrop feed list)", id)
	} else if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "removed feed %d\n", id)
	return nil
}

func feedRun(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "feed run", "feed run [--db URL] [--json] [--allow-private CIDR]... ID",
		"Refreshes a registered feed now, as the scheduler would, and prints what it did (with --json, the\n"+
			"object tagdrop import --json prints, plus \"not_modified\" and \"next_run_at\"). Exits 1 if the refresh failed.")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object")
	var allow listFlag
	fs.Var(&allow, "allow-private", "for local testing only: also fetch from this otherwise refused address range, a `CIDR`\nor a single address; repeatable")
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	id, err := feedID(pos)
	if err != nil {
		return err
	}
	allowed, err := parseAllowPrivate(allow.values)
	if err != nil {
		return err
	}
	conn, err := openDB(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	f, err := conn.FeedByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no feed %d (see tagdrop feed list)", id)
	} else if err != nil {
		return err
	}
	// Claim it as a worker would, so that a running scheduler does not refresh it at the same time.
	if ok, err := conn.ClaimFeed(ctx, f, time.Now().Add(jobs.DefaultLease)); err != nil {
		return err
	} else if !ok {
		return fmt.Errorf("feed %d is being refreshed right now; try again when it is done", id)
	}
	logger := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	client := fetch.New(fetch.Config{Timeout: importFetchTimeout, UserAgent: userAgent(), Allow: allowed})
	res, runErr := jobs.NewRefresher(conn, ingest.New(conn, logger), client, logger).RefreshFeed(ctx, f)
	if *asJSON {
		out := struct {
			ingest.Report
			NotModified bool      `json:"not_modified"`
			NextRunAt   time.Time `json:"next_run_at"`
		}{res.Report, res.NotModified, res.Next.UTC()}
		if runErr != nil {
			out.Errors = append(out.Errors, ingest.RowError{Reason: runErr.Error()})
		}
		if err := json.NewEncoder(env.stdout).Encode(out); err != nil {
			return err
		}
	} else if res.NotModified {
		fmt.Fprintf(env.stdout, "%s: not modified since the last refresh\n", f.Source)
	} else {
		printReport(env, res.Report, runErr)
	}
	if !*asJSON {
		fmt.Fprintf(env.stdout, "next refresh %s\n", res.Next.UTC().Format(time.RFC3339))
	}
	if runErr != nil {
		return fmt.Errorf("feed %d: refresh failed", id)
	}
	return nil
}

// feedID reads the one ID argument of feed remove and feed run.
func feedID(pos []string) (int64, error) {
	if len(pos) != 1 {
		return 0, fmt.Errorf("%w: exactly one feed ID is needed (see tagdrop feed list)", errUsage)
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: %q is not a feed ID (see tagdrop feed list)", errUsage, pos[0])
	}
	return id, nil
}

// ago says when t was (or will be) relative to now: "3h ago", "in 20m", "-" for never.
func ago(now, t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	d := now.Sub(t)
	if d >= 0 {
		return shortDuration(d) + " ago"
	}
	return "in " + shortDuration(-d)
}

// shortDuration rounds a duration to its largest unit: 45s, 20m, 6h, 3d.
func shortDuration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d/time.Second))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < 48*time.Hour:
		if d%time.Hour != 0 && d < 10*time.Hour {
			return fmt.Sprintf("%dh%dm", int(d/time.Hour), int(d%time.Hour/time.Minute))
		}
		return fmt.Sprintf("%dh", int(d/time.Hour))
	}
	return fmt.Sprintf("%dd", int(d/(24*time.Hour)))
}

// clipText shortens s to n runes, marking the cut.
func clipText(s string, n int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) <= n {
		return string(r)
	}
	return string(r[:n-1]) + "…"
}
