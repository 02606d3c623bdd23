package web_test

import (
	"context"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// postEditor submits form to path as session (no redirects followed) and parses the answer.
func postEditor(tb testing.TB, site *clickSite, path string, session *http.Cookie, form url.Values) (*http.Response, *html.Node) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodPost, site.ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := noFollow(session).Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	doc, err := html.Parse(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, doc
}

// fieldErrors maps each shown field error's id ("slug-error") to its text.
func fieldErrors(doc *html.Node) map[string]string {
	out := map[string]string{}
	for _, n := range findAll(doc, class("field-error")) {
		id, _ := attr(n, "id")
		out[id] = text(n)
	}
	return out
}

// collectionForm is a valid form for a new collection of products.
func collectionForm(title, slug, status string, products ...int64) url.Values {
	f := url.Values{"title": {title}, "slug": {slug}, "cover_image": {"https://img.example/cover.jpg"},
		"intro": {"A *short* intro."}, "status": {status}, "op": {"save"}}
	for _, p := range products {
		f.Add("item", strconv.FormatInt(p, 10))
		f.Add("blurb", "Blurb of "+strconv.FormatInt(p, 10))
	}
	return f
}

// savedID reads the collection id from a save's redirect (/editor/collections/ID?saved=1).
func savedID(tb testing.TB, resp *http.Response) int64 {
	tb.Helper()
	if resp.StatusCode != http.StatusSeeOther {
		tb.Fatalf("save: status %d, want 303", resp.StatusCode)
	}
	loc := resp.Header.Get("Location")
	rest, ok := strings.CutPrefix(loc, "/editor/collections/")
	if !ok {
		tb.Fatalf("save redirected to %q", loc)
	}
	rest, _, _ = strings.Cut(rest, "?")
	rest = strings.TrimSuffix(rest, "/preview")
	id, err := strconv.ParseInt(rest, 10, 64)
	if err != nil {
		tb.Fatalf("save redirected to %q", loc)
	}
	return id
}

func TestEditorRoleChecks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := seed(t, db)
		site := newClickSite(t, db, web.Config{})
		shopper := sessionFor(t, db, "shopper@example.com", account.Shopper)
		editor := sessionFor(t, db, "editor@example.com", account.Editor)
		admin := sessionFor(t, db, "admin@example.com", account.Admin)
		var draftID int64
		if err := db.SQL().QueryRow(`SELECT id FROM collections WHERE slug = $1`, f.Draft).Scan(&draftID); err != nil {
			t.Fatal(err)
		}
		draft := "/editor/collections/" + strconv.FormatInt(draftID, 10)
		for _, path := range []string{"/editor/collections", "/editor/collections/new", draft, draft + "/preview"} {
			getAs(t, site.ts, path, nil, http.StatusNotFound)
			getAs(t, site.ts, path, shopper, http.StatusNotFound)
			getAs(t, site.ts, path, editor, http.StatusOK)
			getAs(t, site.ts, path, admin, http.StatusOK)
		}
		// Writes are refused too, and change nothing.
		for _, s := range []*http.Cookie{nil, shopper} {
			if resp, _ := postEditor(t, site, "/editor/collections", s, collectionForm("X", "x-sneaky", "published", f.SaleProducts[0])); resp.StatusCode != http.StatusNotFound {
				t.Errorf("create as non-editor: %d, want 404", resp.StatusCode)
			}
			if resp, _ := postEditor(t, site, draft+"/delete", s, url.Values{"confirm": {"yes"}}); resp.StatusCode != http.StatusNotFound {
				t.Errorf("delete as non-editor: %d, want 404", resp.StatusCode)
			}
		}
		if _, err := db.CollectionByID(context.Background(), draftID); err != nil {
			t.Errorf("draft gone after refused delete: %v", err)
		}
		if list, _ := db.EditorCollections(context.Background()); len(list) != 2 {
			t.Errorf("%d collections after refused writes, want 2", len(list))
		}
		// The list shows every collection with its state; the navigation links the editor.
		doc := getAs(t, site.ts, "/editor/collections", editor, http.StatusOK)
		rows := findAll(doc, class("editor-row"))
		if len(rows) != 2 || !strings.Contains(text(doc), "Draft") || !strings.Contains(text(doc), "Published") {
			t.Errorf("editor list: %d rows, text %q", len(rows), text(doc))
		}
		if len(findAll(doc, func(n *html.Node) bool { h, _ := attr(n, "href"); return n.Data == "a" && h == "/editor/collections" })) == 0 {
			t.Error("no Editor link in the navigation for an editor")
		}
		if doc := getAs(t, site.ts, "/", shopper, http.StatusOK); len(findAll(doc, func(n *html.Node) bool { h, _ := attr(n, "href"); return h == "/editor/collections" })) != 0 {
			t.Error("a shopper sees the Editor link")
		}
	})
}

func TestEditorValidation(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := seed(t, db)
		site := newClickSite(t, db, web.Config{})
		editor := sessionFor(t, db, "editor@example.com", account.Editor)
		tests := []struct {
			name  string
			edit  func(url.Values)
			field string
		}{
			{"no title", func(v url.Values) { v.Set("title", " ") }, "title-error"},
			{"bad slug", func(v url.Values) { v.Set("slug", "Micro Bags!") }, "slug-error"},
			{"taken slug", func(v url.Values) { v.Set("slug", f.Collection) }, "slug-error"},
			{"javascript cover", func(v url.Values) { v.Set("cover_image", "javascript:alert(1)") }, "cover_image-error"},
			{"scheduled without a time", func(v url.Values) { v.Set("status", "scheduled") }, "publish_at-error"},
			{"bad time", func(v url.Values) { v.Set("status", "scheduled"); v.Set("publish_at", "tomorrow") }, "publish_at-error"},
			{"embed of a missing product", func(v url.Values) { v.Set("intro", "Look:\n\n{{product 999999}}\n") }, "intro-error"},
			{"missing product in the list", func(v url.Values) { v.Add("item", "999999"); v.Add("blurb", "") }, "items-error"},
			{"duplicate product", func(v url.Values) { v.Add("item", strconv.FormatInt(f.SaleProducts[0], 10)); v.Add("blurb", "") }, "items-error"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				form := collectionForm("Autumn <edit>", "autumn-edit", "draft", f.SaleProducts[0], f.SaleProducts[1])
				tt.edit(form)
				resp, doc := postEditor(t, site, "/editor/collections", editor, form)
				if resp.StatusCode != http.StatusBadRequest {
					t.Fatalf("status %d, want 400", resp.StatusCode)
				}
				errs := fieldErrors(doc)
				if errs[tt.field] == "" {
					t.Fatalf("no error on %s; errors %v", tt.field, errs)
				}
				if len(findAll(doc, class("form-error"))) != 1 {
					t.Error("no summary of the errors")
				}
				// What was typed is kept.
				if v, _ := attr(byID(doc, "title"), "value"); v != strings.TrimSpace(form.Get("title")) {
					t.Errorf("title kept as %q", v)
				}
			})
		}
		if list, _ := db.EditorCollections(context.Background()); len(list) != 2 {
			t.Errorf("%d collections after refused saves, want 2", len(list))
		}
	})
}

func TestEditorWorkflow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := seed(t, db)
		site := newClickSite(t, db, web.Config{})
		editor := sessionFor(t, db, "editor@example.com", account.Editor)
		a, b, c := f.SaleProducts[0], f.SaleProducts[1], f.SaleProducts[2]

		// Search by words and by number; add; reorder; remove: the form changes, nothing is saved.
		form := collectionForm("Autumn", "autumn", "draft", a, b)
		form.Set("op", "search")
		form.Set("q", strconv.FormatInt(c, 10))
		resp, doc := postEditor(t, site, "/editor/collections", editor, form)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("search: %d", resp.StatusCode)
		}
		adds := findAll(doc, func(n *html.Node) bool {
			v, _ := attr(n, "value")
			return n.Data == "button" && v == "add:"+strconv.FormatInt(c, 10)
		})
		if len(adds) != 1 {
			t.Fatalf("search by number offers %d add buttons for product %d", len(adds), c)
		}
		form.Set("q", "leather")
		_, doc = postEditor(t, site, "/editor/collections", editor, form)
		if n := len(findAll(findAll(doc, class("editor-results"))[0], tag("li"))); n == 0 {
			t.Error("a word search found nothing")
		}
		form.Set("op", "add:"+strconv.FormatInt(c, 10))
		_, doc = postEditor(t, site, "/editor/collections", editor, form)
		items := formItems(doc)
		if len(items) != 3 || items[2] != c || len(findAll(doc, class("notice-unsaved"))) != 1 {
			t.Fatalf("after add: items %v", items)
		}
		form.Del("item")
		form.Del("blurb")
		for _, p := range items {
			form.Add("item", strconv.FormatInt(p, 10))
			form.Add("blurb", "about "+strconv.FormatInt(p, 10))
		}
		form.Set("op", "up:2") // c before b
		_, doc = postEditor(t, site, "/editor/collections", editor, form)
		if items := formItems(doc); len(items) != 3 || items[1] != c || items[2] != b {
			t.Fatalf("after up:2: %v", items)
		}
		if blurbs := findAll(doc, func(n *html.Node) bool { nm, _ := attr(n, "name"); return n.Data == "textarea" && nm == "blurb" }); text(blurbs[1]) != "about "+strconv.FormatInt(c, 10) {
			t.Errorf("blurb did not move with its product: %q", text(blurbs[1]))
		}
		form.Set("op", "remove:0")
		_, doc = postEditor(t, site, "/editor/collections", editor, form)
		if items := formItems(doc); len(items) != 2 || items[0] != b {
			t.Fatalf("after remove:0: %v", items)
		}
		if list, _ := db.EditorCollections(ctx); len(list) != 2 {
			t.Fatalf("the form's operations saved something: %d collections", len(list))
		}

		// Save as a draft scheduled an hour ago in the editor's zone? First a draft: not public.
		form = collectionForm("Autumn", "autumn", "draft", b, c)
		form.Set("intro", "Our picks.\n\n{{product "+strconv.FormatInt(a, 10)+"}}\n\nMore below.")
		id := savedID(t, mustPost(t, site, "/editor/collections", editor, form))
		get(t, site.ts, "/collections/autumn", http.StatusNotFound)
		doc = getAs(t, site.ts, "/editor/collections/"+strconv.FormatInt(id, 10)+"/preview", editor, http.StatusOK)
		if len(findAll(doc, class("preview-banner"))) != 1 || !strings.Contains(text(doc), "Preview — not published") {
			t.Error("the preview has no banner")
		}
		if n := len(findAll(doc, class("entry"))); n != 2 {
			t.Errorf("preview shows %d entries, want 2", n)
		}
		if n := len(findAll(doc, class("embed-card"))); n != 1 {
			t.Errorf("preview shows %d embedded cards, want 1", n)
		}

		// Scheduled for the future (in the editor's zone, Europe/Paris): still not public.
		setZone(t, db, "editor@example.com", "Europe/Paris")
		paris, _ := time.LoadLocation("Europe/Paris")
		form.Set("status", "scheduled")
		form.Set("publish_at", time.Now().Add(2*time.Hour).In(paris).Format("2006-01-02T15:04"))
		savedID(t, mustPost(t, site, "/editor/collections/"+strconv.FormatInt(id, 10), editor, form))
		get(t, site.ts, "/collections/autumn", http.StatusNotFound)
		saved, _ := db.CollectionByID(ctx, id)
		if d := time.Until(saved.PublishAt); d < 110*time.Minute || d > 121*time.Minute {
			t.Errorf("publish_at %v is not two hours from now: the editor's zone was not applied", saved.PublishAt)
		}
		// Scheduled in the past: public now, and the preview says so without a banner.
		form.Set("publish_at", time.Now().Add(-time.Hour).In(paris).Format("2006-01-02T15:04"))
		savedID(t, mustPost(t, site, "/editor/collections/"+strconv.FormatInt(id, 10), editor, form))
		_, doc = get(t, site.ts, "/collections/autumn", http.StatusOK)
		if len(findAll(doc, class("preview-banner"))) != 0 {
			t.Error("the public page shows the preview banner")
		}
		if n := len(findAll(doc, class("embed-card"))); n != 1 {
			t.Errorf("public page shows %d embedded cards, want 1", n)
		}
		// Its retailer links are click-outs naming the collection.
		links := findAll(doc, class("entry-shop"))
		if len(links) != 2 {
			t.Fatalf("%d Shop links, want 2", len(links))
		}
		href, _ := attr(links[0], "href")
		tok, err := site.svc.Signer().Verify(strings.TrimPrefix(href, "/out/"))
		if err != nil || tok.Source != clicks.SourceCollection || tok.CollectionID != id || tok.ProductID != b {
			t.Errorf("Shop link %q = %+v, %v; want source collection, collection %d, product %d", href, tok, err, id, b)
		}
		// The feed of collections lists it, and the collections page links the feed.
		feed := getBody(t, site, "/collections.atom")
		var parsed struct {
			Entries []struct {
				Title string `xml:"title"`
				Link  struct {
					Href string `xml:"href,attr"`
				} `xml:"link"`
				Content string `xml:"content"`
			} `xml:"entry"`
		}
		if err := xml.Unmarshal([]byte(feed), &parsed); err != nil {
			t.Fatalf("collections.atom: %v", err)
		}
		if len(parsed.Entries) != 2 || parsed.Entries[0].Title != "Autumn" || !strings.HasSuffix(parsed.Entries[0].Link.Href, "/collections/autumn") {
			t.Errorf("feed entries = %+v", parsed.Entries)
		}
		if strings.Contains(parsed.Entries[0].Content, "{{product") {
			t.Error("the feed shows an embed placeholder")
		}
		_, doc = get(t, site.ts, "/collections", http.StatusOK)
		if alt := findAll(doc, func(n *html.Node) bool {
			r, _ := attr(n, "rel")
			h, _ := attr(n, "href")
			return n.Data == "link" && r == "alternate" && h == "/collections.atom"
		}); len(alt) != 1 {
			t.Error("/collections does not link its Atom feed")
		}

		// Delete needs the confirmation box.
		resp, _ = postEditor(t, site, "/editor/collections/"+strconv.FormatInt(id, 10)+"/delete", editor, url.Values{})
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("unconfirmed delete: %d, want 400", resp.StatusCode)
		}
		resp, _ = postEditor(t, site, "/editor/collections/"+strconv.FormatInt(id, 10)+"/delete", editor, url.Values{"confirm": {"yes"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Errorf("delete: %d, want 303", resp.StatusCode)
		}
		get(t, site.ts, "/collections/autumn", http.StatusNotFound)
	})
}

// TestDemoCollectionEditable: the seeded published collection opens in the editor and saves
// unchanged but for a new cover (its fixture cover is a data: picture, which the editor refuses).
func TestDemoCollectionEditable(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	site := newClickSite(t, db, web.Config{})
	editor := sessionFor(t, db, "editor@example.com", account.Editor)
	var id int64
	if err := db.SQL().QueryRow(`SELECT id FROM collections WHERE slug = $1`, f.Collection).Scan(&id); err != nil {
		t.Fatal(err)
	}
	path := "/editor/collections/" + strconv.FormatInt(id, 10)
	doc := getAs(t, site.ts, path, editor, http.StatusOK)
	form := url.Values{"op": {"save"}}
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "input" || n.Data == "textarea" }) {
		name, _ := attr(n, "name")
		typ, _ := attr(n, "type")
		if name == "" || name == "op" || name == "confirm" || (typ == "radio" && !hasAttr(n, "checked")) {
			continue
		}
		v, _ := attr(n, "value")
		if n.Data == "textarea" {
			v = text(n)
		}
		form.Add(name, v)
	}
	form.Set("cover_image", "/static/demo/img/cover.svg")
	form.Set("title", "The Micro Bags, revised")
	savedID(t, mustPost(t, site, path, editor, form))
	_, doc = get(t, site.ts, "/collections/"+f.Collection, http.StatusOK)
	if h1 := findAll(doc, tag("h1")); len(h1) != 1 || text(h1[0]) != "The Micro Bags, revised" {
		t.Errorf("edited title not shown")
	}
	if n := len(findAll(doc, class("entry"))); n != 6 {
		t.Errorf("%d entries after the edit, want the 6 it had", n)
	}
}

func hasAttr(n *html.Node, key string) bool { _, ok := attr(n, key); return ok }

// mustPost posts a form and returns the response.
func mustPost(t *testing.T, site *clickSite, path string, session *http.Cookie, form url.Values) *http.Response {
	t.Helper()
	resp, doc := postEditor(t, site, path, session, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("POST %s: %d; errors %v", path, resp.StatusCode, fieldErrors(doc))
	}
	return resp
}

// formItems reads the product ids of the form's list, in order.
func formItems(doc *html.Node) []int64 {
	var out []int64
	for _, n := range findAll(doc, func(n *html.Node) bool { nm, _ := attr(n, "name"); return n.Data == "input" && nm == "item" }) {
		v, _ := attr(n, "value")
		id, _ := strconv.ParseInt(v, 10, 64)
		out = append(out, id)
	}
	return out
}

// setZone sets an account's time zone (its digest settings).
func setZone(t *testing.T, db *store.DB, email, zone string) {
	t.Helper()
	ctx := context.Background()
	u, err := db.UserByEmail(ctx, email)
	if err != nil {
		t.Fatal(err)
	}
	p := account.Preferences{UserID: u.ID, Frequency: account.Daily, DigestHour: 8, TimeZone: zone, Currency: "EUR"}
	if err := db.SavePreferences(ctx, p); err != nil {
		t.Fatal(err)
	}
}

func getBody(t *testing.T, site *clickSite, path string) string {
	t.Helper()
	resp, err := site.ts.Client().Get(site.ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", path, resp.StatusCode)
	}
	return string(b)
}
