package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// TestSearchAPIResultsGoThroughOut: with click-outs wired, each search API result's url is a
// signed /out/ link for the shown offer with source "api", and following it lands on that
// offer's page at the retailer.
func TestSearchAPIResultsGoThroughOut(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	site := newClickSite(t, db, web.Config{})
	resp, err := http.Get(site.ts.URL + "/api/v1/search?brand=Ganni&per_page=3")
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Results []struct {
			ID  int64  `json:"id"`
			URL string `json:"url"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(body.Results) == 0 {
		t.Fatal("no results")
	}
	for _, r := range body.Results {
		if !strings.HasPrefix(r.URL, "/out/") {
			t.Fatalf("result %d url %q is not a click-out", r.ID, r.URL)
		}
		tok, err := site.svc.Signer().Verify(strings.TrimPrefix(r.URL, "/out/"))
		if err != nil || tok.Source != clicks.SourceAPI || tok.ProductID != r.ID {
			t.Fatalf("result %d: token %+v, %v", r.ID, tok, err)
		}
		var offerURL string
		if err := db.SQL().QueryRow(`SELECT url FROM offers WHERE id = $1`, tok.OfferID).Scan(&offerURL); err != nil {
			t.Fatal(err)
		}
		out := request(t, noFollow(nil), "GET", site.ts.URL+r.URL)
		if out.StatusCode != http.StatusFound || out.Header.Get("Location") != offerURL {
			t.Errorf("result %d: %d to %q, want 302 to %q", r.ID, out.StatusCode, out.Header.Get("Location"), offerURL)
		}
	}
}

// TestAtomEntriesGoThroughOut: with click-outs wired, a feed entry links to a signed /out/ link
// (source feed) for its offer, naming the feed's shopper.
func TestAtomEntriesGoThroughOut(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	seedKinds(t, db)
	ix, err := index.Build(context.Background(), db, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	site := newClickSite(t, db, web.Config{Index: ix, Catalogue: ix, BaseURL: atomBase})
	session, uid := shopper(t, db, "ada@example.com")
	session.Name = "__Host-tagdrop_session"
	if err := db.SavePreferences(context.Background(), mySalesPrefs(uid)); err != nil {
		t.Fatal(err)
	}
	doc := fetchFeed(t, site.ts, makeFeed(t, site.ts, session), http.StatusOK)
	if len(doc.Entries) == 0 {
		t.Fatal("the feed has no entries")
	}
	for _, e := range doc.Entries {
		tok, err := site.svc.Signer().Verify(strings.TrimPrefix(e.Link.Href, atomBase+"/out/"))
		if !strings.HasPrefix(e.Link.Href, atomBase+"/out/") || err != nil || tok.Source != clicks.SourceFeed || tok.UserID != uid {
			t.Errorf("entry %q links %s (token %+v, %v)", e.Title, e.Link.Href, tok, err)
		}
	}
}
