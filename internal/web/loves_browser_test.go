package web_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// lovesSignIn creates a shopper with a password and signs the page in through the real
// sign-in endpoint.
func lovesSignIn(t *testing.T, db *store.DB, p *browsertest.Page, base, email string) {
	t.Helper()
	const password = "sales in my size"
	if _, err := db.UserByEmail(context.Background(), email); err != nil {
		hash, err := account.HashPassword(password)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.CreateUser(context.Background(), email, account.Shopper, hash, true); err != nil {
			t.Fatal(err)
		}
	}
	p.Open(base + "/signin")
	ok := browsertest.Eval[bool](p, fmt.Sprintf(`(async () => {
		const r = await fetch("/signin", {method: "POST", body: new URLSearchParams({email: %q, password: %q})});
		return r.ok && new URL(r.url).pathname === "/";
	})()`, email, password))
	if !ok {
		t.Fatal("signing in failed")
	}
}

// lovesSubmit posts the page's form (by selector) with the values its fields hold now, as the
// browser would, without following the redirect. It returns the status (0 for a redirect) and
// the text of the answer's #id element (for a refused form).
func lovesSubmit(p *browsertest.Page, selector, id string) (int, string) {
	type answer struct {
		Status int    `json:"status"`
		Text   string `json:"text"`
	}
	a := browsertest.Eval[answer](p, fmt.Sprintf(`(async () => {
		const f = document.querySelector(%q);
		const r = await fetch(f.action, {method: "POST", body: new URLSearchParams(new FormData(f)), redirect: "manual"});
		if (r.type === "opaqueredirect") return {status: 0, text: ""};
		const doc = new DOMParser().parseFromString(await r.text(), "text/html");
		const el = doc.getElementById(%q);
		return {status: r.status, text: el ? el.textContent.trim() : ""};
	})()`, selector, id))
	return a.Status, strings.Join(strings.Fields(a.Text), " ")
}

// lovesFill sets fields by id as typing would.
func lovesFill(p *browsertest.Page, values map[string]string) {
	for id, v := range values {
		browsertest.Eval[bool](p, fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q;
			e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, id, v))
	}
}

// TestBrowserLoveWithTarget is a shopper on a phone and on a laptop loving a cardigan in size M
// with a target price from its product page: a mistyped target is refused with a message and
// saves nothing; then the love shows on /loves with the price now, the target and the sizes in
// stock, and its edit form opens.
func TestBrowserLoveWithTarget(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	f := seed(t, db)
	ts := newSite(t, db, web.Config{})
	cardigan := f.SaleProducts[1]

	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			email := vp.Name + "@example.com"
			lovesSignIn(t, db, p, ts.URL, email)
			p.Open(fmt.Sprintf("%s/products/%d", ts.URL, cardigan))
			if visible := browsertest.Eval[bool](p, `(() => { const r = document.getElementById("love-form").getBoundingClientRect(); return r.width > 0 && r.height > 0; })()`); !visible {
				t.Fatal("the love form is not shown")
			}
			p.Screenshot("tagdrop-love-form-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()

			lovesFill(p, map[string]string{"love-size": "M", "love-target": "lots"})
			status, msg := lovesSubmit(p, "#love-form", "love-error")
			if status != 400 || !strings.Contains(msg, "Target price “lots” is not an amount") {
				t.Errorf("mistyped target: %d %q", status, msg)
			}
			u, err := db.UserByEmail(context.Background(), email)
			if err != nil {
				t.Fatal(err)
			}
			if loves, _ := db.UserLoves(context.Background(), u.ID); len(loves) != 0 {
				t.Fatalf("a refused love was saved: %+v", loves)
			}

			lovesFill(p, map[string]string{"love-target": "120"})
			if status, msg := lovesSubmit(p, "#love-form", "love-error"); status != 0 {
				t.Fatalf("love: status %d %q, want a redirect", status, msg)
			}
			p.Open(ts.URL + "/loves")
			if n := p.Count(".love"); n != 1 {
				t.Fatalf("%d loves shown, want 1", n)
			}
			card := browsertest.Eval[string](p, `document.querySelector(".love").innerText`)
			for _, want := range []string{"Size M", "Your target: €120", "In stock:", "Now "} {
				if !strings.Contains(card, want) {
					t.Errorf("love card %q lacks %q", card, want)
				}
			}
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`); wide {
				t.Errorf("the loves page is wider than the %dpx screen", vp.Width)
			}
			browsertest.Eval[bool](p, `(() => { document.querySelector(".love-edit summary").click(); return true; })()`)
			if open := browsertest.Eval[bool](p, `document.querySelector(".love-edit").open && document.querySelector(".love-edit input[name=target]").value === "120.00"`); !open {
				t.Error("the edit form does not open with the target")
			}
			p.Screenshot("tagdrop-loves-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()
			lovesCheckProblems(t, p)
		})
	}
}

// TestBrowserTrackPastedURL pastes a shop's product page address (served on loopback, which
// only this test's fetch client allows) into /track on a phone and a laptop: a page that is no
// product page is refused naming the address; the product page becomes a love.
func TestBrowserTrackPastedURL(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	seed(t, db)
	shop := newLovesShop(t)
	ts := newSite(t, db, web.Config{Tracker: lovesPageImporter(db, true)})

	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			lovesSignIn(t, db, p, ts.URL, vp.Name+"-track@example.com")
			p.Open(ts.URL + "/track")
			p.CheckAccessible()
			p.CheckKeyboard()

			lovesFill(p, map[string]string{"track-url": shop.URL + "/about"})
			status, msg := lovesSubmit(p, "#track-form", "track-error")
			if status != 400 || !strings.HasPrefix(msg, shop.URL+"/about: is not a product page") {
				t.Errorf("a page without a product: %d %q", status, msg)
			}

			lovesFill(p, map[string]string{"track-url": shop.URL + "/coat"})
			if status, msg := lovesSubmit(p, "#track-form", "track-error"); status != 0 {
				t.Fatalf("track: status %d %q, want a redirect", status, msg)
			}
			p.Open(ts.URL + "/loves?done=tracked")
			card := browsertest.Eval[string](p, `(document.querySelector(".love") || {innerText: ""}).innerText`)
			for _, want := range []string{"Double-faced wool coat", "Now €199", "Tracked from"} {
				if !strings.Contains(card, want) {
					t.Errorf("tracked love card %q lacks %q", card, want)
				}
			}
			if n := p.Count(`.form-ok[role="status"]`); n != 1 {
				t.Errorf("no confirmation shown (%d)", n)
			}
			p.Screenshot("tagdrop-track-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()
			lovesCheckProblems(t, p)
		})
	}
}

// lovesCheckProblems is CheckNoProblems except for the 400 answers the test asked for by
// submitting refused forms through fetch.
func lovesCheckProblems(t *testing.T, p *browsertest.Page) {
	t.Helper()
	for _, pr := range p.Problems() {
		if strings.Contains(pr, "HTTP 400 for Fetch") || strings.Contains(pr, "status of 400 (Bad Request)") {
			continue
		}
		t.Errorf("page problem: %s", pr)
	}
}
