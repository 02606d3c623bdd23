package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// TestBrowserHome drives real Chromium over the home page at phone and desktop sizes. Every UI
// feature adds its flows to the browser tests.
func TestBrowserHome(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	f := seed(t, db)
	ts := newSite(t, db, web.Config{Demo: true})

	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			p.Open(ts.URL + "/")
			if n := p.Count("#featured-collection h2"); n != 1 {
				t.Errorf("featured collection title shown %d times, want 1", n)
			}
			if n := p.Count("#featured-collection .thumbs img"); n != 6 {
				t.Errorf("featured collection shows %d item thumbnails, want 6", n)
			}
			if n := p.Count("#sales .card"); n < 20 || n != len(f.SaleProducts) {
				t.Errorf("%d sale items shown, want all %d (at least 20)", n, len(f.SaleProducts))
			}
			cols := browsertest.Eval[int](p, `getComputedStyle(document.querySelector("#sales .grid")).gridTemplateColumns.split(" ").length`)
			if want := map[string]int{"phone": 2, "desktop": 5}[vp.Name]; cols != want {
				t.Errorf("sale grid has %d columns at %dpx, want %d", cols, vp.Width, want)
			}
			name := "tagdrop-home-" + vp.Name + ".png"
			p.Screenshot(filepath.Join(t.TempDir(), name), filepath.Join(os.TempDir(), name))
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()
		})
	}
}

// TestBrowserPages opens every other page a shopper (or a demo visitor) reaches, at both sizes,
// with the same checks as the home page.
func TestBrowserPages(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	f := seed(t, db)
	ts := newSite(t, db, web.Config{Demo: true})
	pages := []struct{ name, path, mustShow string }{
		{"product", fmt.Sprintf("/products/%d", f.SaleProducts[1]), ".history svg"},
		{"collection", "/collections/" + f.Collection, ".entry"},
		{"collections", "/collections", ".collection-card"},
		{"search", "/search?q=bag", "#main .card"},
		{"outbox", "/outbox", "table.outbox"},
		{"message", fmt.Sprintf("/outbox/%d", f.Messages[1]), "iframe.mail-html"},
	}
	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			for _, pg := range pages {
				p.Open(ts.URL + pg.path)
				if p.Count(pg.mustShow) == 0 {
					t.Errorf("%s: nothing matches %s", pg.name, pg.mustShow)
				}
				name := "tagdrop-" + pg.name + "-" + vp.Name + ".png"
				p.Screenshot(filepath.Join(t.TempDir(), name), filepath.Join(os.TempDir(), name))
				p.CheckAccessible()
				p.CheckKeyboard()
			}
			p.CheckNoProblems()
		})
	}
}

// TestBrowserAdminFeeds signs in as an admin through the real sign-in endpoint and checks the
// feed health page: a table on a laptop, one card per feed on a phone, nothing wider than the
// screen, with the same accessibility and keyboard checks as every page.
func TestBrowserAdminFeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	seedFeeds(t, db)
	hash, err := account.HashPassword("feeds stay healthy")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(context.Background(), "ada@example.com", account.Admin, hash, true); err != nil {
		t.Fatal(err)
	}
	ts := newSite(t, db, web.Config{})

	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			p.Open(ts.URL + "/signin")
			signedIn := browsertest.Eval[bool](p, `(async () => {
				const r = await fetch("/signin", {method: "POST", body: new URLSearchParams({email: "ada@example.com", password: "feeds stay healthy"})});
				return r.ok && new URL(r.url).pathname === "/";
			})()`)
			if !signedIn {
				t.Fatal("signing in as the admin failed")
			}
			p.Open(ts.URL + "/admin/feeds")
			if n := p.Count("table.feeds tbody tr"); n != 3 {
				t.Fatalf("%d feeds shown, want 3", n)
			}
			if n := p.Count(`header nav a[href="/admin/feeds"][aria-current="page"]`); n != 1 {
				t.Errorf("the navigation's Feeds link is missing or not current (%d)", n)
			}
			display := browsertest.Eval[string](p, `getComputedStyle(document.querySelector("table.feeds tbody tr")).display`)
			if want := map[string]string{"phone": "grid", "desktop": "table-row"}[vp.Name]; display != want {
				t.Errorf("feed rows display as %q at %dpx, want %q", display, vp.Width, want)
			}
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`); wide {
				t.Errorf("the page is wider than the %dpx screen", vp.Width)
			}
			name := "tagdrop-admin-feeds-" + vp.Name + ".png"
			p.Screenshot(filepath.Join(t.TempDir(), name), filepath.Join(os.TempDir(), name))
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()
		})
	}
}
