package web_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// signInBrowser makes a shopper with a password and signs the page in through the real
// sign-in endpoint.
func signInBrowser(t *testing.T, p *browsertest.Page, db *store.DB, base, email string) int64 {
	t.Helper()
	hash, err := account.HashPassword("sales in my size")
	if err != nil {
		t.Fatal(err)
	}
	u, err := db.CreateUser(context.Background(), email, account.Shopper, hash, true)
	if err != nil {
		t.Fatal(err)
	}
	p.Open(base + "/signin")
	ok := browsertest.Eval[bool](p, fmt.Sprintf(`(async () => {
		const r = await fetch("/signin", {method: "POST", body: new URLSearchParams({email: %q, password: "sales in my size"})});
		return r.ok;
	})()`, email))
	if !ok {
		t.Fatal("signing in failed")
	}
	return u.ID
}

// submitPrefs posts the page's preference form as the browser holds it (ticked chips, typed
// fields, what prefs.js added) and opens where the answer redirected to. It returns the status
// of the final answer.
func submitPrefs(t *testing.T, p *browsertest.Page, base string) int {
	t.Helper()
	type answer struct {
		Status int    `json:"status"`
		Path   string `json:"path"`
	}
	a := browsertest.Eval[answer](p, `(async () => {
		const f = document.querySelector("form.prefs-form");
		const r = await fetch(f.action, {method: "POST", body: new URLSearchParams(new FormData(f))});
		const u = new URL(r.url);
		return {status: r.status, path: u.pathname + u.search};
	})()`)
	if a.Status == 200 {
		p.Open(base + a.Path)
	}
	return a.Status
}

// TestBrowserFirstRun drives the first-run flow as a new shopper on a phone and a laptop: the
// brand type-ahead and a popular-brand chip, sizes, limits with the browser's time zone filled
// in, then My sales with the matches and why each matched.
func TestBrowserFirstRun(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	t.Setenv("TZ", "Europe/Paris") // the browser's zone, which step 3 must offer
	b := browsertest.Start(t)
	db := storeWithKinds(t)
	ts, _ := newPrefsSite(t, db)

	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			uid := signInBrowser(t, p, db, ts.URL, vp.Name+"@example.com")

			// Step 1: brands.
			p.Open(ts.URL + "/welcome")
			if n := p.Count("#brand-chips input[name=brand]"); n < 8 {
				t.Fatalf("%d popular brands offered, want at least 8", n)
			}
			suggested := browsertest.Eval[[]string](p, `(async () => {
				const input = document.getElementById("brands_text");
				input.focus();
				input.value = "gan";
				input.dispatchEvent(new Event("input", {bubbles: true}));
				for (let i = 0; i < 100; i++) {
					const items = [...document.querySelectorAll("#brand-suggestions [role=option]")];
					if (items.length) return items.map(li => li.dataset.name);
					await new Promise(r => setTimeout(r, 50));
				}
				return [];
			})()`)
			if len(suggested) == 0 || suggested[0] != "Ganni" {
				t.Fatalf("brand suggestions for 'gan': %q", suggested)
			}
			// Choose it with the keyboard, then tap a popular brand.
			browsertest.Eval[bool](p, `(() => {
				const input = document.getElementById("brands_text");
				input.dispatchEvent(new KeyboardEvent("keydown", {key: "ArrowDown", bubbles: true}));
				input.dispatchEvent(new KeyboardEvent("keydown", {key: "Enter", bubbles: true}));
				return true;
			})()`)
			popular := browsertest.Eval[string](p, `(() => {
				const box = [...document.querySelectorAll("#brand-chips input[name=brand]")].find(b => !b.checked && b.value !== "Ganni");
				document.querySelector("label[for='" + box.id + "']").click();
				return box.value;
			})()`)
			ticked := browsertest.Eval[[]string](p, `[...document.querySelectorAll("#brand-chips input[name=brand]:checked")].map(b => b.value)`)
			if !slices.Contains(ticked, "Ganni") || !slices.Contains(ticked, popular) || len(ticked) != 2 {
				t.Errorf("ticked brands %q, want Ganni and %s", ticked, popular)
			}
			if v := browsertest.Eval[string](p, `document.getElementById("brands_text").value`); strings.TrimSpace(v) != "" {
				t.Errorf("the chosen suggestion was left in the box: %q", v)
			}
			p.Screenshot("tagdrop-welcome-brands-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()
			if status := submitPrefs(t, p, ts.URL); status != 200 || !strings.HasSuffix(browsertest.Eval[string](p, `location.search`), "step=2") {
				t.Fatalf("step 1 did not lead to step 2 (status %d)", status)
			}

			// Step 2: sizes.
			browsertest.Eval[bool](p, `(() => {
				document.getElementById("size_shoes").value = "38";
				document.getElementById("size_tops").value = "M";
				document.getElementById("size_dresses").value = "EU 36";
				return true;
			})()`)
			p.Screenshot("tagdrop-welcome-sizes-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()
			if status := submitPrefs(t, p, ts.URL); status != 200 || !strings.HasSuffix(browsertest.Eval[string](p, `location.search`), "step=3") {
				t.Fatalf("step 2 did not lead to step 3 (status %d)", status)
			}

			// Step 3: the browser's zone is filled in.
			if tz := browsertest.Eval[string](p, `document.getElementById("time_zone").value`); tz != "Europe/Paris" {
				t.Errorf("time zone field = %q, want the browser's Europe/Paris", tz)
			}
			p.Screenshot("tagdrop-welcome-limits-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()
			if status := submitPrefs(t, p, ts.URL); status != 200 || browsertest.Eval[string](p, `location.pathname`) != "/my-sales" {
				t.Fatalf("step 3 did not lead to My sales (status %d)", status)
			}
			prefs, err := db.Preferences(context.Background(), uid)
			if err != nil {
				t.Fatal(err)
			}
			if prefs.TimeZone != "Europe/Paris" || len(prefs.Brands) != 2 || len(prefs.Sizes) != 3 {
				t.Errorf("saved after the flow: %+v", prefs)
			}

			// My sales.
			if n := p.Count(".sale-item"); n == 0 {
				t.Fatal("My sales shows nothing after the first run")
			}
			if n, m := p.Count(".sale-item .why"), p.Count(".sale-item"); n != m {
				t.Errorf("%d of %d items say why they matched", n, m)
			}
			cols := browsertest.Eval[int](p, `getComputedStyle(document.querySelector(".sale-grid")).gridTemplateColumns.split(" ").length`)
			if want := map[string]int{"phone": 2, "desktop": 5}[vp.Name]; cols != want {
				t.Errorf("My sales grid has %d columns at %dpx, want %d", cols, vp.Width, want)
			}
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`); wide {
				t.Errorf("My sales is wider than the %dpx screen", vp.Width)
			}
			p.Screenshot("tagdrop-my-sales-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()

			// The settings page shows the same answers.
			p.Open(ts.URL + "/settings")
			if v := browsertest.Eval[string](p, `document.getElementById("size_shoes").value`); v != "EU 38" {
				t.Errorf("settings show shoes %q, want EU 38", v)
			}
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`); wide {
				t.Errorf("settings are wider than the %dpx screen", vp.Width)
			}
			p.Screenshot("tagdrop-settings-" + vp.Name + ".png")
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()
		})
	}
}

// storeWithKinds is a SQLite store with seed's catalogue and sized categories.
func storeWithKinds(t *testing.T) *store.DB {
	t.Helper()
	db := storetest.SQLite(t)
	seed(t, db)
	seedKinds(t, db)
	return db
}
