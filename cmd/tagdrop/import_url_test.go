package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
)

// feedServer serves testdata/url-shop.xml at /feed.xml, gzip-encoded when the client asks for
// it, and counts the requests it answers.
func feedServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	feed, err := os.ReadFile(filepath.Join("testdata", "url-shop.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			zw := gzip.NewWriter(w)
			zw.Write(feed)
			zw.Close()
			return
		}
		w.Write(feed)
	}))
	t.Cleanup(srv.Close)
	return srv, &hits
}

func decodeReports(t *testing.T, out string) []ingest.Report {
	t.Helper()
	var reps []ingest.Report
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var r ingest.Report
		if err := dec.Decode(&r); err != nil {
			t.Fatalf("output %q: %v", out, err)
		}
		reps = append(reps, r)
	}
	return reps
}

func TestImportURL(t *testing.T) {
	srv, hits := feedServer(t)
	feedURL := srv.URL + "/feed.xml"
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")

	// Fetched through the guarded client (loopback allowed by the flag), decoded, imported.
	code, out, errOut := runCmd(t, nil, "import", "--db", db, "--allow-private", "127.0.0.1/32", "--retailer", "Atelier Nord", "--json", feedURL)
	reps := decodeReports(t, out)
	if code != 0 || len(reps) != 1 || reps[0].Source != feedURL || reps[0].Read != 3 || reps[0].New != 3 || reps[0].Rejected != 0 {
		t.Fatalf("import: code %d, reports %+v, stderr %q", code, reps, errOut)
	}
	// The environment variable mirrors the flag; the same feed again changes nothing.
	vars := map[string]string{"TAGDROP_ALLOW_PRIVATE": "127.0.0.1", "TAGDROP_DB": db}
	code, out, errOut = runCmd(t, vars, "import", "--retailer", "Atelier Nord", "--json", feedURL)
	reps = decodeReports(t, out)
	if code != 0 || len(reps) != 1 || reps[0].Unchanged != 3 || reps[0].New != 0 {
		t.Fatalf("re-import: code %d, reports %+v, stderr %q", code, reps, errOut)
	}
	if n := hits.Load(); n != 2 {
		t.Fatalf("server answered %d requests, want 2", n)
	}
}

// Without the allowlist a server on loopback is refused before any request reaches it; other
// sources still import, and the command fails naming the refused URL.
func TestImportURLRefusesLoopback(t *testing.T) {
	srv, hits := feedServer(t)
	feedURL := srv.URL + "/feed.xml"
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	code, out, errOut := runCmd(t, nil, "import", "--db", db, "--retailer", "Atelier Nord", feedURL, filepath.Join("testdata", "url-shop.xml"))
	if code != 1 || !strings.Contains(out, feedURL+": failed: ") || !strings.Contains(out, "refused to connect to 127.0.0.1: loopback") {
		t.Fatalf("code %d, stdout %q, stderr %q; want the URL refused", code, out, errOut)
	}
	if !strings.Contains(out, "url-shop.xml: 3 read, 3 new") || !strings.Contains(errOut, "1 of 2 sources") {
		t.Fatalf("the file source should still import: stdout %q, stderr %q", out, errOut)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the refused server answered %d requests", n)
	}
}

func TestImportURLErrors(t *testing.T) {
	srv, _ := feedServer(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	tests := []struct {
		name     string
		args     []string
		code     int
		contains string
	}{
		{"bad allowlist entry", []string{"--allow-private", "localhost", srv.URL + "/feed.xml"}, 2, `--allow-private "localhost"`},
		{"missing feed", []string{"--allow-private", "127.0.0.1/32", srv.URL + "/nope.xml"}, 1, "server answered 404"},
		{"credentials in URL", []string{"--allow-private", "127.0.0.1/32", "http://u:pw@" + strings.TrimPrefix(srv.URL, "http://") + "/feed.xml"}, 1, "credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"import", "--db", db, "--retailer", "Atelier Nord"}, tt.args...)
			code, out, errOut := runCmd(t, nil, args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.contains) {
				t.Fatalf("code %d, stdout %q, stderr %q; want code %d mentioning %q", code, out, errOut, tt.code, tt.contains)
			}
		})
	}
}

// A URL source without --retailer is filed under its host name.
func TestImportURLRetailerFromHost(t *testing.T) {
	srv, _ := feedServer(t)
	db := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	code, out, errOut := runCmd(t, nil, "import", "--db", db, "--allow-private", "127.0.0.1/32", srv.URL+"/feed.xml")
	if code != 0 || !strings.Contains(out, "3 read, 3 new") {
		t.Fatalf("code %d, stdout %q, stderr %q", code, out, errOut)
	}
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if r, err := st.RetailerBySlug(context.Background(), "127-0-0-1"); err != nil || r.Name != "127.0.0.1" {
		t.Fatalf("retailer named after the host: %+v, %v", r, err)
	}
}
