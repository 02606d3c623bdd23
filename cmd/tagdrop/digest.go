package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"text/tabwriter"
	"time"
	// IANA time zones built in, so digest hours are right on systems without tzdata.
	_ "time/tzdata"

	"github.com/schollz/progressbar/v3"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
)

// defaultBaseURL is where links in mail point when --base-url is not given: serve's default
// address.
const defaultBaseURL = "http://127.0.0.1:8080"

func runDigest(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "digest", "digest [--dry-run] [--user EMAIL] [--period YYYY-MM-DD] [--json]",
		"Makes the sale digests due now and stores them in the outbox (sending is separate), or with --user\n"+
			"one shopper's digest whatever their schedule. --dry-run previews one shopper's digest without storing\n"+
			"it: the ranked sale items of their brands in their sizes not sent before, as a table or with --json\n"+
			"as {\"user\", \"items\"}. A run prints what it did (with --json as one object of counts).")
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "show what one shopper would receive without storing or sending")
	user := fs.String("user", "", "only this shopper (whatever their schedule)")
	period := fs.String("period", "", "the slot to make, a date `YYYY-MM-DD` (default: each shopper's current slot; with --user, their local date today)")
	baseURL := fs.String("base-url", defaultBaseURL, "public URL of this tagdrop, for the links in mail")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *period != "" {
		if err := alerts.ValidPeriodKey(*period); err != nil {
			return fmt.Errorf("%w: --period: %v", errUsage, err)
		}
	}
	if *dryRun && strings.TrimSpace(*user) == "" {
		return fmt.Errorf("%w: --dry-run needs --user EMAIL", errUsage)
	}
	conn, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	if !*dryRun {
		return makeDigests(ctx, env, conn, strings.TrimSpace(*user), *period, strings.TrimRight(*baseURL, "/"), *asJSON)
	}
	items, err := previewDigest(ctx, conn, *user, strings.TrimRight(*baseURL, "/"))
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(digestJSON(*user, items))
	}
	printDigest(env, *user, items)
	return nil
}

// newDigestRun wires a digest run: the store, the index to match against, links from baseURL
// and one-click unsubscribe addresses signed with the installation's mail secret.
func newDigestRun(ctx context.Context, conn *store.DB, ix func() *index.Index, baseURL string, logger *slog.Logger) (*alerts.DigestRun, error) {
	if _, err := url.ParseRequestURI(baseURL); err != nil || !strings.HasPrefix(baseURL, "http") {
		return nil, fmt.Errorf("%w: --base-url %q is not an http(s) URL", errUsage, baseURL)
	}
	secret, err := conn.MailSecret(ctx)
	if err != nil {
		return nil, err
	}
	clickSecret, err := conn.ClickSecret(ctx)
	if err != nil {
		return nil, err
	}
	links, err := clicks.NewSigner(clickSecret)
	if err != nil {
		return nil, err
	}
	return &alerts.DigestRun{Store: conn, Index: ix, BaseURL: baseURL, Logger: logger, ParseSearch: savedSearchParser(conn),
		Collections: conn.VisibleCollectionTeasers, // the newest collection of the shopper's brands, read once per run
		Link: func(offerID, productID, userID int64) (string, error) {
			return links.URL(baseURL, offerID, productID, clicks.SourceDigest, userID)
		},
		Unsubscribe: func(userID int64) (string, error) {
			u, err := conn.UserByID(ctx, userID) // the token signs the account's creation time too
			if err != nil {
				return "", err
			}
			return notify.UnsubscribeURL(baseURL, secret, userID, u.CreatedAt), nil
		}}, nil
}

// makeDigests runs the digests due now (or one shopper's) and prints the counts.
func makeDigests(ctx context.Context, env *environment, conn *store.DB, email, period, baseURL string, asJSON bool) error {
	opts := alerts.RunOptions{Period: period}
	if email != "" {
		u, err := conn.UserByEmail(ctx, email)
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no user %q", email)
		}
		if err != nil {
			return err
		}
		opts.UserID = u.ID
	}
	ix, err := index.Build(ctx, conn, index.Options{})
	if err != nil {
		return err
	}
	logger := slog.New(slog.NewTextHandler(env.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	run, err := newDigestRun(ctx, conn, func() *index.Index { return ix }, baseURL, logger)
	if err != nil {
		return err
	}
	if !asJSON && email == "" && isTerminal(env.stderr) {
		total, err := conn.CountDigestRecipients(ctx)
		if err != nil {
			return err
		}
		bar := progressbar.NewOptions(total, progressbar.OptionSetWriter(env.stderr), progressbar.OptionSetDescription("digests"),
			progressbar.OptionSetWidth(30), progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
		run.Progress = func(n int) { _ = bar.Set(n) }
		defer bar.Finish()
	}
	c, err := run.Run(ctx, opts)
	if err != nil {
		return err
	}
	if asJSON {
		if err := json.NewEncoder(env.stdout).Encode(c); err != nil {
			return err
		}
	} else {
		fmt.Fprintf(env.stdout, "%d shoppers considered, %d due: %d digests stored (%d items, %d more), %d empty, %d already made elsewhere, %d failed in %s\n",
			c.Considered, c.Due, c.Stored, c.Items, c.More, c.Empty, c.Skipped, c.Failed, time.Duration(c.DurationMS)*time.Millisecond)
	}
	if c.Failed > 0 {
		return fmt.Errorf("%d digests failed (see the log above); run again to retry them", c.Failed)
	}
	return nil
}

// previewDigest runs the real digest run for one shopper, now, against an index built from the
// store, without storing anything: the items are exactly what a run now would send (brand
// matches ranked with the shopper's brand affinity, saved-search matches, sent history applied,
// cap included), whatever the shopper's schedule and whether today's digest was already made.
func previewDigest(ctx context.Context, conn *store.DB, email, baseURL string) ([]alerts.Item, error) {
	u, err := conn.UserByEmail(ctx, strings.TrimSpace(email))
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("no user %q", email)
	}
	if err != nil {
		return nil, err
	}
	ix, err := index.Build(ctx, conn, index.Options{})
	if err != nil {
		return nil, err
	}
	run, err := newDigestRun(ctx, conn, func() *index.Index { return ix }, baseURL, slog.New(slog.DiscardHandler))
	if err != nil {
		return nil, err
	}
	preview := &previewStore{DB: conn}
	run.Store = preview
	if _, err := run.Run(ctx, alerts.RunOptions{UserID: u.ID}); err != nil {
		if errors.Is(err, alerts.ErrNoDigest) {
			return nil, fmt.Errorf("%s would receive no digest: %w", email, err)
		}
		return nil, err
	}
	if len(preview.digests) == 0 {
		return nil, nil
	}
	return preview.digests[0].Items, nil
}

// previewStore is the store as a dry run sees it: every read goes to the database, nothing is
// written, and no slot counts as already made.
type previewStore struct {
	*store.DB
	digests []alerts.DigestRecord
}

// DigestsDone reports no slot as made, so the preview is today's digest even after a run.
func (p *previewStore) DigestsDone(context.Context, []alerts.SlotRef) (map[alerts.SlotRef]bool, error) {
	return map[alerts.SlotRef]bool{}, nil
}

// StoreDigests keeps the digests instead of writing them.
func (p *previewStore) StoreDigests(_ context.Context, ds []alerts.DigestRecord) ([]bool, error) {
	p.digests = append(p.digests, ds...)
	return make([]bool, len(ds)), nil
}

// digestItemJSON is one item of the digest JSON contract.
type digestItemJSON struct {
	OfferID      int64  `json:"offer_id"`
	ProductID    int64  `json:"product_id"`
	Title        string `json:"title"`
	Brand        string `json:"brand"`
	Size         string `json:"size"`
	Color        string `json:"color"`
	Price        string `json:"price"`
	RegularPrice string `json:"regular_price"`
	Currency     string `json:"currency"`
	DiscountPct  int    `json:"discount_pct"`
	Retailer     string `json:"retailer"`
	Reason       string `json:"reason"`
}

type digestJSONOut struct {
	User  string           `json:"user"`
	Items []digestItemJSON `json:"items"`
}

func digestJSON(user string, items []alerts.Item) digestJSONOut {
	out := digestJSONOut{User: user, Items: make([]digestItemJSON, 0, len(items))}
	for _, it := range items {
		out.Items = append(out.Items, digestItemJSON{
			OfferID: it.OfferID, ProductID: it.ProductID, Title: it.Title, Brand: it.Brand, Size: it.Size, Color: it.Colour,
			Price: catalog.FormatDecimal(it.Price, it.Currency), RegularPrice: catalog.FormatDecimal(it.RegularPrice, it.Currency),
			Currency: it.Currency, DiscountPct: it.DiscountPct, Retailer: it.Retailer, Reason: it.Reason,
		})
	}
	return out
}

// printDigest writes the digest as a table: one item a line, then why it matched.
func printDigest(env *environment, user string, items []alerts.Item) {
	if len(items) == 0 {
		fmt.Fprintf(env.stdout, "%s would receive nothing\n", user)
		return
	}
	fmt.Fprintf(env.stdout, "%s would receive %d items:\n", user, len(items))
	w := tabwriter.NewWriter(env.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "#\tBRAND\tTITLE\tSIZE\tPRICE\tWAS\tOFF\tRETAILER\tWHY")
	for i, it := range items {
		fmt.Fprintf(w, "%d\t%s\t%s\t%s\t%s %s\t%s\t%d%%\t%s\t%s\n", i+1, it.Brand, it.Title, it.Size,
			catalog.FormatDecimal(it.Price, it.Currency), it.Currency, catalog.FormatDecimal(it.RegularPrice, it.Currency),
			it.DiscountPct, it.Retailer, it.Reason)
	}
	w.Flush()
}
