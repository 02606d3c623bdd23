package bench

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// childEnv marks this test binary's re-executions as benchmark phases.
const childEnv = "TAGDROP_BENCH_TEST_CHILD"

// TestMain lets Ingest re-execute the test binary as its phase child, as the tagdrop binary is
// re-executed in real use.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		if err := RunPhase(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func testConfig(t *testing.T, size int) Config {
	t.Helper()
	return Config{Size: size, Seed: 3, Dir: t.TempDir(), Command: []string{os.Args[0]}, Env: []string{childEnv + "=1"}}
}

func TestIngestSQLite(t *testing.T) {
	const size = 2000
	var progress strings.Builder
	cfg := testConfig(t, size)
	cfg.Progress = &progress
	rep, err := Ingest(context.Background(), cfg)
	if err != nil {
		t.Fatalf("ingest: %v\nprogress:\n%s", err, progress.String())
	}
	want := Counts{FirstRead: size, FirstNew: size, FirstPriceRows: size, ReimportUnchanged: size, BaselineRows: size}
	if rep.Counts != want {
		t.Errorf("counts %+v, want %+v", rep.Counts, want)
	}
	if rep.Bench != "ingest" || rep.Size != size || rep.DB != SQLite {
		t.Errorf("report %q size %d db %q", rep.Bench, rep.Size, rep.DB)
	}
	td := rep.Tagdrop
	if td.Seconds <= 0 || td.ReimportSeconds <= 0 || td.ItemsPerS <= 0 || td.PeakRSSMB <= 0 || td.ReimportPeakRSSMB <= 0 {
		t.Errorf("tagdrop figures %+v: want all positive", td)
	}
	if got := td.Seconds / td.ReimportSeconds; !near(td.ReimportSpeedup, got) {
		t.Errorf("reimport_speedup %g, want seconds/reimport_seconds = %g", td.ReimportSpeedup, got)
	}
	base, ok := rep.Peers[PeerBaseline]
	if !ok || len(rep.Peers) != 1 {
		t.Fatalf("peers %v: want baseline alone on SQLite", rep.Peers)
	}
	if base.Seconds <= 0 || base.PeakRSSMB <= 0 || !near(base.Ratio, base.Seconds/td.Seconds) {
		t.Errorf("baseline figures %+v (tagdrop %g s)", base, td.Seconds)
	}
	for _, phase := range []string{"tagdrop", "baseline"} {
		if !strings.Contains(progress.String(), phase+":") {
			t.Errorf("progress lacks %s's lines:\n%s", phase, progress.String())
		}
	}

	// The JSON is the contract: four keys, figures in explicit units.
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatal(err)
	}
	if len(top) != 4 || top["bench"] == nil || top["size"] == nil || top["tagdrop"] == nil || top["peers"] == nil {
		t.Errorf("JSON keys %s: want bench, size, tagdrop, peers", b)
	}
	for _, key := range []string{`"seconds"`, `"items_per_s"`, `"peak_rss_mb"`, `"reimport_seconds"`, `"reimport_speedup"`, `"ratio"`} {
		if !strings.Contains(string(b), key) {
			t.Errorf("JSON lacks %s: %s", key, b)
		}
	}

	// A second run reuses the cached feed rather than writing it again.
	progress.Reset()
	if _, err := Ingest(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(progress.String(), "reusing") {
		t.Errorf("second run did not reuse the feed:\n%s", progress.String())
	}
	feeds, _ := filepath.Glob(filepath.Join(cfg.Dir, "gmc-*.xml"))
	if len(feeds) != 1 {
		t.Errorf("feeds in the work folder: %v", feeds)
	}
}

func near(a, b float64) bool {
	d := a - b
	return d < 1e-9*b && d > -1e-9*b
}

func TestIngestPostgres(t *testing.T) {
	server := os.Getenv("TAGDROP_TEST_POSTGRES")
	if server == "" {
		t.Skip("PostgreSQL benchmark test skipped: set TAGDROP_TEST_POSTGRES to a server URL")
	}
	const size = 500
	var progress strings.Builder
	cfg := testConfig(t, size)
	cfg.DBKind, cfg.PostgresURL, cfg.Progress = Postgres, server, &progress
	rep, err := Ingest(context.Background(), cfg)
	if err != nil {
		t.Fatalf("ingest: %v\nprogress:\n%s", err, progress.String())
	}
	want := Counts{FirstRead: size, FirstNew: size, FirstPriceRows: size, ReimportUnchanged: size, BaselineRows: size, CopyRows: size}
	if rep.Counts != want {
		t.Errorf("counts %+v, want %+v", rep.Counts, want)
	}
	cp, ok := rep.Peers[PeerCopy]
	if !ok || cp.Seconds <= 0 || cp.CSVSeconds <= 0 || cp.Ratio <= 0 {
		t.Errorf("psql-copy figures %+v (present %v)", cp, ok)
	}
	if _, ok := rep.Peers[PeerBaseline]; !ok {
		t.Error("no baseline peer on PostgreSQL")
	}
}

func TestConfigRefusesBadInput(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"zero size", Config{Size: 0, Command: []string{"x"}}, "size 0"},
		{"no command", Config{Size: 10}, "no command"},
		{"unknown database", Config{Size: 10, Command: []string{"x"}, DBKind: "mysql"}, `"mysql"`},
		{"postgres without URL", Config{Size: 10, Command: []string{"x"}, DBKind: Postgres, PostgresURL: "sqlite:x.db"}, "postgres://"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Ingest(context.Background(), tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one naming %s", err, tt.want)
			}
		})
	}
}
