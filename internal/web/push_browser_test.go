package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// TestBrowserApp is a shopper on a phone with tagdrop as an app: the manifest and its icons load
// and describe an installable app with a share target; the service worker takes control; with
// the server gone (the network cut), any page shows the offline shell and /loves shows the loves as last seen;
// sign-out drops the kept loves.
func TestBrowserApp(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	f := seed(t, db)
	ts := newSite(t, db, web.Config{})
	p := b.NewPage(t, browsertest.Phone)
	user := signInBrowser(t, p, db, ts.URL, "ines@example.com")
	title := productTitle(t, db, f.SaleProducts[0])
	if _, err := db.SaveLove(context.Background(), store.Love{UserID: user, ProductID: f.SaleProducts[0], Love: alerts.Love{AlertAnyDrop: true}}); err != nil {
		t.Fatal(err)
	}

	p.Open(ts.URL + "/loves")
	type manifestCheck struct {
		Name, Display, StartURL, ShareAction, ShareMethod, ShareURL, ShareText string
		Icons                                                                  []string
	}
	m := browsertest.Eval[manifestCheck](p, `(async () => {
		const link = document.querySelector("link[rel=manifest]");
		const r = await fetch(link.href);
		const m = await r.json();
		const icons = [];
		for (const i of m.icons) {
			const img = await createImageBitmap(await (await fetch(i.src)).blob());
			icons.push(i.sizes + " " + i.purpose + " " + img.width + "x" + img.height);
		}
		return {Name: m.short_name, Display: m.display, StartURL: m.start_url, Icons: icons,
			ShareAction: m.share_target.action, ShareMethod: m.share_target.method,
			ShareURL: m.share_target.params.url, ShareText: m.share_target.params.text};
	})()`)
	want := []string{"192x192 any 192x192", "512x512 any 512x512", "192x192 maskable 192x192", "512x512 maskable 512x512"}
	if m.Name != "tagdrop" || m.Display != "standalone" || m.StartURL != "/" || fmt.Sprint(m.Icons) != fmt.Sprint(want) {
		t.Errorf("manifest = %+v, want icons %v", m, want)
	}
	if m.ShareAction != "/track" || m.ShareMethod != "GET" || m.ShareURL != "url" || m.ShareText != "text" {
		t.Errorf("share target = %+v", m)
	}

	// The service worker installs (caching the shell) and controls the next page load.
	scope := browsertest.Eval[string](p, `navigator.serviceWorker.ready.then(r => r.scope)`)
	if scope != ts.URL+"/" {
		t.Fatalf("service worker scope %q, want the whole site", scope)
	}
	p.Open(ts.URL + "/loves")
	if !browsertest.Eval[bool](p, `!!navigator.serviceWorker.controller`) {
		t.Fatal("the service worker does not control /loves")
	}
	if !browsertest.Eval[bool](p, `caches.match("/loves").then(r => !!r)`) {
		t.Fatal("/loves was not kept for offline reading")
	}
	p.CheckNoProblems()

	// A phone shares a product as text: /track takes the address out of it.
	shared := "https://shop.example/p/coat-42"
	p.Open(ts.URL + "/track?title=Coat&text=" + url.QueryEscape("Look at this coat "+shared))
	if got := browsertest.Eval[string](p, `document.getElementById("track-url").value`); got != shared {
		t.Errorf("shared text prefilled %q, want %q", got, shared)
	}

	// Cut the network for real: the server goes away, so the service worker's fetches fail.
	addr := ts.Listener.Addr().String()
	ts.CloseClientConnections()
	ts.Close()
	p.Open(ts.URL + "/search?q=coat")
	if got := browsertest.Eval[string](p, `(document.querySelector("#offline h1") || {}).textContent || ""`); got != "You're offline" {
		t.Errorf("offline search page shows %q, want the offline shell (title %q, url %q)", got,
			browsertest.Eval[string](p, `document.title`), browsertest.Eval[string](p, `location.href`))
	}
	if browsertest.Eval[bool](p, `!!document.querySelector("link[rel=stylesheet]").sheet`) == false {
		t.Error("the offline shell has no stylesheet: static assets were not cached")
	}
	p.Open(ts.URL + "/loves")
	body := browsertest.Eval[string](p, `document.querySelector("main").textContent`)
	if !strings.Contains(body, title) || browsertest.Eval[bool](p, `!!document.getElementById("offline")`) {
		t.Errorf("offline /loves does not show the love %q: %.200q", title, strings.Join(strings.Fields(body), " "))
	}
	// The network comes back on the same address.
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	back := httptest.NewUnstartedServer(ts.Config.Handler)
	back.Listener = ln
	back.Start()
	t.Cleanup(back.Close)

	// Signing out drops the kept loves: the next person on this phone cannot read them offline.
	p.Open(ts.URL + "/loves")
	browsertest.Eval[bool](p, `(async () => { await fetch("/signout", {method: "POST"}); return true; })()`)
	if browsertest.Eval[bool](p, `caches.match("/loves").then(r => !!r)`) {
		t.Error("the loves page is still kept after signing out")
	}
}

func productTitle(t *testing.T, db *store.DB, id int64) string {
	t.Helper()
	var title string
	if err := db.SQL().QueryRowContext(context.Background(), `SELECT title FROM products WHERE id = $1`, id).Scan(&title); err != nil {
		t.Fatal(err)
	}
	return title
}

// TestBrowserPushSubscribe is a shopper turning notifications on in /settings. Headless Chromium
// has no push service to subscribe with (it cannot reach one here), so after checking what the
// page offers, the test drives the server side through the same JavaScript the page uses
// (window.tagdropPush, static/push.js) with a subscription whose keys WebCrypto made:
// valid ones are stored for the shopper, plain http and private addresses are refused with the
// field named, and turning off removes it.
func TestBrowserPushSubscribe(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	seed(t, db)
	ts := newSite(t, db, web.Config{})
	p := b.NewPage(t, browsertest.Phone)
	user := signInBrowser(t, p, db, ts.URL, "noor@example.com")
	p.GrantPermission(ts.URL, "notifications")
	p.Open(ts.URL + "/settings")
	browsertest.Eval[bool](p, `navigator.serviceWorker.ready.then(() => true)`)
	if got := browsertest.Eval[string](p, `Notification.permission`); got != "granted" {
		t.Fatalf("notification permission %q after granting", got)
	}
	if !browsertest.Eval[bool](p, `(async () => {
		for (let i = 0; i < 50 && document.getElementById("push-on").hidden; i++) await new Promise(r => setTimeout(r, 100));
		return !document.getElementById("push-on").hidden;
	})()`) {
		t.Fatalf("no visible button to turn notifications on; status: %q",
			browsertest.Eval[string](p, `document.getElementById("push-status").textContent`))
	}
	p.CheckNoProblems()

	key := browsertest.Eval[string](p, `fetch("/push/key").then(r => r.json()).then(k => k.public_key)`)
	keys, err := db.PushVAPIDKeys(context.Background(), func() (string, string, error) { return "", "", fmt.Errorf("keys should exist") })
	if err != nil || keys.Public != key || len(key) != 87 {
		t.Fatalf("/push/key = %q; stored %+v, %v", key, keys, err)
	}

	type answer struct {
		OK    bool
		Error string
	}
	subscribe := func(endpoint string) answer {
		return browsertest.Eval[answer](p, fmt.Sprintf(`(async () => {
			const b64 = (buf) => btoa(String.fromCharCode(...new Uint8Array(buf))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
			const pair = await crypto.subtle.generateKey({name: "ECDH", namedCurve: "P-256"}, true, ["deriveBits"]);
			const sub = {endpoint: %q, keys: {p256dh: b64(await crypto.subtle.exportKey("raw", pair.publicKey)),
				auth: b64(crypto.getRandomValues(new Uint8Array(16)))}};
			try { await window.tagdropPush.save(sub); return {OK: true}; } catch (e) { return {OK: false, Error: e.message}; }
		})()`, endpoint))
	}
	const good = "https://push.example.net/wpush/v2/abc123"
	if a := subscribe(good); !a.OK {
		t.Fatalf("subscribing %s: %s", good, a.Error)
	}
	for _, bad := range []string{"http://push.example.net/wpush/abc", "https://10.0.0.8/wpush/abc", "https://127.0.0.1:8443/x",
		"https://[::ffff:192.168.1.1]/x", "https://localhost/x"} {
		if a := subscribe(bad); a.OK || !strings.HasPrefix(a.Error, "endpoint:") {
			t.Errorf("subscribing %s: %+v, want a refusal naming the endpoint", bad, a)
		}
	}
	subs, err := db.PushSubscriptions(context.Background(), user)
	if err != nil || len(subs) != 1 || subs[0].Endpoint != good {
		t.Fatalf("stored subscriptions = %+v, %v; want only %s", subs, err, good)
	}
	if ok := browsertest.Eval[bool](p, fmt.Sprintf(`window.tagdropPush.remove(%q).then(() => true, () => false)`, good)); !ok {
		t.Error("turning off failed")
	}
	if subs, err := db.PushSubscriptions(context.Background(), user); err != nil || len(subs) != 0 {
		t.Errorf("after turning off: %+v, %v", subs, err)
	}

	// Whether this Chromium can subscribe for real: it needs a push service. Report, don't fail.
	state := browsertest.Eval[string](p, `(async () => {
		document.getElementById("push-on").click();
		for (let i = 0; i < 50; i++) {
			await new Promise(r => setTimeout(r, 100));
			const s = document.getElementById("push-status").textContent;
			if (!document.getElementById("push-off").hidden || s.startsWith("Notifications could not")) return s;
		}
		return "timed out: " + document.getElementById("push-status").textContent;
	})()`)
	t.Logf("real subscription in headless Chromium: %s", state)
}
