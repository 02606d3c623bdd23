package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// TestAppFiles checks what browsers need to install the app and run its worker, served from the
// site's root with the right types, and that subscribing needs a signed-in shopper.
func TestAppFiles(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	get := func(path string) (*http.Response, string) {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	for _, c := range []struct{ path, ctype, cache, contains string }{
		{"/manifest.webmanifest", "application/manifest+json", "public, max-age=3600", `"share_target"`},
		{"/sw.js", "text/javascript; charset=utf-8", "no-cache", `addEventListener("push"`},
		{"/offline", "text/html; charset=utf-8", "", "You're offline"},
		{"/static/icons/maskable-512.png", "image/png", "public, max-age=86400", "PNG"},
	} {
		resp, body := get(c.path)
		if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != c.ctype || resp.Header.Get("Cache-Control") != c.cache ||
			!strings.Contains(body, c.contains) {
			t.Errorf("GET %s: %d %q %q, body has %q: %t", c.path, resp.StatusCode, resp.Header.Get("Content-Type"),
				resp.Header.Get("Cache-Control"), c.contains, strings.Contains(body, c.contains))
		}
	}
	var key struct {
		PublicKey string `json:"public_key"`
	}
	resp, body := get("/push/key")
	if err := json.Unmarshal([]byte(body), &key); err != nil || resp.StatusCode != 200 || len(key.PublicKey) != 87 {
		t.Errorf("GET /push/key: %d %s", resp.StatusCode, body)
	}
	if _, body := get("/push/key"); !strings.Contains(body, key.PublicKey) {
		t.Error("the VAPID key changed between requests")
	}
	// Signed out: refused, nothing stored.
	resp, err := http.Post(ts.URL+"/push/subscriptions", "application/json",
		strings.NewReader(`{"endpoint":"https://push.example.net/x","keys":{"p256dh":"x","auth":"y"}}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("subscribing signed out: %d, want 401", resp.StatusCode)
	}
	var n int
	if err := db.SQL().QueryRow(`SELECT COUNT(*) FROM push_subscriptions`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d subscriptions stored, %v", n, err)
	}
}
