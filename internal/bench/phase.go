package bench

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"time"
)

// The phases RunPhase runs, each in a child process of its own.
const (
	phaseTagdrop  = "tagdrop"  // tagdrop's import of the feed (first or again, by --observed)
	phaseBaseline = "baseline" // the baseline peer's import
	phaseCSV      = "csv"      // the rows of the feed written as CSV, for psql's \copy
)

// phaseResult is what a child prints on its standard output: the timed work and what it did.
type phaseResult struct {
	Seconds   float64 `json:"seconds"`
	Read      int     `json:"read"`
	New       int     `json:"new"`
	Unchanged int     `json:"unchanged"`
	Rejected  int     `json:"rejected"`
	PriceRows int     `json:"price_rows"` // price rows the phase added
	Rows      int     `json:"rows"`       // rows in the peer's table (or CSV file) afterwards
}

// phaseArgs are a phase's arguments.
type phaseArgs struct {
	feed, db, out string
	observed      time.Time
	size          int
}

// args is the phase's command line after its name.
func (a phaseArgs) args() []string {
	return []string{"--feed", a.feed, "--db", a.db, "--out", a.out, "--observed", a.observed.UTC().Format(time.RFC3339Nano),
		"--size", fmt.Sprint(a.size)}
}

// RunPhase runs one measured phase in this process, as Ingest's child: args are the phase's
// name and flags as Ingest passes them. It prints the phase's result as JSON on stdout and
// progress on stderr. Commands only call it from the hidden subcommand that Config.Command
// names.
func RunPhase(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return fmt.Errorf("bench phase: no phase named")
	}
	name := args[0]
	fs := flag.NewFlagSet("ingest-phase "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var a phaseArgs
	var observed string
	fs.StringVar(&a.feed, "feed", "", "feed file")
	fs.StringVar(&a.db, "db", "", "database")
	fs.StringVar(&a.out, "out", "", "output file (csv)")
	fs.StringVar(&observed, "observed", "", "time the feed was seen, RFC 3339")
	fs.IntVar(&a.size, "size", 0, "items in the feed, for progress")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the phase to this file")
	if err := fs.Parse(args[1:]); err != nil {
		return fmt.Errorf("bench phase %s: %w", name, err)
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			return fmt.Errorf("bench phase %s: %w", name, err)
		}
		defer stop()
	}
	t, err := time.Parse(time.RFC3339Nano, observed)
	if err != nil {
		return fmt.Errorf("bench phase %s: --observed %q: %w", name, observed, err)
	}
	a.observed = t
	prog := newProgress(stderr, name, a.size)
	var res phaseResult
	switch name {
	case phaseTagdrop:
		res, err = runTagdrop(ctx, a, prog)
	case phaseBaseline:
		res, err = runBaseline(ctx, a, prog)
	case phaseCSV:
		res, err = writeCSV(ctx, a, prog)
	default:
		return fmt.Errorf("bench phase %q is not known", name)
	}
	if err != nil {
		return fmt.Errorf("bench phase %s: %w", name, err)
	}
	return json.NewEncoder(stdout).Encode(res)
}

// startCPUProfile writes a CPU profile to path until the returned function is called.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// progress prints a line each time another tenth of the items has been handled.
type progress struct {
	w          io.Writer
	name       string
	size, next int
}

func newProgress(w io.Writer, name string, size int) *progress {
	return &progress{w: w, name: name, size: size, next: max(size/10, 1)}
}

// items is told how many items have been handled so far; it must stay cheap.
func (p *progress) items(n int) {
	if p.size <= 0 || n < p.next {
		return
	}
	fmt.Fprintf(p.w, "  %s: %d of %d items\n", p.name, n, p.size)
	for p.next <= n {
		p.next += max(p.size/10, 1)
	}
}
