package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/demo"
)

// runBenchLoad is `tagdrop bench load`: the site under load while a large import runs.
func runBenchLoad(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "bench load", "bench load [--size N] [--db sqlite|postgres://…] [--requests N] [--duration D] [--clients C] [--json] [--keep DIR]",
		"Imports a generated feed of --size items, serves it with `tagdrop serve --role web` on a loopback port,\n"+
			"and asks for the home page, search pages, product pages and the search API from --clients connections:\n"+
			"first with nothing else running (the `idle` peer), then while `tagdrop import` writes a second feed of\n"+
			"the same size (most offers new, the old ones gone) into the same database. Each phase stops after\n"+
			"--requests requests or --duration, the second also when the import ends. Exits 1 if any answer was\n"+
			"5xx, a request failed, the import failed, or \"database is locked\" appeared in an answer or a log.")
	size := fs.Int("size", 20000, "items of each feed")
	db := fs.String("db", bench.SQLite, "database: sqlite (a file in the work folder) or postgres://USER@HOST:PORT/DB\n"+
		"(a database named tagdrop_bench_… is created there and dropped afterwards)")
	requests := fs.Int("requests", 5000, "requests per phase at most")
	duration := fs.Duration("duration", time.Minute, "time per phase at most")
	clients := fs.Int("clients", 4, "connections asking at once")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed of the first feed (the second uses seed+1)")
	keep := fs.String("keep", "", "work folder to keep: the generated feeds (reused by later runs) and the SQLite file")
	jsonOut := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	cfg := bench.LoadConfig{Size: *size, Seed: *seed, Dir: *keep, Requests: *requests, Duration: *duration, Clients: *clients,
		Progress: env.stderr, Env: []string{benchChildEnv + "=1"}}
	switch {
	case strings.HasPrefix(*db, "postgres://"), strings.HasPrefix(*db, "postgresql://"):
		cfg.DBKind, cfg.PostgresURL = bench.Postgres, *db
	case *db == bench.SQLite, strings.HasPrefix(*db, "sqlite:"):
		cfg.DBKind = bench.SQLite
	default:
		return fmt.Errorf("%w: --db %q is neither sqlite nor postgres://…", errUsage, *db)
	}
	switch {
	case *size < 100:
		return fmt.Errorf("%w: --size %d: need at least 100 items", errUsage, *size)
	case *requests < 1 || *clients < 1 || *duration <= 0:
		return fmt.Errorf("%w: --requests, --clients and --duration must be positive", errUsage)
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the tagdrop binary to run: %w", err)
	}
	cfg.Command = []string{exe}
	rep, err := bench.Load(ctx, cfg)
	if err != nil {
		return err
	}
	if *jsonOut {
		if err := json.NewEncoder(env.stdout).Encode(rep); err != nil {
			return err
		}
	} else {
		printLoadReport(env.stdout, rep)
	}
	if p := rep.Problems(); len(p) > 0 {
		return fmt.Errorf("the site failed under load: %s", strings.Join(p, "; "))
	}
	return nil
}

// printLoadReport prints the load benchmark as a small table.
func printLoadReport(w io.Writer, rep bench.LoadReport) {
	fmt.Fprintf(w, "load: %d-item catalogue on %s, %d clients; a second %d-item feed imported in %.1f s (%d new, %d gone)\n\n",
		rep.Size, rep.DB, rep.Clients, rep.Size, rep.Import.Seconds, rep.Import.New, rep.Import.Gone)
	fmt.Fprintf(w, "%-14s %9s %9s %9s %9s %6s %6s %7s\n", "", "requests", "req/s", "p50 ms", "p99 ms", "5xx", "4xx", "ratio")
	row := func(name string, f bench.LoadFigures, ratio string) {
		fmt.Fprintf(w, "%-14s %9d %9.0f %9.2f %9.2f %6d %6d %7s\n", name, f.Requests, f.OpsPerS, f.P50MS, f.P99MS, f.Status5xx, f.Status4xx, ratio)
	}
	idle := rep.Peers[bench.PeerIdle]
	row("under import", rep.Tagdrop, "1.00")
	row(bench.PeerIdle, idle, fmt.Sprintf("%.3g", idle.Ratio))
	routes := make([]string, 0, len(rep.Tagdrop.Routes))
	for r := range rep.Tagdrop.Routes {
		routes = append(routes, r)
	}
	sort.Strings(routes)
	for _, r := range routes {
		f := rep.Tagdrop.Routes[r]
		fmt.Fprintf(w, "  %-22s p50 %7.2f ms  p99 %7.2f ms under import\n", r, f.P50MS, f.P99MS)
	}
	fmt.Fprintf(w, "\n\"database is locked\": %d; server error log lines: %d. ratio: requests/s under import over idle.\n", rep.Locked, rep.ServerErrorLogs)
}
