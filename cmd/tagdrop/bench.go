package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/demo"
)

// benchPhase is the hidden subcommand (`tagdrop bench ingest-phase …`) that runs one measured
// phase of a benchmark in a child process of its own, so each phase's peak memory is its own.
const benchPhase = "ingest-phase"

// benchChildEnv is set in the phase children's environment; tests use it to tell a child run of
// their binary from the test run itself.
const benchChildEnv = "TAGDROP_BENCH_CHILD"

func runBench(ctx context.Context, env *environment, args []string) error {
	if len(args) > 0 && args[0] == benchPhase {
		return bench.RunPhase(ctx, args[1:], env.stdout, env.stderr)
	}
	if len(args) > 0 && args[0] == "search" { // bench_search.go
		return runBenchSearch(ctx, env, args[1:])
	}
	if len(args) > 0 && args[0] == "match" { // bench_match.go
		return runBenchMatch(ctx, env, args[1:])
	}
	if len(args) > 0 && args[0] == "load" { // bench_load.go
		return runBenchLoad(ctx, env, args[1:])
	}
	if i := slices.Index(args, "email"); i >= 0 && (i == 0 || strings.HasPrefix(args[0], "-")) { // bench_email.go
		return runBenchEmail(ctx, env, slices.Delete(slices.Clone(args), i, i+1))
	}
	fs := flagSet(env, "bench", "bench ingest|search|match|email [--size N] [--db sqlite|postgres://…] [--json] [--keep DIR]",
		"Measures tagdrop side by side with a named peer doing the same work in the same run and prints the\n"+
			"peer's cost over tagdrop's as a ratio (above 1: tagdrop is faster). Progress goes to stderr.\n"+
			"ingest: a generated Google Merchant Center feed of --size items, imported into an empty database,\n"+
			"then again unchanged, beside the `baseline` peer (encoding/xml into a struct, one INSERT … ON\n"+
			"CONFLICT per item, one transaction) and, on PostgreSQL, `psql-copy` (psql's \\copy of the same\n"+
			"rows). Each phase runs in a child process, whose peak resident memory is reported.")
	size := fs.Int("size", 10000, "how many items or shoppers")
	db := fs.String("db", bench.SQLite, "database to measure: sqlite (files in the work folder) or postgres://USER@HOST:PORT/DB\n"+
		"(databases named tagdrop_bench_… are created there and dropped afterwards)")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed of the generated data")
	keep := fs.String("keep", "", "work folder to keep: the generated feed (reused by later runs) and SQLite files\n(default: a temporary folder, removed)")
	jsonOut := fs.Bool("json", false, "print JSON")
	// The benchmark's name comes first (tagdrop bench ingest --size N), but may follow the flags.
	var name string
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name, args = args[0], args[1:]
	}
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if name == "" && fs.NArg() > 0 {
		name = fs.Arg(0)
		if err := fs.Parse(fs.Args()[1:]); err != nil { // flags after the name
			return fmt.Errorf("%w: %v (see tagdrop bench --help)", errUsage, err)
		}
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	switch name {
	case "ingest":
	case "search", "match":
		return fmt.Errorf("%w: put the flags after the name: tagdrop bench %s --size N (see tagdrop bench %s --help)", errUsage, name, name)
	case "":
		return fmt.Errorf("%w: name a benchmark: ingest, search, match or email", errUsage)
	default:
		return fmt.Errorf("%w: unknown benchmark %q (ingest, search, match or email)", errUsage, name)
	}
	cfg := bench.Config{Size: *size, Seed: *seed, Dir: *keep, Progress: env.stderr, Env: []string{benchChildEnv + "=1"}}
	switch {
	case strings.HasPrefix(*db, "postgres://"), strings.HasPrefix(*db, "postgresql://"):
		cfg.DBKind, cfg.PostgresURL = bench.Postgres, *db
	case *db == bench.SQLite, strings.HasPrefix(*db, "sqlite:"):
		cfg.DBKind = bench.SQLite
	default:
		return fmt.Errorf("%w: --db %q is neither sqlite nor postgres://…", errUsage, *db)
	}
	if *size < 1 {
		return fmt.Errorf("%w: --size %d: need at least one item", errUsage, *size)
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the tagdrop binary to run the phases: %w", err)
	}
	cfg.Command = []string{exe, "bench", benchPhase}
	rep, err := bench.Ingest(ctx, cfg)
	if err != nil {
		return err
	}
	if *jsonOut {
		enc := json.NewEncoder(env.stdout)
		return enc.Encode(rep)
	}
	printIngestReport(env.stdout, rep)
	return nil
}

// printIngestReport prints the ingest benchmark as a small table.
func printIngestReport(w io.Writer, rep bench.IngestReport) {
	fmt.Fprintf(w, "ingest: %d-item Google Merchant Center feed, %s\n\n", rep.Size, rep.DB)
	fmt.Fprintf(w, "%-22s %9s %10s %12s %7s\n", "", "seconds", "items/s", "peak RSS MB", "ratio")
	t := rep.Tagdrop
	fmt.Fprintf(w, "%-22s %9.2f %10.0f %12.1f %7s\n", "tagdrop first import", t.Seconds, t.ItemsPerS, t.PeakRSSMB, "1.00")
	fmt.Fprintf(w, "%-22s %9.2f %10.0f %12.1f %7s\n", "tagdrop re-import", t.ReimportSeconds, t.ReimportItemsPerS, t.ReimportPeakRSSMB, "")
	for _, name := range []string{bench.PeerBaseline, bench.PeerCopy} {
		p, ok := rep.Peers[name]
		if !ok {
			continue
		}
		fmt.Fprintf(w, "%-22s %9.2f %10.0f %12.1f %7.3g\n", name, p.Seconds, p.ItemsPerS, p.PeakRSSMB, p.Ratio)
		if p.CSVSeconds > 0 {
			fmt.Fprintf(w, "%-22s %9.2f %10s %12s %7s\n", "  (writing its CSV)", p.CSVSeconds, "", "", "")
		}
	}
	fmt.Fprintf(w, "\nre-import: %.1f× faster than the first import; ratio: the peer's seconds over tagdrop's first\n", t.ReimportSpeedup)
	fmt.Fprintln(w, "import (above 1: tagdrop is faster). Peak RSS is each phase's own process (not the database server's).")
}
