package web_test

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// unsubscriber is a shopper with daily digests and their unsubscribe address.
func unsubscriber(t *testing.T, db *store.DB, base string) (account.User, string) {
	t.Helper()
	ctx := context.Background()
	u, err := db.CreateUser(ctx, "ada.lovelace@example.com", account.Shopper, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SavePreferences(ctx, account.Preferences{UserID: u.ID, Frequency: account.Daily, MinDiscountPct: 20}); err != nil {
		t.Fatal(err)
	}
	secret, err := db.MailSecret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return u, notify.UnsubscribeURL(base, secret, u.ID, u.CreatedAt)
}

func frequency(t *testing.T, db *store.DB, id int64) account.Frequency {
	t.Helper()
	p, err := db.Preferences(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Frequency
}

func noRedirectClient() *http.Client {
	return &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

func TestUnsubscribeConfirmPageChangesNothing(t *testing.T) {
	db := storetest.SQLite(t)
	ts := acctSite(t, db, web.Config{})
	u, link := unsubscriber(t, db, ts.URL)

	res, err := noRedirectClient().Get(link)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(res.Body)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET: %d %v", res.StatusCode, err)
	}
	path := strings.TrimPrefix(link, ts.URL)
	form := unsubFind(doc, func(n *html.Node) bool {
		return n.Data == "form" && unsubAttr(n, "action") == path && unsubAttr(n, "method") == "post"
	})
	if form == nil || unsubFind(form, func(n *html.Node) bool { return n.Data == "button" }) == nil {
		t.Fatal("the confirm page has no POST form with a button to the same address")
	}
	if !strings.Contains(text(doc), "a…e@example.com") || strings.Contains(text(doc), u.Email) {
		t.Errorf("the page should name the address partly hidden")
	}
	if res.Header.Get("Cache-Control") != "no-store" || res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("headers %v", res.Header)
	}
	if f := frequency(t, db, u.ID); f != account.Daily {
		t.Errorf("GET changed the frequency to %s", f)
	}
}

// TestUnsubscribeOneClick posts as the RFC 8058 one-click does: without cookies or login, from a
// provider's server (no Origin) and from a webmail page on another origin.
func TestUnsubscribeOneClick(t *testing.T) {
	tests := []struct {
		name    string
		headers map[string]string
	}{
		{"provider server", nil},
		{"webmail in a browser", map[string]string{"Origin": "https://mail.example.net", "Sec-Fetch-Site": "cross-site"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := storetest.SQLite(t)
			ts := acctSite(t, db, web.Config{})
			u, link := unsubscriber(t, db, ts.URL)
			req, _ := http.NewRequest("POST", link, strings.NewReader("List-Unsubscribe=One-Click"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			for k, v := range tt.headers {
				req.Header.Set(k, v)
			}
			res, err := noRedirectClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			if res.StatusCode != http.StatusOK || res.Header.Get("Location") != "" {
				t.Fatalf("POST: %d, Location %q; want 200 without redirect", res.StatusCode, res.Header.Get("Location"))
			}
			if len(res.Cookies()) != 0 {
				t.Errorf("one-click set cookies: %v", res.Cookies())
			}
			if !strings.Contains(string(body), "unsubscribed") {
				t.Errorf("the answer does not say so")
			}
			if f := frequency(t, db, u.ID); f != account.NoDigest {
				t.Errorf("frequency %s after one-click, want off", f)
			}
			// The exemption is this route only: another POST from the same foreign page is refused.
			req, _ = http.NewRequest("POST", ts.URL+"/signout", nil)
			req.Header.Set("Origin", "https://mail.example.net")
			req.Header.Set("Sec-Fetch-Site", "cross-site")
			if res, err := noRedirectClient().Do(req); err != nil || res.StatusCode != http.StatusForbidden {
				t.Errorf("cross-site POST /signout was not refused: %v %v", res.StatusCode, err)
			}
		})
	}
}

func TestUnsubscribeRefusesBadTokens(t *testing.T) {
	db := storetest.SQLite(t)
	ts := acctSite(t, db, web.Config{})
	u, link := unsubscriber(t, db, ts.URL)
	tok := link[strings.LastIndex(link, "/")+1:]
	id, mac, _ := strings.Cut(tok, ".")
	other, err := db.CreateUser(context.Background(), "bob@example.com", account.Shopper, "", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"x", id, id + ".", id + "." + mac[:len(mac)-2] + "AA", "1" + id + "." + mac,
		url.PathEscape(strings.Replace(tok, id, strconv.FormatInt(other.ID, 10), 1)), "999." + mac} {
		for _, method := range []string{"GET", "POST"} {
			req, _ := http.NewRequest(method, ts.URL+"/unsubscribe/"+bad, nil)
			res, err := noRedirectClient().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusNotFound {
				t.Errorf("%s %s: %d, want 404", method, bad, res.StatusCode)
			}
		}
	}
	if f := frequency(t, db, u.ID); f != account.Daily {
		t.Errorf("a bad token changed the frequency to %s", f)
	}
	if p, err := db.Preferences(context.Background(), other.ID); err == nil && p.Frequency == account.NoDigest {
		t.Error("another shopper's digests were turned off with a moved token")
	}
}

// A link from a deleted account's mail does not unsubscribe the account that got its id later
// (SQLite reuses the id of a deleted last row).
func TestUnsubscribeOldTokenAfterIDReuse(t *testing.T) {
	db := storetest.SQLite(t)
	clock := time.UnixMilli(1_780_000_000_000)
	db.SetClock(func() time.Time { return clock })
	ts := acctSite(t, db, web.Config{})
	old, link := unsubscriber(t, db, ts.URL)
	ctx := context.Background()
	if err := db.DeleteUser(ctx, old.ID); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(time.Second)
	u, err := db.CreateUser(ctx, "grace.hopper@example.com", account.Shopper, "", true)
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != old.ID {
		t.Fatalf("precondition: the new account got id %d, not the reused %d", u.ID, old.ID)
	}
	if err := db.SavePreferences(ctx, account.Preferences{UserID: u.ID, Frequency: account.Daily, MinDiscountPct: 20}); err != nil {
		t.Fatal(err)
	}
	for _, method := range []string{"GET", "POST"} {
		req, _ := http.NewRequest(method, link, nil)
		res, err := noRedirectClient().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != http.StatusNotFound {
			t.Errorf("%s with the old account's link: %d, want 404", method, res.StatusCode)
		}
	}
	if f := frequency(t, db, u.ID); f != account.Daily {
		t.Errorf("the old account's link turned the new account's digests %s", f)
	}
}

func unsubFind(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := unsubFind(c, match); f != nil {
			return f
		}
	}
	return nil
}

func unsubAttr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}
