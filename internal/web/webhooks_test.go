package web_test

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestWebhookSettings(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ts, _ := atomSite(t, db)
		ada, adaID := shopper(t, db, "ada@example.com")
		bob, _ := shopper(t, db, "bob@example.com")
		ada.Name, bob.Name = "__Host-tagdrop_session", "__Host-tagdrop_session"
		hooks := func() []notify.Webhook {
			t.Helper()
			hs, err := db.UserWebhooks(ctx, adaID)
			if err != nil {
				t.Fatal(err)
			}
			return hs
		}

		// Refused: plain http and private or loopback targets, each with a message naming the field.
		for _, bad := range []string{"http://hooks.example.com/x", "https://127.0.0.1/x", "https://192.168.1.10/x", "https://localhost/x", "nonsense"} {
			status, _, doc := postPrefs(t, ts, "/settings/webhooks", ada, url.Values{"url": {bad}})
			msg := byID(doc, "webhook-url-error")
			if status != http.StatusBadRequest || msg == nil || !strings.HasPrefix(text(msg), "url:") {
				t.Fatalf("POST %q: %d, message %v", bad, status, msg)
			}
			if v, _ := attr(byID(doc, "webhook-url"), "value"); v != bad {
				t.Errorf("the form lost what was typed: %q", v)
			}
		}
		if n := len(hooks()); n != 0 {
			t.Fatalf("%d webhooks saved from refused URLs", n)
		}

		// Accepted: the secret is shown once, 64 hex digits, and stored.
		status, _, doc := postPrefs(t, ts, "/settings/webhooks", ada, url.Values{"url": {"https://hooks.example.com/tagdrop"}})
		if status != http.StatusOK {
			t.Fatalf("add: %d", status)
		}
		secret, _ := attr(byID(doc, "webhook-secret"), "value")
		if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(secret) {
			t.Fatalf("secret %q", secret)
		}
		hs := hooks()
		if len(hs) != 1 || hs[0].URL != "https://hooks.example.com/tagdrop" {
			t.Fatalf("webhooks %+v", hs)
		}
		// The settings page lists it, never shows the secret, and logs deliveries.
		if _, err := db.EnqueueWebhookDeliveries(ctx, "test_cursor", 1, []store.NewDelivery{{WebhookID: hs[0].ID, Event: notify.EventMatch,
			EventKey: "digest:1", Payload: []byte(`{}`)}}); err != nil {
			t.Fatal(err)
		}
		claimed, err := db.ClaimWebhookDeliveries(ctx, 1, 0)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %v %v", claimed, err)
		}
		if err := db.FailDelivery(ctx, claimed[0].ID, "gave up after 1 attempts: the receiver answered 503", 503); err != nil {
			t.Fatal(err)
		}
		page := getSettings(t, ts, ada)
		section := byID(page, "webhooks")
		if section == nil {
			t.Fatal("no webhooks section on the settings page")
		}
		got := text(section)
		for _, want := range []string{"https://hooks.example.com/tagdrop", "match", "failed", "503", "the receiver answered 503", "hooks.example.com"} {
			if !strings.Contains(got, want) {
				t.Errorf("settings section lacks %q:\n%s", want, got)
			}
		}
		if strings.Contains(got, secret) {
			t.Error("the settings page shows the secret again")
		}

		// Only the owner deletes it.
		del := "/settings/webhooks/" + strconv.FormatInt(hs[0].ID, 10) + "/delete"
		if status, _, _ := postPrefs(t, ts, del, bob, url.Values{}); status != http.StatusNotFound {
			t.Fatalf("bob deletes ada's webhook: %d", status)
		}
		if status, loc, _ := postPrefs(t, ts, del, ada, url.Values{}); status != http.StatusSeeOther || loc != "/settings#webhooks" {
			t.Fatalf("delete: %d %q", status, loc)
		}
		if n := len(hooks()); n != 0 {
			t.Fatalf("%d webhooks after delete", n)
		}
	})
}
