package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// navLayout is how the header's navigation sits in the page.
type navLayout struct {
	ScrollWidth int      `json:"scrollWidth"` // document.scrollingElement's
	ClientWidth int      `json:"clientWidth"`
	Rows        int      `json:"rows"`  // distinct rows the nav's visible entries sit on
	Items       []string `json:"items"` // the visible entries' text, in order
	Outside     []string `json:"outside"`
	// Overlap says the nav and the search box overlap, or one pokes out of the header's bar.
	Overlap bool `json:"overlap"`
}

// navLayoutJS measures the nav: the page's sideways scroll, the rows its visible entries
// (links, buttons, the admin menu's summary) occupy, and any entry not wholly on screen.
const navLayoutJS = `(() => {
	const nav = document.querySelector("header.site nav");
	const vw = document.documentElement.clientWidth;
	const entries = [...nav.querySelectorAll(":scope > a, :scope > form button, :scope > details > summary")]
		.filter(el => el.checkVisibility({visibilityProperty: true}));
	const tops = new Set(entries.map(el => Math.round(el.getBoundingClientRect().top)));
	const bar = document.querySelector("header.site .bar").getBoundingClientRect();
	const n = nav.getBoundingClientRect(), s = document.querySelector("header.site .search").getBoundingClientRect();
	const inside = r => r.left >= bar.left - 1 && r.right <= bar.right + 1;
	const apart = n.right <= s.left + 1 || s.right <= n.left + 1 || n.bottom <= s.top + 1 || s.bottom <= n.top + 1;
	return {
		overlap: !apart || !inside(n) || !inside(s),
		scrollWidth: document.scrollingElement.scrollWidth,
		clientWidth: document.scrollingElement.clientWidth,
		rows: tops.size,
		items: entries.map(el => el.textContent.trim()),
		outside: entries.filter(el => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > vw; })
			.map(el => el.textContent.trim()),
	};
})()`

// signIn signs the page's browser in with the fixture password.
func signIn(t *testing.T, p *browsertest.Page, base, email string) {
	t.Helper()
	p.Open(base + "/signin")
	ok := browsertest.Eval[bool](p, fmt.Sprintf(`(async () => {
		const r = await fetch("/signin", {method: "POST", body: new URLSearchParams({email: %q, password: "a long pass phrase"})});
		return r.ok;
	})()`, email))
	if !ok {
		t.Fatalf("signing in as %s failed", email)
	}
}

// menuState is what an opened menu shows.
type menuState struct {
	Open    bool     `json:"open"`
	Shown   []string `json:"shown"`   // links and buttons of the panel a person can see
	Outside []string `json:"outside"` // of those, the ones not wholly on screen
	Wide    bool     `json:"wide"`    // the page scrolls sideways
}

// openMenuJS clicks the summary of the disclosure sel (the browser's own <details> toggle, no
// page script) and reports what its panel shows.
const openMenuJS = `((sel) => {
	const d = document.querySelector(sel);
	d.querySelector(":scope > summary").click();
	const vw = document.documentElement.clientWidth;
	const shown = [...d.querySelectorAll(":scope > div > a, :scope > div > form button")]
		.filter(el => el.checkVisibility({visibilityProperty: true}));
	return {
		open: d.open,
		shown: shown.map(el => el.textContent.trim()),
		outside: shown.filter(el => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > vw || r.width === 0; })
			.map(el => el.textContent.trim()),
		wide: document.scrollingElement.scrollWidth > document.scrollingElement.clientWidth,
	};
})(%q)`

// openMenu opens the disclosure sel and fails the test unless it shows want, all on screen.
func openMenu(t *testing.T, p *browsertest.Page, where, sel string, want []string) {
	t.Helper()
	m := browsertest.Eval[menuState](p, fmt.Sprintf(openMenuJS, sel))
	if !m.Open || strings.Join(m.Shown, "|") != strings.Join(want, "|") {
		t.Errorf("%s: %s opened %v showing %q, want %q", where, sel, m.Open, m.Shown, want)
	}
	if len(m.Outside) > 0 || m.Wide {
		t.Errorf("%s: %s open: entries off screen %q, page scrolls sideways %v", where, sel, m.Outside, m.Wide)
	}
}

// The admin's pages, as the "Admin" menu lists them.
var adminPages = []string{"Dashboard", "Feeds", "Affiliates", "Shops", "Brands"}

// TestBrowserNavFitsPhone opens the home page and other pages on a 390×844 phone, signed out and
// signed in as a shopper, an editor and an admin (demo mode, so the outbox is listed too): the
// page never scrolls sideways and the header's navigation is one row, its links in a "Menu"
// disclosure and the admin's pages folded into one "Admin" entry in it, each opening without
// page script and listing every link on screen. On a desktop the links are in one row and the
// "Admin" entry drops its pages down. SQLite and PostgreSQL.
func TestBrowserNavFitsPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		ts := newSite(t, db, web.Config{Demo: true})
		hash, err := account.HashPassword("a long pass phrase")
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range []struct {
			email string
			role  account.Role
		}{{"shopper@example.com", account.Shopper}, {"editor@example.com", account.Editor}, {"admin@example.com", account.Admin}} {
			if _, err := db.CreateUser(context.Background(), u.email, u.role, hash, true); err != nil {
				t.Fatal(err)
			}
		}
		signedIn := []string{"Sales", "Brands", "Collections", "Trends", "My sales", "Loves"}
		cases := []struct {
			name, email string
			paths       []string
			menu        []string // the phone menu's links, in order
		}{
			{"visitor", "", []string{"/", "/trends"}, []string{"Sales", "Brands", "Collections", "Trends", "Outbox"}},
			{"shopper", "shopper@example.com", []string{"/", "/loves"}, append(signedIn[:len(signedIn):len(signedIn)], "Outbox", "Account", "Sign out")},
			{"editor", "editor@example.com", []string{"/", "/editor/collections"}, append(signedIn[:len(signedIn):len(signedIn)], "Editor", "Outbox", "Account", "Sign out")},
			{"admin", "admin@example.com", []string{"/", "/admin/feeds", "/admin"}, append(signedIn[:len(signedIn):len(signedIn)], "Editor", "Outbox", "Account", "Sign out")},
		}
		for _, c := range cases {
			t.Run(c.name, func(t *testing.T) {
				p := b.NewPage(t, browsertest.Phone)
				if c.email != "" {
					signIn(t, p, ts.URL, c.email)
				}
				for _, path := range c.paths {
					p.Open(ts.URL + path)
					l := browsertest.Eval[navLayout](p, navLayoutJS)
					if l.ScrollWidth > l.ClientWidth {
						t.Errorf("%s: the page scrolls sideways on a phone: scrollWidth %d > clientWidth %d", path, l.ScrollWidth, l.ClientWidth)
					}
					if l.Rows != 1 || len(l.Outside) > 0 || l.Overlap {
						t.Errorf("%s: the nav takes %d rows on a phone (entries %q; off screen %q; overlaps the search box %v), want one row", path, l.Rows, l.Items, l.Outside, l.Overlap)
					}
					openMenu(t, p, path, ".nav-menu", c.menu)
					if c.name == "admin" {
						openMenu(t, p, path, ".nav-admin", adminPages)
						if n := p.Count(`.nav-admin a[aria-current="page"]`); path != "/" && n != 1 {
							t.Errorf("%s: %d admin links marked current, want 1", path, n)
						}
					}
					p.Screenshot("nav-phone-" + c.name + strings.ReplaceAll(path, "/", "-") + ".png")
				}
				p.CheckNoProblems()
			})
		}
		t.Run("admin keyboard", func(t *testing.T) {
			p := b.NewPage(t, browsertest.Phone)
			signIn(t, p, ts.URL, "admin@example.com")
			p.Open(ts.URL + "/admin/feeds")
			browsertest.Eval[bool](p, `(() => { for (const d of document.querySelectorAll(".nav-menu, .nav-admin")) d.open = true; return true; })()`)
			p.CheckAccessible()
			p.CheckKeyboard()
		})
		t.Run("admin small desktop", func(t *testing.T) {
			p := b.NewPage(t, browsertest.Viewport{Name: "small desktop", Width: 1024, Height: 768})
			signIn(t, p, ts.URL, "admin@example.com")
			p.Open(ts.URL + "/admin/feeds")
			l := browsertest.Eval[navLayout](p, navLayoutJS)
			if l.Rows != 1 || l.Overlap || len(l.Outside) > 0 || l.ScrollWidth > l.ClientWidth {
				t.Errorf("at 1024 px: nav %q on %d rows, overlaps the search box %v, off screen %q, scrollWidth %d > %d",
					l.Items, l.Rows, l.Overlap, l.Outside, l.ScrollWidth, l.ClientWidth)
			}
			openMenu(t, p, "/admin/feeds", ".nav-menu", append(signedIn[:len(signedIn):len(signedIn)], "Editor", "Outbox", "Account", "Sign out"))
			openMenu(t, p, "/admin/feeds", ".nav-admin", adminPages)
			p.CheckNoProblems()
		})
		t.Run("admin desktop", func(t *testing.T) {
			p := b.NewPage(t, browsertest.Desktop)
			signIn(t, p, ts.URL, "admin@example.com")
			p.Open(ts.URL + "/admin/feeds")
			l := browsertest.Eval[navLayout](p, navLayoutJS)
			want := append(signedIn[:len(signedIn):len(signedIn)], "Editor", "Outbox", "Admin", "Account", "Sign out")
			shown := browsertest.Eval[[]string](p, `[...document.querySelectorAll(".nav-links > a, .nav-links > details > summary, .nav-links button")]
				.filter(el => el.checkVisibility({visibilityProperty: true})).map(el => el.textContent.trim())`)
			if strings.Join(shown, "|") != strings.Join(want, "|") || l.ScrollWidth > l.ClientWidth || l.Overlap || len(l.Outside) > 0 {
				t.Errorf("desktop nav shows %q (scrollWidth %d, clientWidth %d, overlaps the search box %v, off screen %q), want %q in view without opening anything",
					shown, l.ScrollWidth, l.ClientWidth, l.Overlap, l.Outside, want)
			}
			if rows := browsertest.Eval[int](p, `new Set([...document.querySelectorAll(".nav-links > a, .nav-links > details > summary")].map(el => Math.round(el.getBoundingClientRect().top))).size`); rows != 1 {
				t.Errorf("the desktop nav takes %d rows, want 1", rows)
			}
			if n := browsertest.Eval[int](p, `[...document.querySelectorAll(".nav-admin-links a")].filter(el => el.checkVisibility({visibilityProperty: true})).length`); n != 0 {
				t.Errorf("%d admin links shown before the Admin menu is opened, want 0", n)
			}
			openMenu(t, p, "/admin/feeds", ".nav-admin", adminPages)
			p.Screenshot("nav-desktop-admin.png")
			p.CheckNoProblems()
		})
	})
}
