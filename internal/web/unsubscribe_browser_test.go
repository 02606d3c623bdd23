package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"io"
	"log/slog"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
	"github.com/tagdrop/tagdrop/internal/web"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// TestBrowserUnsubscribeFromMail: a digest goes through the outbox and the sender to a real SMTP
// server; the test takes the Unsubscribe link from the message the server received, opens it in
// Chromium on a phone, checks that the confirm page changed nothing, presses the button and
// checks the shopper's digests are off.
func TestBrowserUnsubscribeFromMail(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	ctx := context.Background()
	db := storetest.SQLite(t)
	ts := acctSite(t, db, web.Config{})
	u, link := unsubscriber(t, db, ts.URL)

	d := notify.Digest{UserID: u.ID, To: u.Email, MessageID: "<digest-" + strconv.FormatInt(u.ID, 10) + "-2026-11-26@tagdrop.test>",
		BaseURL: ts.URL, UnsubscribeURL: link, Items: []notify.DigestItem{{Brand: "Ganni", Title: "Wool coat", Retailer: "Atelier Row",
			URL: ts.URL + "/products/1", Price: 19900, RegularPrice: 39900, Currency: "EUR", DiscountPct: 50, Size: "M"}}}
	m, err := notify.RenderDigest(d)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.QueueMessage(ctx, m); err != nil {
		t.Fatal(err)
	}
	srv := smtptest.Start(t, smtptest.Options{})
	host, port, _ := net.SplitHostPort(srv.Addr)
	p, _ := strconv.Atoi(port)
	sender := jobs.NewSender(db, func() (jobs.MailTransport, error) {
		return notify.NewTransport(notify.SMTPConfig{Host: host, Port: p, TLS: notify.TLSNone}, notify.Envelope{From: "sales@tagdrop.test"})
	}, jobs.SenderConfig{Connections: 1, Poll: 20 * time.Millisecond}, slog.New(slog.NewTextHandler(io.Discard, nil)))
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- sender.Run(runCtx) }()
	ok := srv.Wait(1, 30*time.Second)
	stop()
	<-done
	if !ok {
		t.Fatal("the digest was not delivered")
	}

	received, err := mail.ReadMessage(bytes.NewReader(srv.Messages()[0].Data))
	if err != nil {
		t.Fatal(err)
	}
	header := received.Header.Get("List-Unsubscribe")
	body := htmlPart(t, received)
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	a := unsubFind(doc, func(n *html.Node) bool {
		return n.Data == "a" && n.FirstChild != nil && n.FirstChild.Data == "Unsubscribe"
	})
	if a == nil {
		t.Fatal("the received digest has no Unsubscribe link")
	}
	href := unsubAttr(a, "href")
	if header != "<"+href+">" {
		t.Errorf("List-Unsubscribe %q does not match the link %q", header, href)
	}

	b := browsertest.Start(t)
	page := b.NewPage(t, browsertest.Phone)
	page.Open(href)
	if page.Count(`form[method="post"] button`) != 1 {
		t.Fatal("the confirm page has no button")
	}
	page.Screenshot("tagdrop-unsubscribe-phone.png")
	page.CheckAccessible()
	page.CheckKeyboard()
	if f := frequency(t, db, u.ID); f != account.Daily {
		t.Fatalf("opening the link changed the frequency to %s", f)
	}
	browsertest.Eval[bool](page, `(() => { setTimeout(() => document.querySelector('form[method="post"] button').click(), 0); return true; })()`)
	var heading string
	for range 100 {
		time.Sleep(100 * time.Millisecond)
		heading = browsertest.Eval[string](page, `new Promise(r => { const f = () => r((document.querySelector("h1") || {}).textContent || ""); if (document.readyState === "complete") f(); else addEventListener("load", f); })`)
		if heading == "You're unsubscribed" {
			break
		}
	}
	if heading != "You're unsubscribed" {
		t.Fatalf("after pressing Unsubscribe the page says %q", heading)
	}
	if path := browsertest.Eval[string](page, `location.pathname`); "/unsubscribe/"+path[len("/unsubscribe/"):] != href[len(ts.URL):] {
		t.Errorf("the answer moved to %s: one-click answers must not redirect", path)
	}
	page.Screenshot("tagdrop-unsubscribed-phone.png")
	page.CheckAccessible()
	page.CheckNoProblems()
	if f := frequency(t, db, u.ID); f != account.NoDigest {
		t.Errorf("frequency %s after unsubscribing, want off", f)
	}
}

// htmlPart decodes the text/html part of a multipart/alternative message.
func htmlPart(t *testing.T, m *mail.Message) string {
	t.Helper()
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	r := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := r.NextRawPart()
		if err != nil {
			t.Fatalf("no HTML part: %v", err)
		}
		if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") {
			var body io.Reader = p
			switch p.Header.Get("Content-Transfer-Encoding") {
			case "quoted-printable":
				body = quotedprintable.NewReader(p)
			case "base64":
				body = base64.NewDecoder(base64.StdEncoding, p)
			}
			data, _ := io.ReadAll(body)
			return string(data)
		}
	}
}
