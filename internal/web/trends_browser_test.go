package web_test

import (
	"testing"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// TestBrowserTrendsPhone opens /trends in Chromium at phone width: no console errors or failed
// loads, nothing wider than the screen, every link reachable by keyboard, the sparklines drawn
// at a readable size beside their numbers, and the first term's link leads to its search.
func TestBrowserTrendsPhone(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	db := storetest.SQLite(t)
	seedTrends(t, db)
	ts := newSite(t, db, web.Config{})

	b := browsertest.Start(t)
	page := b.NewPage(t, browsertest.Phone)
	page.Open(ts.URL + "/trends")
	page.Screenshot("tagdrop-trends-phone.png")
	page.CheckNoProblems()
	page.CheckAccessible()
	page.CheckKeyboard()
	if n := page.Count(".trend-row svg.sparkline polyline"); n < 2 {
		t.Fatalf("%d sparklines, want one per row of both lists", n)
	}
	if w := browsertest.Eval[float64](page, `document.querySelector(".trend-row svg.sparkline").getBoundingClientRect().width`); w < 100 {
		t.Errorf("the sparkline is %.0f px wide on a phone, want at least 100", w)
	}
	// The row's figures sit on the term's line, right-aligned, not pushed under it.
	if d := browsertest.Eval[float64](page, `(() => {
		const r = document.querySelector(".trend-row");
		return Math.abs(r.querySelector(".trend-figures").getBoundingClientRect().top - r.querySelector(".trend-name").getBoundingClientRect().top);
	})()`); d > 16 {
		t.Errorf("figures are %.0f px off the term's line", d)
	}
	href := browsertest.Eval[string](page, `document.querySelector("#trends-new + p + ol .trend-term").getAttribute("href")`)
	if href != "/search?q=micro+bag" {
		t.Errorf("first term links to %q", href)
	}
	page.Open(ts.URL + href)
	if got := browsertest.Eval[string](page, `document.getElementById("site-search").value`); got != "micro bag" {
		t.Errorf("the search box says %q after following the trend", got)
	}
	page.CheckNoProblems()
}
