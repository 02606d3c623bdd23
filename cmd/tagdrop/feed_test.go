package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// etagServer serves testdata/url-shop.xml at /feed.xml with an ETag, answering 304 when the
// client already has it.
func etagServer(t *testing.T) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("testdata", "url-shop.xml"))
	if err != nil {
		t.Fatal(err)
	}
	var notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"day1"` {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"day1"`)
		w.Write(body)
	}))
	t.Cleanup(srv.Close)
	return srv, &notModified
}

func TestFeedCommands(t *testing.T) {
	srv, notModified := etagServer(t)
	feedURL := srv.URL + "/feed.xml"
	vars := map[string]string{"TAGDROP_DB": "sqlite:" + filepath.Join(t.TempDir(), "t.db"), "TAGDROP_ALLOW_PRIVATE": "127.0.0.1/32"}

	code, out, errOut := runCmd(t, vars, "feed", "add", feedURL, "--retailer", "Atelier Nord", "--every", "2h")
	if code != 0 || !strings.Contains(out, "added feed 1") || !strings.Contains(out, "every 2h") {
		t.Fatalf("feed add: code %d, out %q, err %q", code, out, errOut)
	}
	code, out, errOut = runCmd(t, vars, "feed", "list")
	if code != 0 || !strings.Contains(out, "Atelier Nord") || !strings.Contains(out, feedURL) || !strings.Contains(out, "ago") {
		t.Fatalf("feed list before a run: code %d, out %q, err %q", code, out, errOut)
	}

	// The first run imports; the second sends the ETag back and imports nothing.
	code, out, errOut = runCmd(t, vars, "feed", "run", "1", "--json")
	var first struct {
		Read, New   int
		NotModified bool   `json:"not_modified"`
		NextRunAt   string `json:"next_run_at"`
	}
	if err := json.Unmarshal([]byte(out), &first); err != nil || code != 0 || first.Read != 3 || first.New != 3 || first.NotModified || first.NextRunAt == "" {
		t.Fatalf("feed run: code %d, out %q, err %q (%v)", code, out, errOut, err)
	}
	code, out, errOut = runCmd(t, vars, "feed", "run", "1")
	if code != 0 || !strings.Contains(out, "not modified") || notModified.Load() != 1 {
		t.Fatalf("second feed run: code %d, out %q, err %q, 304s %d", code, out, errOut, notModified.Load())
	}
	code, out, _ = runCmd(t, vars, "feed", "list")
	if code != 0 || !strings.Contains(out, "not modified") || !strings.Contains(out, "in 1h") && !strings.Contains(out, "in 2h") {
		t.Fatalf("feed list after runs: %q", out)
	}

	if code, out, _ := runCmd(t, vars, "feed", "remove", "1"); code != 0 || !strings.Contains(out, "removed feed 1") {
		t.Fatalf("feed remove: code %d, out %q", code, out)
	}
	if code, out, _ := runCmd(t, vars, "feed", "list"); code != 0 || !strings.Contains(out, "no feeds") {
		t.Fatalf("feed list after remove: code %d, out %q", code, out)
	}
}

func TestFeedCommandErrors(t *testing.T) {
	dir := t.TempDir()
	vars := map[string]string{"TAGDROP_DB": "sqlite:" + filepath.Join(dir, "t.db")}
	file := filepath.Join("testdata", "url-shop.xml")
	if code, _, errOut := runCmd(t, vars, "feed", "add", "--retailer", "Atelier", file); code != 0 {
		t.Fatalf("feed add file: %d %q", code, errOut)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"same feed twice", []string{"feed", "add", "--retailer", "Atelier", file}, 1, "already has"},
		{"no retailer", []string{"feed", "add", file}, 2, "--retailer"},
		{"interval too short", []string{"feed", "add", "--retailer", "A", "--every", "10s", file}, 2, "under a minute"},
		{"bad interval", []string{"feed", "add", "--retailer", "A", "--every", "often", file}, 2, "every"},
		{"shopify without currency", []string{"feed", "add", "--retailer", "A", "--format", "shopify", "https://shop.example"}, 2, "--currency"},
		{"shopify from a file", []string{"feed", "add", "--retailer", "A", "--format", "shopify", "--currency", "EUR", file}, 2, "store's URL"},
		{"missing file", []string{"feed", "add", "--retailer", "A", filepath.Join(dir, "nope.xml")}, 1, "nope.xml"},
		{"two sources", []string{"feed", "add", "--retailer", "A", file, file}, 2, "exactly one SOURCE"},
		{"run unknown feed", []string{"feed", "run", "99"}, 1, "no feed 99"},
		{"remove unknown feed", []string{"feed", "remove", "99"}, 1, "no feed 99"},
		{"not an id", []string{"feed", "run", "first"}, 2, "not a feed ID"},
		{"unknown subcommand", []string{"feed", "pause", "1"}, 2, "unknown subcommand"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := runCmd(t, vars, tt.args...)
			if code != tt.code || !strings.Contains(errOut, tt.want) || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
				t.Fatalf("code %d (want %d), stderr %q (want one line with %q)", code, tt.code, errOut, tt.want)
			}
		})
	}
	// The file is stored as an absolute path, so serve finds it from any working directory.
	_, out, _ := runCmd(t, vars, "feed", "list")
	abs, _ := filepath.Abs(file)
	if !strings.Contains(out, abs) {
		t.Fatalf("feed list: %q does not show %s", out, abs)
	}
}

// The tests below cover tagdrop import's Shopify stores, --taxonomy and progress display.

func TestImportShopifyStore(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("testdata", "shopify-page1.json"))
	if err != nil {
		t.Fatal(err)
	}
	var pages atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		if r.URL.Path != "/collections/sale/products.json" {
			http.NotFound(w, r)
			return
		}
		if r.URL.Query().Get("page") == "1" {
			w.Write(page)
			return
		}
		w.Write([]byte(`{"products": []}`))
	}))
	defer srv.Close()
	dbPath := filepath.Join(t.TempDir(), "t.db")
	code, out, errOut := runCmd(t, nil, "import", "--db", "sqlite:"+dbPath, "--allow-private", "127.0.0.1/32", "--format", "shopify",
		"--currency", "sek", "--retailer", "Nordic Knit", "--json", srv.URL+"/collections/sale")
	reps := decodeReports(t, out)
	if code != 0 || len(reps) != 1 || reps[0].Read != 3 || reps[0].New != 3 || reps[0].Format != "shopify" || pages.Load() != 2 {
		t.Fatalf("import: code %d, reports %+v, pages %d, stderr %q", code, reps, pages.Load(), errOut)
	}
	db, err := store.Open(context.Background(), "sqlite:"+dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var withLinks int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM offers WHERE url LIKE $1`, srv.URL+"/products/%").Scan(&withLinks); err != nil {
		t.Fatal(err)
	}
	if withLinks != 3 {
		t.Fatalf("%d of 3 offers link to the store's product pages", withLinks)
	}
	if code, out, _ := runCmd(t, nil, "import", "--db", "sqlite:"+dbPath, "--allow-private", "127.0.0.1/32", "--format", "shopify",
		srv.URL); code != 1 || !strings.Contains(out, "--currency") {
		t.Fatalf("a store without --currency: code %d, output %q", code, out)
	}
}

func TestImportTaxonomy(t *testing.T) {
	feedFile := filepath.Join("testdata", "taxonomy-shop.xml")
	categories := func(dbPath string) string {
		t.Helper()
		db, err := store.Open(context.Background(), "sqlite:"+dbPath)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		rows, err := db.SQL().Query(`SELECT name FROM categories ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var names []string
		for rows.Next() {
			var n string
			rows.Scan(&n)
			names = append(names, n)
		}
		return strings.Join(names, ", ")
	}
	tests := []struct {
		name     string
		args     []string
		code     int
		has, not string
	}{
		{name: "built-in apparel taxonomy", has: "Clothing", not: "Dog Apparel"},
		{name: "Google's file", args: []string{"--taxonomy", filepath.Join("testdata", "taxonomy.txt")}, has: "Dog Apparel"},
		{name: "missing file", args: []string{"--taxonomy", "testdata/none.txt"}, code: 2},
		{name: "not a taxonomy", args: []string{"--taxonomy", filepath.Join("testdata", "url-shop.xml")}, code: 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dbPath := filepath.Join(t.TempDir(), "t.db")
			args := append([]string{"import", "--db", "sqlite:" + dbPath, "--json"}, tt.args...)
			code, out, errOut := runCmd(t, nil, append(args, feedFile)...)
			if code != tt.code {
				t.Fatalf("code %d, want %d; out %q, stderr %q", code, tt.code, out, errOut)
			}
			if tt.code != 0 {
				if !strings.Contains(errOut, "--taxonomy") {
					t.Fatalf("error does not name --taxonomy: %q", errOut)
				}
				return
			}
			got := categories(dbPath)
			if !strings.Contains(got, tt.has) || (tt.not != "" && strings.Contains(got, tt.not)) {
				t.Fatalf("categories %q: want %q and not %q", got, tt.has, tt.not)
			}
		})
	}
}

func TestImportProgressDisplay(t *testing.T) {
	tests := []struct {
		name  string
		size  int64
		bytes int64
		items int
		want  []string
	}{
		{name: "file of known size: bytes and items", size: 4 << 20, bytes: 1 << 20, items: 1200, want: []string{"feed.xml · 1200 items", "25%", "MB"}},
		{name: "url: a count of items", size: -1, items: 730, want: []string{"feed.xml · 730 items"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			p := newImportProgress(&buf, "feed.xml", tt.size)
			p.update(tt.bytes, tt.items)
			for _, w := range tt.want {
				if !strings.Contains(buf.String(), w) {
					t.Errorf("display %q lacks %q", buf.String(), w)
				}
			}
			p.finish()
		})
	}
	// Not a terminal: no display at all, so --json and pipes get clean output.
	if isTerminal(&bytes.Buffer{}) {
		t.Error("a buffer was taken for a terminal")
	}
}

// TestServeRefreshesFeeds: serve with role worker runs the scheduler, which refreshes a
// registered feed on its own; shutting down waits for it.
func TestServeRefreshesFeeds(t *testing.T) {
	dbLoc := "sqlite:" + filepath.Join(t.TempDir(), "t.db")
	vars := map[string]string{"TAGDROP_DB": dbLoc, "TAGDROP_REFRESH_WORKERS": "1"}
	if code, _, errOut := runCmd(t, vars, "feed", "add", "--retailer", "Atelier Nord", filepath.Join("testdata", "url-shop.xml")); code != 0 {
		t.Fatalf("feed add: %q", errOut)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var serveErr syncBuffer
	env := &environment{stdout: io.Discard, stderr: &serveErr, getenv: func(k string) string { return vars[k] }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, env, []string{"serve", "--addr", "127.0.0.1:0", "--role", "worker"}) }()

	db, err := store.Open(context.Background(), dbLoc)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The worker sweeps the registered feeds when it becomes River's leader and then at every
	// 30 s of the wall clock (jobs.DefaultTick). On a busy machine (CI runs packages side by side)
	// the election can come late enough that the first sweep to see the feed is an aligned one:
	// wait for two ticks and a margin, not one (a 30 s wait failed once in CI that way; 75 s
	// failed once with the machine's load at 8 on two cores). The wait ends as soon as the
	// refresh is seen, so the bound only decides how long a broken scheduler takes to fail.
	deadline := time.Now().Add(3 * time.Minute)
	for {
		f, err := db.FeedByID(context.Background(), 1)
		if err != nil {
			t.Fatal(err)
		}
		if f.LastRun.Status == store.RunOK {
			if f.LastRun.Read != 3 || f.Failures != 0 {
				t.Fatalf("refresh by serve: %+v", f)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not refresh the feed: %+v", f)
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("serve exited %d: %s", code, serveErr.String())
	}
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader in different goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
