package web_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// newSite starts the real handler over db on a local port, with a search index built from
// what db holds now.
func newSite(tb testing.TB, db *store.DB, cfg web.Config) *httptest.Server {
	tb.Helper()
	if cfg.Version == "" {
		cfg.Version = "test"
	}
	if cfg.Index == nil {
		ix, err := index.Build(context.Background(), db, index.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		cfg.Index = ix
	}
	srv, err := web.New(cfg, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	tb.Cleanup(ts.Close)
	return ts
}

// get fetches path and parses the page; it fails the test unless the status is want.
func get(tb testing.TB, ts *httptest.Server, path string, want int) (*http.Response, *html.Node) {
	tb.Helper()
	resp, err := ts.Client().Get(ts.URL + path)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != want {
		tb.Fatalf("GET %s: status %d, want %d", path, resp.StatusCode, want)
	}
	doc, err := html.Parse(resp.Body)
	if err != nil {
		tb.Fatalf("GET %s: %v", path, err)
	}
	return resp, doc
}

// findAll returns the elements under n for which match is true, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && match(d) {
			out = append(out, d)
		}
	}
	return out
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func tag(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return n.Data == name }
}

func class(name string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClass(n, name) }
}

func byID(doc *html.Node, id string) *html.Node {
	found := findAll(doc, func(n *html.Node) bool { v, _ := attr(n, "id"); return v == id })
	if len(found) == 0 {
		return nil
	}
	return found[0]
}

// text is the whitespace-normalised text content of n.
func text(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// checkPageBasics asserts what every page owes the CSP and assistive technology: no inline
// script or style, alt text on every image, a label on every field.
func checkPageBasics(t *testing.T, doc *html.Node) {
	t.Helper()
	for _, s := range findAll(doc, tag("script")) {
		if _, ok := attr(s, "src"); !ok {
			t.Errorf("inline <script> breaks the CSP: %s", text(s))
		}
	}
	if styled := findAll(doc, func(n *html.Node) bool { _, ok := attr(n, "style"); return ok || n.Data == "style" }); len(styled) > 0 {
		t.Errorf("%d elements with inline style break the CSP (first: <%s>)", len(styled), styled[0].Data)
	}
	for _, img := range findAll(doc, tag("img")) {
		if alt, _ := attr(img, "alt"); strings.TrimSpace(alt) == "" {
			src, _ := attr(img, "src")
			t.Errorf("image without alt text: %.80s", src)
		}
	}
	labels := map[string]bool{}
	for _, l := range findAll(doc, tag("label")) {
		if f, ok := attr(l, "for"); ok {
			labels[f] = true
		}
	}
	for _, f := range findAll(doc, func(n *html.Node) bool { return n.Data == "input" || n.Data == "select" || n.Data == "textarea" }) {
		if typ, _ := attr(f, "type"); typ == "hidden" {
			continue
		}
		id, _ := attr(f, "id")
		_, aria := attr(f, "aria-label")
		if !labels[id] && !aria {
			t.Errorf("form field %q has no label", id)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	for _, path := range []string{"/", "/no-such-page", "/static/style.css"} {
		resp, err := ts.Client().Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP allows unsafe-inline: %q", path, csp)
		}
		for k, v := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY",
			"Referrer-Policy": "strict-origin-when-cross-origin", "Cross-Origin-Opener-Policy": "same-origin"} {
			if got := h.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
	}
}

func TestHomePage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := seed(t, db)
		ts := newSite(t, db, web.Config{})
		_, doc := get(t, ts, "/", http.StatusOK)
		checkPageBasics(t, doc)

		featured := byID(doc, "featured-collection")
		if featured == nil {
			t.Fatal("no featured collection on the home page")
		}
		if got := text(featured); !strings.Contains(got, "The Micro Bags of the Season") || !strings.Contains(got, "Small is still the point") {
			t.Errorf("featured collection text = %q", got)
		}
		if thumbs := findAll(featured, tag("img")); len(thumbs) != 7 { // the cover and six items
			t.Errorf("featured collection has %d images, want cover + 6 thumbnails", len(thumbs))
		}

		sales := byID(doc, "sales")
		cards := findAll(sales, class("card"))
		if len(cards) != len(f.SaleProducts) {
			t.Fatalf("%d sale cards, want %d (every in-stock reduction, nothing at full price or sold out)", len(cards), len(f.SaleProducts))
		}
		prev := 101
		for _, c := range cards {
			link := findAll(c, tag("a"))[0]
			href, _ := attr(link, "href")
			if href == "/products/"+strconv.FormatInt(f.FullPrice, 10) || href == "/products/"+strconv.FormatInt(f.SoldOut, 10) {
				t.Errorf("%s is not on sale but is in the sale grid", href)
			}
			badge := findAll(c, class("badge"))
			if len(badge) != 1 {
				t.Fatalf("card %s has %d discount badges", href, len(badge))
			}
			pct, err := strconv.Atoi(strings.Trim(text(badge[0]), "−%"))
			if err != nil || pct <= 0 || pct > prev {
				t.Errorf("card %s: discount %q out of order (previous %d%%)", href, text(badge[0]), prev)
			}
			prev = pct
			if len(findAll(c, class("price-now"))) != 1 || len(findAll(c, class("price-was"))) != 1 {
				t.Errorf("card %s lacks the now and was prices", href)
			}
		}
		// The first fixture product lists sizes XS, M, L in stock (S is sold out); its price has not
		// changed for 20 days, so it is the 30-day low. The raised-again one is not.
		for _, c := range cards {
			href, _ := attr(findAll(c, tag("a"))[0], "href")
			low := len(findAll(c, class("low30"))) > 0
			switch href {
			case "/products/" + strconv.FormatInt(f.LowestNow, 10):
				if !low {
					t.Errorf("product %d: no 'lowest in 30 days' note", f.LowestNow)
				}
			case "/products/" + strconv.FormatInt(f.RaisedAgain, 10):
				if low {
					t.Errorf("product %d was cheaper 10 days ago but says lowest in 30 days", f.RaisedAgain)
				}
			case "/products/" + strconv.FormatInt(f.SaleProducts[1], 10):
				var sizes []string
				for _, s := range findAll(c, class("size")) {
					sizes = append(sizes, text(s))
				}
				if got := strings.Join(sizes, " "); got != "XS M L" {
					t.Errorf("sizes in stock = %q, want \"XS M L\"", got)
				}
			}
		}
	})
}

func TestEmptyHomePage(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	_, doc := get(t, ts, "/", http.StatusOK)
	checkPageBasics(t, doc)
	if byID(doc, "featured-collection") != nil {
		t.Error("an empty database shows a featured collection")
	}
	if len(findAll(doc, class("empty"))) != 1 {
		t.Error("an empty database does not say there are no sales yet")
	}
}

func TestProductPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := seed(t, db)
		ts := newSite(t, db, web.Config{})
		_, doc := get(t, ts, "/products/"+strconv.FormatInt(f.SaleProducts[1], 10), http.StatusOK)
		checkPageBasics(t, doc)

		rows := findAll(findAll(doc, class("offers"))[0], func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" })
		if len(rows) != 1 {
			t.Fatalf("%d offer rows, want 1 (four sizes at one shop and price)", len(rows))
		}
		sizes := findAll(rows[0], class("size-link"))
		var links, struck int
		for _, sz := range sizes {
			if sz.Data == "a" {
				links++
			} else if len(findAll(sz, tag("del"))) == 1 {
				struck++
			}
		}
		if len(sizes) != 4 || links != 3 || struck != 1 {
			t.Errorf("sizes: %d, of which %d linked and %d struck; want 4, 3 and 1 (one size sold out)", len(sizes), links, struck)
		}
		if got := text(rows[0]); !strings.Contains(got, "3 of 4 sizes") {
			t.Errorf("the row does not say how many sizes are in stock: %q", got)
		}
		for _, a := range findAll(doc, tag("a")) {
			href, _ := attr(a, "href")
			if strings.HasPrefix(href, "https://example.com/p/") {
				if rel, _ := attr(a, "rel"); rel != "nofollow noopener" {
					t.Errorf("link out %s has rel %q", href, rel)
				}
			}
		}
		var crumbs []string
		for _, dd := range findAll(doc, class("category-trail")) {
			for _, a := range findAll(dd, tag("a")) {
				href, _ := attr(a, "href")
				crumbs = append(crumbs, href)
				get(t, ts, href, http.StatusOK)
			}
		}
		if len(crumbs) == 0 {
			t.Error("the product's category is not linked to its page")
		}
		svg := findAll(doc, tag("svg"))
		if len(svg) != 1 {
			t.Fatalf("%d SVG charts, want 1", len(svg))
		}
		if role, _ := attr(svg[0], "role"); role != "img" {
			t.Errorf("chart role = %q", role)
		}
		desc := findAll(svg[0], tag("desc"))
		if len(desc) != 1 || !strings.Contains(text(desc[0]), "Lowest available price from") {
			t.Errorf("chart has no text description")
		}
		if paths := findAll(svg[0], class("chart-price")); len(paths) != 1 {
			t.Error("chart draws no price line")
		} else if d, _ := attr(paths[0], "d"); !strings.HasPrefix(d, "M") || !strings.Contains(d, "V") {
			t.Errorf("price line %q does not step down", d)
		}

		for _, path := range []string{"/products/999999", "/products/abc", "/products/-1"} {
			_, doc := get(t, ts, path, http.StatusNotFound)
			if h1 := findAll(doc, tag("h1")); len(h1) != 1 || text(h1[0]) != "Page not found" {
				t.Errorf("%s: not the 404 page", path)
			}
		}
	})
}

func TestCollectionPage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := seed(t, db)
		ts := newSite(t, db, web.Config{})
		_, doc := get(t, ts, "/collections/"+f.Collection, http.StatusOK)
		checkPageBasics(t, doc)
		entries := findAll(doc, class("entry"))
		if len(entries) != 6 {
			t.Fatalf("%d entries, want 6", len(entries))
		}
		if !hasClass(entries[2], "is-soldout") || !strings.Contains(text(entries[2]), "Sold out") {
			t.Errorf("the sold-out product is not marked: %q", text(entries[2]))
		}
		if len(findAll(entries[3], class("price-regular"))) != 1 || len(findAll(entries[3], class("badge"))) != 0 {
			t.Errorf("the full-price product should show one price and no badge: %q", text(entries[3]))
		}
		if ems := findAll(findAll(doc, class("prose"))[0], tag("em")); len(ems) != 1 || text(ems[0]) != "still" {
			t.Error("the intro's Markdown emphasis was not rendered")
		}
		for _, a := range findAll(findAll(doc, class("prose"))[0], tag("a")) {
			if rel, _ := attr(a, "rel"); !strings.Contains(rel, "nofollow") {
				t.Errorf("intro link rel = %q, want nofollow", rel)
			}
		}
		get(t, ts, "/collections/"+f.Draft, http.StatusNotFound)
		get(t, ts, "/collections/no-such-edit", http.StatusNotFound)

		_, doc = get(t, ts, "/collections", http.StatusOK)
		checkPageBasics(t, doc)
		if cards := findAll(doc, class("collection-card")); len(cards) != 1 {
			t.Errorf("collections index lists %d, want 1 (the draft is hidden)", len(cards))
		}
	})
}

func TestCollectionEscapesHostileText(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	hostile := `<script>alert("title")</script>`
	exec(t, db, `INSERT INTO collections (slug, title, cover_image, intro_md, status, created_at, updated_at)
		VALUES ('hostile', $1, 'javascript:alert(1)', $2, 'published', 1, 1)`, hostile,
		"Hi <script>alert('intro')</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) <b onclick=\"x()\">b</b>")
	var cid int64
	if err := db.SQL().QueryRow(`SELECT id FROM collections WHERE slug = 'hostile'`).Scan(&cid); err != nil {
		t.Fatal(err)
	}
	exec(t, db, `INSERT INTO collection_items (collection_id, position, product_id, blurb) VALUES ($1, 1, $2, $3)`,
		cid, f.SaleProducts[0], `<img src=x onerror=alert("blurb")>`)
	ts := newSite(t, db, web.Config{})
	_, doc := get(t, ts, "/collections/hostile", http.StatusOK)
	checkPageBasics(t, doc)
	// The only scripts are the site's own files; none came from the hostile text.
	for _, sc := range findAll(doc, tag("script")) {
		if src, _ := attr(sc, "src"); !strings.HasPrefix(src, "/static/") || text(sc) != "" {
			t.Fatalf("hostile text became a <script> element: src %q, text %q", src, text(sc))
		}
	}
	if h1 := findAll(doc, tag("h1")); len(h1) != 1 || text(h1[0]) != hostile {
		t.Errorf("title not shown as text: %q", text(findAll(doc, tag("h1"))[0]))
	}
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> carries an event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(a.Val), "javascript:") {
				t.Errorf("<%s %s=%q> survived", n.Data, a.Key, a.Val)
			}
		}
	}
	if blurb := findAll(doc, class("blurb")); len(blurb) != 1 || !strings.Contains(text(blurb[0]), "onerror") {
		t.Error("the blurb's markup should show as text")
	}
}

func TestOutbox(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	id := strconv.FormatInt(f.Messages[1], 10)

	// Outside demo mode the outbox does not exist.
	prod := newSite(t, db, web.Config{})
	for _, p := range []string{"/outbox", "/outbox/" + id, "/outbox/" + id + "/html"} {
		get(t, prod, p, http.StatusNotFound)
	}
	_, doc := get(t, prod, "/", http.StatusOK)
	for _, a := range findAll(doc, tag("a")) {
		if href, _ := attr(a, "href"); href == "/outbox" {
			t.Error("the navigation links to the outbox outside demo mode")
		}
	}

	demo := newSite(t, db, web.Config{Demo: true})
	_, doc = get(t, demo, "/outbox", http.StatusOK)
	checkPageBasics(t, doc)
	rows := findAll(doc, func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" })
	if len(rows) != 2 || !strings.Contains(text(rows[0]), "ada@example.com") || !strings.Contains(text(rows[0]), "queued") {
		t.Fatalf("outbox rows: %d", len(rows))
	}

	_, doc = get(t, demo, "/outbox/"+id, http.StatusOK)
	checkPageBasics(t, doc)
	frames := findAll(doc, tag("iframe"))
	if len(frames) != 1 {
		t.Fatal("no frame for the HTML part")
	}
	if sb, ok := attr(frames[0], "sandbox"); !ok || sb != "" {
		t.Errorf("HTML part frame sandbox = %q (present %t), want a bare sandbox", sb, ok)
	}
	if pre := findAll(doc, tag("pre")); len(pre) != 1 || !strings.Contains(text(pre[0]), "Hello Ada") {
		t.Error("text part missing")
	}
	resp, err := demo.Client().Get(demo.URL + "/outbox/" + id + "/html")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	csp := resp.Header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "script-src") {
		t.Errorf("HTML part CSP = %q", csp)
	}
	if !strings.Contains(string(body), "<b>Ada</b>") {
		t.Errorf("HTML part body = %q", body)
	}
	get(t, demo, "/outbox/424242", http.StatusNotFound)
}

func TestSearch(t *testing.T) {
	db := storetest.SQLite(t)
	seed(t, db)
	ts := newSite(t, db, web.Config{})
	// Every fixture product is filed under "Bags" and made of leather, so the test searches
	// by a title word: text matches titles, brands, categories and materials.
	_, doc := get(t, ts, "/search?q=TOTE", http.StatusOK)
	checkPageBasics(t, doc)
	cards := findAll(doc, class("card"))
	if len(cards) != 3 {
		t.Fatalf("%d results for 'tote', want the 3 totes", len(cards))
	}
	for _, c := range cards {
		if title := text(findAll(c, class("card-title"))[0]); !strings.Contains(strings.ToLower(title), "tote") {
			t.Errorf("result %q does not match 'tote'", title)
		}
	}
	if in := byID(doc, "site-search"); in == nil {
		t.Fatal("no search box")
	} else if v, _ := attr(in, "value"); v != "TOTE" {
		t.Errorf("search box value = %q, want the query", v)
	}
	_, doc = get(t, ts, "/search?q=ganni+cardigan", http.StatusOK)
	if n := len(findAll(doc, class("card"))); n != 3 {
		t.Errorf("'ganni cardigan' found %d, want the 3 Ganni cardigans", n)
	}
	_, doc = get(t, ts, "/search?q=ganni+boots", http.StatusOK)
	if n := len(findAll(doc, class("card"))); n != 0 {
		t.Errorf("'ganni boots' found %d, want 0 (every word must match)", n)
	}
	_, doc = get(t, ts, "/search?q=%25", http.StatusOK)
	if n := len(findAll(doc, class("card"))); n != 0 {
		t.Errorf("'%%' matched %d products: text without words finds nothing", n)
	}
	get(t, ts, "/search", http.StatusOK)
}

func TestCrossOriginPostRefused(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	post := func(headers map[string]string) int {
		req, _ := http.NewRequest(http.MethodPost, ts.URL+"/search", strings.NewReader("q=x"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for k, v := range headers {
			req.Header.Set(k, v)
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := post(map[string]string{"Sec-Fetch-Site": "cross-site", "Origin": "https://evil.example"}); got != http.StatusForbidden {
		t.Errorf("cross-site POST: status %d, want 403", got)
	}
	if got := post(map[string]string{"Origin": "https://evil.example"}); got != http.StatusForbidden {
		t.Errorf("cross-origin POST without Sec-Fetch-Site: status %d, want 403", got)
	}
	if got := post(map[string]string{"Sec-Fetch-Site": "same-origin"}); got == http.StatusForbidden {
		t.Errorf("same-origin POST refused")
	}
}

func TestNotFoundPage(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	resp, doc := get(t, ts, "/no/such/page", http.StatusNotFound)
	checkPageBasics(t, doc)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/html") {
		t.Errorf("404 content type %q", ct)
	}
	links := 0
	for _, a := range findAll(byID(doc, "main"), tag("a")) {
		if href, _ := attr(a, "href"); href == "/" {
			links++
		}
	}
	if links == 0 {
		t.Error("the 404 page offers no way back to the sales")
	}
}
