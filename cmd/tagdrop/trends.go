package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/trends"
)

const trendsSynopsis = `trends update [--json] [--db URL]`

const trendsHelp = `Looks after the trends page's counts and rankings (docs/trends.md).

  update   bring the counts up to the change log and rank the judged week again, as the
           trends_update job of serve's workers does every minute; the first run on a
           database computes every product's counts. For scripts, cron, and a database
           no worker serves.
`

func runTrends(ctx context.Context, env *environment, args []string) error {
	return runSubcommands(ctx, env, args, trendsSynopsis, trendsHelp, []subcommand{{"update", trendsUpdate}})
}

// trendsUpdateJSON is `tagdrop trends update --json`.
type trendsUpdateJSON struct {
	// Products is how many products were reconciled (every product on a first computation).
	Products int `json:"products"`
	// FirstComputation says the database's trends had never been computed.
	FirstComputation bool `json:"first_computation"`
	// CursorBefore and Cursor are the change log sequence numbers the counts were current to
	// before and after (-1: never computed).
	CursorBefore int64 `json:"cursor_before"`
	Cursor       int64 `json:"cursor"`
	// JudgedWeek is the ISO week ranked ("2026-W47").
	JudgedWeek string `json:"judged_week"`
	// Ranked has, per list ("new", "sale"), the terms the page shows, best first.
	Ranked     map[string][]string `json:"ranked"`
	DurationMS int64               `json:"duration_ms"`
}

func trendsUpdate(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "trends update", "trends update [--json] [--db URL]",
		"Brings the trends page's counts up to the change log and ranks the judged week again (the trends_update job's code).")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print one JSON object instead of a summary")
	conn, err := parseAndOpen(ctx, env, fs, args, db)
	if err != nil {
		return err
	}
	defer conn.Close()
	before, computed, err := conn.TrendCursor(ctx)
	if err != nil {
		return err
	}
	if !*asJSON {
		if computed {
			fmt.Fprintf(env.stderr, "trends: following the change log from sequence %d…\n", before)
		} else {
			fmt.Fprintln(env.stderr, "trends: never computed on this database; counting every product…")
		}
	}
	start := time.Now()
	n, err := jobs.NewTrendsUpdater(conn, jobs.TrendsConfig{}, nil).Step(ctx)
	if err != nil {
		return fmt.Errorf("update trends: %w", err)
	}
	out := trendsUpdateJSON{Products: n, FirstComputation: !computed, CursorBefore: before,
		DurationMS: time.Since(start).Milliseconds(), Ranked: map[string][]string{}}
	if !computed {
		out.CursorBefore = -1
	}
	if out.Cursor, _, err = conn.TrendCursor(ctx); err != nil {
		return err
	}
	judged := trends.JudgedWeek(time.Now())
	out.JudgedWeek = trends.WeekName(judged)
	for _, list := range []string{store.TrendNew, store.TrendSale} {
		ranked, _, err := conn.TrendRankings(ctx, list, judged)
		if err != nil {
			return err
		}
		out.Ranked[list] = []string{}
		for _, r := range ranked {
			out.Ranked[list] = append(out.Ranked[list], r.Term.Label)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(env.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(env.stdout, "reconciled %d products in %s; counts current to change %d (was %d)\n",
		out.Products, time.Duration(out.DurationMS)*time.Millisecond, out.Cursor, out.CursorBefore)
	for _, list := range []struct{ key, name string }{{store.TrendNew, "new listings"}, {store.TrendSale, "on sale"}} {
		fmt.Fprintf(env.stdout, "%s, %s: %d terms%s\n", out.JudgedWeek, list.name, len(out.Ranked[list.key]), firstTerms(out.Ranked[list.key], 5))
	}
	return nil
}

// firstTerms lists up to n terms after a colon, or nothing.
func firstTerms(terms []string, n int) string {
	if len(terms) == 0 {
		return ""
	}
	s := ": " + terms[0]
	for _, t := range terms[1:min(n, len(terms))] {
		s += ", " + t
	}
	if len(terms) > n {
		s += ", …"
	}
	return s
}
