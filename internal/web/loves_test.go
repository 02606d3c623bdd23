package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/fetch"
	"github.com/tagdrop/tagdrop/internal/ingest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// lovesClient is a signed-in (or, without a cookie, signed-out) visitor that does not follow
// redirects, so tests see where each answer sends the browser.
type lovesClient struct {
	tb      testing.TB
	ts      *httptest.Server
	session *http.Cookie
	user    account.User
}

func newLovesClient(tb testing.TB, db *store.DB, ts *httptest.Server, email string) *lovesClient {
	tb.Helper()
	s := &lovesClient{tb: tb, ts: ts}
	if email != "" {
		s.session = sessionFor(tb, db, email, account.Shopper)
		u, err := db.UserByEmail(context.Background(), email)
		if err != nil {
			tb.Fatal(err)
		}
		s.user = u
	}
	return s
}

// do sends a request and returns the status, the Location header and the parsed page.
func (s *lovesClient) do(method, path string, form url.Values) (int, string, *html.Node) {
	s.tb.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, s.ts.URL+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if s.session != nil {
		req.AddCookie(s.session)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := client.Do(req)
	if err != nil {
		s.tb.Fatal(err)
	}
	defer resp.Body.Close()
	doc, err := html.Parse(resp.Body)
	if err != nil {
		s.tb.Fatal(err)
	}
	return resp.StatusCode, resp.Header.Get("Location"), doc
}

func (s *lovesClient) post(path string, form url.Values) (int, string, *html.Node) {
	return s.do(http.MethodPost, path, form)
}

// lovesAlertText is the text of the page's role=alert messages.
func lovesAlertText(doc *html.Node) string {
	var out []string
	for _, n := range findAll(doc, func(n *html.Node) bool { v, _ := attr(n, "role"); return v == "alert" }) {
		out = append(out, strings.ReplaceAll(text(n), " :", ":")) // "<strong>field</strong>: why"
	}
	return strings.Join(out, " | ")
}

func TestLoveCreate(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := seed(t, db)
		ts := newSite(t, db, web.Config{})
		cardigan := f.SaleProducts[1] // sizes XS S M L, S sold out
		bag := f.SaleProducts[0]      // one size
		p, err := db.ProductByID(ctx, cardigan)
		if err != nil {
			t.Fatal(err)
		}
		regular := p.Offers[0].RegularPrice

		// The product page has the love form with the product's sizes.
		ada := newLovesClient(t, db, ts, "ada@example.com")
		_, _, doc := ada.do(http.MethodGet, fmt.Sprintf("/products/%d", cardigan), nil)
		checkPageBasics(t, doc)
		form := byID(doc, "love-form")
		if form == nil {
			t.Fatal("no love form on the product page")
		}
		var sizes []string
		for _, o := range findAll(byID(doc, "love-size"), tag("option")) {
			v, _ := attr(o, "value")
			sizes = append(sizes, v)
		}
		if strings.Join(sizes, " ") != " XS S M L" {
			t.Errorf("size choices %q, want any size then XS S M L", sizes)
		}

		// Signed out: to sign-in, and back to the product afterwards.
		anon := newLovesClient(t, db, ts, "")
		status, loc, _ := anon.post("/loves", url.Values{"product": {fmt.Sprint(cardigan)}, "size": {"M"}})
		if want := "/signin?next=" + url.QueryEscape(fmt.Sprintf("/products/%d", cardigan)); status != http.StatusSeeOther || loc != want {
			t.Errorf("signed-out love: %d to %q, want 303 to %q", status, loc, want)
		}

		bad := []struct {
			name    string
			product int64
			form    url.Values
			want    string
		}{
			{"unknown size", cardigan, url.Values{"size": {"XXL"}}, "Size “XXL” is not one this item comes in (XS, S, M, L)"},
			{"size of a one-size item", bag, url.Values{"size": {"M"}}, "this item comes in one size"},
			{"unknown colour", cardigan, url.Values{"size": {"M"}, "color": {"Purple"}}, "Colour “Purple” is not one this item comes in"},
			{"negative target", cardigan, url.Values{"size": {"M"}, "target": {"-5"}}, "target: Target price -5 is below zero"},
			{"non-numeric target", cardigan, url.Values{"size": {"M"}, "target": {"cheap please"}}, "target: Target price “cheap please” is not an amount"},
			{"zero target", cardigan, url.Values{"size": {"M"}, "target": {"0"}}, "Target price must be above zero"},
			{"absurd target", cardigan, url.Values{"size": {"M"}, "target": {"99999999"}}, "is more than any item here costs"},
			{"target not below the full price", cardigan, url.Values{"size": {"M"}, "target": {fmt.Sprint(regular / 100)}}, "is not below the full price"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				tt.form.Set("product", fmt.Sprint(tt.product))
				status, _, doc := ada.post("/loves", tt.form)
				if status != http.StatusBadRequest {
					t.Fatalf("status %d, want 400", status)
				}
				if got := lovesAlertText(doc); !strings.Contains(got, tt.want) {
					t.Errorf("message %q, want it to say %q", got, tt.want)
				}
				if byID(doc, "love-form") == nil {
					t.Error("the form is not shown again")
				}
				checkPageBasics(t, doc)
			})
		}
		if loves, err := db.UserLoves(ctx, ada.user.ID); err != nil || len(loves) != 0 {
			t.Fatalf("after bad forms: %d loves (%v), want none", len(loves), err)
		}
		if status, _, _ := ada.post("/loves", url.Values{"product": {"999999"}}); status != http.StatusNotFound {
			t.Errorf("love of an unknown product: %d, want 404", status)
		}

		status, loc, _ = ada.post("/loves", url.Values{"product": {fmt.Sprint(cardigan)}, "size": {"m"}, "target": {"120,50"}, "any_drop": {"1"}})
		if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/loves?done=added#love-") {
			t.Fatalf("love: %d to %q", status, loc)
		}
		loves, err := db.UserLoves(ctx, ada.user.ID)
		if err != nil || len(loves) != 1 {
			t.Fatalf("loves = %v, %v", loves, err)
		}
		l := loves[0]
		if l.Size != "M" || l.TargetPrice != 12050 || !l.AlertAnyDrop || l.AlertBackInStock || !l.Seen.Known || l.Seen.Price != p.Best.Price {
			t.Errorf("saved love = %+v", l.Love)
		}

		// The loves page shows it with the price now, the target and the sizes in stock.
		_, _, doc = ada.do(http.MethodGet, "/loves", nil)
		checkPageBasics(t, doc)
		card := byID(doc, fmt.Sprintf("love-%d", l.ID))
		if card == nil {
			t.Fatal("the love is not on the loves page")
		}
		got := text(card)
		for _, want := range []string{"Size M", "Now " + strings.TrimSpace(lovesMoney(p.Best.Price)), "Your target: €120.50", "In stock: XS M L"} {
			if !strings.Contains(got, want) {
				t.Errorf("love card %q lacks %q", got, want)
			}
		}
		// Another lovesClient sees none of it.
		bob := newLovesClient(t, db, ts, "bob@example.com")
		_, _, doc = bob.do(http.MethodGet, "/loves", nil)
		if byID(doc, fmt.Sprintf("love-%d", l.ID)) != nil {
			t.Error("bob sees ada's love")
		}
		if status, loc, _ := anon.do(http.MethodGet, "/loves", nil); status != http.StatusSeeOther || !strings.HasPrefix(loc, "/signin?next=%2Floves") {
			t.Errorf("signed-out /loves: %d to %q", status, loc)
		}
	})
}

// lovesMoney writes a EUR amount the way the pages do.
func lovesMoney(minor int64) string {
	if minor%100 == 0 {
		return fmt.Sprintf("€%s", lovesThousands(minor/100))
	}
	return fmt.Sprintf("€%s.%02d", lovesThousands(minor/100), minor%100)
}

func lovesThousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func TestLoveEdit(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := seed(t, db)
		ts := newSite(t, db, web.Config{})
		ada := newLovesClient(t, db, ts, "ada@example.com")
		bob := newLovesClient(t, db, ts, "bob@example.com")
		cardigan := f.SaleProducts[1]
		if status, _, _ := ada.post("/loves", url.Values{"product": {fmt.Sprint(cardigan)}, "size": {"M"}, "any_drop": {"1"}}); status != http.StatusSeeOther {
			t.Fatalf("love: %d", status)
		}
		loves, _ := db.UserLoves(ctx, ada.user.ID)
		before := loves[0].Love
		path := fmt.Sprintf("/loves/%d", before.ID)

		bad := []struct {
			name string
			form url.Values
			want string
		}{
			{"non-numeric target", url.Values{"target": {"abc"}}, "target: Target price “abc” is not an amount"},
			{"negative price paid", url.Values{"bought": {"1"}, "bought_price": {"-3"}}, "bought_price: Price paid -3 is below zero"},
			{"protection not a number", url.Values{"bought": {"1"}, "protect_days": {"two weeks"}}, "protect_days: Price protection “two weeks” is not a number of days from 0 to 365"},
			{"protection too long", url.Values{"bought": {"1"}, "protect_days": {"400"}}, "is not a number of days from 0 to 365"},
			{"protection without buying", url.Values{"protect_days": {"14"}}, "bought: Tick “I bought it”"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				status, _, doc := ada.post(path, tt.form)
				if status != http.StatusBadRequest {
					t.Fatalf("status %d, want 400", status)
				}
				if got := lovesAlertText(doc); !strings.Contains(got, tt.want) {
					t.Errorf("message %q, want %q", got, tt.want)
				}
				card := byID(doc, fmt.Sprintf("love-%d", before.ID))
				if card == nil || len(findAll(card, func(n *html.Node) bool { _, open := attr(n, "open"); return n.Data == "details" && open })) != 1 {
					t.Error("the love's edit form is not open with the message")
				}
				after, err := db.LoveByID(ctx, ada.user.ID, before.ID)
				if err != nil || after != before {
					t.Errorf("love changed by a refused edit: %+v", after)
				}
			})
		}

		// Someone else's love: not found, and unchanged.
		if status, _, _ := bob.post(path, url.Values{"target": {"10"}}); status != http.StatusNotFound {
			t.Errorf("bob editing ada's love: %d, want 404", status)
		}
		if status, _, _ := bob.post(path+"/delete", nil); status != http.StatusNotFound {
			t.Errorf("bob removing ada's love: %d, want 404", status)
		}

		status, loc, _ := ada.post(path, url.Values{"target": {"50"}, "back_in_stock": {"1"}, "bought": {"1"}, "protect_days": {"14"}})
		if status != http.StatusSeeOther || loc != fmt.Sprintf("/loves?done=updated#love-%d", before.ID) {
			t.Fatalf("edit: %d to %q", status, loc)
		}
		after, err := db.LoveByID(ctx, ada.user.ID, before.ID)
		if err != nil {
			t.Fatal(err)
		}
		if after.TargetPrice != 5000 || after.AlertAnyDrop || !after.AlertBackInStock || after.BoughtAt.IsZero() ||
			after.BoughtPrice != before.Seen.Price || after.ProtectDays != 14 {
			t.Errorf("edited love = %+v", after.Love)
		}
		_, _, doc := ada.do(http.MethodGet, "/loves?done=updated", nil)
		if got := text(byID(doc, fmt.Sprintf("love-%d", before.ID))); !strings.Contains(got, "price protection until") {
			t.Errorf("love card after buying: %q", got)
		}

		if status, loc, _ := ada.post(path+"/delete", nil); status != http.StatusSeeOther || loc != "/loves?done=removed" {
			t.Errorf("remove: %d to %q", status, loc)
		}
		if _, err := db.LoveByID(ctx, ada.user.ID, before.ID); err == nil {
			t.Error("the love is still there")
		}
	})
}

func TestSaveSearch(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		seed(t, db)
		ts := newSite(t, db, web.Config{})
		ada := newLovesClient(t, db, ts, "ada@example.com")

		// The search page offers to save its state without the page number.
		_, _, doc := ada.do(http.MethodGet, "/search?q=cardigan&on_sale=1&page=1", nil)
		form := byID(doc, "save-search")
		if form == nil {
			t.Fatal("no save form on the search page")
		}
		var query string
		for _, in := range findAll(form, tag("input")) {
			if n, _ := attr(in, "name"); n == "query" {
				query, _ = attr(in, "value")
			}
		}
		if query != "on_sale=1&q=cardigan" {
			t.Errorf("saved query would be %q", query)
		}
		if _, _, doc := ada.do(http.MethodGet, "/search", nil); byID(doc, "save-search") != nil {
			t.Error("an empty search offers to be saved")
		}

		anon := newLovesClient(t, db, ts, "")
		status, loc, _ := anon.post("/saved", url.Values{"name": {"Cardigans"}, "query": {query}})
		if want := "/signin?next=" + url.QueryEscape("/search?"+query); status != http.StatusSeeOther || loc != want {
			t.Errorf("signed-out save: %d to %q, want %q", status, loc, want)
		}

		if status, _, _ := ada.post("/saved", url.Values{"name": {"Cardigans"}, "query": {query}}); status != http.StatusSeeOther {
			t.Fatalf("save: %d", status)
		}
		bad := []struct {
			name string
			form url.Values
			want string
		}{
			{"no name", url.Values{"name": {"  "}, "query": {query}}, "name: Give the search a name"},
			{"long name", url.Values{"name": {strings.Repeat("a", 81)}, "query": {query}}, "name: The name is 81 characters long: keep it to 80"},
			{"same name", url.Values{"name": {"Cardigans"}, "query": {"q=coat"}}, "You already have a saved search named “Cardigans”"},
			{"bad filter", url.Values{"name": {"Cheap"}, "query": {"min_discount=lots"}}, "min_discount"},
			{"bad sort", url.Values{"name": {"Sorted"}, "query": {"q=bag&sort=random"}}, "sort"},
			{"nothing to save", url.Values{"name": {"All"}, "query": {"page=2"}}, "There is nothing to save yet"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				status, _, doc := ada.post("/saved", tt.form)
				if status != http.StatusBadRequest {
					t.Fatalf("status %d, want 400", status)
				}
				if got := lovesAlertText(doc); !strings.Contains(got, tt.want) {
					t.Errorf("message %q, want %q", got, tt.want)
				}
				checkPageBasics(t, doc)
			})
		}
		saved, err := db.SavedSearches(ctx, ada.user.ID)
		if err != nil || len(saved) != 1 || saved[0].Query != query {
			t.Fatalf("saved searches = %+v, %v; want only the good one", saved, err)
		}

		// /loves lists it with a link that runs it, and removes it.
		_, _, doc = ada.do(http.MethodGet, "/loves", nil)
		links := findAll(byID(doc, "saved"), class("saved-run"))
		if len(links) != 1 || text(links[0]) != "Cardigans" {
			t.Fatalf("saved searches on /loves: %d", len(links))
		}
		href, _ := attr(links[0], "href")
		if _, _, doc := ada.do(http.MethodGet, href, nil); len(findAll(doc, class("card"))) != 3 {
			t.Errorf("running the saved search %s shows %d cards, want the 3 cardigans", href, len(findAll(doc, class("card"))))
		}
		bob := newLovesClient(t, db, ts, "bob@example.com")
		if status, _, _ := bob.post(fmt.Sprintf("/saved/%d/delete", saved[0].ID), nil); status != http.StatusNotFound {
			t.Errorf("bob removing ada's search: %d", status)
		}
		if status, _, _ := ada.post(fmt.Sprintf("/saved/%d/delete", saved[0].ID), nil); status != http.StatusSeeOther {
			t.Errorf("remove: %d", status)
		}
		if saved, _ := db.SavedSearches(ctx, ada.user.ID); len(saved) != 0 {
			t.Errorf("%d saved searches after removing the only one", len(saved))
		}
	})
}

// lovesShopPage is a shop's product page: a ProductGroup with sizes S, M (sold out) and L at price
// (minor units of EUR), regular 250.00.
func lovesShopPage(price int64) string {
	variant := func(size, avail string) string {
		return fmt.Sprintf(`{"@type":"Product","sku":"KH-COAT-%s","size":"%s","color":"Camel",
			"offers":{"@type":"Offer","price":"%d.%02d","priceCurrency":"EUR","availability":"https://schema.org/%s",
			"priceSpecification":{"@type":"UnitPriceSpecification","priceType":"https://schema.org/StrikethroughPrice","price":"250.00","priceCurrency":"EUR"}}}`,
			size, size, price/100, price%100, avail)
	}
	return `<!doctype html><html><head><title>Wool coat</title><script type="application/ld+json">
{"@context":"https://schema.org/","@type":"ProductGroup","name":"Double-faced wool coat","brand":{"@type":"Brand","name":"Khaite"},
 "productGroupID":"KH-COAT","hasVariant":[` + variant("S", "InStock") + "," + variant("M", "OutOfStock") + "," + variant("L", "InStock") + `]}
</script></head><body><h1>Double-faced wool coat</h1></body></html>`
}

// newLovesShop serves /coat (a product page), /about (no product) and 404 for the rest.
func newLovesShop(tb testing.TB) *httptest.Server {
	mux := http.NewServeMux()
	mux.HandleFunc("/coat", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, lovesShopPage(19900))
	})
	mux.HandleFunc("/about", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<!doctype html><html><head><title>About</title></head><body><h1>Our story</h1></body></html>`)
	})
	mux.HandleFunc("/feed.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"products": []}`)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, lovesShopPage(100)+strings.Repeat("<p>Filler text of a heavy page.</p>", 400_000)) // 14 MB
	})
	srv := httptest.NewServer(mux)
	tb.Cleanup(srv.Close)
	return srv
}

// lovesPageImporter imports product pages; loopback is allowed only when the test says so.
func lovesPageImporter(db *store.DB, allowLoopback bool) *ingest.PageImporter {
	cfg := fetch.Config{Timeout: 10 * time.Second, MaxBytes: ingest.MaxTrackedPageBytes}
	if allowLoopback {
		cfg.Allow = []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32"), netip.MustParsePrefix("::1/128")}
	}
	return ingest.NewPageImporter(ingest.New(db, nil), db, fetch.New(cfg))
}

func TestTrack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		shop := newLovesShop(t)
		closed := httptest.NewServer(http.NotFoundHandler())
		closed.Close()
		ts := newSite(t, db, web.Config{Tracker: lovesPageImporter(db, true)})
		ada := newLovesClient(t, db, ts, "ada@example.com")

		// The share target: the address arrives in url, or inside text.
		for _, path := range []string{"/track?url=" + url.QueryEscape(shop.URL+"/coat"),
			"/track?text=" + url.QueryEscape("Look at this coat "+shop.URL+"/coat !")} {
			_, _, doc := ada.do(http.MethodGet, path, nil)
			checkPageBasics(t, doc)
			if v, _ := attr(byID(doc, "track-url"), "value"); v != shop.URL+"/coat" {
				t.Errorf("%s: field holds %q", path, v)
			}
		}
		anon := newLovesClient(t, db, ts, "")
		if status, loc, _ := anon.do(http.MethodGet, "/track?url=https%3A%2F%2Fshop.example%2Fx", nil); status != http.StatusSeeOther ||
			loc != "/signin?next="+url.QueryEscape("/track?url=https%3A%2F%2Fshop.example%2Fx") {
			t.Errorf("signed-out share: %d to %q", status, loc)
		}

		bad := []struct{ name, url, want string }{
			{"empty", " ", "Paste the address of a product page"},
			{"not an address", "my favourite coat", "my favourite coat: is not a web address"},
			{"not a product page", shop.URL + "/about", shop.URL + "/about: is not a product page"},
			{"unreachable page", shop.URL + "/missing", shop.URL + "/missing: could not be loaded: the shop answered 404 Not Found"},
			{"too long", "https://shop.example/" + strings.Repeat("a", 2000), "That address is 2021 characters long"},
			{"not a web page", shop.URL + "/feed.json", shop.URL + "/feed.json: is not a web page (the shop sent application/json)"},
			{"too big", shop.URL + "/huge", shop.URL + "/huge: is too big: product pages are read up to 10 MiB"},
			{"no server", closed.URL + "/coat", closed.URL + "/coat: could not be reached"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				status, _, doc := ada.post("/track", url.Values{"url": {tt.url}})
				if status != http.StatusBadRequest {
					t.Fatalf("status %d, want 400", status)
				}
				if got := text(byID(doc, "track-error")); !strings.Contains(got, tt.want) {
					t.Errorf("message %q, want %q", got, tt.want)
				}
				checkPageBasics(t, doc)
			})
		}
		// A private address, with the production fetch policy.
		strict := newSite(t, db, web.Config{Tracker: lovesPageImporter(db, false)})
		ada2 := &lovesClient{tb: t, ts: strict, session: ada.session, user: ada.user}
		status, _, doc := ada2.post("/track", url.Values{"url": {shop.URL + "/coat"}})
		if got := text(byID(doc, "track-error")); status != http.StatusBadRequest || !strings.Contains(got, "private or local network address") ||
			!strings.HasPrefix(got, shop.URL+"/coat") {
			t.Errorf("private address: %d %q", status, got)
		}
		// Tracking switched off.
		off := newSite(t, db, web.Config{})
		ada3 := &lovesClient{tb: t, ts: off, session: ada.session, user: ada.user}
		if status, _, _ := ada3.post("/track", url.Values{"url": {shop.URL + "/coat"}}); status != http.StatusServiceUnavailable {
			t.Errorf("tracking off: %d, want 503", status)
		}
		for _, table := range []string{"products", "retailers"} {
			if n, _ := db.CountRows(ctx, table); n != 0 {
				t.Errorf("%d %s after refused pages, want none", n, table)
			}
		}
		if loves, _ := db.UserLoves(ctx, ada.user.ID); len(loves) != 0 {
			t.Errorf("%d loves after refused pages", len(loves))
		}

		status, loc, _ := ada.post("/track", url.Values{"url": {shop.URL + "/coat"}})
		if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/loves?done=tracked#love-") {
			t.Fatalf("track: %d to %q", status, loc)
		}
		loves, err := db.UserLoves(ctx, ada.user.ID)
		if err != nil || len(loves) != 1 {
			t.Fatalf("loves = %+v, %v", loves, err)
		}
		if l := loves[0]; l.Title != "Double-faced wool coat" || l.Brand != "Khaite" || !l.Seen.Known || l.Seen.Price != 19900 || len(l.Offers) != 3 {
			t.Errorf("tracked love = %+v", l)
		}
		pages, err := db.TrackedPages(ctx, ada.user.ID)
		if err != nil || len(pages) != 1 || pages[0].URL != shop.URL+"/coat" || pages[0].LoveID != loves[0].ID || !pages[0].NextCheckAt.After(time.Now()) {
			t.Errorf("tracked pages = %+v, %v", pages, err)
		}
		_, _, doc = ada.do(http.MethodGet, "/loves?done=tracked", nil)
		if got := text(byID(doc, fmt.Sprintf("love-%d", loves[0].ID))); !strings.Contains(got, "Now €199") || !strings.Contains(got, "In stock: S L") ||
			!strings.Contains(got, "Tracked from") {
			t.Errorf("tracked love card: %q", got)
		}
	})
}
