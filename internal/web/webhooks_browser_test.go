package web_test

import (
	"context"
	"testing"

	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/web/browsertest"
)

// TestBrowserFeedsAndWebhooks opens the settings page with a feed, a webhook and a delivery
// log in Chromium on a phone and a desktop: no console errors, labelled controls, all reachable
// by Tab, and nothing wider than the phone's screen.
func TestBrowserFeedsAndWebhooks(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	ctx := context.Background()
	b := browsertest.Start(t)
	db := storeWithKinds(t)
	ts, _ := newPrefsSite(t, db)
	for _, vp := range []browsertest.Viewport{browsertest.Phone, browsertest.Desktop} {
		t.Run(vp.Name, func(t *testing.T) {
			p := b.NewPage(t, vp)
			uid := signInBrowser(t, p, db, ts.URL, vp.Name+"-hooks@example.com")
			if err := db.SetFeedToken(ctx, uid, "hash-"+vp.Name); err != nil {
				t.Fatal(err)
			}
			h, err := db.AddWebhook(ctx, uid, "https://hooks.example.com/a/very/long/path/that/must/wrap/on/a/phone/screen/"+vp.Name, "s")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.EnqueueWebhookDeliveries(ctx, "cursor_"+vp.Name, 1, []store.NewDelivery{{WebhookID: h.ID, Event: notify.EventMatch,
				EventKey: "digest:1", Payload: []byte(`{}`)}}); err != nil {
				t.Fatal(err)
			}
			p.Open(ts.URL + "/settings")
			if p.Count("#feeds form") != 2 || p.Count("#webhooks .webhook-list li") != 1 || p.Count("#webhooks .delivery-log tbody tr") != 1 {
				t.Fatal("the feeds and webhooks sections are not all there")
			}
			p.CheckAccessible()
			p.CheckKeyboard()
			p.CheckNoProblems()
			p.Screenshot("feeds-webhooks-" + vp.Name + ".png")
			if wide := browsertest.Eval[bool](p, `document.documentElement.scrollWidth > window.innerWidth + 1`); wide {
				t.Errorf("the settings page scrolls sideways at %s", vp.Name)
			}
		})
	}
}
