package web_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/accountmail"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
)

// acctSite starts the site with its BaseURL set to its own address, as serve does, so
// e-mailed links point at it.
func acctSite(tb testing.TB, db *store.DB, cfg web.Config) *httptest.Server {
	tb.Helper()
	return acctSiteWith(tb, db, cfg, nil)
}

// acctSiteWith is acctSite whose account mail queue (unless cfg has one) is wrapped by wrap.
func acctSiteWith(tb testing.TB, db *store.DB, cfg web.Config, wrap func(web.AccountMailQueue) web.AccountMailQueue) *httptest.Server {
	tb.Helper()
	ix, err := index.Build(context.Background(), db, index.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	cfg.Index, cfg.Version = ix, "test"
	ts := httptest.NewUnstartedServer(nil)
	cfg.BaseURL = "http://" + ts.Listener.Addr().String()
	if cfg.AccountMail == nil {
		cfg.AccountMail = acctNewQueue(tb, db, cfg.BaseURL)
		if wrap != nil {
			cfg.AccountMail = wrap(cfg.AccountMail)
		}
	}
	srv, err := web.New(cfg, db, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		tb.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	ts.Start()
	tb.Cleanup(ts.Close)
	return ts
}

// acctVisitor is one browser: its own cookie jar, redirects not followed.
type acctVisitor struct {
	t  *testing.T
	ts *httptest.Server
	c  *http.Client
}

func acctNewVisitor(t *testing.T, ts *httptest.Server) *acctVisitor {
	jar, _ := cookiejar.New(nil)
	return &acctVisitor{t: t, ts: ts, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (v *acctVisitor) do(method, path string, form url.Values) (*http.Response, string) {
	v.t.Helper()
	target := path
	if !strings.HasPrefix(path, "http") {
		target = v.ts.URL + path
	}
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		v.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := v.c.Do(req)
	if err != nil {
		v.t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, string(b)
}

func (v *acctVisitor) get(path string) (*http.Response, string) {
	return v.do(http.MethodGet, path, nil)
}
func (v *acctVisitor) post(path string, form url.Values) (*http.Response, string) {
	return v.do(http.MethodPost, path, form)
}

// signedIn reports whether the visitor's cookie opens a session (the account page shows).
func (v *acctVisitor) signedIn() bool {
	v.t.Helper()
	res, _ := v.get("/account")
	switch res.StatusCode {
	case http.StatusOK:
		return true
	case http.StatusSeeOther:
		if !strings.HasPrefix(res.Header.Get("Location"), "/signin") {
			v.t.Fatalf("/account redirects to %q", res.Header.Get("Location"))
		}
		return false
	}
	v.t.Fatalf("/account: status %d", res.StatusCode)
	return false
}

func (v *acctVisitor) signIn(email, password string) {
	v.t.Helper()
	res, _ := v.post("/signin", url.Values{"email": {email}, "password": {password}})
	if res.StatusCode != http.StatusSeeOther {
		v.t.Fatalf("sign in as %s: status %d", email, res.StatusCode)
	}
}

// acctMailQueue is a test site's job queue as a web node has it (insert only), with the
// mailer a worker would run its account_mail jobs with (acctWorkMail).
type acctMailQueue struct {
	*queue.Queue
	mailer *accountmail.Mailer
}

// acctQueues finds the queue of a test's database.
var acctQueues sync.Map // *store.DB → *acctMailQueue

func acctNewQueue(tb testing.TB, db *store.DB, baseURL string) *acctMailQueue {
	tb.Helper()
	q, err := queue.New(db, queue.Config{}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	mq := &acctMailQueue{Queue: q, mailer: accountmail.New(db, baseURL, nil)}
	acctQueues.Store(db, mq)
	tb.Cleanup(func() { acctQueues.Delete(db) })
	return mq
}

// acctPendingMail lists the account_mail jobs waiting to be worked, oldest first.
func acctPendingMail(t testing.TB, db *store.DB) []*rivertype.JobRow {
	t.Helper()
	mq, ok := acctQueues.Load(db)
	if !ok {
		t.Fatal("the database has no test site queue (acctSite)")
	}
	res, err := mq.(*acctMailQueue).River().JobList(context.Background(),
		river.NewJobListParams().Kinds(queue.AccountMailArgs{}.Kind()).States(rivertype.JobStateAvailable).First(1000))
	if err != nil {
		t.Fatal(err)
	}
	return res.Jobs
}

// acctWorkMail works the waiting account_mail jobs as a worker node would (the worker itself is
// tested in internal/queue), then removes them.
func acctWorkMail(t testing.TB, db *store.DB) {
	t.Helper()
	mq, _ := acctQueues.Load(db)
	for _, job := range acctPendingMail(t, db) {
		var args queue.AccountMailArgs
		if err := json.Unmarshal(job.EncodedArgs, &args); err != nil {
			t.Fatal(err)
		}
		if err := mq.(*acctMailQueue).mailer.Send(context.Background(), args.Email, args.Purpose, args.Next); err != nil {
			t.Fatalf("account_mail job %d (%s): %v", job.ID, args.Purpose, err)
		}
		if _, err := mq.(*acctMailQueue).River().JobDelete(context.Background(), job.ID); err != nil {
			t.Fatal(err)
		}
	}
}

// acctMails works the waiting account mail jobs and returns the outbox messages of a kind to
// an address, newest first.
func acctMails(t *testing.T, db *store.DB, kind, to string) []notify.Message {
	t.Helper()
	acctWorkMail(t, db)
	all, err := db.Outbox(context.Background(), 1000)
	if err != nil {
		t.Fatal(err)
	}
	var out []notify.Message
	for _, m := range all {
		if m.Kind == kind && m.To == to {
			out = append(out, m)
		}
	}
	return out
}

// acctMailLink is the first link in a message's HTML part, checked to point at the site.
func acctMailLink(t *testing.T, ts *httptest.Server, m notify.Message) *url.URL {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(m.HTMLBody))
	if err != nil {
		t.Fatal(err)
	}
	links := findAll(doc, tag("a"))
	if len(links) == 0 {
		t.Fatalf("mail %q has no link", m.Subject)
	}
	href, _ := attr(links[0], "href")
	u, err := url.Parse(href)
	if err != nil || !strings.HasPrefix(href, ts.URL+"/") {
		t.Fatalf("mail link %q is not an absolute link to %s", href, ts.URL)
	}
	if !strings.Contains(m.TextBody, href) {
		t.Fatalf("the text part lacks the link %s", href)
	}
	return u
}

// acctOnPage is the path and query of a link, for the visitor.
func acctOnPage(u *url.URL) string { return u.RequestURI() }

func acctParse(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// acctFormValue is the value of the named field of the form posting to action.
func acctFormValue(t *testing.T, body, action, name string) string {
	t.Helper()
	for _, f := range findAll(acctParse(t, body), tag("form")) {
		if a, _ := attr(f, "action"); a != action {
			continue
		}
		for _, in := range findAll(f, tag("input")) {
			if n, _ := attr(in, "name"); n == name {
				v, _ := attr(in, "value")
				return v
			}
		}
	}
	t.Fatalf("no field %s in a form posting to %s", name, action)
	return ""
}

func acctUser(t *testing.T, db *store.DB, email string) account.User {
	t.Helper()
	u, err := db.UserByEmail(context.Background(), email)
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}

func acctCountUsers(t *testing.T, db *store.DB) int {
	t.Helper()
	users, err := db.ListUsers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(users)
}

func acctSessions(t *testing.T, db *store.DB, userID int64) int {
	t.Helper()
	n, err := db.CountSessions(context.Background(), userID)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSignupVerificationAndDuplicateAnswer(t *testing.T) {
	db := storetest.SQLite(t)
	ts := acctSite(t, db, web.Config{})
	ada := acctNewVisitor(t, ts)

	// The form, and the links to it from the sign-in page.
	res, body := ada.get("/signup")
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET /signup: %d", res.StatusCode)
	}
	checkPageBasics(t, acctParse(t, body))
	_, body = ada.get("/signin")
	doc := acctParse(t, body)
	hrefs := map[string]bool{}
	for _, a := range findAll(doc, tag("a")) {
		h, _ := attr(a, "href")
		hrefs[h] = true
	}
	if !hrefs["/signup"] || !hrefs["/password/forgot"] {
		t.Errorf("the sign-in page lacks Create an account or Forgot password: %v", hrefs)
	}
	if len(findAll(doc, func(n *html.Node) bool { a, _ := attr(n, "action"); return n.Data == "form" && a == "/signin/link" })) != 1 {
		t.Error("the sign-in page has no 'Email me a sign-in link' form")
	}
	checkPageBasics(t, doc)

	// Bad input names the field and saves nothing.
	for _, tt := range []struct {
		name, email, password, field string
	}{
		{"bad address", "ada-at-example.com", "long enough pw", "E-mail address"},
		{"header injection", "ada@example.com\r\nBcc: x@evil.test", "long enough pw", "E-mail address"},
		{"short password", "ada@example.com", "short", "Password"},
	} {
		res, body := ada.post("/signup", url.Values{"email": {tt.email}, "password": {tt.password}})
		msg := findAll(acctParse(t, body), class("form-error"))
		if res.StatusCode != http.StatusBadRequest || len(msg) != 1 || !strings.HasPrefix(text(msg[0]), tt.field) {
			t.Errorf("%s: status %d, error %v", tt.name, res.StatusCode, msg)
		}
	}
	if n := acctCountUsers(t, db); n != 0 {
		t.Fatalf("bad sign-ups created %d users", n)
	}

	// A real sign-up: nobody is signed in, the page says to check the inbox, and the job the
	// request queued mails a verification link.
	first, firstBody := ada.post("/signup", url.Values{"email": {"Ada@Example.com"}, "password": {"micro bags forever"}})
	if first.StatusCode != http.StatusOK || !strings.Contains(firstBody, "Check your inbox") || len(first.Cookies()) != 0 {
		t.Fatalf("sign-up: status %d, %d cookies, check-your-inbox page %t", first.StatusCode, len(first.Cookies()), strings.Contains(firstBody, "Check your inbox"))
	}
	checkPageBasics(t, acctParse(t, firstBody))
	u := acctUser(t, db, "ada@example.com")
	if u.Role != account.Shopper || u.EmailVerified {
		t.Fatalf("new user = %+v", u)
	}
	if ada.signedIn() {
		t.Fatal("signed in before the address was confirmed")
	}
	if res, _ := ada.post("/signin", url.Values{"email": {"ada@example.com"}, "password": {"micro bags forever"}}); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("password sign-in before the address was confirmed: %d, want 401", res.StatusCode)
	}
	verify := acctMails(t, db, notify.KindVerify, "ada@example.com")
	if len(verify) != 1 {
		t.Fatalf("%d verification mails, want 1", len(verify))
	}

	// The same address again, from another browser and with another password: the same answer,
	// no second account, the password unchanged, and (the address not being confirmed yet) a
	// fresh verification link to the address's owner, not to the visitor.
	mallory := acctNewVisitor(t, ts)
	second, secondBody := mallory.post("/signup", url.Values{"email": {"ada@example.com"}, "password": {"another password"}})
	if second.StatusCode != first.StatusCode || len(second.Cookies()) != 0 || secondBody != firstBody {
		t.Errorf("a duplicate sign-up answered %d with %d cookies, a new one %d; bodies equal %t", second.StatusCode, len(second.Cookies()),
			first.StatusCode, secondBody == firstBody)
	}
	if n := acctCountUsers(t, db); n != 1 {
		t.Fatalf("%d users after a duplicate sign-up", n)
	}
	if again := acctUser(t, db, "ada@example.com"); again.PasswordHash != u.PasswordHash {
		t.Fatal("a duplicate sign-up changed the password")
	}
	if n := len(acctMails(t, db, notify.KindVerify, "ada@example.com")); n != 2 {
		t.Fatalf("%d verification mails after a second sign-up of an unconfirmed address, want 2", n)
	}
	if mallory.signedIn() {
		t.Fatal("a duplicate sign-up signed the visitor in")
	}

	// The verification link: GET shows a button and changes nothing, however often.
	link := acctMailLink(t, ts, verify[0])
	for range 2 {
		res, body := mallory.get(acctOnPage(link))
		if res.StatusCode != http.StatusOK || acctFormValue(t, body, "/verify", "t") != link.Query().Get("t") {
			t.Fatalf("GET verification link: %d", res.StatusCode)
		}
		checkPageBasics(t, acctParse(t, body))
	}
	if acctUser(t, db, "ada@example.com").EmailVerified {
		t.Fatal("GET of the verification link verified the address")
	}
	// The page asks for the sign-up password; a wrong one is refused and uses nothing up.
	_, body = ada.get(acctOnPage(link))
	if len(findAll(acctParse(t, body), func(n *html.Node) bool { v, _ := attr(n, "name"); return n.Data == "input" && v == "password" })) != 1 {
		t.Fatal("the verification page of an unconfirmed account does not ask for the sign-up password")
	}
	res, body = ada.post("/verify", url.Values{"t": {link.Query().Get("t")}, "password": {"not my password"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Password:") || ada.signedIn() || acctUser(t, db, "ada@example.com").EmailVerified {
		t.Fatalf("POST verification with a wrong password: %d", res.StatusCode)
	}
	// The right one: confirmed, signed in with a new session id, on to the first-run flow.
	stale := &http.Cookie{Name: "tagdrop_session", Value: "stale-session-token", Path: "/"}
	ada.c.Jar.SetCookies(first.Request.URL, []*http.Cookie{stale})
	res, _ = ada.post("/verify", url.Values{"t": {link.Query().Get("t")}, "password": {"micro bags forever"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/welcome" {
		t.Fatalf("POST verification: %d → %q, want 303 → /welcome", res.StatusCode, res.Header.Get("Location"))
	}
	renewed := false
	for _, c := range res.Cookies() {
		renewed = renewed || (c.Name == "tagdrop_session" && c.Value != "" && c.Value != stale.Value && c.HttpOnly)
	}
	if !renewed || !ada.signedIn() {
		t.Fatal("confirming the address did not sign in with a new session")
	}
	confirmed := acctUser(t, db, "ada@example.com")
	if !confirmed.EmailVerified || confirmed.PasswordHash != u.PasswordHash {
		t.Fatalf("after confirming: verified %t, password kept %t", confirmed.EmailVerified, confirmed.PasswordHash == u.PasswordHash)
	}
	if res, _ := ada.get("/welcome"); res.StatusCode != http.StatusOK {
		t.Fatalf("GET /welcome after confirming: %d", res.StatusCode)
	}
	acctNewVisitor(t, ts).signIn("ada@example.com", "micro bags forever")
	// A sign-up with the now confirmed address mails its owner the "someone tried" notice.
	if res, _ := mallory.post("/signup", url.Values{"email": {"ada@example.com"}, "password": {"another password"}}); res.StatusCode != http.StatusOK {
		t.Fatalf("sign-up with a confirmed address: %d", res.StatusCode)
	}
	if n := len(acctMails(t, db, notify.KindSignupAttempt, "ada@example.com")); n != 1 {
		t.Fatalf("%d sign-up notices to the owner, want 1", n)
	}
	res, body = ada.post("/verify", url.Values{"t": {link.Query().Get("t")}})
	if res.StatusCode != http.StatusGone || !strings.Contains(body, "expired or was already used") {
		t.Fatalf("second POST of a verification link: %d", res.StatusCode)
	}
	res, _ = ada.get(acctOnPage(link))
	if res.StatusCode != http.StatusGone {
		t.Fatalf("GET of a used verification link: %d", res.StatusCode)
	}
}

func TestPasswordResetRevokesEverySession(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	hash, _ := account.HashPassword("old password 1")
	u, err := db.CreateUser(ctx, "bo@example.com", account.Shopper, hash, true)
	if err != nil {
		t.Fatal(err)
	}
	ts := acctSite(t, db, web.Config{})
	phone, laptop, stranger := acctNewVisitor(t, ts), acctNewVisitor(t, ts), acctNewVisitor(t, ts)
	phone.signIn("bo@example.com", "old password 1")
	laptop.signIn("bo@example.com", "old password 1")

	// The same answer whether or not the address has an account; mail only for the account.
	_, known := stranger.post("/password/forgot", url.Values{"email": {"bo@example.com"}})
	res, unknown := stranger.post("/password/forgot", url.Values{"email": {"nobody@example.com"}})
	if res.StatusCode != http.StatusOK || strings.ReplaceAll(known, "bo@example.com", "X") != strings.ReplaceAll(unknown, "nobody@example.com", "X") {
		t.Fatal("the reset request page differs for known and unknown addresses")
	}
	if n := len(acctMails(t, db, notify.KindReset, "nobody@example.com")); n != 0 {
		t.Fatal("a reset mail went to an address without an account")
	}
	resets := acctMails(t, db, notify.KindReset, "bo@example.com")
	if len(resets) != 1 {
		t.Fatalf("%d reset acctMails, want 1", len(resets))
	}
	link := acctMailLink(t, ts, resets[0])
	token := link.Query().Get("t")

	res, body := stranger.get(acctOnPage(link))
	if res.StatusCode != http.StatusOK || acctFormValue(t, body, "/password/reset", "t") != token {
		t.Fatalf("GET reset link: %d", res.StatusCode)
	}
	checkPageBasics(t, acctParse(t, body))
	// A too-short password is refused, naming the field, and does not use the link up.
	res, body = stranger.post("/password/reset", url.Values{"t": {token}, "password": {"short"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "New password:") {
		t.Fatalf("short new password: %d", res.StatusCode)
	}
	if !phone.signedIn() || !laptop.signedIn() {
		t.Fatal("a refused reset ended sessions")
	}
	res, _ = stranger.post("/password/reset", url.Values{"t": {token}, "password": {"new password 22"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/account?done=password" {
		t.Fatalf("reset: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	if phone.signedIn() || laptop.signedIn() {
		t.Fatal("sessions from before the reset still work")
	}
	if !stranger.signedIn() || acctSessions(t, db, u.ID) != 1 {
		t.Fatalf("after the reset: signed in %v, %d sessions (want only the new one)", stranger.signedIn(), acctSessions(t, db, u.ID))
	}
	// The new password works, the old one not, and the link only once.
	if res, _ := acctNewVisitor(t, ts).post("/signin", url.Values{"email": {"bo@example.com"}, "password": {"old password 1"}}); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("old password after reset: %d", res.StatusCode)
	}
	phone.signIn("bo@example.com", "new password 22")
	res, body = laptop.post("/password/reset", url.Values{"t": {token}, "password": {"attacker pw 333"}})
	if res.StatusCode != http.StatusGone || !strings.Contains(body, "expired or was already used") {
		t.Fatalf("reused reset link: %d", res.StatusCode)
	}
	if res, _ := laptop.get(acctOnPage(link)); res.StatusCode != http.StatusGone {
		t.Fatalf("GET of a used reset link: %d", res.StatusCode)
	}
}

func TestSignInLink(t *testing.T) {
	db := storetest.SQLite(t)
	ctx := context.Background()
	u, err := db.CreateUser(ctx, "cy@example.com", account.Shopper, "", false)
	if err != nil {
		t.Fatal(err)
	}
	ts := acctSite(t, db, web.Config{})
	cy := acctNewVisitor(t, ts)

	res, body := cy.post("/signin/link", url.Values{"email": {"CY@example.com"}, "next": {"/search?q=bag"}})
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "Check your e-mail") {
		t.Fatalf("request a sign-in link: %d", res.StatusCode)
	}
	links := acctMails(t, db, notify.KindSignIn, "cy@example.com")
	if len(links) != 1 {
		t.Fatalf("%d sign-in acctMails, want 1", len(links))
	}
	link := acctMailLink(t, ts, links[0])
	if link.Path != "/signin/link/confirm" || link.Query().Get("next") != "/search?q=bag" {
		t.Fatalf("sign-in link %s", link)
	}
	// Opening the link (as a mail scanner would) signs nobody in.
	res, body = cy.get(acctOnPage(link))
	if res.StatusCode != http.StatusOK || acctSessions(t, db, u.ID) != 0 {
		t.Fatalf("GET sign-in link: %d, %d sessions", res.StatusCode, acctSessions(t, db, u.ID))
	}
	checkPageBasics(t, acctParse(t, body))
	form := url.Values{"t": {acctFormValue(t, body, "/signin/link/confirm", "t")}, "next": {acctFormValue(t, body, "/signin/link/confirm", "next")}}
	res, _ = cy.post("/signin/link/confirm", form)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/search?q=bag" {
		t.Fatalf("sign in by link: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	if !cy.signedIn() || !acctUser(t, db, "cy@example.com").EmailVerified {
		t.Fatal("not signed in (or address not verified) after using the link")
	}
	res, body = acctNewVisitor(t, ts).post("/signin/link/confirm", form)
	if res.StatusCode != http.StatusGone || !strings.Contains(body, "expired or was already used") {
		t.Fatalf("second use of a sign-in link: %d", res.StatusCode)
	}
	if acctSessions(t, db, u.ID) != 1 {
		t.Fatal("a used link opened a second session")
	}

	// An off-site next is dropped; an expired link is refused with the same clear page.
	other := acctNewVisitor(t, ts)
	other.post("/signin/link", url.Values{"email": {"cy@example.com"}, "next": {"//evil.example/"}})
	links = acctMails(t, db, notify.KindSignIn, "cy@example.com")
	link = acctMailLink(t, ts, links[0])
	if link.Query().Get("next") != "" {
		t.Fatalf("an off-site next reached the link: %s", link)
	}
	db.SetClock(func() time.Time { return time.Now().Add(account.SignInLink.Lifetime() + time.Minute) })
	res, body = other.get(acctOnPage(link))
	if res.StatusCode != http.StatusGone || !strings.Contains(body, "expired or was already used") {
		t.Fatalf("GET of an expired link: %d", res.StatusCode)
	}
	checkPageBasics(t, acctParse(t, body))
	res, _ = other.post("/signin/link/confirm", url.Values{"t": {link.Query().Get("t")}})
	if res.StatusCode != http.StatusGone {
		t.Fatalf("POST of an expired link: %d", res.StatusCode)
	}
	db.SetClock(time.Now)
	if other.signedIn() {
		t.Fatal("an expired link signed in")
	}
	// Unknown addresses get the same page and no mail.
	_, known := other.post("/signin/link", url.Values{"email": {"cy@example.com"}})
	_, unknown := other.post("/signin/link", url.Values{"email": {"zed@example.com"}})
	if strings.ReplaceAll(known, "cy@example.com", "X") != strings.ReplaceAll(unknown, "zed@example.com", "X") {
		t.Error("the sign-in link request page differs for known and unknown addresses")
	}
	if n := len(acctMails(t, db, notify.KindSignIn, "zed@example.com")); n != 0 {
		t.Fatal("a sign-in link went to an address without an account")
	}
}

func TestAccountPasswordExportAndDeletion(t *testing.T) {
	db := storetest.SQLite(t)
	f := seed(t, db)
	ctx := context.Background()
	hash, _ := account.HashPassword("ada password 1")
	ada, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, hash, true)
	if err != nil {
		t.Fatal(err)
	}
	bo, err := db.CreateUser(ctx, "bo@example.com", account.Shopper, hash, true)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now().UnixMilli()
	for _, p := range []struct {
		id    int64
		name  string
		prodN int
	}{{ada.ID, "ada-search", 0}, {bo.ID, "bo-search", 1}} {
		exec(t, db, `INSERT INTO saved_searches (user_id, name, query, created_at) VALUES ($1, $2, 'q=bag', $3)`, p.id, p.name, now)
		exec(t, db, `INSERT INTO loves (user_id, product_id, size, created_at) VALUES ($1, $2, 'M', $3)`, p.id, f.SaleProducts[p.prodN], now)
	}
	ts := acctSite(t, db, web.Config{})
	here, there := acctNewVisitor(t, ts), acctNewVisitor(t, ts)
	here.signIn("ada@example.com", "ada password 1")
	there.signIn("ada@example.com", "ada password 1")
	acctNewVisitor(t, ts).signIn("bo@example.com", "ada password 1")

	res, body := here.get("/account")
	if res.StatusCode != http.StatusOK || !strings.Contains(body, "ada@example.com") {
		t.Fatalf("account page: %d", res.StatusCode)
	}
	checkPageBasics(t, acctParse(t, body))

	// Changing the password needs the current one, and ends the other sessions only.
	res, body = here.post("/account/password", url.Values{"current_password": {"wrong one 1"}, "new_password": {"ada password 2"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Current password:") {
		t.Fatalf("wrong current password: %d", res.StatusCode)
	}
	res, _ = here.post("/account/password", url.Values{"current_password": {"ada password 1"}, "new_password": {"ada password 2"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("change password: %d", res.StatusCode)
	}
	if !here.signedIn() || there.signedIn() {
		t.Fatal("after a password change the changing session must stay and the other end")
	}

	// The export: this shopper's data, nobody else's, no secrets.
	res, body = here.get("/account/export")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Disposition"), "attachment;") ||
		!strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("export: %d, %q, %q", res.StatusCode, res.Header.Get("Content-Disposition"), res.Header.Get("Content-Type"))
	}
	var exp struct {
		User struct {
			Email string `json:"email"`
		} `json:"user"`
		Loves []struct {
			ProductID int64 `json:"product_id"`
		} `json:"loves"`
		SavedSearches []struct {
			Name string `json:"name"`
		} `json:"saved_searches"`
		Sessions struct {
			Active int `json:"active"`
		} `json:"sessions"`
	}
	if err := json.Unmarshal([]byte(body), &exp); err != nil {
		t.Fatalf("export is not JSON: %v", err)
	}
	if exp.User.Email != "ada@example.com" || len(exp.Loves) != 1 || exp.Loves[0].ProductID != f.SaleProducts[0] ||
		len(exp.SavedSearches) != 1 || exp.SavedSearches[0].Name != "ada-search" || exp.Sessions.Active != 1 {
		t.Fatalf("export = %+v", exp)
	}
	for _, leak := range []string{"bo@example.com", "bo-search", "argon2id", "token_hash"} {
		if strings.Contains(body, leak) {
			t.Errorf("the export contains %q", leak)
		}
	}
	if res, _ := acctNewVisitor(t, ts).get("/account/export"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("export without signing in: %d", res.StatusCode)
	}

	// Deletion: a wrong password deletes nothing; the right one deletes the user, their rows
	// and sessions, and the cookie.
	res, body = here.post("/account/delete", url.Values{"confirm": {"ada password 1"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body, "Password:") {
		t.Fatalf("delete with the old password: %d", res.StatusCode)
	}
	acctUser(t, db, "ada@example.com")
	there.signIn("ada@example.com", "ada password 2")
	res, _ = here.post("/account/delete", url.Values{"confirm": {"ada password 2"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/account/deleted" {
		t.Fatalf("delete: %d → %q", res.StatusCode, res.Header.Get("Location"))
	}
	cleared := false
	for _, c := range res.Cookies() {
		cleared = cleared || (c.Name == "tagdrop_session" && c.MaxAge < 0)
	}
	if !cleared {
		t.Error("deletion did not clear the session cookie")
	}
	if _, err := db.UserByEmail(ctx, "ada@example.com"); err == nil {
		t.Fatal("the user still exists")
	}
	if here.signedIn() || there.signedIn() || acctSessions(t, db, ada.ID) != 0 {
		t.Fatal("sessions survived the deletion")
	}
	for _, table := range []string{"loves", "saved_searches", "preferences", "messages"} {
		var n int
		if err := db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM "+table+" WHERE user_id = $1", ada.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%d %s rows of the deleted user remain", n, table)
		}
	}
	var boRows int
	_ = db.SQL().QueryRowContext(ctx, "SELECT COUNT(*) FROM loves WHERE user_id = $1", bo.ID).Scan(&boRows)
	if boRows != 1 || acctSessions(t, db, bo.ID) != 1 {
		t.Fatal("deleting one account touched another's")
	}
	if res, body := here.get("/account/deleted"); res.StatusCode != http.StatusOK || !strings.Contains(body, "deleted") {
		t.Fatalf("deleted page: %d", res.StatusCode)
	}
}

func TestMailRequestsAreThrottled(t *testing.T) {
	db := storetest.SQLite(t)
	ts := acctSite(t, db, web.Config{})
	v := acctNewVisitor(t, ts)
	for i := range 5 {
		if res, _ := v.post("/password/forgot", url.Values{"email": {"victim@example.com"}}); res.StatusCode != http.StatusOK {
			t.Fatalf("request %d: %d", i+1, res.StatusCode)
		}
	}
	res, body := v.post("/signin/link", url.Values{"email": {"Victim@Example.com"}})
	if res.StatusCode != http.StatusTooManyRequests || res.Header.Get("Retry-After") == "" || !strings.Contains(body, "Please wait") {
		t.Fatalf("6th mail request for one address: %d (Retry-After %q)", res.StatusCode, res.Header.Get("Retry-After"))
	}
	res, _ = v.post("/signup", url.Values{"email": {"victim@example.com"}, "password": {"long enough 1"}})
	if res.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("sign-up past the limit: %d", res.StatusCode)
	}
	if n := acctCountUsers(t, db); n != 0 {
		t.Fatal("a throttled sign-up created an account")
	}
	if res, _ := v.post("/password/forgot", url.Values{"email": {"other@example.com"}}); res.StatusCode != http.StatusOK {
		t.Fatalf("another address from the same client: %d", res.StatusCode)
	}
}
