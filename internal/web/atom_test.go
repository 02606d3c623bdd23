package web_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

const atomBase = "https://tagdrop.example"

// atomFeedDoc is a feed read back with encoding/xml.
type atomFeedDoc struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Author  string   `xml:"author>name"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
		Content string `xml:"content"`
	} `xml:"entry"`
}

func atomSite(t *testing.T, db *store.DB) (*httptest.Server, *index.Index) {
	t.Helper()
	ix, err := index.Build(context.Background(), db, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return newSite(t, db, web.Config{Index: ix, Catalogue: ix, BaseURL: atomBase}), ix
}

// fetchFeed GETs a feed path without any cookie, as a feed reader does.
func fetchFeed(t *testing.T, ts *httptest.Server, path string, want int) atomFeedDoc {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("GET %s: %d, want %d", path, resp.StatusCode, want)
	}
	var doc atomFeedDoc
	if want != http.StatusOK {
		return doc
	}
	if ct := resp.Header.Get("Content-Type"); ct != "application/atom+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if err := xml.Unmarshal(body, &doc); err != nil {
		t.Fatalf("GET %s: not Atom: %v\n%s", path, err, body)
	}
	for _, s := range append([]string{doc.Updated}, func() []string {
		var u []string
		for _, e := range doc.Entries {
			u = append(u, e.Updated)
		}
		return u
	}()...) {
		if _, err := time.Parse(time.RFC3339, s); err != nil {
			t.Errorf("updated %q is not RFC 3339", s)
		}
	}
	return doc
}

// makeFeed presses "Make my feed address" and returns the feed's path from the page.
func makeFeed(t *testing.T, ts *httptest.Server, session *http.Cookie) string {
	t.Helper()
	status, loc, doc := postPrefs(t, ts, "/settings/feed", session, url.Values{})
	if status != http.StatusOK {
		t.Fatalf("POST /settings/feed: %d %s", status, loc)
	}
	in := byID(doc, "feed-url")
	if in == nil {
		t.Fatal("no feed address on the page")
	}
	v, _ := attr(in, "value")
	path, ok := strings.CutPrefix(v, atomBase)
	if !ok || !strings.HasPrefix(path, "/feeds/") || !strings.HasSuffix(path, ".atom") {
		t.Fatalf("feed address %q", v)
	}
	return path
}

func TestAtomFeed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		seed(t, db)
		seedKinds(t, db)
		ts, ix := atomSite(t, db)
		session, uid := shopper(t, db, "ada@example.com")
		session.Name = "__Host-tagdrop_session" // the base URL is https
		prefs := mySalesPrefs(uid)
		if err := db.SavePreferences(ctx, prefs); err != nil {
			t.Fatal(err)
		}
		path := makeFeed(t, ts, session)

		// No digest yet: the live matches, in the matcher's order.
		live := alerts.Match(ix, prefs, nil, time.Now(), 30)
		if len(live) < 3 {
			t.Fatalf("fixture gives %d live matches", len(live))
		}
		doc := fetchFeed(t, ts, path, http.StatusOK)
		if doc.ID != "tag:tagdrop.example,2026:shopper-feed/"+strconv.FormatInt(uid, 10) || doc.Title == "" || doc.Author == "" {
			t.Fatalf("feed head %+v", doc)
		}
		if len(doc.Entries) != len(live) {
			t.Fatalf("%d entries, want the %d live matches", len(doc.Entries), len(live))
		}
		for i, e := range doc.Entries {
			if e.Link.Href != atomBase+"/products/"+strconv.FormatInt(live[i].ProductID, 10) || !strings.Contains(e.Title, live[i].Title) {
				t.Errorf("entry %d = %q %s, want product %d %q", i, e.Title, e.Link.Href, live[i].ProductID, live[i].Title)
			}
		}

		// A digest: its items replace the live list, in the digest's order, with its prices.
		hostile := `Bag <script>alert("x")</script> & co`
		var offers []struct{ id, product int64 }
		rows, err := db.SQL().QueryContext(ctx, `SELECT id, product_id FROM offers ORDER BY id LIMIT 2`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var o struct{ id, product int64 }
			if err := rows.Scan(&o.id, &o.product); err != nil {
				t.Fatal(err)
			}
			offers = append(offers, o)
		}
		rows.Close()
		exec(t, db, `UPDATE products SET title = $1 WHERE id = $2`, hostile, offers[1].product)
		made := time.Date(2026, 11, 20, 8, 0, 0, 0, time.UTC)
		digest := insertID(t, db, `INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, 'p1', 'sent', $2)`, uid, made.UnixMilli())
		for i, o := range []int64{offers[1].id, offers[0].id} {
			exec(t, db, `INSERT INTO digest_items (digest_id, position, offer_id, price, regular_price, currency, reason)
				VALUES ($1, $2, $3, 12345, 20000, 'EUR', 'follows you')`, digest, i+1, o)
		}
		doc = fetchFeed(t, ts, path, http.StatusOK)
		if len(doc.Entries) != 2 {
			t.Fatalf("%d entries, want the digest's 2", len(doc.Entries))
		}
		first := doc.Entries[0]
		if first.ID != "tag:tagdrop.example,2026:digest/"+strconv.FormatInt(digest, 10)+"/"+strconv.FormatInt(offers[1].id, 10) ||
			!strings.Contains(first.Title, hostile) || !strings.Contains(first.Title, "€123.45") || first.Updated != "2026-11-20T08:00:00Z" ||
			first.Link.Href != atomBase+"/products/"+strconv.FormatInt(offers[1].product, 10) {
			t.Fatalf("first entry %+v", first)
		}
		if strings.Contains(first.Content, "<script>") || !strings.Contains(first.Content, "&lt;script&gt;") {
			t.Errorf("content HTML does not escape the title: %q", first.Content)
		}
		if doc.Updated != "2026-11-20T08:00:00Z" {
			t.Errorf("feed updated %s, want the newest entry's", doc.Updated)
		}

		// Only GET: a POST is refused, a stranger's token is 404.
		resp, err := http.Post(ts.URL+path, "text/plain", nil)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("POST to the feed: %d", resp.StatusCode)
		}
		fetchFeed(t, ts, "/feeds/"+strings.Repeat("A", 43)+".atom", http.StatusNotFound)
		fetchFeed(t, ts, "/feeds/short.atom", http.StatusNotFound)
		fetchFeed(t, ts, strings.TrimSuffix(path, ".atom"), http.StatusNotFound)

		// The settings page says the feed is on; a new address kills the old one.
		if doc := getSettings(t, ts, session); byID(doc, "feeds") == nil || !strings.Contains(text(byID(doc, "feeds")), "Your feed is on") {
			t.Fatal("the settings page does not show the feed as on")
		}
		newPath := makeFeed(t, ts, session)
		if newPath == path {
			t.Fatal("a new address repeats the old one")
		}
		fetchFeed(t, ts, path, http.StatusNotFound)
		fetchFeed(t, ts, newPath, http.StatusOK)

		// Revoked: 404, and the page offers to make one again.
		status, loc, _ := postPrefs(t, ts, "/settings/feed/revoke", session, url.Values{})
		if status != http.StatusSeeOther || loc != "/settings#feeds" {
			t.Fatalf("revoke: %d %q", status, loc)
		}
		fetchFeed(t, ts, newPath, http.StatusNotFound)
		if doc := getSettings(t, ts, session); strings.Contains(text(byID(doc, "feeds")), "Your feed is on") {
			t.Fatal("the settings page still shows the revoked feed")
		}
		// Without a sign-in nothing is made.
		if status, _, _ := postPrefs(t, ts, "/settings/feed", nil, url.Values{}); status != http.StatusSeeOther {
			t.Fatalf("anonymous POST /settings/feed: %d", status)
		}
	})
}

func getSettings(t *testing.T, ts *httptest.Server, session *http.Cookie) *html.Node {
	t.Helper()
	return getAs(t, ts, "/settings", session, http.StatusOK)
}
