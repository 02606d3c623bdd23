package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/demo"
)

// runBenchMatch is `tagdrop bench match`: args are what follows the benchmark's name.
func runBenchMatch(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "bench match", "bench match [--size N] [--users M] [--db sqlite|postgres://…] [--peer NAME]... [--sample N] [--store-users N] [--workers 1,2] [--json]",
		"Computes every digest of a full run: a catalogue of --size offers (a quarter on sale, 10% changed since\n"+
			"the previous run) and --users shoppers from tagdrop gen's generator, whose sent-history is the previous\n"+
			"run's digests. Times preparing the matcher plus every shopper's digest (cap 30) on all cores, and reports\n"+
			"seconds, shoppers/s, items, p50/p99 per shopper and the process's peak RSS. Peers match a sample of the\n"+
			"same shoppers one query each, extrapolated to --users: postgres-per-shopper (with a postgres:// --db) and\n"+
			"bleve-per-shopper (binaries built with -tags bench_bleve); ratio is the peer's seconds over tagdrop's.\n"+
			"Loading the shoppers from the store and writing the outbox are timed on SQLite, and on PostgreSQL with a\n"+
			"postgres:// --db, for --store-users shoppers. Progress goes to stderr.\n"+
			"With --workers the real distributed path is measured instead: tagdrop serve processes working the digest\n"+
			"run's jobs (digest_run, digest_shard) on a fresh seeded database, timed from the run's enqueueing to every\n"+
			"digest stored: one `serve --role all` on SQLite, then, with a postgres:// --db, N `serve --role worker`\n"+
			"processes for each N listed (defaults then: --size 50000 --users 10000).")
	size := fs.Int("size", 100_000, "offers in the catalogue")
	users := fs.Int("users", 100_000, "shoppers")
	db := fs.String("db", bench.SQLite, "sqlite, or postgres://USER@HOST:PORT/DB to add the PostgreSQL store phases and the\npostgres-per-shopper peer (databases named tagdrop_bench_… are created there and dropped)")
	sample := fs.Int("sample", 300, "shoppers each peer matches")
	storeUsers := fs.Int("store-users", 0, "shoppers the store phases load and write (default: --users, at most 100,000)")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed of the catalogue and the shoppers")
	keep := fs.String("keep", "", "folder for the SQLite file, kept (default: a temporary folder, removed)")
	var peers listFlag
	fs.Var(&peers, "peer", "peer to run, repeatable (default: every peer built in: "+fmt.Sprint(bench.MatchPeers())+")")
	var workers processList
	fs.Var(&workers, "workers", "measure serve processes working the digest run's jobs instead, `N,N…` worker processes on\nPostgreSQL (beside one embedded process on SQLite), e.g. 1,2")
	shardSize := fs.Int("digest-shard-size", 0, "with --workers: each process's --digest-shard-size (default: serve's)")
	jsonOut := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if workers.set {
		if !flagGiven(fs, "size") {
			*size = defaultWorkersOffers
		}
		if !flagGiven(fs, "users") {
			*users = defaultWorkersUsers
		}
		return runBenchWorkers(ctx, env, bench.WorkersConfig{Bench: bench.WorkersMatch, Offers: *size, Users: *users, Seed: *seed,
			Processes: workers.counts, ShardSize: *shardSize, Dir: *keep}, *db, *jsonOut)
	}
	switch {
	case *size < 100:
		return fmt.Errorf("%w: --size %d: need at least 100 offers", errUsage, *size)
	case *users < 1:
		return fmt.Errorf("%w: --users %d: need at least one shopper", errUsage, *users)
	case *sample < 1:
		return fmt.Errorf("%w: --sample %d: need at least one shopper", errUsage, *sample)
	case *storeUsers < 0:
		return fmt.Errorf("%w: --store-users %d is negative", errUsage, *storeUsers)
	}
	cfg := bench.MatchConfig{Offers: *size, Users: *users, Seed: *seed, Sample: *sample, StoreUsers: *storeUsers,
		Dir: *keep, Progress: env.stderr}
	switch {
	case strings.HasPrefix(*db, "postgres://"), strings.HasPrefix(*db, "postgresql://"):
		cfg.PostgresURL = *db
	case *db == bench.SQLite, strings.HasPrefix(*db, "sqlite:"):
	default:
		return fmt.Errorf("%w: --db %q is neither sqlite nor postgres://…", errUsage, *db)
	}
	for _, p := range peers.values {
		if !slices.Contains(bench.MatchPeers(), p) {
			return fmt.Errorf("%w: --peer %q is not built in (built in: %v; bleve-per-shopper needs go build -tags bench_bleve)", errUsage, p, bench.MatchPeers())
		}
		cfg.Peers = append(cfg.Peers, p)
	}
	rep, err := bench.Match(ctx, cfg)
	if err != nil {
		return err
	}
	if *jsonOut {
		return json.NewEncoder(env.stdout).Encode(rep)
	}
	printMatchReport(env.stdout, rep)
	return nil
}

// printMatchReport prints the match benchmark as small tables.
func printMatchReport(w io.Writer, rep bench.MatchReport) {
	fmt.Fprintf(w, "match: %d offers (%d on sale, %d changed), %d shoppers, cap %d, %d workers\n\n",
		rep.Size, rep.OnSale, rep.ChangedOffers, rep.Users, rep.Cap, rep.Workers)
	fmt.Fprintf(w, "%-22s %9s %11s %10s %8s %8s %9s %7s %8s\n", "", "seconds", "shoppers/s", "items", "p50 ms", "p99 ms", "RSS MB", "ratio", "differ")
	t := rep.Tagdrop
	fmt.Fprintf(w, "%-22s %9.2f %11.0f %10d %8.3f %8.3f %9.0f %7s %8s\n", "tagdrop", t.Seconds, t.OpsPerS, t.Items, t.P50MS, t.P99MS, t.PeakRSSMB, "1.00", "")
	names := make([]string, 0, len(rep.Peers))
	for name := range rep.Peers {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		p := rep.Peers[name]
		fmt.Fprintf(w, "%-22s %9.0f %11.0f %10d %8.3f %8.3f %9s %7.1f %4d/%-3d\n", name, p.Seconds, p.OpsPerS, p.Items, p.P50MS, p.P99MS, "", p.Ratio, p.Mismatches, p.Sampled)
	}
	fmt.Fprintf(w, "\ntagdrop's seconds include %.2f s preparing the matcher; a peer's are its time for %d sampled shoppers\n", t.PrepareSeconds, sampled(rep))
	fmt.Fprintln(w, "scaled to all shoppers (items: the sample's). RSS: the benchmark process's peak, both catalogues included.")
	fmt.Fprintf(w, "\nMy sales (alerts.Match, live, %d shoppers): a page of %d: p50 %.3f ms, p99 %.3f ms; every item: p50 %.3f ms, p99 %.3f ms\n",
		rep.MySales.Requests, rep.MySales.Limit, rep.MySales.P50MS, rep.MySales.P99MS, rep.MySalesAll.P50MS, rep.MySalesAll.P99MS)
	if len(rep.Store) > 0 {
		fmt.Fprintf(w, "\n%-10s %9s %8s %12s %8s %10s %12s\n", "store", "shoppers", "load s", "shoppers/s", "write s", "items", "items/s")
		for _, kind := range []string{bench.SQLite, bench.Postgres} {
			if s, ok := rep.Store[kind]; ok {
				fmt.Fprintf(w, "%-10s %9d %8.2f %12.0f %8.2f %10d %12.0f\n", kind, s.Shoppers, s.LoadSeconds, s.LoadShoppersPerS, s.WriteSeconds, s.Items, s.WriteItemsPerS)
			}
		}
	}
}

func sampled(rep bench.MatchReport) int {
	for _, p := range rep.Peers {
		return p.Sampled
	}
	return 0
}
