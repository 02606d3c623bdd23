package main

import (
	"context"
	"encoding/json"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"testing"
)

// TestMain runs this test binary as tagdrop itself when a benchmark re-executes it for a phase
// (the benchmark marks its children with benchChildEnv), as the real binary is in use.
func TestMain(m *testing.M) {
	if os.Getenv(benchChildEnv) == "1" {
		// Stopped by SIGTERM as the real binary is (main.go): serve children of bench --workers.
		ctx, _ := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		os.Exit(run(ctx, &environment{stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}, os.Args[1:]))
	}
	os.Exit(m.Run())
}

func TestBenchIngestJSON(t *testing.T) {
	code, out, errOut := runCmd(t, nil, "bench", "ingest", "--size", "500", "--json", "--keep", t.TempDir())
	if code != 0 {
		t.Fatalf("bench ingest: code %d, stderr %s", code, errOut)
	}
	if !strings.Contains(errOut, "tagdrop: first import of 500 items") {
		t.Errorf("no progress on stderr: %q", errOut)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &top); err != nil {
		t.Fatalf("stdout is not one JSON object: %v\n%s", err, out)
	}
	if len(top) != 4 {
		t.Errorf("keys of %s: want bench, size, tagdrop, peers", out)
	}
	var rep struct {
		Bench   string             `json:"bench"`
		Size    int                `json:"size"`
		Tagdrop map[string]float64 `json:"tagdrop"`
		Peers   map[string]map[string]float64
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Bench != "ingest" || rep.Size != 500 {
		t.Errorf("bench %q size %d", rep.Bench, rep.Size)
	}
	for _, k := range []string{"seconds", "items_per_s", "peak_rss_mb", "reimport_seconds", "reimport_items_per_s", "reimport_peak_rss_mb", "reimport_speedup"} {
		if v, ok := rep.Tagdrop[k]; !ok || v <= 0 {
			t.Errorf("tagdrop.%s = %v (present %v): want a positive figure", k, v, ok)
		}
	}
	base, ok := rep.Peers["baseline"]
	if !ok || len(rep.Peers) != 1 {
		t.Fatalf("peers %v: want baseline alone", rep.Peers)
	}
	for _, k := range []string{"seconds", "items_per_s", "peak_rss_mb", "ratio"} {
		if base[k] <= 0 {
			t.Errorf("peers.baseline.%s = %v: want a positive figure", k, base[k])
		}
	}
}

func TestBenchUsage(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no name", []string{"bench"}, 2, "name a benchmark"},
		{"unknown name", []string{"bench", "frobnicate"}, 2, `unknown benchmark "frobnicate"`},
		{"match, bad size", []string{"bench", "match", "--size", "0"}, 2, "--size 0"},
		{"search, flags first", []string{"bench", "--size", "5", "search"}, 2, "put the flags after the name"},
		{"email, flags first", []string{"bench", "--size", "0", "email"}, 2, "--size 0"},
		{"bad database", []string{"bench", "ingest", "--db", "mysql://x"}, 2, "--db"},
		{"bad size", []string{"bench", "ingest", "--size", "0"}, 2, "--size 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, nil, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) {
				t.Errorf("code %d, stderr %q; want code %d naming %s", code, errOut, tt.code, tt.want)
			}
		})
	}
}
