package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// startServeRole runs `tagdrop serve --role ROLE` on a free port against db until the test ends
// and returns its base URL.
func startServeRole(t *testing.T, db, role string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	env := &environment{stdout: pw, stderr: io.Discard, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, env, []string{"serve", "--addr", "127.0.0.1:0", "--db", db, "--role", role})
		pw.Close()
	}()
	lines := bufio.NewScanner(pr)
	var base string
	for lines.Scan() {
		if _, url, ok := strings.Cut(lines.Text(), "serving at "); ok {
			base = url
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if base == "" {
		cancel()
		t.Fatalf("serve --role %s printed no URL (exit %d)", role, <-done)
	}
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve --role %s exited %d after shutdown", role, code)
			}
		case <-time.After(40 * time.Second):
			t.Errorf("serve --role %s did not shut down", role)
		}
	})
	return base
}

// get fetches base+path and returns the status and body.
func get(t *testing.T, base, path string) (int, string) {
	t.Helper()
	client := &http.Client{Timeout: 10 * time.Second}
	res, err := client.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(body)
}

// queueReport reads the queue part of a node's /readyz.
func queueReport(t *testing.T, base string) queue.Report {
	t.Helper()
	status, body := get(t, base, "/readyz")
	var r struct {
		Queue *queue.Report `json:"queue"`
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil || r.Queue == nil || status != http.StatusOK {
		t.Fatalf("/readyz: %d %s (%v): want 200 with a queue report", status, body, err)
	}
	return *r.Queue
}

// A web node serves pages and enqueues but works no job; a worker node works the job and
// serves only /healthz, /readyz and /metrics. Both on one database, SQLite and PostgreSQL.
func TestServeRoles(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the web and worker role test (starts two serve processes per database)")
	}
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			loc := "sqlite:" + filepath.Join(t.TempDir(), "roles.db")
			if dialect == "postgres" {
				loc = storetest.PostgresURL(t)
			}
			webURL := startServeRole(t, loc, "web")
			if status, body := get(t, webURL, "/"); status != http.StatusOK || !strings.Contains(body, "<!doctype html>") {
				t.Errorf("web node GET /: %d, want the home page", status)
			}
			if r := queueReport(t, webURL); r.Working {
				t.Errorf("web node reports a working queue: %+v", r)
			}

			// A job enqueued now stays queued while only the web node runs.
			ctx := context.Background()
			db, err := store.Open(ctx, loc)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			q, err := queue.New(db, queue.Config{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			res, err := q.River().Insert(ctx, queue.SessionSweepArgs{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			// Three of a worker's poll intervals: a node that worked jobs would have taken it.
			time.Sleep(3 * queue.DefaultPollInterval)
			if job, err := q.River().JobGet(ctx, res.Job.ID); err != nil || job.State != rivertype.JobStateAvailable {
				t.Fatalf("job on a web-only cluster: %v, %v; want it still available", job.State, err)
			}

			workerURL := startServeRole(t, loc, "worker")
			for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/": 404, "/search?q=bag": 404, "/signin": 404, "/static/style.css": 404} {
				if status, _ := get(t, workerURL, path); status != want {
					t.Errorf("worker node GET %s: %d, want %d", path, status, want)
				}
			}
			if r := queueReport(t, workerURL); !r.Working {
				t.Errorf("worker node reports a queue that does not work: %+v", r)
			}
			deadline := time.Now().Add(time.Minute)
			for {
				job, err := q.River().JobGet(ctx, res.Job.ID)
				if err != nil {
					t.Fatal(err)
				}
				if job.State == rivertype.JobStateCompleted {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("the worker node did not work the job within a minute: %s", job.State)
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}
