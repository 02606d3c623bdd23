package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// clickSite is the real site with a click-out service wired as `tagdrop serve` does it.
type clickSite struct {
	ts  *httptest.Server
	db  *store.DB
	svc *clicks.Service
	rec *clicks.Recorder
}

func newClickSite(tb testing.TB, db *store.DB, cfg web.Config) *clickSite {
	tb.Helper()
	ctx := context.Background()
	secret, err := db.ClickSecret(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	signer, err := clicks.NewSigner(secret)
	if err != nil {
		tb.Fatal(err)
	}
	rec := clicks.NewRecorder(db, clicks.RecorderConfig{}, nil)
	tb.Cleanup(func() { _ = rec.Close(context.Background()) })
	svc, err := clicks.NewService(ctx, signer, db, rec, clicks.Config{}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Clicks = svc
	return &clickSite{ts: newSite(tb, db, cfg), db: db, svc: svc, rec: rec}
}

// noFollow is a client that shows redirects instead of following them.
func noFollow(cookie *http.Cookie) *http.Client {
	jar := &cookieJar{cookie: cookie}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

type cookieJar struct{ cookie *http.Cookie }

func (j *cookieJar) SetCookies(*url.URL, []*http.Cookie) {}
func (j *cookieJar) Cookies(*url.URL) []*http.Cookie {
	if j.cookie == nil {
		return nil
	}
	return []*http.Cookie{j.cookie}
}

func request(tb testing.TB, c *http.Client, method, u string) *http.Response {
	tb.Helper()
	req, _ := http.NewRequest(method, u, nil)
	resp, err := c.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	resp.Body.Close()
	return resp
}

// offerLinks returns the product page's links to retailers: the "Shop at" button first, then
// each offer row's link.
func offerLinks(tb testing.TB, ts *httptest.Server, product int64) []string {
	tb.Helper()
	_, doc := get(tb, ts, "/products/"+strconv.FormatInt(product, 10), http.StatusOK)
	var out []string
	for _, a := range findAll(doc, tag("a")) {
		if rel, _ := attr(a, "rel"); strings.Contains(rel, "nofollow") {
			href, _ := attr(a, "href")
			out = append(out, href)
		}
	}
	return out
}

func TestProductPageLinksGoThroughOut(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	site := newClickSite(t, db, web.Config{})
	links := offerLinks(t, site.ts, f.SaleProducts[1])
	if len(links) < 2 {
		t.Fatalf("found %d retailer links, want the button and the offers", len(links))
	}
	for _, l := range links {
		if !strings.HasPrefix(l, "/out/") {
			t.Errorf("retailer link %q does not go through /out/", l)
		}
	}
	// The button leads where the best offer's row leads.
	resp := request(t, noFollow(nil), "GET", site.ts.URL+links[0])
	best := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusFound || !strings.HasPrefix(best, "https://example.com/p/") {
		t.Fatalf("button: %d to %q", resp.StatusCode, best)
	}
	found := false
	for _, l := range links[1:] {
		if request(t, noFollow(nil), "GET", site.ts.URL+l).Header.Get("Location") == best {
			found = true
		}
	}
	if !found {
		t.Errorf("no offer row leads to the button's %q", best)
	}
}

func TestOutRedirect(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	site := newClickSite(t, db, web.Config{})
	ctx := context.Background()
	pid := f.SaleProducts[0]
	links := offerLinks(t, site.ts, pid)
	link := site.ts.URL + links[1]
	tok := strings.TrimPrefix(links[1], "/out/")
	var offerID int64
	var offerURL string
	if err := db.SQL().QueryRow(`SELECT id, url FROM offers WHERE product_id = $1 ORDER BY CASE WHEN availability = 'in_stock' THEN 0 ELSE 1 END, price, id LIMIT 1`, pid).Scan(&offerID, &offerURL); err != nil {
		t.Fatal(err)
	}

	shopper := sessionFor(t, db, "ada@example.com", account.Shopper)
	resp := request(t, noFollow(shopper), "GET", link)
	if resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != offerURL {
		t.Fatalf("click-out: %d to %q, want 302 to %q", resp.StatusCode, resp.Header.Get("Location"), offerURL)
	}
	for h, want := range map[string]string{"Cache-Control": "no-store", "Referrer-Policy": "strict-origin"} {
		if got := resp.Header.Get(h); got != want {
			t.Errorf("%s: %q, want %q", h, got, want)
		}
	}

	t.Run("request cannot choose the target", func(t *testing.T) {
		for _, u := range []string{link + "?url=https://evil.example/", link + "?next=//evil.example", link + "#https://evil.example"} {
			if loc := request(t, noFollow(nil), "GET", u).Header.Get("Location"); loc != offerURL {
				t.Errorf("GET %s went to %q", u, loc)
			}
		}
	})

	t.Run("forged and altered tokens get 400 and no redirect", func(t *testing.T) {
		flipped := []byte(tok)
		if flipped[5] == 'A' {
			flipped[5] = 'B'
		} else {
			flipped[5] = 'A'
		}
		for _, path := range []string{
			"/out/" + string(flipped), "/out/" + tok[:len(tok)-1], "/out/" + tok + "x", "/out/https:%2F%2Fevil.example",
			"/out/" + url.PathEscape("javascript:alert(1)"), "/out/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		} {
			resp := request(t, noFollow(nil), "GET", site.ts.URL+path)
			if resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Location") != "" {
				t.Errorf("GET %s: %d to %q, want 400 without Location", path, resp.StatusCode, resp.Header.Get("Location"))
			}
		}
	})

	t.Run("affiliate template applies at redirect", func(t *testing.T) {
		admin := sessionFor(t, db, "admin@example.com", account.Admin)
		var retailer int64
		if err := db.SQL().QueryRow(`SELECT retailer_id FROM offers WHERE id = $1`, offerID).Scan(&retailer); err != nil {
			t.Fatal(err)
		}
		c := newLovesClient(t, db, site.ts, "")
		c.session = admin
		status, loc, _ := c.post("/admin/affiliates/"+strconv.FormatInt(retailer, 10), url.Values{"template": {"https://network.example/deeplink?id=7&murl={url_encoded}"}})
		if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/admin/affiliates?saved=") {
			t.Fatalf("saving a template: %d to %q", status, loc)
		}
		want := "https://network.example/deeplink?id=7&murl=" + url.QueryEscape(offerURL)
		if got := request(t, noFollow(nil), "GET", link).Header.Get("Location"); got != want {
			t.Errorf("with a deep-link template the click went to %q, want %q", got, want)
		}
		if err := db.SetAffiliateTemplate(ctx, retailer, ""); err != nil {
			t.Fatal(err)
		}
		if err := site.svc.ReloadTemplates(ctx); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("gone and deleted offers land on the product page", func(t *testing.T) {
		exec(t, db, `UPDATE offers SET gone_at = 1 WHERE id = $1`, offerID)
		// A fresh service: the running one trusts its cache for a minute, as documented.
		site2 := newClickSite(t, db, web.Config{BaseURL: "https://tagdrop.example"})
		resp := request(t, noFollow(nil), "GET", site2.ts.URL+"/out/"+tok)
		if want := "https://tagdrop.example/products/" + strconv.FormatInt(pid, 10); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != want {
			t.Errorf("gone offer: %d to %q, want %q", resp.StatusCode, resp.Header.Get("Location"), want)
		}
		deleted, err := site2.svc.Signer().Sign(clicks.Token{OfferID: 99999999, ProductID: pid, Source: clicks.SourceDigest})
		if err != nil {
			t.Fatal(err)
		}
		if loc := request(t, noFollow(nil), "GET", site2.ts.URL+"/out/"+deleted).Header.Get("Location"); !strings.HasSuffix(loc, "/products/"+strconv.FormatInt(pid, 10)) {
			t.Errorf("deleted offer went to %q", loc)
		}
	})

	t.Run("recorded with the session's shopper; HEAD is not recorded", func(t *testing.T) {
		before := site.rec.Stats().Sent
		if resp := request(t, noFollow(nil), "HEAD", link); resp.StatusCode != http.StatusFound {
			t.Errorf("HEAD: %d", resp.StatusCode)
		}
		if site.rec.Stats().Sent != before {
			t.Error("a HEAD request was recorded as a click")
		}
		if err := site.rec.Close(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := db.RecentClicks(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		u, err := db.UserByEmail(ctx, "ada@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(got)) != site.rec.Stats().Written {
			t.Errorf("%d clicks stored, recorder wrote %d", len(got), site.rec.Stats().Written)
		}
		first := got[len(got)-1] // the shopper's, the oldest
		if first.OfferID != offerID || first.ProductID != pid || first.UserID != u.ID || first.Source != clicks.SourcePage || first.RetailerID == 0 || first.BrandID == 0 {
			t.Errorf("first click stored as %+v", first)
		}
	})
}

func TestAdminAffiliates(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	site := newClickSite(t, db, web.Config{})
	shopper := newLovesClient(t, db, site.ts, "bob@example.com")
	if status, _, _ := shopper.do("GET", "/admin/affiliates", nil); status != http.StatusNotFound {
		t.Errorf("a shopper got the affiliate page: %d", status)
	}
	admin := newLovesClient(t, db, site.ts, "")
	admin.session = sessionFor(t, db, "admin@example.com", account.Admin)
	status, _, doc := admin.do("GET", "/admin/affiliates", nil)
	if status != http.StatusOK || len(findAll(doc, class("affiliate"))) != 3 {
		t.Fatalf("affiliate page: %d with %d retailers", status, len(findAll(doc, class("affiliate"))))
	}
	list, err := db.RetailerAffiliates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(list[0].ID, 10)
	status, _, doc = admin.post("/admin/affiliates/"+id, url.Values{"template": {"http://network.example/d?u={url_encoded}"}})
	errText := ""
	if n := byID(doc, "template-"+id+"-error"); n != nil {
		errText = text(n)
	}
	if status != http.StatusBadRequest || !strings.Contains(errText, "Template") || !strings.Contains(errText, "https") {
		t.Errorf("an http deep link: %d, error %q", status, errText)
	}
	if input := byID(doc, "template-"+id); input == nil {
		t.Error("the refused form is not shown again")
	} else if v, _ := attr(input, "value"); v != "http://network.example/d?u={url_encoded}" {
		t.Errorf("the refused form shows %q, not what was typed", v)
	}
	if tpls, _ := db.AffiliateTemplates(context.Background()); len(tpls) != 0 {
		t.Errorf("a refused template was saved: %v", tpls)
	}
	status, _, _ = admin.post("/admin/affiliates/"+id, url.Values{"template": {"  ?aff=9  "}})
	if status != http.StatusSeeOther {
		t.Fatalf("a valid template: %d", status)
	}
	if tpls, _ := db.AffiliateTemplates(context.Background()); tpls[list[0].ID] != "?aff=9" {
		t.Errorf("saved templates %v", tpls)
	}
	_, _, doc = admin.do("GET", "/admin/affiliates?saved="+id, nil)
	if n := findAll(doc, class("affiliate-preview")); len(n) != 1 || !strings.Contains(text(n[0]), "aff=9") {
		t.Errorf("no preview of the saved template")
	}
	if status, _, _ := admin.post("/admin/affiliates/99999", url.Values{"template": {"?a=1"}}); status != http.StatusNotFound {
		t.Errorf("unknown retailer: %d", status)
	}
}

// TestOutConcurrentClicksAllRecorded sends clicks from 8 clients at once over loopback and
// counts them in the database: every click sent is recorded.
func TestOutConcurrentClicksAllRecorded(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	site := newClickSite(t, db, web.Config{})
	var links []string
	for _, p := range f.SaleProducts[:5] {
		links = append(links, offerLinks(t, site.ts, p)...)
	}
	const workers, each = 8, 250
	var wg sync.WaitGroup
	var mu sync.Mutex
	redirects := 0
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := noFollow(nil)
			n := 0
			for i := range each {
				resp, err := c.Get(site.ts.URL + links[(w+i)%len(links)])
				if err != nil {
					t.Error(err)
					return
				}
				resp.Body.Close()
				if resp.StatusCode == http.StatusFound {
					n++
				}
			}
			mu.Lock()
			redirects += n
			mu.Unlock()
		}()
	}
	wg.Wait()
	if err := site.rec.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	stored, err := db.ClickCount(context.Background(), time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	st := site.rec.Stats()
	if redirects != workers*each || stored != int64(redirects) || st.Sent != stored || st.Dropped != 0 {
		t.Errorf("sent %d clicks, %d redirected, %d stored; recorder %+v", workers*each, redirects, stored, st)
	}
}
