package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// While another run imports a retailer, `import` of the same retailer fails at once with an
// error naming that run and --wait, or waits for it with --wait; a negative --wait is a usage
// error.
func TestImportWhileRetailerBusy(t *testing.T) {
	dir := t.TempDir()
	loc := "sqlite:" + filepath.Join(dir, "t.db")
	feedPath := filepath.Join(dir, "maison.csv")
	os.WriteFile(feedPath, []byte("id,title,price,link\nA1,Rock,49.95 EUR,https://maison.example/a1\n"), 0o644)
	ctx := context.Background()
	db, err := store.Open(ctx, loc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	r, err := db.EnsureRetailer(ctx, "Maison Ligne")
	if err != nil {
		t.Fatal(err)
	}
	held, err := db.StartFeedRun(ctx, r.ID, "scheduled.xml", "gmc-xml", time.Now().Add(-time.Hour))
	if err != nil {
		t.Fatal(err)
	}

	code, out, errOut := runCmd(t, nil, "import", "--db", loc, "--retailer", "Maison Ligne", feedPath)
	if code != 1 || !strings.Contains(out, "another import of this retailer is running") ||
		!strings.Contains(out, "scheduled.xml") || !strings.Contains(out, "--wait") {
		t.Fatalf("import while busy: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	if code, _, errOut := runCmd(t, nil, "import", "--db", loc, "--wait", "-1s", feedPath); code != 2 || !strings.Contains(errOut, "--wait -1s is negative") {
		t.Fatalf("negative --wait: code %d, stderr %q", code, errOut)
	}

	go func() {
		time.Sleep(500 * time.Millisecond)
		_ = db.FinishFeedRun(ctx, store.FeedRun{ID: held, Status: store.RunOK, Format: "gmc-xml"})
	}()
	code, out, errOut = runCmd(t, nil, "import", "--db", loc, "--retailer", "Maison Ligne", "--wait", "1m", "--json", feedPath)
	if code != 0 || !strings.Contains(out, `"new":1`) {
		t.Fatalf("import with --wait: code %d, stdout %q, stderr %q", code, out, errOut)
	}
}
