package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
)

// digestLimit is how many items one digest holds.
const digestLimit = 20

func runDigest(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "digest", "digest [--dry-run] [--user EMAIL] [--json]",
		"Builds shoppers' sale digests, or previews one with --dry-run: the ranked sale items of the shopper's brands\n"+
			"in their sizes that they have not been sent, as a table or with --json as {\"user\", \"items\"}.")
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "show what would be sent without storing or sending")
	user := fs.String("user", "", "only this shopper")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if !*dryRun {
		return errors.New("sending digests is not available yet; use --dry-run")
	}
	if strings.TrimSpace(*user) == "" {
		return fmt.Errorf("%w: --dry-run needs --user EMAIL", errUsage)
	}
	conn, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	items, err := previewDigest(ctx, conn, *user, time.Now())
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

// previewDigest matches one shopper against an index built from the store now.
func previewDigest(ctx context.Context, conn *store.DB, email string, now time.Time) ([]alerts.Item, error) {
	u, err := conn.UserByEmail(ctx, strings.TrimSpace(email))
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("no user %q", email)
	}
	if err != nil {
		return nil, err
	}
	prefs, err := conn.Preferences(ctx, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("user %q has no preferences yet (set them with tagdrop user prefs)", email)
	}
	if err != nil {
		return nil, err
	}
	sent, err := conn.SentItems(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	ix, err := index.Build(ctx, conn, index.Options{})
	if err != nil {
		return nil, err
	}
	return alerts.Match(ix, prefs, sent, now, digestLimit), nil
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
