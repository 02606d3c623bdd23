package main

import (
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestServeLifecycle starts the real serve command on a free port, checks the operational
// endpoints and shuts it down the way SIGTERM does (context cancellation).
func TestServeLifecycle(t *testing.T) {
	// startServeRole (serve_roles_test.go) shuts serve down the way SIGTERM does when the test
	// ends and fails it unless serve exits 0 in time.
	base := startServeRole(t, "sqlite:"+filepath.Join(t.TempDir(), "s.db"), "all")
	client := &http.Client{Timeout: 5 * time.Second}
	for _, tt := range []struct {
		path, want string
	}{{"/healthz", `"ok"`}, {"/readyz", `"ready"`}, {"/metrics", "tagdrop_http_requests_total"}, {"/", "<!doctype html>"}} {
		res, err := client.Get(base + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.Contains(string(body), tt.want) {
			t.Errorf("GET %s: %d, body lacks %q", tt.path, res.StatusCode, tt.want)
		}
		if res.Header.Get("Content-Security-Policy") == "" || res.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: security headers missing", tt.path)
		}
	}
}
