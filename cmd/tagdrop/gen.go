package main

import (
	"context"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/demo"
)

func runGen(_ context.Context, env *environment, args []string) error {
	fs := flagSet(env, "gen", "gen --products N --users M [--seed S] [--days D] [--step D] [--today YYYY-MM-DD] --out DIR",
		"Writes a realistic synthetic designer catalogue as Google Merchant Center feeds, one per shop per\n"+
			"snapshot, with D days of price history, plus manifest.json (the snapshots to import, oldest first)\n"+
			"and shoppers.jsonl (one shopper a line). The same flags, --today included, always write the same bytes.")
	products := fs.Int("products", 300, "products to make (a style in one colour); 300 gives about 2,500 offers")
	users := fs.Int("users", 0, "synthetic shoppers to write to shoppers.jsonl (5–25 brands of 2,000 by Zipf's law, sizes in\nseveral systems, 30% with category limits, 40% with price limits)")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed")
	days := fs.Int("days", 90, "days of price history")
	step := fs.Int("step", 3, "days between snapshots")
	today := fs.String("today", "", "date of the last snapshot, YYYY-MM-DD (default: today, UTC)")
	out := fs.String("out", "", "folder to write into (created if missing)")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *out == "" {
		return fmt.Errorf("%w: --out DIR is required", errUsage)
	}
	switch {
	case *products < 6 || *products > 5_000_000:
		return fmt.Errorf("%w: --products %d is not between 6 and 5000000", errUsage, *products)
	case *users < 0 || *users > 10_000_000:
		return fmt.Errorf("%w: --users %d is not between 0 and 10000000", errUsage, *users)
	case *days < 1 || *days > 3650:
		return fmt.Errorf("%w: --days %d is not between 1 and 3650", errUsage, *days)
	case *step < 1 || *step > *days:
		return fmt.Errorf("%w: --step %d is not between 1 and --days", errUsage, *step)
	}
	day := time.Now().UTC()
	if *today != "" {
		t, err := time.Parse("2006-01-02", *today)
		if err != nil {
			return fmt.Errorf("%w: --today %q is not YYYY-MM-DD", errUsage, *today)
		}
		day = t
	}
	start := time.Now()
	c := demo.Generate(demo.Options{Seed: *seed, Products: *products, Days: *days, Step: *step, Today: day, Users: *users})
	m, err := demo.WriteFeeds(*out, c)
	if err != nil {
		return fmt.Errorf("write feeds: %w", err)
	}
	files := 0
	for _, s := range m.Snapshots {
		files += len(s.Files)
	}
	fmt.Fprintf(env.stdout, "wrote %d products, %d offers from %d retailers, %d snapshots (%s to %s) in %d feed files",
		m.Products, m.Offers, len(m.Retailers), len(m.Snapshots), m.Snapshots[0].Date, m.Snapshots[len(m.Snapshots)-1].Date, files)
	if *users > 0 {
		fmt.Fprintf(env.stdout, " and %d shoppers", *users)
	}
	fmt.Fprintf(env.stdout, " to %s in %s\n", *out, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(env.stdout, "today %d of %d products are on sale; import the snapshots in the order %s lists them\n",
		m.Stats.ProductsOnSale, m.Stats.Products, demo.ManifestFile)
	return nil
}
