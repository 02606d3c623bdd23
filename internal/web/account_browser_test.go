package web_test

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/notify"
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
// verification mail in the outbox, its link's page where the sign-up password is typed and the
// address confirmed (which signs in), the first-run flow, and the account page showing the
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
	if status := acctSubmit(p, `form[action="/signup"]`); status != 200 {
		t.Fatalf("sign-up answered %d, want 200 (the check-your-inbox page)", status)
	}
	// The verification mail: in demo mode the outbox shows it to the visitor (nobody is signed in
	// until the address is confirmed), who follows its link from there.
	mails := acctMails(t, db, notify.KindVerify, "new.shopper@example.com") // works the queued job
	if len(mails) != 1 {
		t.Fatalf("%d verification mails, want 1", len(mails))
	}
	p.Open(ts.URL + "/outbox/" + strconv.FormatInt(mails[0].ID, 10))
	if strings.Contains(browsertest.Eval[string](p, `document.body.textContent`), "Hidden: sent to") {
		t.Fatal("the demo outbox hides the verification mail from the visitor who signed up")
	}
	link := acctMailLink(t, ts, mails[0]).String()
	if !strings.Contains(browsertest.Eval[string](p, `document.body.innerHTML`), html.EscapeString(link)) {
		t.Errorf("the demo outbox's verification mail does not show its link %s", link)
	}

	p.Open(link)
	if n := p.Count(`form[action="/verify"] button`); n != 1 {
		t.Fatalf("the verification page has %d confirm buttons, want 1", n)
	}
	p.Screenshot("tagdrop-verify-phone.png")
	p.CheckAccessible()
	p.CheckKeyboard()
	if p.Count(`#verify-password`) != 1 {
		t.Fatal("the verification page does not ask for the sign-up password")
	}
	acctFill(p, map[string]string{"verify-password": "pleated midi skirt"})
	if status := acctSubmit(p, `form[action="/verify"]`); status != 0 {
		t.Fatalf("confirming answered %d, want a redirect to the first-run flow", status)
	}
	p.Open(ts.URL + "/welcome")
	if p.Count(`form[action="/welcome"]`) != 1 {
		t.Error("after confirming, /welcome does not show the first-run flow")
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
