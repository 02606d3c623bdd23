package web_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// Pre-verification takeover: someone signs up with another person's address and a password
// of their choosing. The password does not sign in while the address is unconfirmed (and the
// sign-up opened no session); when the address's owner first uses a link that reached their
// mailbox (the verification link without typing the password, or a sign-in link they asked
// for), the stranger's password is removed and the owner is signed in.
func TestFirstLinkEndsPreVerificationTakeover(t *testing.T) {
	for _, via := range []string{"verification link", "sign-in link"} {
		t.Run(via, func(t *testing.T) {
			db := storetest.SQLite(t)
			ts := acctSite(t, db, web.Config{})
			mallory, owner := acctNewVisitor(t, ts), acctNewVisitor(t, ts)
			res, _ := mallory.post("/signup", url.Values{"email": {"owner@example.com"}, "password": {"mallory's password"}})
			if res.StatusCode != http.StatusOK || mallory.signedIn() {
				t.Fatalf("the stranger's sign-up: %d, signed in %t (want 200, not signed in)", res.StatusCode, mallory.signedIn())
			}
			if res, _ := mallory.post("/signin", url.Values{"email": {"owner@example.com"}, "password": {"mallory's password"}}); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("the stranger's password signs in to the unconfirmed account: %d", res.StatusCode)
			}
			var link *url.URL
			if via == "verification link" {
				link = acctMailLink(t, ts, acctMails(t, db, notify.KindVerify, "owner@example.com")[0])
				res, body := owner.post("/verify", url.Values{"t": {link.Query().Get("t")}})
				if res.StatusCode != http.StatusOK || !strings.Contains(body, "password chosen when the account was created was removed") {
					t.Fatalf("POST /verify: %d, the page does not explain the removed password", res.StatusCode)
				}
			} else {
				owner.post("/signin/link", url.Values{"email": {"owner@example.com"}})
				link = acctMailLink(t, ts, acctMails(t, db, notify.KindSignIn, "owner@example.com")[0])
				res, _ := owner.post("/signin/link/confirm", url.Values{"t": {link.Query().Get("t")}})
				if res.StatusCode != http.StatusSeeOther {
					t.Fatalf("POST sign-in link: %d", res.StatusCode)
				}
			}
			if !owner.signedIn() {
				t.Fatal("the owner is not signed in after using the link")
			}
			if mallory.signedIn() {
				t.Fatal("the stranger is signed in")
			}
			u := acctUser(t, db, "owner@example.com")
			if !u.EmailVerified || u.PasswordHash != "" || acctSessions(t, db, u.ID) != 1 {
				t.Fatalf("after the first confirmation: verified %t, password set %t, %d sessions",
					u.EmailVerified, u.PasswordHash != "", acctSessions(t, db, u.ID))
			}
			if res, _ := acctNewVisitor(t, ts).post("/signin", url.Values{"email": {"owner@example.com"}, "password": {"mallory's password"}}); res.StatusCode != http.StatusUnauthorized {
				t.Fatalf("the stranger's password still signs in: %d", res.StatusCode)
			}
		})
	}
}

// In the public demo outbox, account mails (they carry live links) show their bodies only to
// their recipient, signed in; everyone else sees that they are hidden and to whom they went.
func TestOutboxHidesAccountMailsFromOthers(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	hash, _ := account.HashPassword("cy's password 1")
	cyUser, err := db.CreateUser(ctx, "cy@example.com", account.Shopper, hash, true)
	if err != nil {
		t.Fatal(err)
	}
	ts := acctSite(t, db, web.Config{Demo: true})
	cy, stranger := acctNewVisitor(t, ts), acctNewVisitor(t, ts)
	stranger.post("/signin/link", url.Values{"email": {"cy@example.com"}})
	stranger.post("/signin/link", url.Values{"email": {"nobody@example.com"}})
	mails := acctMails(t, db, notify.KindSignIn, "cy@example.com")
	if len(mails) != 1 {
		t.Fatalf("%d sign-in mails", len(mails))
	}
	m := mails[0]
	token := acctMailLink(t, ts, m).Query().Get("t")
	digest, err := db.QueueMessage(ctx, notify.Message{UserID: cyUser.ID, Kind: "digest", MessageID: "<d@t>", To: "cy@example.com",
		Subject: "Your sales", TextBody: "digest text body", HTMLBody: "<p>digest html body</p>"})
	if err != nil {
		t.Fatal(err)
	}
	page := "/outbox/" + strconv.FormatInt(m.ID, 10)

	for _, who := range []*acctVisitor{stranger, cy} {
		signedIn := who == cy
		if signedIn {
			cy.signIn("cy@example.com", "cy's password 1")
		}
		res, list := who.get("/outbox")
		if res.StatusCode != http.StatusOK {
			t.Fatalf("GET /outbox: %d", res.StatusCode)
		}
		if strings.Contains(list, "nobody@example.com") {
			t.Error("the outbox lists a dropped request for an address without an account")
		}
		if got := strings.Contains(text(acctParse(t, list)), "hidden: sent to cy@example.com"); got == signedIn {
			t.Errorf("signed in as the recipient %t: the list says hidden %t", signedIn, got)
		}
		for _, path := range []string{page, page + "/html"} {
			res, body := who.get(path)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("GET %s: %d", path, res.StatusCode)
			}
			if got := strings.Contains(body, token); got != signedIn {
				t.Errorf("signed in as the recipient %t: %s shows the link token %t", signedIn, path, got)
			}
		}
		_, body := who.get(page)
		if !signedIn && !strings.Contains(text(acctParse(t, body)), "Hidden: sent to cy@example.com") {
			t.Error("the message page does not say the message is hidden and to whom it went")
		}
		if _, body := who.get("/outbox/" + strconv.FormatInt(digest, 10)); !strings.Contains(body, "digest text body") {
			t.Error("a digest's body is hidden")
		}
	}
	// The link still works for its owner: hiding it changed nothing else.
	if res, _ := cy.post("/signin/link/confirm", url.Values{"t": {token}}); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("the hidden link does not work: %d", res.StatusCode)
	}
}

// An internal error is logged with the route pattern, not the path: a path may hold a token.
func TestErrorLogNamesRouteNotPath(t *testing.T) {
	db := storetest.SQLite(t)
	ix, err := index.Build(context.Background(), db, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var logs bytes.Buffer
	srv, err := web.New(web.Config{Index: ix, Version: "test", BaseURL: "http://t.example"}, db, slog.New(slog.NewTextHandler(&logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	if err := db.Close(); err != nil { // every query now fails: an internal error
		t.Fatal(err)
	}
	token := "7." + strings.Repeat("A", 22)
	res, err := http.Post(ts.URL+"/unsubscribe/"+token, "application/x-www-form-urlencoded", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", res.StatusCode)
	}
	out := logs.String()
	if !strings.Contains(out, `route="POST /unsubscribe/{token}"`) {
		t.Errorf("the error log does not name the route: %s", out)
	}
	if strings.Contains(out, token) {
		t.Errorf("the error log holds the token: %s", out)
	}
}
