package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/tagdrop/tagdrop/internal/bench"
)

// `tagdrop bench match --workers 1,2` and `tagdrop bench email --workers 1,2`: the digest run
// and its mail through real serve processes (internal/bench/workers.go).

// The worker benchmark's default sizes, small enough for a CI machine: each run seeds a
// database and starts its processes, which build the index of the whole catalogue.
const (
	defaultWorkersOffers = 50_000
	defaultWorkersUsers  = 10_000
)

// processList is --workers: a comma-separated list of process counts.
type processList struct {
	counts []int
	set    bool
}

func (p *processList) String() string {
	var parts []string
	for _, n := range p.counts {
		parts = append(parts, strconv.Itoa(n))
	}
	return strings.Join(parts, ",")
}

func (p *processList) Set(v string) error {
	p.counts, p.set = nil, true
	for _, part := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 1 || n > 64 {
			return fmt.Errorf("%q is not a number of processes between 1 and 64", part)
		}
		p.counts = append(p.counts, n)
	}
	return nil
}

// flagGiven says whether the command line set the flag.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) {
		if f.Name == name {
			given = true
		}
	})
	return given
}

// runBenchWorkers runs the worker benchmark with cfg, on db (sqlite or postgres://…), and
// prints its report.
func runBenchWorkers(ctx context.Context, env *environment, cfg bench.WorkersConfig, db string, jsonOut bool) error {
	switch {
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"):
		cfg.PostgresURL = db
	case db == bench.SQLite, strings.HasPrefix(db, "sqlite:"):
		fmt.Fprintf(env.stderr, "bench %s: --db sqlite: only the embedded run (PostgreSQL runs need --db postgres://…)\n", cfg.Bench)
	default:
		return fmt.Errorf("%w: --db %q is neither sqlite nor postgres://…", errUsage, db)
	}
	if cfg.Offers < 100 {
		return fmt.Errorf("%w: --size %d: need at least 100 offers", errUsage, cfg.Offers)
	}
	if cfg.Users < 1 {
		return fmt.Errorf("%w: need at least one shopper (%d)", errUsage, cfg.Users)
	}
	if cfg.ShardSize < 0 {
		return fmt.Errorf("%w: --digest-shard-size %d is negative", errUsage, cfg.ShardSize)
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find the tagdrop binary to run serve: %w", err)
	}
	cfg.Command, cfg.Env, cfg.Progress = []string{exe}, []string{benchChildEnv + "=1"}, env.stderr
	rep, err := bench.Workers(ctx, cfg)
	if err != nil {
		return err
	}
	if jsonOut {
		return json.NewEncoder(env.stdout).Encode(rep)
	}
	printWorkersReport(env.stdout, rep)
	return nil
}

// printWorkersReport prints the worker benchmark as a table, one row per run.
func printWorkersReport(w io.Writer, rep bench.WorkersReport) {
	fmt.Fprintf(w, "%s with worker processes: %d offers (%d products, %d on sale), %d shoppers; per process %d digest workers, shards of %d",
		rep.Bench, rep.Size, rep.Products, rep.OnSale, rep.Users, rep.DigestWorkers, rep.ShardSize)
	if rep.Bench == bench.WorkersEmail {
		fmt.Fprintf(w, ", %d SMTP connections", rep.MailConnections)
	}
	fmt.Fprint(w, "\n\n")
	first := rep.Runs[0]
	// The match table always: the e-mail benchmark's mail comes from the same measured run.
	fmt.Fprintf(w, "%-22s %8s %10s %10s %9s %7s %7s %9s %6s %6s\n", "digest run", "seconds", "digests/s", "items/s", "items", "shards", "CPU s", "PG CPU s", "ratio", "load")
	for _, r := range rep.Runs {
		m := r.Match
		fmt.Fprintf(w, "%-22s %8.2f %10.0f %10.0f %9d %7d %7.1f %9s %6.2f %6.2f\n", runName(r), m.Seconds, m.DigestsPerS, m.ItemsPerS,
			m.Items, m.Shards, m.CPUSeconds, pgCPU(r, m.PostgresCPUSeconds), m.DigestsPerS/first.Match.DigestsPerS, r.Load1)
	}
	fmt.Fprintf(w, "\nseconds: from enqueueing the digest_run job to the last of the %d digests stored (%d with mail, %d empty);\n",
		first.Match.Digests, first.Match.Messages, first.Match.Empty)
	fmt.Fprintln(w, "CPU s: the serve processes' CPU time in it; PG CPU s: the run database's PostgreSQL backends (a lower")
	fmt.Fprintln(w, "bound, local server only); ratio: digests/s over the embedded run's; load: 1-minute load average at its end.")
	if rep.Bench == bench.WorkersEmail {
		fmt.Fprintf(w, "\n%-22s %8s %10s %9s %9s %6s %7s %9s %6s\n", "mail", "seconds", "messages", "msgs/s", "send jobs", "twice", "CPU s", "PG CPU s", "ratio")
		for _, r := range rep.Runs {
			e := r.Email
			if e == nil {
				continue
			}
			fmt.Fprintf(w, "%-22s %8.2f %10d %9.0f %9d %6d %7.1f %9s %6.2f\n", runName(r), e.Seconds, e.Messages, e.MessagesPerS,
				e.SendJobs, e.Duplicates, e.CPUSeconds, pgCPU(r, e.PostgresCPUSeconds), e.MessagesPerS/first.Email.MessagesPerS)
		}
		fmt.Fprintln(w, "\nseconds: from enqueueing the mail_send jobs of the stored digests to the SMTP sink (go-smtp, in the benchmark")
		fmt.Fprintln(w, "process) having every message; twice: deliveries beyond the first of a Message-ID; CPU s: the serve")
		fmt.Fprintln(w, "processes'; PG CPU s: the run database's backends (lower bound); ratio: messages/s over the embedded run's.")
	}
	fmt.Fprintf(w, "load average (1 min): %.2f at the start, %.2f at the end\n", rep.Load1Start, rep.Load1End)
}

// runName names a row: "sqlite ×1 (all)".
func runName(r bench.WorkersRun) string {
	return fmt.Sprintf("%s ×%d (%s)", r.DB, r.Processes, r.Role)
}

// pgCPU prints PostgreSQL's CPU seconds, "-" where not measured.
func pgCPU(r bench.WorkersRun, s float64) string {
	if r.DB != bench.Postgres || s == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", s)
}
