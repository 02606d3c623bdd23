package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
)

// TestImportPage imports one product page by its URL with --format html, as /track does; a
// file with --format html, and a page without a product, fail naming the source.
func TestImportPage(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "internal", "extract", "testdata", "jsonld_offer.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if r.URL.Path == "/about" {
			w.Write([]byte("<!doctype html><title>About us</title><p>We sell shoes.</p>"))
			return
		}
		w.Write(page)
	}))
	t.Cleanup(srv.Close)
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")

	code, out, errOut := runCmd(t, nil, "import", "--db", db, "--allow-private", "127.0.0.1/32", "--format", "html", "--json", srv.URL+"/product/1")
	reps := decodeReports(t, out)
	if code != 0 || len(reps) != 1 || reps[0].Format != ingest.PageFormat || reps[0].New < 1 || reps[0].Rejected != 0 {
		t.Fatalf("import: code %d, reports %+v, stderr %q", code, reps, errOut)
	}

	code, out, _ = runCmd(t, nil, "import", "--db", db, "--allow-private", "127.0.0.1/32", "--format", "html", "--json", srv.URL+"/about")
	reps = decodeReports(t, out)
	if code != 1 || len(reps) != 1 || len(reps[0].Errors) == 0 || !strings.Contains(reps[0].Errors[0].Reason, srv.URL+"/about") {
		t.Fatalf("a page without a product: code %d, reports %+v", code, reps)
	}

	code, out, _ = runCmd(t, nil, "import", "--db", db, "--format", "html", "--json", "saved-page.html")
	reps = decodeReports(t, out)
	if code != 1 || len(reps) != 1 || !strings.Contains(reps[0].Errors[0].Reason, "saved-page.html: --format html imports a product page by its address") {
		t.Fatalf("a file: code %d, reports %+v", code, reps)
	}
}
