package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// acctSubmit submits the page's form (found by selector) with the values its fields hold now,
// through fetch without following the redirect, and returns the response status (0 for a
// redirect, which fetch reports as opaque) so the test can open the next page itself.
func acctSubmit(p *browsertest.Page, selector string) int {
	return browsertest.Eval[int](p, fmt.Sprintf(`(async () => {
		const f = document.querySelector(%q);
		const r = await fetch(f.action, {method: "POST", body: new URLSearchParams(new FormData(f)), redirect: "manual"});
		return r.type === "opaqueredirect" ? 0 : r.status;
	})()`, selector))
}

// acctFill types values into fields by id.
func acctFill(p *browsertest.Page, values map[string]string) {
	for id, v := range values {
		browsertest.Eval[bool](p, fmt.Sprintf(`(() => { const e = document.getElementById(%q); e.value = %q; e.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`, id, v))
	}
}

// TestBrowserSignupToAccount is a new shopper on a phone: from the sign-in page to sign-up, the
// verification mail in the outbox, its link's confirm button, and the account page showing the
// address confirmed.
func TestBrowserSignupToAccount(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	b := browsertest.Start(t)
	db := storetest.SQLite(t)
	ts := acctSite(t, db, web.Config{Demo: true})
	p := b.NewPage(t, browsertest.Phone)
	noOverflow := func(page string) {
		t.Helper()
		if browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth`) {
			t.Errorf("%s is wider than the phone's screen", page)
		}
	}

	p.Open(ts.URL + "/signin")
	for _, sel := range []string{`a[href="/signup"]`, `a[href="/password/forgot"]`, `form[action="/signin/link"] button`} {
		if p.Count(sel) != 1 {
			t.Errorf("the sign-in page lacks %s", sel)
		}
	}
	p.Screenshot("tagdrop-signin-phone.png")
	p.CheckAccessible()
	noOverflow("the sign-in page")
	signup := browsertest.Eval[string](p, `document.querySelector('a[href="/signup"]').href`)

	p.Open(signup)
	p.CheckAccessible()
	p.CheckKeyboard()
	p.Screenshot("tagdrop-signup-phone.png")
	noOverflow("the sign-up page")
	acctFill(p, map[string]string{"signup-email": "new.shopper@example.com", "signup-password": "pleated midi skirt"})
	if status := acctSubmit(p, `form[action="/signup"]`); status != 0 {
		t.Fatalf("sign-up answered %d, want a redirect", status)
	}

	// The verification mail, as the outbox shows it.
	p.Open(ts.URL + "/outbox")
	msg := browsertest.Eval[string](p, `(() => { const a = [...document.querySelectorAll("table.outbox a")].find(a => a.textContent.includes("Confirm your e-mail")); return a ? a.href : ""; })()`)
	if msg == "" {
		t.Fatal("no verification mail in the outbox")
	}
	p.Open(msg)
	link := browsertest.Eval[string](p, `(document.querySelector(".mail-text").textContent.match(/https?:\/\/\S+\/verify\?t=\S+/) || [""])[0]`)
	if !strings.HasPrefix(link, ts.URL+"/verify?t=") {
		t.Fatalf("the mail's text has no verification link (found %q)", link)
	}

	p.Open(link)
	if n := p.Count(`form[action="/verify"] button`); n != 1 {
		t.Fatalf("the verification page has %d confirm buttons, want 1", n)
	}
	p.Screenshot("tagdrop-verify-phone.png")
	p.CheckAccessible()
	p.CheckKeyboard()
	if status := acctSubmit(p, `form[action="/verify"]`); status != 200 {
		t.Fatalf("confirming answered %d", status)
	}

	p.Open(ts.URL + "/account")
	if got := browsertest.Eval[string](p, `(document.querySelector(".account-email") || {textContent: ""}).textContent`); !strings.Contains(got, "new.shopper@example.com") || !strings.Contains(got, "Confirmed") {
		t.Errorf("the account page shows %q, want the address marked confirmed", got)
	}
	for _, sel := range []string{`form[action="/account/password"]`, `a[href="/account/export"]`, `form[action="/account/delete"]`} {
		if p.Count(sel) != 1 {
			t.Errorf("the account page lacks %s", sel)
		}
	}
	p.Screenshot("tagdrop-account-phone.png")
	p.CheckAccessible()
	p.CheckKeyboard()
	noOverflow("the account page")
	p.CheckNoProblems()
}
