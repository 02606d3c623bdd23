package web_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// TestBrowserDashboard opens the admin dashboard in Chromium on a phone and a desktop: no
// console or CSP errors, every chart drawn, every control reachable by Tab, nothing wider than
// the screen.
func TestBrowserDashboard(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	seed(t, db)
	seedDashboard(t, db)
	ts := newSite(t, db, web.Config{})
	hash, err := account.HashPassword("numbers behind it")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(context.Background(), "ada@example.com", account.Admin, hash, true); err != nil {
		t.Fatal(err)
	}
	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			p.Open(ts.URL + "/signin")
			ok := browsertest.Eval[bool](p, fmt.Sprintf(`(async () => {
				const r = await fetch("/signin", {method: "POST", body: new URLSearchParams({email: %q, password: "numbers behind it"})});
				return r.ok;
			})()`, "ada@example.com"))
			if !ok {
				t.Fatal("signing in failed")
			}
			p.Open(ts.URL + "/admin?days=30")
			if n := p.Count("svg[role=img] title"); n < 6 {
				t.Errorf("%d charts drawn, want at least 6", n)
			}
			if p.Count("#clicks-brand tbody tr") != 1 || p.Count("#feeds table.feeds tbody tr") != 3 {
				t.Error("the click and feed tables are not all there")
			}
			if w := browsertest.Eval[float64](p, `document.querySelector("#catalogue svg").getBoundingClientRect().width`); w < 200 {
				t.Errorf("the catalogue chart is %.0f px wide", w)
			}
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()
			p.Screenshot("dashboard-" + vp.Name + ".png")
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth + 1`); wide {
				t.Errorf("the dashboard scrolls sideways at %s", vp.Name)
			}
		})
	}
}
