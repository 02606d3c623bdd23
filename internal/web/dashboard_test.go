package web_test

import (
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// Names that must stay text wherever the dashboard shows them: in HTML, SVG and CSV.
const (
	evilBrand = `=HYPERLINK("https://evil.example","win")`
	evilShop  = `<script>alert("shop")</script>`
)

// dashboardFixture is a catalogue with clicks whose shop and brand names attack the page and a
// spreadsheet, the feeds of seedFeeds and today's snapshot.
type dashboardFixture struct {
	product int64
}

func seedDashboard(tb testing.TB, db *store.DB) dashboardFixture {
	tb.Helper()
	ctx := context.Background()
	seedFeeds(tb, db)
	now := time.Now()
	shop := insertID(tb, db, `INSERT INTO retailers (slug, name, created_at) VALUES ('evil', $1, 1)`, evilShop)
	brand := insertID(tb, db, `INSERT INTO brands (slug, name, created_at) VALUES ('evil', $1, 1)`, evilBrand)
	product := insertID(tb, db, `INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('micro', $1, 'Micro bag', 1, 1)`, brand)
	offer := insertID(tb, db, `INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, availability,
		first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, 'm1', 'EUR', 5000, 10000, 'in_stock', $3, $3, $3)`, shop, product, now.Add(-48*time.Hour).UnixMilli())
	for i := range 4 {
		source := "page"
		if i == 3 {
			source = "digest"
		}
		exec(tb, db, `INSERT INTO clickouts (offer_id, product_id, brand_id, retailer_id, source, at) VALUES ($1, $2, $3, $4, $5, $6)`,
			offer, product, brand, shop, source, now.Add(-time.Hour).UnixMilli())
	}
	if _, err := db.TakeSnapshot(ctx, now); err != nil {
		tb.Fatal(err)
	}
	return dashboardFixture{product: product}
}

// fetch GETs path with a session and returns the answer's status, headers and body.
func fetchAs(tb testing.TB, ts *httptest.Server, path string, session *http.Cookie) (int, http.Header, string) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodGet, ts.URL+path, nil)
	if session != nil {
		req.AddCookie(session)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

func TestDashboardIsForAdminsOnly(t *testing.T) {
	db := storetest.SQLite(t)
	seedDashboard(t, db)
	ts := newSite(t, db, web.Config{})
	shopperSession := sessionFor(t, db, "shop@example.com", account.Shopper)
	editor := sessionFor(t, db, "ed@example.com", account.Editor)
	for _, tt := range []struct {
		name    string
		session *http.Cookie
	}{{"signed out", nil}, {"shopper", shopperSession}, {"editor", editor}} {
		t.Run(tt.name, func(t *testing.T) {
			for _, path := range []string{"/admin", "/admin?days=7", "/admin?format=csv&table=clicks-brand", "/admin/dashboard/clicks-brand.csv",
				"/admin/dashboard/feeds.csv"} {
				status, h, body := fetchAs(t, ts, path, tt.session)
				if status != http.StatusNotFound || strings.Contains(body, "Micro bag") || strings.Contains(h.Get("Content-Type"), "csv") {
					t.Errorf("GET %s: status %d (%s), want a plain 404", path, status, h.Get("Content-Type"))
				}
			}
			doc := getAs(t, ts, "/", tt.session, http.StatusOK)
			if len(findAll(doc, func(n *html.Node) bool { h, _ := attr(n, "href"); return n.Data == "a" && h == "/admin" })) > 0 {
				t.Error("the navigation links to the dashboard")
			}
		})
	}
}

func TestDashboardPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := seedDashboard(t, db)
		ts := newSite(t, db, web.Config{})
		admin := sessionFor(t, db, "ada@example.com", account.Admin)

		status, _, body := fetchAs(t, ts, "/admin?days=7", admin)
		if status != http.StatusOK {
			t.Fatalf("GET /admin: %d", status)
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		checkPageBasics(t, doc)
		nav := findAll(doc, func(n *html.Node) bool { h, _ := attr(n, "href"); return n.Data == "a" && h == "/admin" })
		if len(nav) != 1 {
			t.Fatalf("%d links to the dashboard, want 1 in the navigation", len(nav))
		}
		if cur, _ := attr(nav[0], "aria-current"); cur != "page" {
			t.Error("the Dashboard link is not marked current")
		}
		for _, id := range []string{"feeds", "catalogue", "clicks", "clicks-retailer", "clicks-brand", "clicks-collection", "clicks-source", "digests", "products"} {
			if byID(doc, id) == nil {
				t.Errorf("no section #%s", id)
			}
		}
		if strings.Contains(body, evilShop) || strings.Contains(body, "<script>") {
			t.Error("a shop's name reached the page as markup")
		}
		for _, s := range findAll(doc, tag("script")) {
			if strings.Contains(text(s), "alert") {
				t.Fatal("a shop's name became a script")
			}
		}
		shopText := text(byID(doc, "clicks-retailer"))
		if !strings.Contains(shopText, evilShop) || !strings.Contains(shopText, "100.0%") {
			t.Errorf("clicks by shop: %q", shopText)
		}
		if src := text(byID(doc, "clicks-source")); !strings.Contains(src, "Product pages") || !strings.Contains(src, "75.0%") || !strings.Contains(src, "E-mail digests") {
			t.Errorf("clicks by source: %q", src)
		}
		if top := text(byID(doc, "products")); !strings.Contains(top, "Micro bag") || !strings.Contains(top, evilBrand) {
			t.Errorf("top products: %q", top)
		}
		if len(findAll(byID(doc, "products"), func(n *html.Node) bool {
			h, _ := attr(n, "href")
			return n.Data == "a" && h == fmt.Sprintf("/products/%d", f.product)
		})) != 1 {
			t.Error("the top product does not link to its page")
		}
		if feeds := text(byID(doc, "feeds")); !strings.Contains(feeds, "Atelier Nord") || !strings.Contains(feeds, "1 failing") {
			t.Errorf("feed health: %q", feeds)
		}
		if cat := text(byID(doc, "catalogue")); !strings.Contains(cat, "100.0%") {
			t.Errorf("catalogue: %q (one offer, on sale)", cat)
		}
		// Every chart is well-formed XML once serialised, with a title.
		svgs := findAll(doc, tag("svg"))
		if len(svgs) < 6 {
			t.Errorf("%d charts, want at least 6", len(svgs))
		}
		for _, svg := range svgs {
			var b strings.Builder
			if err := html.Render(&b, svg); err != nil {
				t.Fatal(err)
			}
			dec := xml.NewDecoder(strings.NewReader(b.String()))
			for {
				_, err := dec.Token()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("chart is not well-formed: %v", err)
				}
			}
			if len(findAll(svg, tag("title"))) != 1 {
				t.Error("a chart has no title")
			}
		}
		// Every CSV link downloads.
		links := findAll(doc, class("dash-csv"))
		if len(links) < 8 {
			t.Errorf("%d CSV links, want at least 8", len(links))
		}
		for _, a := range links {
			href, _ := attr(a, "href")
			status, h, _ := fetchAs(t, ts, href, admin)
			if status != http.StatusOK || !strings.HasPrefix(h.Get("Content-Disposition"), "attachment; filename=") {
				t.Errorf("GET %s: %d, %q", href, status, h.Get("Content-Disposition"))
			}
		}
	})
}

func TestDashboardCSV(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seedDashboard(t, db)
		ts := newSite(t, db, web.Config{})
		admin := sessionFor(t, db, "ada@example.com", account.Admin)
		for _, path := range []string{"/admin/dashboard/clicks-brand.csv?days=90", "/admin?format=csv&table=clicks-brand&days=90"} {
			status, h, body := fetchAs(t, ts, path, admin)
			if status != http.StatusOK {
				t.Fatalf("GET %s: %d", path, status)
			}
			if ct := h.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			if cd := h.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="tagdrop-clicks-brand-90d-`) {
				t.Errorf("Content-Disposition %q", cd)
			}
			recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(recs) != 2 || strings.Join(recs[0], ",") != "brand_id,brand,clicks,share_pct" {
				t.Fatalf("records %q", recs)
			}
			if recs[1][1] != "'"+evilBrand || recs[1][2] != "4" || recs[1][3] != "100.0" {
				t.Errorf("row %q: the brand must start with an apostrophe, 4 clicks, 100%%", recs[1])
			}
		}
		status, _, body := fetchAs(t, ts, "/admin/dashboard/top-products.csv", admin)
		if status != http.StatusOK || !strings.Contains(body, "'"+strings.ReplaceAll(evilBrand, `"`, `""`)) {
			t.Errorf("top products CSV (%d): %q", status, body)
		}
		for _, path := range []string{"/admin/dashboard/nothing.csv", "/admin/dashboard/clicks-brand", "/admin?format=csv&table=nothing"} {
			if status, _, _ := fetchAs(t, ts, path, admin); status != http.StatusNotFound {
				t.Errorf("GET %s: %d, want 404", path, status)
			}
		}
	})
}

func TestDashboardWindow(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	admin := sessionFor(t, db, "ada@example.com", account.Admin)
	for _, tt := range []struct{ query, want string }{
		{"", "30 days"}, {"?days=7", "7 days"}, {"?days=90", "90 days"}, {"?days=365", "30 days"}, {"?days=seven", "30 days"},
	} {
		doc := getAs(t, ts, "/admin"+tt.query, admin, http.StatusOK)
		var current []string
		for _, a := range findAll(doc, class("dash-window")) {
			for _, l := range findAll(a, tag("a")) {
				if c, _ := attr(l, "aria-current"); c == "page" {
					current = append(current, text(l))
				}
			}
		}
		if len(current) != 1 || current[0] != tt.want {
			t.Errorf("/admin%s: current window %q, want %q", tt.query, current, tt.want)
		}
		if lede := text(findAll(doc, class("lede"))[0]); !strings.Contains(lede, "last "+strings.TrimSuffix(tt.want, " days")+" days") {
			t.Errorf("/admin%s: %q", tt.query, lede)
		}
	}
}
