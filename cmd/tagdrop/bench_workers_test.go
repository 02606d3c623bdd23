package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// workersTestShoppers and workersTestShardSize make three digest shards, so two worker
// processes share the run.
const (
	workersTestShoppers  = 300
	workersTestShardSize = 100
)

// TestBenchEmailWorkers runs `tagdrop bench email --workers` at a tiny size: serve processes
// (this test binary, run as tagdrop) make a digest run through the queue's jobs and send its
// mail into the benchmark's SMTP sink. It checks that the counts add up — every shopper's
// digest stored once, every message delivered once, every send job's message marked sent —
// embedded on SQLite and with one and two worker processes on PostgreSQL.
func TestBenchEmailWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("starts serve processes: skipped in -short mode")
	}
	t.Run("sqlite", func(t *testing.T) {
		rep := runWorkersBench(t, "sqlite", "1")
		checkWorkersRuns(t, rep, []string{"sqlite ×1 (all)"})
	})
	t.Run("postgres", func(t *testing.T) {
		server := os.Getenv(storetest.PostgresEnv)
		if server == "" {
			t.Skipf("PostgreSQL worker runs skipped: set %s to a server URL, e.g. %s=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable",
				storetest.PostgresEnv, storetest.PostgresEnv)
		}
		rep := runWorkersBench(t, server, "1,2")
		checkWorkersRuns(t, rep, []string{"sqlite ×1 (all)", "postgres ×1 (worker)", "postgres ×2 (worker)"})
	})
}

// runWorkersBench runs the e-mail worker benchmark on db and decodes its JSON.
func runWorkersBench(t *testing.T, db, workers string) bench.WorkersReport {
	t.Helper()
	code, out, errOut := runCmd(t, nil, "bench", "email", "--workers", workers, "--db", db, "--offers", "3000",
		"--size", "300", "--digest-shard-size", "100", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep bench.WorkersReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	return rep
}

// checkWorkersRuns checks the report's runs, named as the table names them, and their counts.
func checkWorkersRuns(t *testing.T, rep bench.WorkersReport, want []string) {
	t.Helper()
	if rep.Bench != "email" || rep.Mode != "workers" || rep.Users != workersTestShoppers || rep.ShardSize != workersTestShardSize {
		t.Errorf("header: bench %q mode %q users %d shard size %d", rep.Bench, rep.Mode, rep.Users, rep.ShardSize)
	}
	var got []string
	for _, r := range rep.Runs {
		got = append(got, runName(r))
	}
	if strings.Join(got, "; ") != strings.Join(want, "; ") {
		t.Fatalf("runs %q, want %q", got, want)
	}
	if rep.Tagdrop.DB != bench.SQLite || rep.Tagdrop.Match.Digests != rep.Runs[0].Match.Digests {
		t.Errorf("tagdrop is not the embedded run: %+v", rep.Tagdrop)
	}
	embedded := rep.Runs[0].Match
	for _, r := range rep.Runs {
		m := r.Match
		if m.Digests != workersTestShoppers || m.Messages+m.Empty != m.Digests || m.Messages == 0 {
			t.Errorf("%s: %d digests (%d with mail, %d empty), want one per shopper (%d) adding up", runName(r), m.Digests, m.Messages, m.Empty, workersTestShoppers)
		}
		// The same shoppers and catalogue give the same digests, whichever processes made them.
		if m.Messages != embedded.Messages || m.Items != embedded.Items {
			t.Errorf("%s: %d messages, %d items; the embedded run made %d, %d", runName(r), m.Messages, m.Items, embedded.Messages, embedded.Items)
		}
		if m.Shards < workersTestShoppers/workersTestShardSize {
			t.Errorf("%s: %d digest shards, want at least %d", runName(r), m.Shards, workersTestShoppers/workersTestShardSize)
		}
		if m.Seconds <= 0 || m.DigestsPerS <= 0 {
			t.Errorf("%s: match figures %+v", runName(r), m)
		}
		e := r.Email
		if e == nil {
			t.Errorf("%s: no e-mail figures", runName(r))
			continue
		}
		if e.Messages != m.Messages || e.Duplicates != 0 || e.SendJobs < 1 || e.MessagesPerS <= 0 {
			t.Errorf("%s: e-mail %+v, want the %d messages each delivered once", runName(r), *e, m.Messages)
		}
	}
}
