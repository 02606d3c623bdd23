package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// editorClick clicks the element selector, which loads a new page, and waits until the new
// page is loaded and the JavaScript condition ready holds in it.
func editorClick(t *testing.T, p *browsertest.Page, selector, ready string) {
	t.Helper()
	if !browsertest.Eval[bool](p, fmt.Sprintf(`(() => { const e = document.querySelector(%q); if (!e) return false; window.__before = true; e.click(); return true; })()`, selector)) {
		t.Fatalf("nothing to click at %s", selector)
	}
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		// The click navigates: a poll may hit the page being left, and the next one answers.
		if ok, err := browsertest.TryEval[bool](p, `!window.__before && document.readyState === "complete" && !!(`+ready+`)`); err == nil && ok {
			return
		}
	}
	t.Fatalf("after clicking %s the page never satisfied %s (now at %s)", selector, ready, browsertest.Eval[string](p, `location.href`))
}

// editorType sets form fields by id as typing would.
func editorType(p *browsertest.Page, values map[string]string) {
	for id, v := range values {
		browsertest.Eval[bool](p, fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q;
			e.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, id, v))
	}
}

// TestBrowserEditorPublishesCollection is an editor on a phone: signing in, writing a
// collection with two products (found by searching) and one product embedded in the intro,
// previewing it, publishing it; the public page shows the live price, a price change in the
// store shows on reload, and a click-out from the collection page lands on the retailer and
// is recorded with source collection and the collection's id.
func TestBrowserEditorPublishesCollection(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	retailer := startStubShop(t, "Stub retailer: the bag")

	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	ctx := context.Background()
	shop := insertID(t, db, `INSERT INTO retailers (slug, name, created_at) VALUES ('stub', 'Stub Shop', 1)`)
	brand := insertID(t, db, `INSERT INTO brands (slug, name, created_at) VALUES ('jacquemus', 'Jacquemus', 1)`)
	now := time.Now().UnixMilli()
	product := func(key, title, shape, colour string, price, regular int64) (int64, int64) {
		p := insertID(t, db, `INSERT INTO products (product_key, brand_id, title, image_url, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, 1)`,
			key, brand, title, productImage(shape, colour))
		o := insertID(t, db, `INSERT INTO offers (retailer_id, product_id, item_id, url, currency, price, regular_price, availability,
			first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, 'EUR', $5, $6, 'in_stock', $7, $7, $7)`,
			shop, p, key, retailer.URL+"/p/"+key, price, regular, now)
		return p, o
	}
	chiquito, chiquitoOffer := product("chiquito", "Le Chiquito micro bag", "bag", "#e9c46a", 39000, 52000)
	bambino, _ := product("bambino", "Le Bambino micro bag", "bag", "#c8553d", 61000, 61000)
	charm, _ := product("charm", "Le Charm keyring bag", "bag", "#2d6a4f", 15000, 19000)
	hash, err := account.HashPassword("curating micro bags")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, "editor@example.com", account.Editor, hash, true); err != nil {
		t.Fatal(err)
	}
	site := newClickSite(t, db, web.Config{})
	p := b.NewPage(t, browsertest.Phone)

	// Sign in with the form, then open the editor from the navigation.
	p.Open(site.ts.URL + "/signin?next=/editor/collections")
	editorType(p, map[string]string{"signin-email": "editor@example.com", "signin-password": "curating micro bags"})
	editorClick(t, p, `form[action="/signin"] button[type=submit]`, `location.pathname === "/editor/collections"`)
	editorClick(t, p, `a[href="/editor/collections/new"]`, `document.getElementById("title")`)

	// Write it: find two products by words, add them, embed the third in the intro.
	editorType(p, map[string]string{"title": "The Micro Bags of 2021", "slug": "micro-bags-2021",
		"cover_image": "/static/demo/img/boots-beige.svg", // https: pictures cannot load in a test without a network
		"intro":       fmt.Sprintf("Tiny bags hung on **bigger** bags, like charms.\n\n{{product %d}}\n\nTwo more below.", charm)})
	editorType(p, map[string]string{"q": "chiquito"})
	editorClick(t, p, `button[value="search"]`, fmt.Sprintf(`document.querySelector('button[value="add:%d"]')`, chiquito))
	editorClick(t, p, fmt.Sprintf(`button[value="add:%d"]`, chiquito), `document.querySelectorAll('input[name="item"]').length === 1`)
	editorType(p, map[string]string{"q": "bambino"})
	editorClick(t, p, `button[value="search"]`, fmt.Sprintf(`document.querySelector('button[value="add:%d"]')`, bambino))
	editorClick(t, p, fmt.Sprintf(`button[value="add:%d"]`, bambino), `document.querySelectorAll('input[name="item"]').length === 2`)
	editorType(p, map[string]string{"blurb-0": "The one that started it.", "blurb-1": "Roomier, still tiny."})
	if got := browsertest.Eval[string](p, `document.getElementById("title").value`); got != "The Micro Bags of 2021" {
		t.Fatalf("the title was lost between steps: %q", got)
	}
	p.Screenshot("tagdrop-editor-form-phone.png")
	p.CheckAccessible()

	// Save and preview: the draft shows as it will be published, under the banner.
	editorClick(t, p, `.editor-submit-top button[value="preview"]`, `document.querySelector(".preview-banner")`)
	if got := browsertest.Eval[string](p, `document.querySelector(".preview-banner").textContent`); !strings.Contains(got, "Preview — not published") {
		t.Errorf("preview banner says %q", got)
	}
	if n := p.Count("li.entry"); n != 2 {
		t.Errorf("preview shows %d entries, want 2", n)
	}
	if n := p.Count(".prose .embed-card article.card"); n != 1 {
		t.Errorf("preview shows %d embedded cards, want 1", n)
	}
	resp, err := http.Get(site.ts.URL + "/collections/micro-bags-2021")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("the draft's public page answers %d, want 404", resp.StatusCode)
	}
	p.Screenshot("tagdrop-editor-preview-phone.png")

	// Publish.
	editorClick(t, p, `.preview-banner a`, `document.getElementById("title")`)
	browsertest.Eval[bool](p, `(document.querySelector('input[name="status"][value="published"]').click(), true)`)
	editorClick(t, p, `.editor-submit-top button[value="save"]`, `document.querySelector(".notice-ok")`)

	// The public page: live prices, the embedded card, no banner, no sideways scrolling.
	p.Open(site.ts.URL + "/collections/micro-bags-2021")
	if n := p.Count(".preview-banner"); n != 0 {
		t.Error("the public page shows the preview banner")
	}
	price := func() string {
		return browsertest.Eval[string](p, fmt.Sprintf(`document.querySelector('li.entry[data-product="%d"] .price-now').textContent.trim()`, chiquito))
	}
	if got := price(); !strings.Contains(got, "390") {
		t.Errorf("Chiquito's price shows %q, want 390", got)
	}
	if !browsertest.Eval[bool](p, fmt.Sprintf(`document.querySelector('li.entry[data-product="%d"]').classList.contains("is-onsale")`, chiquito)) {
		t.Error("the item on sale is not highlighted")
	}
	if n := p.Count(".prose .embed-card article.card"); n != 1 {
		t.Errorf("public page shows %d embedded cards, want 1", n)
	}
	if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`); wide {
		t.Error("the collection page is wider than the phone's screen")
	}
	p.Screenshot("tagdrop-collection-phone.png")
	p.CheckAccessible()
	p.CheckNoProblems()

	// A price change written to the store shows on reload.
	exec(t, db, `UPDATE offers SET price = 31500 WHERE id = $1`, chiquitoOffer)
	p.Open(site.ts.URL + "/collections/micro-bags-2021")
	if got := price(); !strings.Contains(got, "315") {
		t.Errorf("after the price change Chiquito shows %q, want 315", got)
	}

	// A click-out from the collection page.
	sel := fmt.Sprintf(`li.entry[data-product="%d"] a.entry-shop`, chiquito)
	editorClick(t, p, sel, `document.getElementById("stub")`)
	got := retailer.Arrivals()
	if len(got) != 1 || got[0] != "/p/chiquito" {
		t.Errorf("the retailer saw %q, want one visit to /p/chiquito", got)
	}
	if err := site.rec.Close(ctx); err != nil {
		t.Fatal(err)
	}
	var collectionID int64
	if err := db.SQL().QueryRow(`SELECT id FROM collections WHERE slug = 'micro-bags-2021'`).Scan(&collectionID); err != nil {
		t.Fatal(err)
	}
	recorded, err := db.RecentClicks(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	u, _ := db.UserByEmail(ctx, "editor@example.com")
	want := clicks.Click{OfferID: chiquitoOffer, ProductID: chiquito, BrandID: brand, RetailerID: shop, UserID: u.ID,
		Source: clicks.SourceCollection, CollectionID: collectionID}
	if len(recorded) != 1 {
		t.Fatalf("%d clicks recorded, want 1: %+v", len(recorded), recorded)
	}
	r := recorded[0]
	r.At = time.Time{}
	if r != want {
		t.Errorf("click recorded as %+v, want %+v", r, want)
	}
}
