package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// seedFeeds registers three feeds: a healthy one with a run, one failing twice in a row with
// an error full of markup, and a file feed never run yet.
func seedFeeds(tb testing.TB, db *store.DB) (healthy, failing, fresh store.Feed) {
	tb.Helper()
	ctx := context.Background()
	must := func(err error) {
		tb.Helper()
		if err != nil {
			tb.Fatal(err)
		}
	}
	var err error
	healthy, err = db.AddFeed(ctx, store.NewFeed{Retailer: "Maison Ligne", Source: "https://feeds.maison-ligne.example/gmc.xml?key=s3cret", Every: 6 * time.Hour})
	must(err)
	failing, err = db.AddFeed(ctx, store.NewFeed{Retailer: "Atelier Nord", Source: "https://atelier-nord.example/products.json", Format: "shopify",
		Currency: "SEK", Every: time.Hour})
	must(err)
	fresh, err = db.AddFeed(ctx, store.NewFeed{Retailer: "Park Lane", Source: "/srv/feeds/park-lane.csv", Format: "csv", Every: 24 * time.Hour})
	must(err)

	now := time.Now()
	r, err := db.EnsureRetailer(ctx, "Maison Ligne")
	must(err)
	runID, err := db.StartFeedRun(ctx, r.ID, healthy.Source, "gmc-xml", now.Add(-2*time.Hour))
	must(err)
	must(db.LinkFeedRun(ctx, runID, healthy.ID))
	must(db.FinishFeedRun(ctx, store.FeedRun{ID: runID, Status: store.RunOK, Format: "gmc-xml", Read: 1240, New: 12, Changed: 87, Unchanged: 1139, Rejected: 2, Gone: 5}))
	must(db.FinishFeedRefresh(ctx, healthy.ID, store.FeedResult{At: now.Add(-2 * time.Hour), Next: now.Add(4 * time.Hour)}))

	for i := range 2 {
		at := now.Add(-time.Duration(2-i) * time.Hour)
		_, err := db.AddFeedRun(ctx, failing, store.FeedRun{Status: store.RunFailed, Format: "shopify", StartedAt: at, FinishedAt: at.Add(time.Second)})
		must(err)
		must(db.FinishFeedRefresh(ctx, failing.ID, store.FeedResult{At: at, Next: now.Add(3 * time.Hour),
			Err: `fetch https://atelier-nord.example/products.json: status 503 <script>alert("x")</script>`}))
	}
	return healthy, failing, fresh
}

// sessionFor signs a new account with role in and returns its session cookie.
func sessionFor(tb testing.TB, db *store.DB, email string, role account.Role) *http.Cookie {
	tb.Helper()
	ctx := context.Background()
	u, err := db.CreateUser(ctx, email, role, "", true)
	if err != nil {
		tb.Fatal(err)
	}
	token, hash, err := account.NewSessionToken()
	if err != nil {
		tb.Fatal(err)
	}
	if err := db.CreateSession(ctx, hash, u.ID, time.Now().Add(time.Hour)); err != nil {
		tb.Fatal(err)
	}
	return &http.Cookie{Name: "tagdrop_session", Value: token}
}

// getAs fetches path with a session cookie (nil: signed out) and parses the page.
func getAs(tb testing.TB, ts *httptest.Server, path string, session *http.Cookie, want int) *html.Node {
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
	if resp.StatusCode != want {
		tb.Fatalf("GET %s: status %d, want %d", path, resp.StatusCode, want)
	}
	doc, err := html.Parse(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func hasFeedsLink(doc *html.Node) bool {
	return len(findAll(doc, func(n *html.Node) bool { h, _ := attr(n, "href"); return n.Data == "a" && h == "/admin/feeds" })) > 0
}

func TestAdminFeedsPage(t *testing.T) {
	db := storetest.SQLite(t)
	healthy, failing, fresh := seedFeeds(t, db)
	ts := newSite(t, db, web.Config{Demo: true}) // demo mode opens the outbox, never the feeds
	admin := sessionFor(t, db, "ada@example.com", account.Admin)
	editor := sessionFor(t, db, "ed@example.com", account.Editor)

	for _, tt := range []struct {
		name    string
		session *http.Cookie
	}{{"signed out", nil}, {"editor", editor}} {
		t.Run(tt.name, func(t *testing.T) {
			getAs(t, ts, "/admin/feeds", tt.session, http.StatusNotFound)
			if hasFeedsLink(getAs(t, ts, "/", tt.session, http.StatusOK)) {
				t.Error("the navigation links to the feeds page")
			}
		})
	}

	doc := getAs(t, ts, "/admin/feeds", admin, http.StatusOK)
	checkPageBasics(t, doc)
	links := findAll(doc, func(n *html.Node) bool { h, _ := attr(n, "href"); return n.Data == "a" && h == "/admin/feeds" })
	if len(links) != 1 {
		t.Fatalf("navigation has %d links to the feeds page, want 1", len(links))
	}
	if cur, _ := attr(links[0], "aria-current"); cur != "page" {
		t.Errorf("the Feeds link is not marked current")
	}
	for _, s := range findAll(doc, tag("script")) {
		if strings.Contains(text(s), "alert") {
			t.Fatal("a feed's error reached the page as a script")
		}
	}
	rows := findAll(doc, func(n *html.Node) bool { return n.Data == "tr" && n.Parent != nil && n.Parent.Data == "tbody" })
	if len(rows) != 3 {
		t.Fatalf("%d feed rows, want 3", len(rows))
	}
	cell := func(id int64, label string) string {
		t.Helper()
		row := byID(doc, "feed-"+strconv.FormatInt(id, 10))
		if row == nil {
			t.Fatalf("no row for feed %d", id)
		}
		for _, td := range findAll(row, tag("td")) {
			if l, _ := attr(td, "data-label"); l == label {
				return text(td)
			}
		}
		t.Fatalf("feed %d has no %q cell", id, label)
		return ""
	}
	tests := []struct {
		name  string
		feed  int64
		label string
		want  []string
		not   []string
	}{
		{"host only, no query", healthy.ID, "Feed", []string{"Maison Ligne", "feeds.maison-ligne.example", "every 6 h"}, []string{"s3cret", "gmc.xml"}},
		{"last run counts", healthy.ID, "Last run", []string{"1240 read", "12 new", "87 changed", "2 rejected", "5 gone"}, nil},
		{"last success", healthy.ID, "Last success", []string{"2 h ago"}, nil},
		{"no error", healthy.ID, "Last error", []string{"none"}, nil},
		{"next run", healthy.ID, "Next run", []string{"in 3 h"}, nil},
		{"failures in a row, error as text", failing.ID, "Last error", []string{"2 in a row", "status 503", `<script>alert("x")</script>`}, nil},
		{"never succeeded", failing.ID, "Last success", []string{"never"}, nil},
		{"failed run", failing.ID, "Last run", []string{"failed"}, []string{"read"}},
		{"run duration", failing.ID, "Duration", []string{"1.0 s"}, nil},
		{"file name only", fresh.ID, "Feed", []string{"Park Lane", "park-lane.csv", "csv"}, []string{"/srv/feeds"}},
		{"not run yet", fresh.ID, "Last run", []string{"not run yet"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := cell(tt.feed, tt.label)
			for _, w := range tt.want {
				if !strings.Contains(got, w) {
					t.Errorf("%s cell %q lacks %q", tt.label, got, w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(got, n) {
					t.Errorf("%s cell %q shows %q", tt.label, got, n)
				}
			}
		})
	}
	if failingRow := byID(doc, "feed-"+strconv.FormatInt(failing.ID, 10)); !hasClass(failingRow, "is-failing") {
		t.Error("the failing feed's row is not marked")
	}
	if head := text(findAll(doc, class("page-head"))[0]); !strings.Contains(head, "3 feeds, 1 failing") {
		t.Errorf("summary %q", head)
	}
}

func TestAdminFeedsEmpty(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	doc := getAs(t, ts, "/admin/feeds", sessionFor(t, db, "ada@example.com", account.Admin), http.StatusOK)
	if e := findAll(doc, class("empty")); len(e) != 1 || !strings.Contains(text(e[0]), "tagdrop feed add") {
		t.Fatal("an empty feed list does not say how to add one")
	}
}
