package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/demo"
)

// runBenchSearch is `tagdrop bench search`: args are what follows the benchmark's name.
func runBenchSearch(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "bench search", "bench search [--size N] [--queries N] [--peer NAME]... [--seed S] [--json]\n"+
		"       bench search --http [--size N] [--clients N] [--duration D] [--peer NAME]... [--seed S] [--json]",
		"Indexes a catalogue of about --size offers from tagdrop gen's generator in tagdrop's search index and in\n"+
			"each peer, then answers the same seeded mix of queries with each on one core: text + two filters + all\n"+
			"facets, browse-all with facets, a brand page, a deep page (100 to 199), taking turns. Reports p50/p99\n"+
			"latency, queries/s, index build seconds and memory; ratio is the peer's time for the query list over\n"+
			"tagdrop's (above 1: tagdrop is faster). Peers: sqlite-fts5, and bleve in binaries built with\n"+
			"-tags bench_bleve. Progress goes to stderr.\n\n"+
			"With --http it measures the search page instead: the feed is imported into a new SQLite database, the\n"+
			"web server serves /search on a loopback port, and --clients connections ask for the same mix of pages\n"+
			"for --duration; the peer (bleve) answers the same pages in place of tagdrop's index.")
	size := fs.Int("size", 100_000, "offers to index (products are about an eighth)")
	queries := fs.Int("queries", 2000, "timed queries per engine (after a warm-up of a tenth as many)")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed of the catalogue and the queries")
	var peers listFlag
	fs.Var(&peers, "peer", "peer to run, repeatable (default: every peer built in: "+fmt.Sprint(bench.SearchPeers())+")")
	jsonOut := fs.Bool("json", false, "print JSON")
	httpPages := fs.Bool("http", false, "measure the search page over HTTP instead of the index alone")
	clients := fs.Int("clients", 8, "with --http: connections asking for pages at once")
	duration := fs.Duration("duration", 10*time.Second, "with --http: how long each engine's page is loaded")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if *httpPages {
		return runBenchSearchHTTP(ctx, env, bench.SearchHTTPConfig{Size: *size, Seed: *seed, Clients: *clients,
			Duration: *duration, Peers: peers.values, Progress: env.stderr}, *jsonOut)
	}
	if *size < 100 {
		return fmt.Errorf("%w: --size %d: need at least 100 offers", errUsage, *size)
	}
	if *queries < 4 {
		return fmt.Errorf("%w: --queries %d: need at least 4 (one of each kind)", errUsage, *queries)
	}
	cfg := bench.SearchConfig{Size: *size, Seed: *seed, Queries: *queries, Progress: env.stderr}
	for _, p := range peers.values {
		if !slices.Contains(bench.SearchPeers(), p) {
			return fmt.Errorf("%w: --peer %q is not built in (built in: %v; bleve needs go build -tags bench_bleve)", errUsage, p, bench.SearchPeers())
		}
		cfg.Peers = append(cfg.Peers, p)
	}
	rep, err := bench.Search(ctx, cfg)
	if err != nil {
		return err
	}
	if *jsonOut {
		return json.NewEncoder(env.stdout).Encode(rep)
	}
	printSearchReport(env.stdout, rep)
	return nil
}

// printSearchReport prints the search benchmark as a small table.
func printSearchReport(w io.Writer, rep bench.SearchReport) {
	fmt.Fprintf(w, "search: %d offers, %d products, %d queries per engine on one core\n\n", rep.Size, rep.Products, rep.Queries)
	fmt.Fprintf(w, "%-12s %8s %8s %9s %9s %9s %8s %8s\n", "", "p50 ms", "p99 ms", "queries/s", "build s", "index MB", "ratio", "p50 ×")
	row := func(name string, f bench.SearchFigures, ratio, p50 string) {
		fmt.Fprintf(w, "%-12s %8.3f %8.3f %9.0f %9.2f %9.1f %8s %8s\n", name, f.P50MS, f.P99MS, f.OpsPerS, f.Seconds, f.IndexMB, ratio, p50)
	}
	row("tagdrop", rep.Tagdrop, "1.00", "1.00")
	names := make([]string, 0, len(rep.Peers))
	for name := range rep.Peers {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		f := rep.Peers[name]
		row(name, f, fmt.Sprintf("%.1f", f.Ratio), fmt.Sprintf("%.1f", f.P50Ratio))
	}
	fmt.Fprintf(w, "\np50 / p99 ms by kind of query:\n%-22s", "")
	for _, name := range append([]string{"tagdrop"}, names...) {
		fmt.Fprintf(w, " %18s", name)
	}
	fmt.Fprintln(w)
	for _, kind := range []string{bench.KindText, bench.KindBrowse, bench.KindBrand, bench.KindDeep} {
		fmt.Fprintf(w, "%-22s", kind)
		for _, name := range append([]string{"tagdrop"}, names...) {
			f := rep.Tagdrop
			if name != "tagdrop" {
				f = rep.Peers[name]
			}
			k := f.Kinds[kind]
			fmt.Fprintf(w, " %8.3f / %7.3f", k.P50MS, k.P99MS)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "\ntagdrop's index: %.0f bytes per offer. ratio: the peer's time for the query list over tagdrop's;\n", rep.Tagdrop.BytesPerOffer)
	fmt.Fprintln(w, "p50 ×: the peer's median latency over tagdrop's (above 1: tagdrop is faster).")
}

// runBenchSearchHTTP is `tagdrop bench search --http`.
func runBenchSearchHTTP(ctx context.Context, env *environment, cfg bench.SearchHTTPConfig, jsonOut bool) error {
	if cfg.Size < 100 {
		return fmt.Errorf("%w: --size %d: need at least 100 offers", errUsage, cfg.Size)
	}
	if cfg.Clients < 1 || cfg.Clients > 256 {
		return fmt.Errorf("%w: --clients %d: need 1 to 256", errUsage, cfg.Clients)
	}
	if cfg.Duration < time.Second {
		return fmt.Errorf("%w: --duration %s: need at least 1s", errUsage, cfg.Duration)
	}
	for _, p := range cfg.Peers {
		if !slices.Contains(bench.SearchHTTPPeers(), p) {
			return fmt.Errorf("%w: --peer %q is not built in for --http (built in: %v; bleve needs go build -tags bench_bleve)", errUsage, p, bench.SearchHTTPPeers())
		}
	}
	rep, err := bench.SearchHTTP(ctx, cfg)
	if err != nil {
		return err
	}
	if jsonOut {
		return json.NewEncoder(env.stdout).Encode(rep)
	}
	w := env.stdout
	fmt.Fprintf(w, "search page over HTTP: %d offers, %d products, %d clients, %.0f s per engine\n\n", rep.Size, rep.Products, rep.Clients, rep.Seconds)
	fmt.Fprintf(w, "%-10s %9s %8s %8s %9s %7s %7s\n", "", "pages/s", "p50 ms", "p99 ms", "requests", "errors", "ratio")
	fmt.Fprintf(w, "%-10s %9.0f %8.2f %8.2f %9d %7d %7s\n", "tagdrop", rep.Tagdrop.OpsPerS, rep.Tagdrop.P50MS, rep.Tagdrop.P99MS, rep.Tagdrop.Requests, rep.Tagdrop.Errors, "1.00")
	for _, name := range bench.SearchHTTPPeers() {
		if f, ok := rep.Peers[name]; ok {
			fmt.Fprintf(w, "%-10s %9.0f %8.2f %8.2f %9d %7d %7.1f\n", name, f.OpsPerS, f.P50MS, f.P99MS, f.Requests, f.Errors, f.Ratio)
		}
	}
	return nil
}
