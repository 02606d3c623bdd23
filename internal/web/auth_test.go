package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

func TestSignInAndOut(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	hash, err := account.HashPassword("micro bags forever")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, "ada@example.com", account.Admin, hash, true); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateUser(ctx, "linkonly@example.com", account.Shopper, "", true); err != nil {
		t.Fatal(err)
	}
	ts := newSite(t, db, web.Config{})
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	post := func(path string, form url.Values) (*http.Response, string) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodPost, ts.URL+path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		return res, string(b)
	}

	// Unknown address, wrong password and a link-only account all get the same answer.
	var bodies []string
	for _, f := range []url.Values{
		{"email": {"nobody@example.com"}, "password": {"micro bags forever"}},
		{"email": {"ada@example.com"}, "password": {"wrong password"}},
		{"email": {"linkonly@example.com"}, "password": {"anything at all"}},
	} {
		res, body := post("/signin", f)
		if res.StatusCode != http.StatusUnauthorized || len(res.Cookies()) != 0 {
			t.Fatalf("failed sign-in: status %d, cookies %v", res.StatusCode, res.Cookies())
		}
		bodies = append(bodies, strings.ReplaceAll(body, f.Get("email"), "EMAIL"))
	}
	if bodies[0] != bodies[1] || bodies[1] != bodies[2] {
		t.Error("the sign-in failure pages differ: they reveal which addresses have accounts")
	}

	// The outbox is admins-only outside demo mode.
	res, err := client.Get(ts.URL + "/outbox")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("outbox before sign-in: %d", res.StatusCode)
	}

	res, _ = post("/signin", url.Values{"email": {"Ada@Example.com"}, "password": {"micro bags forever"}, "next": {"//evil.example/"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("sign-in: status %d, location %q", res.StatusCode, res.Header.Get("Location"))
	}
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == "tagdrop_session" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
		t.Fatalf("session cookie = %+v", session)
	}
	res, err = client.Get(ts.URL + "/outbox")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "Sign out") {
		t.Fatalf("outbox as admin: %d", res.StatusCode)
	}

	res, _ = post("/signout", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", res.StatusCode)
	}
	// The old token no longer works even if replayed.
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/outbox", nil)
	req.AddCookie(&http.Cookie{Name: session.Name, Value: session.Value})
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("replayed session after sign-out: %d", res.StatusCode)
	}
}

func TestSignInThrottleAndBadForms(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	post := func(body string) *http.Response {
		t.Helper()
		res, err := ts.Client().Post(ts.URL+"/signin", "application/x-www-form-urlencoded", strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res
	}
	if res := post("email=%zz&password=%"); res.StatusCode != http.StatusBadRequest {
		t.Fatalf("malformed form: %d, want 400", res.StatusCode)
	}
	if res := post("email=a@example.com&password=" + strings.Repeat("x", 2<<20)); res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("2 MB form: %d, want 413", res.StatusCode)
	}
	// Ten failures for one address, then the eleventh attempt is refused before any check.
	for i := 0; i < 10; i++ {
		if res := post("email=victim@example.com&password=guess" + strconv.Itoa(i)); res.StatusCode != http.StatusUnauthorized {
			t.Fatalf("attempt %d: %d, want 401", i+1, res.StatusCode)
		}
	}
	res := post("email=Victim@Example.com&password=another")
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" {
		t.Fatalf("11th attempt: %d (Retry-After %q), want 429", res.StatusCode, res.Header.Get("Retry-After"))
	}
	// Another address from the same client is not yet limited.
	if res := post("email=other@example.com&password=whatever1"); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("another address: %d, want 401", res.StatusCode)
	}
}

// TestStaleSessionCookieIsLeftAlone: a request carrying the cookie of a session that no longer
// exists (replaced by a sign-in in another tab while the request was in flight) is answered as
// signed out without touching the cookie, so it cannot clear the new session's cookie.
func TestStaleSessionCookieIsLeftAlone(t *testing.T) {
	db := storetest.SQLite(t)
	ts := newSite(t, db, web.Config{})
	req, _ := http.NewRequest(http.MethodGet, ts.URL+"/", nil)
	req.AddCookie(&http.Cookie{Name: "tagdrop_session", Value: "a-session-that-was-replaced"})
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), `href="/signin"`) {
		t.Fatalf("status %d; the page should be the signed-out home page", res.StatusCode)
	}
	for _, c := range res.Cookies() {
		if c.Name == "tagdrop_session" {
			t.Errorf("the response sets the session cookie (%q, MaxAge %d); a stale cookie must be left alone", c.Value, c.MaxAge)
		}
	}
}
