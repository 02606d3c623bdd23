package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/demo"
)

// runBenchEmail is `tagdrop bench email`: args are what follows the benchmark's name.
func runBenchEmail(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "bench email", "bench email [--size N] [--renders N] [--connections N] [--tls] [--sinks LIST] [--seed S] [--workers 1,2 [--db URL] [--offers N]] [--json]",
		"Renders digests of 20 sale items on one core with tagdrop's renderer and with plain html/template\n"+
			"(peer html-template), then renders, builds MIME and sends --size messages over --connections kept\n"+
			"connections into a fresh SMTP sink, beside the same work closing the connection after each message\n"+
			"(peer one-connection-per-message) and, where Postfix's smtp-source is installed, smtp-source sending as\n"+
			"many messages of the same size. Sinks: go-smtp (in this process, discarding; PIPELINING, CHUNKING,\n"+
			"STARTTLS) and, where installed and without --tls, Postfix's smtp-sink (a C process; PIPELINING, DATA).\n"+
			"With --tls every connection uses STARTTLS, once with an ECDSA P-256 and once with an RSA-2048\n"+
			"certificate. Finally the same messages go through a SQLite outbox and the sender (claim, send, mark\n"+
			"sent). ratio is the peer's time over tagdrop's (above 1: tagdrop is faster).\n"+
			"With --workers the real distributed path is measured instead: a digest run of --size shoppers over an\n"+
			"--offers catalogue made by tagdrop serve processes, then its mail sent by the same processes' mail_send\n"+
			"jobs (--connections each) into a local SMTP sink, timed from the jobs' enqueueing to the sink having every\n"+
			"message: one `serve --role all` on SQLite, then, with a postgres:// --db, N `serve --role worker` processes\n"+
			"for each N listed (default --size then: 10000).")
	size := fs.Int("size", 10000, "messages to send (per sender)")
	renders := fs.Int("renders", 0, "digests each renderer renders (default: the larger of --size and 2000)")
	conns := fs.Int("connections", 2, "SMTP connections sending at once")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed of the digests")
	useTLS := fs.Bool("tls", false, "the sink requires STARTTLS (self-signed certificate), for every connection of every sender")
	sinks := fs.String("sinks", "", "comma-separated sinks: go-smtp, postfix-smtp-sink (default: both where available)")
	var workers processList
	fs.Var(&workers, "workers", "measure serve processes sending a digest run's mail instead, `N,N…` worker processes on\nPostgreSQL (beside one embedded process on SQLite), e.g. 1,2")
	db := fs.String("db", bench.SQLite, "with --workers: sqlite, or postgres://USER@HOST:PORT/DB for the worker runs (databases named\ntagdrop_bench_… are created there and dropped)")
	offers := fs.Int("offers", defaultWorkersOffers, "with --workers: offers in the catalogue the digests come from")
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
			*size = defaultWorkersUsers
		}
		if *size < 1 {
			return fmt.Errorf("%w: --size %d: need at least one shopper", errUsage, *size)
		}
		if *conns < 1 {
			return fmt.Errorf("%w: --connections %d is not a positive number", errUsage, *conns)
		}
		return runBenchWorkers(ctx, env, bench.WorkersConfig{Bench: bench.WorkersEmail, Offers: *offers, Users: *size, Seed: *seed,
			Processes: workers.counts, ShardSize: *shardSize, MailConnections: *conns}, *db, *jsonOut)
	}
	if *size < 1 {
		return fmt.Errorf("%w: --size %d: need at least one message", errUsage, *size)
	}
	if *renders < 0 {
		return fmt.Errorf("%w: --renders %d is negative", errUsage, *renders)
	}
	if *conns < 1 {
		return fmt.Errorf("%w: --connections %d is not a positive number", errUsage, *conns)
	}
	var sinkList []string
	for _, k := range strings.Split(*sinks, ",") {
		switch k = strings.TrimSpace(k); k {
		case "":
		case bench.SinkGoSMTP, bench.SinkPostfix:
			sinkList = append(sinkList, k)
		default:
			return fmt.Errorf("%w: --sinks: %q is not %s or %s", errUsage, k, bench.SinkGoSMTP, bench.SinkPostfix)
		}
	}
	rep, err := bench.Email(ctx, bench.EmailConfig{Size: *size, Renders: *renders, Connections: *conns, Seed: *seed, TLS: *useTLS,
		Sinks: sinkList, Progress: env.stderr})
	if err != nil {
		return err
	}
	if *jsonOut {
		return json.NewEncoder(env.stdout).Encode(rep)
	}
	printEmailReport(env.stdout, rep)
	return nil
}

// printEmailReport prints the e-mail benchmark as small tables: render, then each send comparison.
func printEmailReport(w io.Writer, rep bench.EmailReport) {
	tlsNote := "plain SMTP"
	if rep.TLS {
		tlsNote = "STARTTLS"
	}
	fmt.Fprintf(w, "email: digests of %d items (%d-byte messages), %d renders on one core, %d messages over %d connections, %s\n\n",
		rep.Items, rep.Bytes, rep.Renders, rep.Size, rep.Connections, tlsNote)
	fmt.Fprintf(w, "%-28s %12s %10s %7s\n", "render", "digests/s", "p50 ms", "ratio")
	fmt.Fprintf(w, "%-28s %12.0f %10.3f %7s\n", "tagdrop", rep.Tagdrop.RenderDigestsPerS, rep.Tagdrop.RenderP50MS, "1.00")
	if p, ok := rep.Peers[bench.PeerHTMLTemplate]; ok {
		fmt.Fprintf(w, "%-28s %12.0f %10.3f %7.2f\n", bench.PeerHTMLTemplate, p.RenderDigestsPerS, p.RenderP50MS, p.Ratio)
	}
	for _, run := range rep.Sends {
		title := "render + MIME + send, " + run.Sink
		if run.Cert != "" {
			title += ", STARTTLS " + run.Cert
		}
		fmt.Fprintf(w, "\n%-44s %11s %8s %6s %10s %9s\n", title, "messages/s", "seconds", "ratio", "CPU µs/msg", "CPU ratio")
		fmt.Fprintf(w, "%-44s %11.0f %8.2f %6s %10.1f %9s\n", "tagdrop", run.Tagdrop.MessagesPerS, run.Tagdrop.Seconds, "1.00",
			run.Tagdrop.CPUMicrosPerMessage, "1.00")
		peers := []struct {
			name string
			f    *bench.EmailFigures
		}{{bench.PeerOneConnection, &run.OneConnection}, {bench.PeerSMTPSource, run.SMTPSource}}
		for _, p := range peers {
			if p.f != nil {
				fmt.Fprintf(w, "%-44s %11.0f %8.2f %6.2f %10.1f %9.2f\n", p.name, p.f.MessagesPerS, p.f.Seconds, p.f.Ratio,
					p.f.CPUMicrosPerMessage, p.f.CPURatio)
			}
		}
	}
	fmt.Fprintf(w, "\ntagdrop through the SQLite outbox and the sender: %.0f messages/s\n", rep.Tagdrop.OutboxMessagesPerS)
	fmt.Fprintf(w, "load average (1 min): %.2f before the sends, %.2f at the end\n", rep.Load1Start, rep.Load1End)
}
