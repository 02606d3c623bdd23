package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// seedKinds files seed's shoes, tops and dresses under categories that take those size kinds
// (seed puts everything under Bags), so shoppers' sizes have sized offers to match, and gives
// seed's brands the slugs the importer would (seed numbers them), so brands resolve by name.
func seedKinds(tb testing.TB, db *store.DB) {
	tb.Helper()
	for i, b := range fixtureBrands {
		exec(tb, db, `UPDATE brands SET slug = $1 WHERE slug = $2`, catalog.Slug(b), fmt.Sprintf("b%d", i))
	}
	for _, k := range []struct{ kind, name, shape string }{{"shoes", "Shoes", "shoe"}, {"tops", "Tops", "top"}, {"dresses", "Dresses", "dress"}} {
		id := insertID(tb, db, `INSERT INTO categories (slug, name, path, size_kind) VALUES ($1, $2, $3, $4)`,
			k.kind, k.name, "Apparel > "+k.name, k.kind)
		for _, it := range fixtureItems {
			if it.shape == k.shape {
				exec(tb, db, `UPDATE products SET category_id = $1 WHERE title = $2`, id, it.title)
			}
		}
	}
}

// newPrefsSite serves db with one index as both the search index and the matcher's catalogue,
// as production does.
func newPrefsSite(tb testing.TB, db *store.DB) (*httptest.Server, *index.Index) {
	tb.Helper()
	ix, err := index.Build(context.Background(), db, index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return newSite(tb, db, web.Config{Index: ix, Catalogue: ix}), ix
}

// shopper makes a signed-in shopper and returns the session cookie and the user id.
func shopper(tb testing.TB, db *store.DB, email string) (*http.Cookie, int64) {
	tb.Helper()
	c := sessionFor(tb, db, email, account.Shopper)
	u, err := db.UserByEmail(context.Background(), email)
	if err != nil {
		tb.Fatal(err)
	}
	return c, u.ID
}

// postPrefs POSTs a form with a session without following redirects; it returns the status,
// the Location header and the parsed page.
func postPrefs(tb testing.TB, ts *httptest.Server, path string, session *http.Cookie, form url.Values) (int, string, *html.Node) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if session != nil {
		req.AddCookie(session)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	doc, err := html.Parse(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Location"), doc
}

// goodSettings is a complete, valid settings form.
func goodSettings() url.Values {
	return url.Values{
		"brand":        {"Ganni", "Jacquemus"},
		"brands_text":  {"toteme, "},
		"system_tops":  {"letter"},
		"size_tops":    {"S, M"},
		"system_shoes": {"EU"},
		"size_shoes":   {"38, 39"},
		"category":     {"Apparel > Shoes"},
		"currency":     {"EUR"},
		"max_price":    {"450"},
		"min_discount": {"20"},
		"frequency":    {"weekly"},
		"digest_hour":  {"19"},
		"time_zone":    {"Europe/Paris"},
	}
}

// fieldValue is the value attribute of the element with id.
func fieldValue(tb testing.TB, doc *html.Node, id string) string {
	tb.Helper()
	n := byID(doc, id)
	if n == nil {
		tb.Fatalf("no element #%s", id)
	}
	v, _ := attr(n, "value")
	return v
}

func TestSettingsSave(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		seedKinds(t, db)
		ts, _ := newPrefsSite(t, db)
		session, uid := shopper(t, db, "ada@example.com")

		status, loc, _ := postPrefs(t, ts, "/settings", session, goodSettings())
		if status != http.StatusSeeOther || loc != "/settings?saved=1" {
			t.Fatalf("POST /settings: %d to %q, want 303 to /settings?saved=1", status, loc)
		}
		p, err := db.Preferences(context.Background(), uid)
		if err != nil {
			t.Fatal(err)
		}
		want := account.Preferences{UserID: uid, Brands: []string{"Ganni", "Jacquemus", "Toteme"},
			Sizes: []account.SizePref{{Kind: "shoes", System: "EU", Value: "38"}, {Kind: "shoes", System: "EU", Value: "39"},
				{Kind: "tops", System: "letter", Value: "M"}, {Kind: "tops", System: "letter", Value: "S"}},
			Categories: []string{"Apparel > Shoes"}, Currency: "EUR", MaxPrice: 45000, MinDiscountPct: 20,
			HideQuestionable: false, Frequency: account.Weekly, DigestHour: 19, TimeZone: "Europe/Paris"}
		if fmt.Sprintf("%+v", p) != fmt.Sprintf("%+v", want) {
			t.Errorf("saved preferences:\n got %+v\nwant %+v", p, want)
		}

		// The page comes back prefilled with what was saved.
		doc := getAs(t, ts, "/settings?saved=1", session, http.StatusOK)
		checkPageBasics(t, doc)
		if len(findAll(doc, class("notice-ok"))) != 1 {
			t.Error("no 'Saved' notice after saving")
		}
		checked := map[string]bool{}
		for _, in := range findAll(doc, tag("input")) {
			name, _ := attr(in, "name")
			val, _ := attr(in, "value")
			if _, on := attr(in, "checked"); on {
				checked[name+"="+val] = true
			}
		}
		for _, k := range []string{"brand=Ganni", "brand=Jacquemus", "brand=Toteme", "category=Apparel > Shoes"} {
			if !checked[k] {
				t.Errorf("%s is not ticked on the settings page", k)
			}
		}
		if f := findAll(byID(doc, "frequency"), func(n *html.Node) bool { _, sel := attr(n, "selected"); return n.Data == "option" && sel }); len(f) != 1 || text(f[0]) != "Weekly (Mondays)" {
			t.Error("the saved frequency is not the one selected")
		}
		if checked["hide_questionable=1"] {
			t.Error("hide questionable is ticked though it was saved off")
		}
		for id, want := range map[string]string{"size_shoes": "EU 38, EU 39", "size_tops": "S, M", "max_price": "450",
			"min_discount": "20", "time_zone": "Europe/Paris", "size_rings": ""} {
			if got := fieldValue(t, doc, id); got != want {
				t.Errorf("#%s = %q, want %q", id, got, want)
			}
		}
		// Saving the prefilled page again changes nothing: what is shown reads back the same.
		form := url.Values{"brand": {"Ganni", "Jacquemus", "Toteme"}, "category": {"Apparel > Shoes"}, "frequency": {"weekly"},
			"currency": {"EUR"}, "digest_hour": {"19"}}
		for _, id := range []string{"size_shoes", "size_tops", "size_dresses", "size_outerwear", "size_bottoms", "size_rings", "max_price", "min_discount", "time_zone"} {
			form.Set(id, fieldValue(t, doc, id))
		}
		for _, k := range account.SizeKinds {
			form.Set("system_"+k.Kind, k.Systems[0])
		}
		if status, _, _ := postPrefs(t, ts, "/settings", session, form); status != http.StatusSeeOther {
			t.Fatalf("saving the prefilled form: status %d", status)
		}
		again, _ := db.Preferences(context.Background(), uid)
		if fmt.Sprintf("%+v", again) != fmt.Sprintf("%+v", want) {
			t.Errorf("round trip changed the preferences:\n got %+v\nwant %+v", again, want)
		}
	})
}

// TestSettingsBadInput posts one bad field at a time into an otherwise valid form: the page
// comes back with a 400, the message at that field (and the field marked invalid), what was
// typed kept, and nothing saved.
func TestSettingsBadInput(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	seedKinds(t, db)
	ts, _ := newPrefsSite(t, db)
	session, uid := shopper(t, db, "bo@example.com")
	ctx := context.Background()
	before := account.Preferences{UserID: uid, Brands: []string{"Khaite"}, Currency: "EUR", MaxPrice: 10000,
		MinDiscountPct: 10, Frequency: account.Daily, DigestHour: 8, TimeZone: "UTC", HideQuestionable: true,
		Sizes: []account.SizePref{{Kind: "shoes", System: "EU", Value: "40"}}}
	if err := db.SavePreferences(ctx, before); err != nil {
		t.Fatal(err)
	}
	saved, _ := db.Preferences(ctx, uid)

	tests := []struct {
		name, field, value, errorField, mustSay string
	}{
		{"unknown brand", "brands_text", "Gucy Nonsuch", "brands", "Gucy Nonsuch"},
		{"unknown ticked brand", "brand", "Maison Nowhere", "brands", "Maison Nowhere"},
		{"too many brand entries", "brands_text", strings.Repeat("Ganni, ", maxBrandEntriesForTest+1), "brands", "at most 400"},
		{"shoe size outside its system", "size_shoes", "38", "size_shoes", "UK"},
		{"waist size as a top", "size_tops", "W28", "size_tops", "W28"},
		{"not a size", "size_dresses", "roomy", "size_dresses", "roomy"},
		{"negative max price", "max_price", "-20", "max_price", "negative"},
		{"absurd max price", "max_price", "99999999", "max_price", "no limit"},
		{"max price in words", "max_price", "cheap", "max_price", "cheap"},
		{"unknown currency", "currency", "XYZ", "currency", "XYZ"},
		{"discount above 95", "min_discount", "96", "min_discount", "95"},
		{"negative discount", "min_discount", "-5", "min_discount", "-5"},
		{"unknown time zone", "time_zone", "Mars/Olympus", "time_zone", "Mars/Olympus"},
		{"unknown frequency", "frequency", "hourly", "frequency", "hourly"},
		{"hour out of range", "digest_hour", "24", "digest_hour", "24"},
		{"unknown category", "category", "Apparel > Spacesuits", "category", "Spacesuits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			form := goodSettings()
			form.Set("system_shoes", "EU")
			if tt.field == "size_shoes" {
				form.Set("system_shoes", "UK")
			}
			if tt.field == "brand" {
				form.Add("brand", tt.value)
			} else {
				form.Set(tt.field, tt.value)
			}
			status, _, doc := postPrefs(t, ts, "/settings", session, form)
			if status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400", status)
			}
			checkPageBasics(t, doc)
			msg := byID(doc, tt.errorField+"-error")
			if msg == nil {
				t.Fatalf("no message at the %s field", tt.errorField)
			}
			if !strings.Contains(text(msg), tt.mustSay) {
				t.Errorf("message %q does not mention %q", text(msg), tt.mustSay)
			}
			if n := len(findAll(doc, class("field-error"))); n != 1 {
				t.Errorf("%d field messages, want only the one at %s", n, tt.errorField)
			}
			if len(findAll(doc, func(n *html.Node) bool { r, _ := attr(n, "role"); return r == "alert" })) != 1 {
				t.Error("no form-level alert saying nothing was saved")
			}
			if f := byID(doc, tt.field); f != nil && f.Data == "input" {
				if inv, _ := attr(f, "aria-invalid"); inv != "true" {
					t.Errorf("#%s is not marked aria-invalid", tt.field)
				}
				if v, _ := attr(f, "value"); v != tt.value {
					t.Errorf("#%s shows %q, want what was typed, %q", tt.field, v, tt.value)
				}
			}
			got, err := db.Preferences(ctx, uid)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", saved) {
				t.Errorf("a refused form changed the preferences:\n got %+v\nwant %+v", got, saved)
			}
		})
	}
}

// maxBrandEntriesForTest is the documented cap on names in one form (settings_form.go).
const maxBrandEntriesForTest = 400

func TestSettingsSignedOut(t *testing.T) {
	db := storetest.SQLite(t)
	ts, _ := newPrefsSite(t, db)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	for _, path := range []string{"/settings", "/welcome?step=2", "/my-sales"} {
		resp, err := client.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/signin?next="+url.QueryEscape(path) {
			t.Errorf("GET %s signed out: %d to %q", path, resp.StatusCode, loc)
		}
	}
	if status, loc, _ := postPrefs(t, ts, "/settings", nil, goodSettings()); status != http.StatusSeeOther || !strings.HasPrefix(loc, "/signin") {
		t.Errorf("POST /settings signed out: %d to %q", status, loc)
	}
}

// TestWelcomeFlow walks the three steps as a new shopper does: each saves only its own
// fields, a step with bad input stays put, and the last lands on My sales.
func TestWelcomeFlow(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		seedKinds(t, db)
		ts, _ := newPrefsSite(t, db)
		session, uid := shopper(t, db, "cy@example.com")
		ctx := context.Background()

		doc := getAs(t, ts, "/welcome", session, http.StatusOK)
		checkPageBasics(t, doc)
		chips := findAll(doc, func(n *html.Node) bool { nm, _ := attr(n, "name"); return n.Data == "input" && nm == "brand" })
		if len(chips) == 0 {
			t.Fatal("step 1 suggests no popular brands")
		}
		if cur := findAll(doc, func(n *html.Node) bool { a, _ := attr(n, "aria-current"); return a == "step" }); len(cur) != 1 || !strings.Contains(text(cur[0]), "Brands") {
			t.Error("step 1 is not marked as the current step")
		}

		// Step 1 without any brand stays on step 1.
		status, _, doc := postPrefs(t, ts, "/welcome", session, url.Values{"step": {"1"}})
		if status != http.StatusBadRequest || byID(doc, "brands-error") == nil {
			t.Fatalf("step 1 with no brand: status %d, message %v", status, byID(doc, "brands-error") != nil)
		}
		status, loc, _ := postPrefs(t, ts, "/welcome", session, url.Values{"step": {"1"}, "brand": {"Ganni"}, "brands_text": {"staud"}})
		if status != http.StatusSeeOther || loc != "/welcome?step=2" {
			t.Fatalf("step 1: %d to %q", status, loc)
		}

		doc = getAs(t, ts, "/welcome?step=2", session, http.StatusOK)
		checkPageBasics(t, doc)
		if byID(doc, "size_shoes") == nil || byID(doc, "size_rings") == nil || byID(doc, "brands_text") != nil {
			t.Error("step 2 should ask for sizes only")
		}
		if !strings.Contains(text(doc), "always match") {
			t.Error("step 2 does not say that bags and accessories need no size")
		}
		status, _, doc = postPrefs(t, ts, "/welcome", session, url.Values{"step": {"2"}, "system_shoes": {"US"}, "size_shoes": {"41"}})
		if status != http.StatusBadRequest || byID(doc, "size_shoes-error") == nil {
			t.Fatalf("step 2 with US 41 shoes: status %d", status)
		}
		status, loc, _ = postPrefs(t, ts, "/welcome", session, url.Values{"step": {"2"}, "system_shoes": {"UK"}, "size_shoes": {"5"},
			"system_tops": {"letter"}, "size_tops": {"m"}})
		if status != http.StatusSeeOther || loc != "/welcome?step=3" {
			t.Fatalf("step 2: %d to %q", status, loc)
		}

		doc = getAs(t, ts, "/welcome?step=3", session, http.StatusOK)
		checkPageBasics(t, doc)
		if z := byID(doc, "time_zone"); z == nil {
			t.Fatal("step 3 has no time zone field")
		} else if g, _ := attr(z, "data-guess"); g != "browser" {
			t.Error("a shopper who never chose a zone is not offered the browser's")
		}
		status, loc, _ = postPrefs(t, ts, "/welcome", session, url.Values{"step": {"3"}, "currency": {"GBP"}, "max_price": {"300"},
			"min_discount": {"30"}, "hide_questionable": {"1"}, "frequency": {"3x-week"}, "digest_hour": {"7"}, "time_zone": {"Europe/London"}})
		if status != http.StatusSeeOther || loc != "/my-sales?welcome=1" {
			t.Fatalf("step 3: %d to %q", status, loc)
		}

		p, err := db.Preferences(ctx, uid)
		if err != nil {
			t.Fatal(err)
		}
		want := account.Preferences{UserID: uid, Brands: []string{"Ganni", "Staud"},
			Sizes:    []account.SizePref{{Kind: "shoes", System: "UK", Value: "5"}, {Kind: "tops", System: "letter", Value: "M"}},
			Currency: "GBP", MaxPrice: 30000, MinDiscountPct: 30, HideQuestionable: true, Frequency: account.ThreeAWeek,
			DigestHour: 7, TimeZone: "Europe/London"}
		if fmt.Sprintf("%+v", p) != fmt.Sprintf("%+v", want) {
			t.Errorf("after the flow:\n got %+v\nwant %+v", p, want)
		}
		// A zone once chosen is not replaced by the browser's.
		if z := byID(getAs(t, ts, "/welcome?step=3", session, http.StatusOK), "time_zone"); z != nil {
			if _, g := attr(z, "data-guess"); g {
				t.Error("the chosen zone would be overwritten by the browser's")
			}
		}
	})
}

// TestSettingsSavesSizePairs: a pair a shopper types ("8/10" in UK dress sizes, "S/M") is
// saved as both sizes, so items of either reach them, and the page shows the two in order.
func TestSettingsSavesSizePairs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		seedKinds(t, db)
		ts, _ := newPrefsSite(t, db)
		session, uid := shopper(t, db, "pairs@example.com")
		form := goodSettings()
		form.Set("size_tops", "S/M")
		form.Set("system_dresses", "UK")
		form.Set("size_dresses", "8/10")
		if status, loc, _ := postPrefs(t, ts, "/settings", session, form); status != http.StatusSeeOther {
			t.Fatalf("POST /settings: %d to %q, want 303", status, loc)
		}
		p, err := db.Preferences(context.Background(), uid)
		if err != nil {
			t.Fatal(err)
		}
		saved := map[account.SizePref]bool{}
		for _, s := range p.Sizes {
			saved[s] = true
		}
		for _, want := range []account.SizePref{{Kind: "dresses", System: "UK", Value: "8"}, {Kind: "dresses", System: "UK", Value: "10"},
			{Kind: "tops", System: "letter", Value: "S"}, {Kind: "tops", System: "letter", Value: "M"}} {
			if !saved[want] {
				t.Errorf("%+v not saved; saved %+v", want, p.Sizes)
			}
		}
		doc := getAs(t, ts, "/settings?saved=1", session, http.StatusOK)
		for id, want := range map[string]string{"size_dresses": "UK 8, UK 10", "size_tops": "S, M"} {
			if got := fieldValue(t, doc, id); got != want {
				t.Errorf("#%s = %q, want %q", id, got, want)
			}
		}
	})
}
