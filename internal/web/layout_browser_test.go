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

// Feeds carry names with nothing to wrap at: a brand spelled with underscores by a CSV export,
// a title that is a shop's SKU slug. They must wrap, not push the page sideways.
const (
	longBrand = "MAISON_ATELIER_EXTRAORDINAIRE_PARISIENNE"
	longTitle = "Oversized_double_breasted_virgin_wool_cashmere_overcoat"
)

// wideJS measures the page against the layout viewport (a phone zooms out to show a page
// wider than the screen, so window.innerWidth would grow with the page), names the first
// elements drawn past its right edge and the text clipped inside its box instead of wrapping.
const wideJS = `(() => {
	const vw = document.documentElement.clientWidth;
	const short = el => el.outerHTML.replace(/\s+/g, " ").slice(0, 100);
	const shown = [...document.body.querySelectorAll("*")].filter(el => el.checkVisibility({visibilityProperty: true}) && !el.closest(".skip, .visually-hidden"));
	const wide = shown.filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > vw + 1; }).slice(0, 3).map(short);
	const clipped = shown.filter(el => [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0).slice(0, 3).map(short);
	return {scrollWidth: document.documentElement.scrollWidth, clientWidth: vw, screenWidth: screen.width, wide, clipped};
})()`

type pageWidth struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	ScreenWidth int      `json:"screenWidth"`
	Wide        []string `json:"wide"`
	Clipped     []string `json:"clipped"`
}

// TestBrowserLongNamesFitPhone gives a product on sale, in the published collection, a brand and
// a title without a single space, then opens every page that shows them on a 390 px phone: the
// page must stay 390 px wide (no sideways scrolling, no zooming out) and no text may be cut off.
func TestBrowserLongNamesFitPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	f := seed(t, db)
	pid := f.SaleProducts[0]
	exec(t, db, `UPDATE products SET title = $1 WHERE id = $2`, longTitle, pid)
	exec(t, db, `UPDATE brands SET name = $1 WHERE id = (SELECT brand_id FROM products WHERE id = $2)`, longBrand, pid)
	ts := newSite(t, db, web.Config{Demo: true})

	p := b.NewPage(t, browsertest.Phone)
	for _, path := range []string{"/", "/collections/" + f.Collection, fmt.Sprintf("/products/%d", pid), "/search?q=overcoat"} {
		p.Open(ts.URL + path)
		if !strings.Contains(browsertest.Eval[string](p, `document.body.innerText`), longTitle) {
			t.Errorf("%s: the long title is not shown, so the check proves nothing", path)
		}
		w := browsertest.Eval[pageWidth](p, wideJS)
		if w.ScrollWidth > int(browsertest.Phone.Width) || w.ClientWidth != int(browsertest.Phone.Width) {
			t.Errorf("%s: the page is wider than the %d px phone: scrollWidth %d, clientWidth %d; too wide: %q", path, browsertest.Phone.Width, w.ScrollWidth, w.ClientWidth, w.Wide)
		}
		if len(w.Clipped) > 0 {
			t.Errorf("%s: text cut off instead of wrapped: %q", path, w.Clipped)
		}
		p.Screenshot("tagdrop-long-names" + strings.NewReplacer("/", "-", "?", "-", "=", "-").Replace(path) + ".png")
	}
	p.CheckNoProblems()
}

// tapTargetsJS lists the visible controls a thumb must hit that are less than 44 px tall:
// buttons, fields, disclosures, the header's links, links that stand alone on their line, and
// the labels of checkboxes and radio buttons (the box itself is small; its label is the
// target). Links inside running text are exempt, as WCAG 2.5.8 allows.
const tapTargetsJS = `(() => {
	const sel = "button, select, textarea, input:not([type=hidden]), summary, " +
		".logo, .nav-signin, .pagination a, table.offers a, .chart-range a, .auth-alt a, .crumbs a, .chip, .step-link, .form-error a, " +
		".letter-jump a, .brand-index a";
	const target = el => (el.type === "checkbox" || el.type === "radio") && el.labels && el.labels.length ? el.labels[0] : el;
	return [...document.querySelectorAll(sel)].filter(el => el.checkVisibility({visibilityProperty: true}))
		.filter(el => target(el).getBoundingClientRect().height < 43.5)
		.map(el => Math.round(target(el).getBoundingClientRect().height) + " px: " + target(el).outerHTML.replace(/\s+/g, " ").slice(0, 90));
})()`

// chartTextJS is the smallest rendered size, in CSS pixels, of the price chart's axis labels:
// the SVG scales its text with the chart's width.
const chartTextJS = `(() => {
	const svg = document.querySelector(".chart svg");
	const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
	return Math.min(...[...svg.querySelectorAll(".chart-label")].map(t => parseFloat(getComputedStyle(t).fontSize) * scale));
})()`

// TestBrowserTapTargetsPhone opens the pages a shopper uses most on a 390 px phone, signed out
// and signed in (with a love and a saved search, and the first-run steps), every disclosure in
// the content opened, and fails for every button, field,
// checkbox label, disclosure or stand-alone link shorter than 44 px, and for price chart labels
// drawn smaller than 10 px.
func TestBrowserTapTargetsPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	f := seed(t, db)
	ts := newSite(t, db, web.Config{Demo: true})

	hash, err := account.HashPassword("a long pass phrase")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(context.Background(), "shopper@example.com", account.Shopper, hash, true); err != nil {
		t.Fatal(err)
	}

	p := b.NewPage(t, browsertest.Phone)
	product := fmt.Sprintf("/products/%d", f.SaleProducts[1])
	check := func(p *browsertest.Page, paths ...string) {
		for _, path := range paths {
			p.Open(ts.URL + path)
			browsertest.Eval[bool](p, `(() => { for (const d of document.querySelectorAll("main details")) d.open = true; return true; })()`)
			for _, small := range browsertest.Eval[[]string](p, tapTargetsJS) {
				t.Errorf("%s: tap target under 44 px on a phone: %s", path, small)
			}
		}
	}
	check(p, "/", "/search?q=bag", "/search?brand=Jacquemus&q=a", product, "/collections/"+f.Collection, "/brands", "/signin", "/signup", "/password/forgot")
	// A refused filter answers 400, which its own tab may log.
	check(b.NewPage(t, browsertest.Phone), "/search?q=bag&min_price=abc")
	signIn(t, p, ts.URL, "shopper@example.com")
	// A love and a saved search, so that /loves shows their Edit and Remove controls.
	if !browsertest.Eval[bool](p, fmt.Sprintf(`(async () => {
		const a = await fetch("/loves", {method: "POST", body: new URLSearchParams({product: "%d", any_drop: "1"})});
		const b = await fetch("/saved", {method: "POST", body: new URLSearchParams({query: "q=bag", name: "Bags"})});
		return a.ok && b.ok;
	})()`, f.SaleProducts[1])) {
		t.Fatal("could not add a love and a saved search")
	}
	check(p, product, "/settings", "/account", "/loves")
	if n := p.Count(".love-edit summary"); n == 0 {
		t.Error("/loves shows no love to edit, so its controls went unchecked")
	}
	check(p, "/welcome", "/welcome?step=2", "/welcome?step=3")
	p.Open(ts.URL + product)
	if px := browsertest.Eval[float64](p, chartTextJS); px < 10 {
		t.Errorf("price chart labels are drawn at %.1f px on a phone, want at least 10", px)
	}
	p.CheckNoProblems()
}
