package e2e_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/tagdrop/tagdrop/internal/bench"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestSiteStaysUpDuringImport runs `tagdrop bench load` on SQLite and PostgreSQL: the real
// server answers the home page, search pages, product pages and the search API from four
// loopback connections, idle and then while a second 20,000-item feed is imported into the
// same database. No answer may be 5xx, no request may fail, the import must succeed, and
// "database is locked" must appear nowhere (answers, server log, importer log). Timing is
// reported by the command (docs/PERFORMANCE.md), never asserted here.
func TestSiteStaysUpDuringImport(t *testing.T) {
	if testing.Short() {
		t.Skip("load-during-import test skipped in -short mode: it imports two 20,000-item feeds per database under load")
	}
	for _, kind := range []string{"sqlite", "postgres"} {
		t.Run(kind, func(t *testing.T) {
			db := "sqlite"
			if kind == "postgres" {
				db = os.Getenv(storetest.PostgresEnv)
				if db == "" {
					t.Skipf("PostgreSQL half skipped: set %s", storetest.PostgresEnv)
				}
			}
			out, err := tagdrop(t, true, "bench", "load", "--db", db, "--size", "20000", "--requests", "4000",
				"--duration", "2m", "--clients", "4", "--json", "--keep", t.TempDir())
			var rep bench.LoadReport
			if jerr := json.Unmarshal(out, &rep); jerr != nil {
				t.Fatalf("bench load (%v) printed %q: %v", err, out, jerr)
			}
			if err != nil {
				t.Errorf("bench load failed: %v: %v", err, rep.Problems())
			}
			idle := rep.Peers[bench.PeerIdle]
			for name, f := range map[string]bench.LoadFigures{"idle": idle, "under import": rep.Tagdrop} {
				if f.Requests == 0 {
					t.Errorf("%s: no request was made", name)
				}
				if f.Status5xx != 0 || f.Failed != 0 {
					t.Errorf("%s: %d answers 5xx, %d requests failed", name, f.Status5xx, f.Failed)
				}
				for _, route := range []string{"/", "/search", "/products/{id}", "/api/v1/search"} {
					if _, ok := f.Routes[route]; !ok {
						t.Errorf("%s: route %s never asked (%v)", name, route, f.Routes)
					}
				}
			}
			if rep.Locked != 0 {
				t.Errorf(`"database is locked" %d times`, rep.Locked)
			}
			if rep.ServerErrorLogs != 0 {
				t.Errorf("%d error lines in the server log", rep.ServerErrorLogs)
			}
			if rep.Import.Error != "" || rep.Import.Read != 20000 || rep.Import.New == 0 {
				t.Errorf("import under load: %+v, want all 20000 read, new offers, no error", rep.Import)
			}
			t.Logf("%s: under import %d requests, %.0f/s, p50 %.2f ms, p99 %.2f ms (idle %.0f/s, p99 %.2f ms); import %.1f s",
				kind, rep.Tagdrop.Requests, rep.Tagdrop.OpsPerS, rep.Tagdrop.P50MS, rep.Tagdrop.P99MS, idle.OpsPerS, idle.P99MS, rep.Import.Seconds)
		})
	}
}
