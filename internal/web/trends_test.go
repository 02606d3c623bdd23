package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/trends"
	"github.com/tagdrop/tagdrop/internal/web"
)

// seedTrends lists products over the last weeks before now: micro bags growing from one a week
// to six in the last complete week (two on sale), canvas totes flat at three a week, each
// product of its own brand and colour so only the titles trend. Then it computes the trends.
func seedTrends(tb testing.TB, db *store.DB) {
	tb.Helper()
	shop := insertID(tb, db, `INSERT INTO retailers (slug, name, created_at) VALUES ('row', 'Atelier Row', 1)`)
	last := trends.Week(time.Now()).AddDate(0, 0, -7)
	n := 0
	add := func(title string, week int, sale bool) {
		n++
		brand := insertID(tb, db, `INSERT INTO brands (slug, name, created_at) VALUES ($1, $2, 1)`,
			fmt.Sprintf("house-%d", n), fmt.Sprintf("House %d", n))
		p := insertID(tb, db, `INSERT INTO products (product_key, brand_id, title, color, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, 1)`,
			fmt.Sprintf("p%d", n), brand, title, fmt.Sprintf("Shade %d", n))
		at := last.AddDate(0, 0, 7*week).Add(30 * time.Hour).UnixMilli()
		o := insertID(tb, db, `INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, first_seen_at, last_seen_at, updated_at)
			VALUES ($1, $2, $3, 'EUR', 100, 100, $4, $4, $4)`, shop, p, fmt.Sprintf("i%d", n), at)
		if sale {
			exec(tb, db, `INSERT INTO sale_events (offer_id, kind, at, price, regular_price) VALUES ($1, 'on_sale', $2, 50, 100)`, o, at)
		}
	}
	for week := -4; week <= 0; week++ {
		for range 3 {
			add("Canvas Tote", week, false)
		}
		bags := 1
		if week == 0 {
			bags = 6
		}
		for i := range bags {
			add("Micro Bag", week, week == 0 && i < 3)
		}
	}
	if _, err := db.RecomputeTrends(context.Background()); err != nil {
		tb.Fatal(err)
	}
}

// TestTrendsPage: the growing phrase ranks first among new listings and links to its search,
// with a sparkline whose label says every week's count; the flat one does not rank; the nav
// links the page; and a catalogue without history shows the empty state.
func TestTrendsPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seedTrends(t, db)
		ts := newSite(t, db, web.Config{})
		_, doc := get(t, ts, "/trends", 200)
		checkPageBasics(t, doc)

		nav := findAll(doc, func(n *html.Node) bool { h, _ := attr(n, "href"); return n.Data == "a" && h == "/trends" })
		if len(nav) != 1 {
			t.Errorf("%d nav links to /trends, want 1", len(nav))
		} else if cur, _ := attr(nav[0], "aria-current"); cur != "page" {
			t.Error("the nav link should be marked current")
		}
		list := byID(doc, "trends-new")
		if list == nil {
			t.Fatal("no New listings list")
		}
		rows := findAll(list.Parent, class("trend-row"))
		if len(rows) == 0 {
			t.Fatal("no trend rows")
		}
		first := findAll(rows[0], class("trend-term"))[0]
		if href, _ := attr(first, "href"); text(first) != "micro bag" || href != "/search?q=micro+bag" {
			t.Errorf("first row = %q → %q, want micro bag → /search?q=micro+bag", text(first), href)
		}
		if got := text(findAll(rows[0], class("trend-figures"))[0]); got != "6 +500%" {
			t.Errorf("figures = %q, want 6 +500%%", got)
		}
		svg := findAll(rows[0], tag("svg"))
		if len(svg) != 1 {
			t.Fatal("no sparkline")
		}
		label, _ := attr(svg[0], "aria-label")
		if role, _ := attr(svg[0], "role"); role != "img" || !strings.HasSuffix(label, ": 0, 0, 0, 1, 1, 1, 1, 6") {
			t.Errorf("sparkline role %q label %q", role, label)
		}
		if pts := findAll(svg[0], tag("polyline")); len(pts) != 1 || strings.Count(mustAttr(pts[0], "points"), ",") != 8 {
			t.Error("the sparkline should have one point per week")
		}
		for _, r := range findAll(doc, class("trend-term")) {
			if strings.Contains(text(r), "tote") || strings.Contains(text(r), "canvas") {
				t.Errorf("flat term %q ranked", text(r))
			}
		}
		sale := byID(doc, "trends-sale")
		if sale == nil || !strings.Contains(text(sale.Parent), "micro bag") {
			t.Error("the sale list should show micro bag (three went on sale)")
		}

		// Once the job has stored the week's rankings, the page shows those.
		judged := trends.JudgedWeek(time.Now())
		stored := trends.Ranked{Series: trends.Series{Term: trends.Term{Key: "material:faux fur", Kind: trends.Material, Label: "faux fur"},
			Counts: []int{0, 0, 0, 0, 1, 1, 2, 9}}, Current: 9, Base: 1, Score: 5}
		if err := db.SaveTrendRankings(context.Background(), judged, map[string][]trends.Ranked{store.TrendNew: {stored}}); err != nil {
			t.Fatal(err)
		}
		_, doc = get(t, ts, "/trends", 200)
		terms := findAll(byID(doc, "trends-new").Parent, class("trend-term"))
		if len(terms) != 1 || text(terms[0]) != "faux fur" || mustAttr(terms[0], "href") != "/search?q=faux+fur" {
			t.Errorf("with stored rankings the new list should be faux fur alone, got %d rows", len(terms))
		}
		if sale := findAll(byID(doc, "trends-sale").Parent, class("trend-term")); len(sale) != 0 {
			t.Errorf("the stored sale list is empty; the page shows %d rows", len(sale))
		}

		_, empty := get(t, newSite(t, storetest.SQLite(t), web.Config{}), "/trends", 200)
		if es := findAll(empty, class("empty-state")); len(es) != 1 || !strings.Contains(text(es[0]), "Not enough history yet") {
			t.Error("an empty catalogue should show the empty state")
		}
	})
}

func mustAttr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}
