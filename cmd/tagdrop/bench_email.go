package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/demo"
)

// runBenchEmail is `tagdrop bench email`: args are what follows the benchmark's name.
func runBenchEmail(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "bench email", "bench email [--size N] [--renders N] [--connections N] [--tls] [--seed S] [--json]",
		"Renders digests of 20 sale items on one core with tagdrop's renderer and with plain html/template\n"+
			"(peer html-template), then renders, builds MIME and sends --size messages into an SMTP sink on\n"+
			"loopback (github.com/emersion/go-smtp, discarding) over --connections kept connections, beside the\n"+
			"same work opening one connection per message (peer one-connection-per-message) and, where Postfix's\n"+
			"smtp-source is installed, smtp-source sending as many messages of the same size. Finally the same\n"+
			"messages go through a SQLite outbox and the sender (claim, send, mark sent). The sink runs in the\n"+
			"same process. ratio is the peer's time over tagdrop's (above 1: tagdrop is faster).")
	size := fs.Int("size", 10000, "messages to send (per sender)")
	renders := fs.Int("renders", 0, "digests each renderer renders (default: the larger of --size and 2000)")
	conns := fs.Int("connections", 2, "SMTP connections sending at once")
	seed := fs.Uint64("seed", demo.DefaultSeed, "random seed of the digests")
	useTLS := fs.Bool("tls", false, "the sink requires STARTTLS (self-signed certificate), for every connection of every sender")
	jsonOut := fs.Bool("json", false, "print JSON")
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
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
	rep, err := bench.Email(ctx, bench.EmailConfig{Size: *size, Renders: *renders, Connections: *conns, Seed: *seed, TLS: *useTLS, Progress: env.stderr})
	if err != nil {
		return err
	}
	if *jsonOut {
		return json.NewEncoder(env.stdout).Encode(rep)
	}
	printEmailReport(env.stdout, rep)
	return nil
}

// printEmailReport prints the e-mail benchmark as two small tables.
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
	fmt.Fprintf(w, "\n%-28s %12s %10s %7s\n", "render + MIME + send", "messages/s", "seconds", "ratio")
	fmt.Fprintf(w, "%-28s %12.0f %10.2f %7s\n", "tagdrop", rep.Tagdrop.MessagesPerS, rep.Tagdrop.Seconds, "1.00")
	for _, name := range []string{bench.PeerOneConnection, bench.PeerSMTPSource} {
		if p, ok := rep.Peers[name]; ok {
			fmt.Fprintf(w, "%-28s %12.0f %10.2f %7.2f\n", name, p.MessagesPerS, p.Seconds, p.Ratio)
		}
	}
	if _, ok := rep.Peers[bench.PeerSMTPSource]; !ok {
		fmt.Fprintf(w, "%-28s %12s\n", bench.PeerSMTPSource, "not installed")
	}
	fmt.Fprintf(w, "\ntagdrop through the SQLite outbox and the sender: %.0f messages/s\n", rep.Tagdrop.OutboxMessagesPerS)
}
