package web_test

import (
	"context"
	"fmt"
	"strings"
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
			p.Screenshot(name)
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
				p.Screenshot(name)
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
			p.Screenshot(name)
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()
		})
	}
}

// TestBrowserSearch drives the search page as a shopper does, on a phone and a desktop: type in
// the header box and get suggestions, open the filter drawer (phone) or see the sidebar
// (desktop), narrow by a brand, change the sort, go to the next page; and the product page's
// price chart with its text summary.
func TestBrowserSearch(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	f := seed(t, db)
	ts := newSite(t, db, web.Config{})
	// submit opens the URL a GET form would go to with its current fields.
	submit := func(p *browsertest.Page, form string) {
		t.Helper()
		u := browsertest.Eval[string](p, fmt.Sprintf(`(() => { const f = document.querySelector(%q);
			return new URL(f.getAttribute("action"), location.href).pathname + "?" + new URLSearchParams(new FormData(f)).toString(); })()`, form))
		p.Open(ts.URL + u)
	}
	brandsShown := func(p *browsertest.Page) []string {
		return browsertest.Eval[[]string](p, `[...document.querySelectorAll("#results .card-brand")].map(e => e.textContent.trim())`)
	}

	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)

			// Type-ahead: three letters bring Ganni up as a brand suggestion.
			p.Open(ts.URL + "/search")
			suggested := browsertest.Eval[[]string](p, `(async () => {
				const input = document.getElementById("site-search");
				input.focus();
				input.value = "gan";
				input.dispatchEvent(new Event("input", {bubbles: true}));
				for (let i = 0; i < 100; i++) {
					const items = [...document.querySelectorAll("#site-search-suggestions [role=option]")];
					if (items.length) return items.map(li => li.textContent);
					await new Promise(r => setTimeout(r, 50));
				}
				return [];
			})()`)
			if len(suggested) == 0 || !strings.HasPrefix(suggested[0], "Ganni") {
				t.Errorf("type-ahead suggestions for 'gan': %q", suggested)
			}
			if exp := browsertest.Eval[string](p, `document.getElementById("site-search").getAttribute("aria-expanded")`); exp != "true" {
				t.Errorf("the search box does not say its suggestions are shown (aria-expanded=%q)", exp)
			}

			// A query from the header box.
			browsertest.Eval[bool](p, `(() => { document.getElementById("site-search").value = "cardigan"; return true; })()`)
			submit(p, "header form.search")
			if n := p.Count("#results .card"); n != 3 {
				t.Errorf("'cardigan' shows %d cards, want 3", n)
			}

			// The filter drawer: closed on a phone until its summary is pressed; open beside the
			// results on a desktop.
			p.Open(ts.URL + "/search?on_sale=1")
			open := browsertest.Eval[bool](p, `document.getElementById("filters").open`)
			switch vp.Name {
			case "phone":
				if open {
					t.Error("the filter drawer starts open on a phone")
				}
				browsertest.Eval[bool](p, `(() => { document.querySelector("#filters > summary").click(); return true; })()`)
				if !browsertest.Eval[bool](p, `document.getElementById("filters").open`) {
					t.Error("pressing Filters does not open the drawer")
				}
			case "desktop":
				side := browsertest.Eval[bool](p, `document.getElementById("filters").getBoundingClientRect().right <= document.getElementById("results").getBoundingClientRect().left`)
				if !open || !side {
					t.Errorf("desktop filters: open %t, beside the results %t", open, side)
				}
			}
			if !browsertest.Eval[bool](p, `document.querySelector("#facet-brand input[value=Ganni]").getClientRects().length > 0`) {
				t.Fatal("the Ganni checkbox is not visible with the filters open")
			}
			name := "tagdrop-search-filters-" + vp.Name + ".png"
			p.Screenshot(name)
			p.CheckAccessible()

			// Narrow by a facet.
			browsertest.Eval[bool](p, `(() => { document.querySelector("#facet-brand input[value=Ganni]").click(); return true; })()`)
			submit(p, "#facet-form")
			if got := brandsShown(p); len(got) != 3 || got[0] != "Ganni" || got[2] != "Ganni" {
				t.Errorf("after ticking Ganni: brands %q", got)
			}
			if n := p.Count(".chips .chip"); n != 2 { // on sale, Ganni
				t.Errorf("%d filter chips, want 2", n)
			}
			p.CheckKeyboard()

			// Change the sort: price, high to low.
			p.Open(ts.URL + "/search?on_sale=1")
			browsertest.Eval[bool](p, `(() => { document.getElementById("sort").value = "price_high"; return true; })()`)
			submit(p, "#sort-form")
			prices := browsertest.Eval[[]float64](p, `[...document.querySelectorAll("#results .card .price-now")].map(e => parseFloat(e.textContent.replace(/[^0-9.]/g, "")))`)
			if len(prices) < 10 {
				t.Fatalf("%d prices after sorting", len(prices))
			}
			for i := 1; i < len(prices); i++ {
				if prices[i] > prices[i-1] {
					t.Errorf("price high to low: %v after %v", prices[i], prices[i-1])
				}
			}

			// Paginate.
			p.Open(ts.URL + "/search?on_sale=1&per_page=12")
			next := browsertest.Eval[string](p, `document.querySelector(".pagination a[rel=next]").getAttribute("href")`)
			p.Open(ts.URL + next)
			if cur := browsertest.Eval[string](p, `document.querySelector(".pagination [aria-current=page]").textContent`); cur != "2" {
				t.Errorf("after Next the current page is %q", cur)
			}
			if n := p.Count("#results .card"); n != 12 {
				t.Errorf("page 2 shows %d cards, want 12", n)
			}
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`); wide {
				t.Errorf("the search page is wider than the %dpx screen", vp.Width)
			}

			// The product page's chart, with the text summary that says what it shows.
			p.Open(ts.URL + fmt.Sprintf("/products/%d", f.RaisedAgain))
			if n := p.Count(".history svg[role=img]"); n != 1 {
				t.Errorf("product page: %d chart SVGs, want 1", n)
			}
			summary := browsertest.Eval[string](p, `(document.querySelector(".history .chart-summary") || {textContent: ""}).textContent.trim()`)
			if summary == "" {
				t.Error("the chart has no text summary")
			}
			if h := browsertest.Eval[float64](p, `document.querySelector(".history svg").getBoundingClientRect().height`); h < 50 {
				t.Errorf("the chart is %vpx tall: not visible", h)
			}
			p.CheckNoProblems()
		})
	}
}
