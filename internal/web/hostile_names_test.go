package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// hostileNames are brand, retailer, size and category names a feed could carry: markup, quotes
// that would close an attribute, a javascript: address, a name starting with '#', an emoji,
// right-to-left and zero-width characters.
var hostileNames = []string{
	`<script>alert("b")</script>`, `"><img src=x onerror=alert(1)>`, `' onmouseover='alert(1)`,
	"javascript:alert(1)", "#1 Brand", "🔥 Fire", "\u202eevil", "Zero\u200bWidth",
}

// checkNoInjection fails when doc has a script that is not the site's own, an event handler
// attribute, or a javascript: link.
func checkNoInjection(t *testing.T, doc *html.Node) {
	t.Helper()
	for _, sc := range findAll(doc, tag("script")) {
		if src, _ := attr(sc, "src"); !strings.HasPrefix(src, "/static/") || text(sc) != "" {
			t.Errorf("a hostile name became a <script>: src %q, text %q", src, text(sc))
		}
	}
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s> carries an event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if (a.Key == "href" || a.Key == "src") && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
				t.Errorf("<%s %s=%q> survived", n.Data, a.Key, a.Val)
			}
		}
	}
}

// checkBidiIsolated fails when a feed's text with a right-to-left override sits in an element
// that does not isolate it (a <bdi>, an element with dir, or a block of its own), so that the
// override would also reverse what the page writes after it ("3 pieces · 1 on sale").
func checkBidiIsolated(t *testing.T, doc *html.Node) {
	t.Helper()
	own := map[string]bool{"title": true, "h1": true, "h2": true, "h3": true, "p": true, "td": true, "th": true,
		"option": true, "textarea": true, "figcaption": true, "bdi": true}
	for n := range doc.Descendants() {
		if n.Type != html.TextNode || !strings.ContainsRune(n.Data, '\u202e') {
			continue
		}
		parent := n.Parent
		if _, dir := attr(parent, "dir"); own[parent.Data] || dir || hasClass(parent, "visually-hidden") {
			continue
		}
		t.Errorf("%q sits in a <%s class=%q> that does not isolate its direction", n.Data, parent.Data, func() string { c, _ := attr(parent, "class"); return c }())
	}
}

// TestHostileNamesEscaped: /brands and a product page show hostile brand, retailer, size and
// category names as text, in attributes too (ids, fragment links, data-label), every letter
// jump link finds its section, and links out go through /out with rel="nofollow noopener".
func TestHostileNamesEscaped(t *testing.T) {
	db := storetest.SQLite(t)
	now := time.Now().UnixMilli()
	var product int64
	parent := insertID(t, db, `INSERT INTO categories (slug, name, path) VALUES ('evil-root', $1, 'evil-root')`, hostileNames[0])
	mid := insertID(t, db, `INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'evil-mid', $2, 'evil-root/evil-mid')`, parent, "\u202eevil")
	cat := insertID(t, db, `INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'evil-leaf', $2, 'evil-root/evil-mid/evil-leaf')`, mid, hostileNames[1])
	for i, name := range hostileNames {
		brand := insertID(t, db, `INSERT INTO brands (slug, name, created_at) VALUES ($1, $2, 1)`, fmt.Sprint("javascript:alert(", i, ")"), name)
		shop := insertID(t, db, `INSERT INTO retailers (slug, name, created_at) VALUES ($1, $2, 1)`, fmt.Sprint("shop-", i), name)
		p := insertID(t, db, `INSERT INTO products (product_key, brand_id, category_id, title, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, 1)`,
			fmt.Sprint("k", i), brand, cat, name)
		for j, size := range []string{name, `M "x"`, " S  L "} {
			exec(t, db, `INSERT INTO offers (retailer_id, product_id, item_id, url, size, size_system, currency, price, regular_price, availability,
				first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, 'javascript:alert(2)', $4, $5, 'EUR', 5000, 10000, 'in_stock', $6, $6, $6)`,
				shop, p, fmt.Sprint("i", j), size, name, now)
		}
		product = p
	}
	ts := newClickSite(t, db, web.Config{}).ts
	_, doc := get(t, ts, "/brands", http.StatusOK)
	checkPageBasics(t, doc)
	checkNoInjection(t, doc)
	checkBidiIsolated(t, doc)
	shown := map[string]bool{}
	for _, n := range findAll(doc, class("brand-name")) {
		shown[text(n)] = true
	}
	for _, name := range hostileNames {
		if !shown[strings.TrimSpace(name)] {
			t.Errorf("brand %q is not shown as text (shown: %v)", name, shown)
		}
	}
	for _, nav := range findAll(doc, class("letter-jump")) {
		for _, a := range findAll(nav, tag("a")) {
			href, _ := attr(a, "href")
			id, err := url.PathUnescape(strings.TrimPrefix(href, "#")) // as a browser finds a fragment
			if !strings.HasPrefix(href, "#") || err != nil || byID(doc, id) == nil {
				t.Errorf("letter link %q (%s) finds no section", href, text(a))
			}
		}
	}
	for _, a := range findAll(doc, tag("a")) {
		if href, _ := attr(a, "href"); len(findAll(a, class("brand-name"))) == 1 && !strings.HasPrefix(href, "/brands/") {
			t.Errorf("brand link %q leaves /brands/", href)
		}
	}

	_, doc = get(t, ts, fmt.Sprint("/products/", product), http.StatusOK)
	checkPageBasics(t, doc)
	checkNoInjection(t, doc)
	checkBidiIsolated(t, doc)
	if trail := findAll(doc, class("category-trail")); len(trail) != 1 || !strings.Contains(text(trail[0]), hostileNames[0]) || !strings.Contains(text(trail[0]), hostileNames[1]) {
		t.Error("the category trail does not show the hostile category names as text")
	}
	offers := findAll(doc, class("offers"))
	if len(offers) != 1 {
		t.Fatal("no offers table")
	}
	var sizes []string
	for _, a := range findAll(offers[0], tag("a")) {
		href, _ := attr(a, "href")
		rel, _ := attr(a, "rel")
		if !strings.HasPrefix(href, "/out/") || rel != "nofollow noopener" {
			t.Errorf("offer link %q rel %q does not go through /out with rel=nofollow noopener", href, rel)
		}
		if hasClass(a, "size-link") {
			sizes = append(sizes, strings.TrimSpace(strings.SplitN(text(a), " at ", 2)[0]))
		}
	}
	if got := strings.Join(sizes, "|"); !strings.Contains(got, `M "x"`) || !strings.Contains(got, hostileNames[len(hostileNames)-1]) {
		t.Errorf("size links %q do not show the hostile sizes as text", sizes)
	}
	for _, td := range findAll(offers[0], tag("td")) {
		if label, ok := attr(td, "data-label"); ok && strings.HasPrefix(label, "Size") && !strings.Contains(label, hostileNames[len(hostileNames)-1]) {
			t.Errorf("data-label %q lost the size system", label)
		}
	}
}
