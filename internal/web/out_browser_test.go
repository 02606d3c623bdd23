package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// TestBrowserClickOut signs a shopper in, opens a product page and clicks its "Shop at …"
// button: the browser goes through /out/ to a stub retailer page (with the retailer's affiliate
// parameters added) and the click is recorded with the shopper, offer and source.
func TestBrowserClickOut(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	retailer := startStubShop(t, "Stub retailer: the boots")

	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	ctx := context.Background()
	shop := insertID(t, db, `INSERT INTO retailers (slug, name, created_at) VALUES ('stub', 'Stub Shop', 1)`)
	brand := insertID(t, db, `INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	product := insertID(t, db, `INSERT INTO products (product_key, brand_id, title, image_url, created_at, updated_at)
		VALUES ('boot', $1, 'Leather ankle boots', $2, 1, 1)`, brand, productImage("shoe", "#264653"))
	now := time.Now().UnixMilli()
	offer := insertID(t, db, `INSERT INTO offers (retailer_id, product_id, item_id, url, size, currency, price, regular_price, availability,
		first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, 'boot-38', $3, '38', 'EUR', 19900, 29900, 'in_stock', $4, $4, $4)`,
		shop, product, retailer.URL+"/products/boot?size=38", now)
	if err := db.SetAffiliateTemplate(ctx, shop, "?aff=tagdrop&sub={source}"); err != nil {
		t.Fatal(err)
	}
	site := newClickSite(t, db, web.Config{})

	p := b.NewPage(t, browsertest.Phone)
	lovesSignIn(t, db, p, site.ts.URL, "ada@example.com")
	p.Open(fmt.Sprintf("%s/products/%d", site.ts.URL, product))
	label := browsertest.Eval[string](p, `document.querySelector(".product-info a.button").textContent.trim()`)
	if label != "Shop at Stub Shop" {
		t.Fatalf("the product page's button says %q", label)
	}
	browsertest.Eval[bool](p, `(document.querySelector(".product-info a.button").click(), true)`)
	var heading string
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		heading = browsertest.Eval[string](p, `(document.getElementById("stub") || {}).textContent || ""`)
		if heading != "" {
			break
		}
	}
	if heading != "Stub retailer: the boots" {
		t.Fatalf("the click did not end on the retailer's page (heading %q)", heading)
	}
	got := retailer.Arrivals()
	if len(got) != 1 || got[0] != "/products/boot?aff=tagdrop&size=38&sub=page" {
		t.Errorf("the retailer saw %q, want one visit to /products/boot?aff=tagdrop&size=38&sub=page", got)
	}

	if err := site.rec.Close(ctx); err != nil {
		t.Fatal(err)
	}
	u, err := db.UserByEmail(ctx, "ada@example.com")
	if err != nil {
		t.Fatal(err)
	}
	recorded, err := db.RecentClicks(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	want := clicks.Click{OfferID: offer, ProductID: product, BrandID: brand, RetailerID: shop, UserID: u.ID, Source: clicks.SourcePage}
	if len(recorded) != 1 {
		t.Fatalf("%d clicks recorded, want 1: %+v", len(recorded), recorded)
	}
	r := recorded[0]
	r.At = time.Time{}
	if r != want {
		t.Errorf("click recorded as %+v, want %+v", r, want)
	}
}

// TestBrowserAdminAffiliates checks the affiliate page at phone and desktop sizes, and that a
// refused template shows its reason beside the field.
func TestBrowserAdminAffiliates(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	seed(t, db)
	hash, err := account.HashPassword("affiliate links")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(context.Background(), "admin@example.com", account.Admin, hash, true); err != nil {
		t.Fatal(err)
	}
	list, err := db.RetailerAffiliates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetAffiliateTemplate(context.Background(), list[0].ID, "https://network.example/deeplink?id=42&murl={url_encoded}"); err != nil {
		t.Fatal(err)
	}
	site := newClickSite(t, db, web.Config{})
	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			p.Open(site.ts.URL + "/signin")
			if !browsertest.Eval[bool](p, `(async () => {
				const r = await fetch("/signin", {method: "POST", body: new URLSearchParams({email: "admin@example.com", password: "affiliate links"})});
				return r.ok;
			})()`) {
				t.Fatal("signing in failed")
			}
			p.Open(site.ts.URL + "/admin/affiliates")
			if n := p.Count("li.affiliate form"); n != 3 {
				t.Fatalf("%d retailer forms, want 3", n)
			}
			if n := p.Count(".affiliate-preview"); n != 1 {
				t.Errorf("%d previews, want 1", n)
			}
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`); wide {
				t.Errorf("the page is wider than the %dpx screen", vp.Width)
			}
			p.Screenshot("tagdrop-admin-affiliates-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()
			// A refused template: the page comes back with the reason beside the field.
			msg := browsertest.Eval[string](p, fmt.Sprintf(`(async () => {
				const f = document.querySelector("#retailer-%d form");
				f.querySelector("input").value = "?aff={partner}";
				const r = await fetch(f.action, {method: "POST", body: new URLSearchParams(new FormData(f))});
				const doc = new DOMParser().parseFromString(await r.text(), "text/html");
				const el = doc.getElementById("template-%d-error");
				return r.status + " " + (el ? el.textContent.trim() : "");
			})()`, list[1].ID, list[1].ID))
			if !strings.HasPrefix(msg, "400 ") || !strings.Contains(msg, "unknown placeholder") {
				t.Errorf("a refused template answered %q", msg)
			}
		})
	}
}
