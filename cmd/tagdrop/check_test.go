package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
)

// TestCheckCommand runs `tagdrop check` on an imported catalogue (exit 0, counts printed), then
// on the same database with an offer's price changed behind its history (exit 1, the broken
// invariant named, in text and JSON).
func TestCheckCommand(t *testing.T) {
	dbURL := "sqlite:" + filepath.Join(t.TempDir(), "check.db")
	feed := filepath.Join("testdata", "search-atelier.xml")
	if code, _, errOut := runCmd(t, nil, "import", "--db", dbURL, "--retailer", "Shop", "--json", feed); code != 0 {
		t.Fatalf("import: code %d: %s", code, errOut)
	}
	code, out, errOut := runCmd(t, nil, "check", "--db", dbURL)
	if code != 0 || !strings.Contains(out, "integrity: ok") || !strings.Contains(out, "offers ") {
		t.Fatalf("check: code %d, stdout %q, stderr %q", code, out, errOut)
	}

	db, err := store.Open(context.Background(), dbURL)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec(`UPDATE offers SET price = price + 1 WHERE id = (SELECT MIN(id) FROM offers)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	code, out, errOut = runCmd(t, nil, "check", "--db", dbURL)
	if code != 1 || !strings.Contains(out, "problem offer_differs_from_history: 1") || !strings.Contains(errOut, "integrity check failed") {
		t.Fatalf("check of a broken database: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	code, out, _ = runCmd(t, nil, "check", "--json", "--db", dbURL)
	var r store.IntegrityReport
	if err := json.Unmarshal([]byte(out), &r); err != nil || code != 1 {
		t.Fatalf("check --json: code %d, %q: %v", code, out, err)
	}
	if len(r.Problems) != 1 || r.Problems[0].Check != "offer_differs_from_history" || r.Counts["offers"] == 0 {
		t.Errorf("check --json: %+v", r)
	}
}
