package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

const productSynopsis = `product dedupe [--dry-run] [--json]`

const productHelp = `Looks after the catalogue's products. Every form takes --db (default sqlite:tagdrop.db; TAGDROP_DB).

  dedupe   merge products that share a GTIN or a brand + MPN + colour into the oldest of them,
           with their offers, price history, loves, tracked pages, collection places, clicks
           and trend counts (docs/products.md). Imports merge the products they create; this
           pass is for the rest (older data, a database restored from elsewhere). --dry-run
           only lists what it would merge.
`

func runProduct(ctx context.Context, env *environment, args []string) error {
	return runSubcommands(ctx, env, args, productSynopsis, productHelp, []subcommand{{"dedupe", productDedupe}})
}

// productDedupeJSON is `tagdrop product dedupe --json`.
type productDedupeJSON struct {
	DryRun     bool               `json:"dry_run"`
	Merged     int                `json:"merged"`
	Merges     []productMergeJSON `json:"merges"`
	DurationMS int64              `json:"duration_ms"`
}

// productMergeJSON is one merge: product From folded into Into because both give Key.
type productMergeJSON struct {
	From int64  `json:"from"`
	Into int64  `json:"into"`
	Key  string `json:"key"`
}

func productDedupe(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "product dedupe", "product dedupe [--dry-run] [--json] [--db URL]",
		"Merges products that share a GTIN or a brand + MPN + colour into the oldest of them.")
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "list the merges without making them")
	asJSON := fs.Bool("json", false, "print JSON")
	conn, err := parseAndOpen(ctx, env, fs, args, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	started := time.Now()
	var dups []store.ProductDuplicate
	if *dryRun {
		dups, err = conn.DuplicateProducts(ctx, 0)
	} else {
		dups, err = conn.MergeDuplicateProducts(ctx, 0)
	}
	if err != nil {
		return err
	}
	out := productDedupeJSON{DryRun: *dryRun, Merged: len(dups), Merges: []productMergeJSON{}, DurationMS: time.Since(started).Milliseconds()}
	if *dryRun {
		out.Merged = 0
	}
	for _, d := range dups {
		out.Merges = append(out.Merges, productMergeJSON{From: d.From, Into: d.Into, Key: d.Key})
	}
	if *asJSON {
		return json.NewEncoder(env.stdout).Encode(out)
	}
	verb := "merged"
	if *dryRun {
		verb = "would merge"
	}
	for _, m := range out.Merges {
		fmt.Fprintf(env.stdout, "%s product %d into %d (both give %s)\n", verb, m.From, m.Into, m.Key)
	}
	fmt.Fprintf(env.stdout, "%s %d duplicate products in %d ms\n", verb, len(out.Merges), out.DurationMS)
	return nil
}
