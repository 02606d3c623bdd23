package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/demo"
)

// The load benchmark answers "does the site stay up while a large import runs?": the real
// binary imports a catalogue, serves it (`tagdrop serve --role web`, which follows the change log
// into its index as a web node does), and a load generator on the loopback interface asks for
// the home page, search pages, product pages and the search API, first with nothing else
// running (the `idle` peer), then while `tagdrop import` writes a second, different feed of the
// same size into the same database. Any 5xx answer, failed request or "database is locked" in
// an answer or in either process's log is counted; the figures are what shoppers wait for.

// PeerIdle is the load benchmark's peer: the same server under the same load with no import.
const PeerIdle = "idle"

// LoadConfig says what the load benchmark does.
type LoadConfig struct {
	// Size is the number of items of the catalogue imported first and of the feed imported
	// under load (at least 100).
	Size int
	// Seed picks the first feed; the second is Seed+1, so most of its offers are new.
	Seed uint64
	// DBKind, PostgresURL and Dir are as in Config: a SQLite file in Dir, or a database of the
	// benchmark's own on the PostgreSQL server, dropped afterwards.
	DBKind      string
	PostgresURL string
	Dir         string
	// Requests bounds each phase's requests (default 5000); Duration bounds its time (default
	// 60 s). The phase under import also ends when the import does.
	Requests int
	Duration time.Duration
	// Clients is how many connections ask at once (default 4).
	Clients int
	// Command runs the tagdrop binary: its subcommands are appended (for tagdrop: itself).
	Command []string
	// Env is added to the children's environment.
	Env []string
	// Progress receives progress lines; nil discards them.
	Progress io.Writer
}

// LoadReport is the outcome, the JSON of `tagdrop bench load --json`.
type LoadReport struct {
	Bench   string `json:"bench"` // "load"
	Size    int    `json:"size"`
	DB      string `json:"db"` // sqlite or postgres
	Clients int    `json:"clients"`
	// Tagdrop are the figures while the import runs.
	Tagdrop LoadFigures `json:"tagdrop"`
	// Peers holds PeerIdle: the same load with no import. Its ratio is tagdrop's requests per
	// second over the idle server's: below 1, the import slows the site down by that factor.
	Peers  map[string]LoadFigures `json:"peers"`
	Import LoadImport             `json:"import"`
	// Locked counts "database is locked" (or SQLITE_BUSY) in answers and in the server's and
	// importer's logs; ServerErrorLogs counts the server's level=ERROR lines.
	Locked          int `json:"locked"`
	ServerErrorLogs int `json:"server_error_logs"`
}

// LoadFigures are one phase's figures.
type LoadFigures struct {
	Requests  int     `json:"requests"`
	Seconds   float64 `json:"seconds"`
	OpsPerS   float64 `json:"ops_per_s"`
	P50MS     float64 `json:"p50_ms"`
	P99MS     float64 `json:"p99_ms"`
	Status5xx int     `json:"status_5xx"`
	Status4xx int     `json:"status_4xx"`
	// Failed counts requests that got no answer (connection refused or reset, timeout).
	Failed int                    `json:"failed"`
	Routes map[string]KindFigures `json:"routes"`
	Ratio  float64                `json:"ratio,omitempty"`
}

// LoadImport is what the import under load did.
type LoadImport struct {
	Seconds float64 `json:"seconds"`
	Read    int     `json:"read"`
	New     int     `json:"new"`
	Changed int     `json:"changed"`
	Gone    int     `json:"gone"`
	Error   string  `json:"error,omitempty"`
}

// Problems lists what makes the run a failure: any 5xx, failed request, "database is locked",
// server error log line or failed import.
func (r LoadReport) Problems() []string {
	var out []string
	for name, f := range map[string]LoadFigures{"under import": r.Tagdrop, PeerIdle: r.Peers[PeerIdle]} {
		if f.Status5xx > 0 || f.Failed > 0 {
			out = append(out, fmt.Sprintf("%s: %d answers 5xx, %d requests failed", name, f.Status5xx, f.Failed))
		}
	}
	if r.Locked > 0 {
		out = append(out, fmt.Sprintf(`%d "database is locked"`, r.Locked))
	}
	if r.ServerErrorLogs > 0 {
		out = append(out, fmt.Sprintf("%d error lines in the server log", r.ServerErrorLogs))
	}
	if r.Import.Error != "" {
		out = append(out, "import: "+r.Import.Error)
	}
	return out
}

// Load runs the load benchmark.
func Load(ctx context.Context, cfg LoadConfig) (rep LoadReport, err error) {
	if cfg.Size < 100 || cfg.Size > maxSize {
		return rep, fmt.Errorf("bench load: size %d is not between 100 and %d", cfg.Size, maxSize)
	}
	if len(cfg.Command) == 0 {
		return rep, errors.New("bench load: no command to run tagdrop with")
	}
	if cfg.Requests <= 0 {
		cfg.Requests = 5000
	}
	if cfg.Duration <= 0 {
		cfg.Duration = time.Minute
	}
	if cfg.Clients <= 0 {
		cfg.Clients = 4
	}
	if cfg.Progress == nil {
		cfg.Progress = io.Discard
	}
	if cfg.DBKind == "" {
		cfg.DBKind = SQLite
	}
	say := func(format string, args ...any) { fmt.Fprintf(cfg.Progress, "load: "+format+"\n", args...) }
	dir := cfg.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "tagdrop-bench-load-")
		if err != nil {
			return rep, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return rep, err
	}
	feeds := make([]string, 2)
	for i := range feeds {
		c := Config{Size: cfg.Size, Seed: cfg.Seed + uint64(i), Progress: cfg.Progress}
		if feeds[i], err = c.feedFile(dir); err != nil {
			return rep, err
		}
	}
	var dbURL string
	switch cfg.DBKind {
	case SQLite:
		path := filepath.Join(dir, fmt.Sprintf("load-%d.db", cfg.Size))
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return rep, err
			}
		}
		dbURL = "sqlite:" + path
	case Postgres:
		srv, err := openServer(ctx, cfg.PostgresURL)
		if err != nil {
			return rep, err
		}
		defer func() {
			if cerr := srv.close(ctx); cerr != nil && err == nil {
				err = cerr
			}
			srv.admin.Close()
		}()
		if dbURL, err = srv.create(ctx, "load"); err != nil {
			return rep, err
		}
	default:
		return rep, fmt.Errorf("bench load: database kind %q is neither %s nor %s", cfg.DBKind, SQLite, Postgres)
	}
	rep = LoadReport{Bench: "load", Size: cfg.Size, DB: cfg.DBKind, Clients: cfg.Clients, Peers: map[string]LoadFigures{}}

	t0 := time.Now()
	if _, err := cfg.runImport(ctx, dbURL, feeds[0], io.Discard); err != nil {
		return rep, fmt.Errorf("first import: %w", err)
	}
	say("imported %d items in %.1f s", cfg.Size, time.Since(t0).Seconds())

	srv, err := cfg.startServer(ctx, dbURL)
	if err != nil {
		return rep, err
	}
	defer srv.stop()
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{
		MaxIdleConns: cfg.Clients, MaxIdleConnsPerHost: cfg.Clients, DisableCompression: true}}
	defer client.CloseIdleConnections()
	mix, err := loadMix(ctx, client, srv.base)
	if err != nil {
		return rep, err
	}

	locked := &lockedCounter{}
	idle := cfg.loadPhase(ctx, client, srv.base, mix, nil, locked)
	say("idle: %d requests, %.0f/s, p50 %.2f ms, p99 %.2f ms, %d 5xx", idle.Requests, idle.OpsPerS, idle.P50MS, idle.P99MS, idle.Status5xx)

	// The import under load runs in its own process; the phase ends when it does.
	done := make(chan struct{})
	var imp LoadImport
	var impLog bytes.Buffer
	go func() {
		defer close(done)
		t := time.Now()
		r, err := cfg.runImport(ctx, dbURL, feeds[1], &impLog)
		imp = r
		imp.Seconds = time.Since(t).Seconds()
		if err != nil {
			imp.Error = err.Error()
		}
	}()
	rep.Tagdrop = cfg.loadPhase(ctx, client, srv.base, mix, done, locked)
	<-done
	rep.Import = imp
	say("under import: %d requests, %.0f/s, p50 %.2f ms, p99 %.2f ms, %d 5xx; import %.1f s", rep.Tagdrop.Requests,
		rep.Tagdrop.OpsPerS, rep.Tagdrop.P50MS, rep.Tagdrop.P99MS, rep.Tagdrop.Status5xx, imp.Seconds)
	idle.Ratio = ratio(rep.Tagdrop.OpsPerS, idle.OpsPerS)
	rep.Peers[PeerIdle] = idle

	srv.stop()
	serverLog := srv.log.String()
	rep.Locked = locked.n + countLocked(serverLog) + countLocked(impLog.String())
	for line := range strings.Lines(serverLog) {
		if strings.Contains(line, "level=ERROR") {
			rep.ServerErrorLogs++
		}
	}
	if rep.Locked > 0 || rep.ServerErrorLogs > 0 {
		say("server log:\n%s", serverLog)
	}
	return rep, ctx.Err()
}

// runImport imports feed as the big feed's retailer's complete catalogue in a child process.
func (c LoadConfig) runImport(ctx context.Context, dbURL, feed string, stderr io.Writer) (LoadImport, error) {
	var r LoadImport
	args := append(append([]string{}, c.Command[1:]...), "import", "--db", dbURL, "--retailer", demo.BigFeedRetailer,
		"--format", "gmc-xml", "--full", "--json", feed)
	cmd := exec.CommandContext(ctx, c.Command[0], args...)
	cmd.Env = append(os.Environ(), c.Env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, io.MultiWriter(&errOut, stderr)
	if err := cmd.Run(); err != nil {
		return r, fmt.Errorf("tagdrop import: %w: %s", err, strings.TrimSpace(errOut.String()))
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return r, fmt.Errorf("tagdrop import --json printed %q: %w", out.String(), err)
	}
	return r, nil
}
