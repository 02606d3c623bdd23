package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestFeedTokens(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "feed@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.FeedTokenUser(ctx, "h1"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown token: %v, want ErrNotFound", err)
		}
		if err := db.RevokeFeedToken(ctx, u.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("revoke without a token: %v, want ErrNotFound", err)
		}
		if err := db.SetFeedToken(ctx, u.ID, "h1"); err != nil {
			t.Fatal(err)
		}
		if got, err := db.FeedTokenUser(ctx, "h1"); err != nil || got != u.ID {
			t.Fatalf("FeedTokenUser(h1) = %d, %v; want %d", got, err, u.ID)
		}
		// A new token replaces the old one.
		if err := db.SetFeedToken(ctx, u.ID, "h2"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FeedTokenUser(ctx, "h1"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("replaced token still works: %v", err)
		}
		if got, err := db.FeedTokenUser(ctx, "h2"); err != nil || got != u.ID {
			t.Fatalf("FeedTokenUser(h2) = %d, %v", got, err)
		}
		if _, err := db.FeedTokenCreated(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.RevokeFeedToken(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.FeedTokenUser(ctx, "h2"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("revoked token still works: %v", err)
		}
		if _, err := db.FeedTokenCreated(ctx, u.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("FeedTokenCreated after revoke: %v", err)
		}
	})
}

// addDigest stores a digest row for a shopper at a time with items (offer, price) in order.
func (f digestFixture) addDigest(user int64, key string, at time.Time, status string, items ...[2]int64) int64 {
	f.tb.Helper()
	id := f.id(`INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, $2, $3, $4)`, user, key, status, at.UnixMilli())
	for i, it := range items {
		f.exec(`INSERT INTO digest_items (digest_id, position, offer_id, price, regular_price, currency, reason) VALUES ($1, $2, $3, $4, 30000, 'EUR', 'why')`,
			id, i+1, it[0], it[1])
	}
	return id
}

func TestRecentDigestEntries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		old := f.addDigest(f.ada, "d1", f.now.Add(-48*time.Hour), "sent", [2]int64{f.o38, 21000})
		f.addDigest(f.ada, "d2", f.now.Add(-24*time.Hour), "empty")
		newer := f.addDigest(f.ada, "d3", f.now.Add(-time.Hour), "queued", [2]int64{f.o39, 25000}, [2]int64{f.o38, 20000})
		f.addDigest(f.bob, "d3", f.now.Add(-time.Hour), "queued", [2]int64{f.o39, 1})

		got, err := db.RecentDigestEntries(ctx, f.ada, 10, 100)
		if err != nil {
			t.Fatal(err)
		}
		type key struct{ digest, offer, price int64 }
		want := []key{{newer, f.o39, 25000}, {newer, f.o38, 20000}, {old, f.o38, 21000}}
		if len(got) != len(want) {
			t.Fatalf("got %d entries %+v, want %d", len(got), got, len(want))
		}
		for i, e := range got {
			if (key{e.DigestID, e.OfferID, e.Price}) != want[i] {
				t.Errorf("entry %d = %+v, want %+v", i, key{e.DigestID, e.OfferID, e.Price}, want[i])
			}
			if e.Title != "Boots" || e.Brand != "Ganni" || e.Retailer != "Shop A" || e.ImageURL == "" || e.UserID != f.ada {
				t.Errorf("entry %d details: %+v", i, e)
			}
		}
		// Only the latest digest, and a cap on items.
		if got, _ := db.RecentDigestEntries(ctx, f.ada, 1, 100); len(got) != 2 || got[0].DigestID != newer {
			t.Errorf("latest digest only: %+v", got)
		}
		if got, _ := db.RecentDigestEntries(ctx, f.ada, 10, 1); len(got) != 1 {
			t.Errorf("limit 1: %d entries", len(got))
		}
	})
}

func TestWebhookEventsAndDeliveries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		hookAt := f.now.Add(-10 * time.Hour)
		db.SetClock(func() time.Time { return hookAt })
		h1, err := db.AddWebhook(ctx, f.ada, "https://hooks.example/a", "s1")
		if err != nil {
			t.Fatal(err)
		}
		db.SetClock(func() time.Time { return f.now })
		before := f.addDigest(f.ada, "d0", hookAt.Add(-time.Hour), "sent", [2]int64{f.o38, 21000}) // before the webhook existed
		empty := f.addDigest(f.ada, "d1", f.now.Add(-3*time.Hour), "empty")
		d2 := f.addDigest(f.ada, "d2", f.now.Add(-2*time.Hour), "queued", [2]int64{f.o39, 25000}, [2]int64{f.o38, 20000})
		f.addDigest(f.bob, "d2", f.now.Add(-2*time.Hour), "queued", [2]int64{f.o39, 25000}) // bob has no webhook
		fresh := f.addDigest(f.ada, "d3", f.now, "queued", [2]int64{f.o38, 19000})          // not settled yet

		evs, last, err := db.DigestEventsAfter(ctx, 0, f.now.Add(-time.Minute), 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != 1 || evs[0].DigestID != d2 || len(evs[0].Items) != 2 || evs[0].Items[0].OfferID != f.o39 ||
			len(evs[0].Webhooks) != 1 || evs[0].Webhooks[0] != h1.ID {
			t.Fatalf("events = %+v; want digest %d only (not %d before the webhook, %d empty, %d unsettled)", evs, d2, before, empty, fresh)
		}
		if last < d2 || last >= fresh {
			t.Fatalf("cursor %d: want the highest settled id (≥ %d, < %d)", last, d2, fresh)
		}
		// Keyset batches: a limit of 1 scans one row.
		if _, l1, _ := db.DigestEventsAfter(ctx, 0, f.now.Add(-time.Minute), 1); l1 != before {
			t.Errorf("first batch of 1 ends at %d, want %d", l1, before)
		}

		nd := []store.NewDelivery{{WebhookID: h1.ID, Event: notify.EventMatch, EventKey: "digest:1", Payload: []byte(`{"a":1}`)}}
		if n, err := db.EnqueueWebhookDeliveries(ctx, "cur", last, nd); err != nil || n != 1 {
			t.Fatalf("enqueue: %d, %v", n, err)
		}
		if n, err := db.EnqueueWebhookDeliveries(ctx, "cur", last, nd); err != nil || n != 0 {
			t.Fatalf("enqueue again: %d new, %v; want 0", n, err)
		}
		if c, err := db.WebhookCursor(ctx, "cur"); err != nil || c != last {
			t.Fatalf("cursor = %d, %v; want %d", c, err, last)
		}
		if c, err := db.WebhookCursor(ctx, "never"); err != nil || c != 0 {
			t.Fatalf("unset cursor = %d, %v", c, err)
		}

		// Claim with a lease: a second claim gets nothing until the lease ends.
		claimed, err := db.ClaimWebhookDeliveries(ctx, 10, time.Minute)
		if err != nil || len(claimed) != 1 {
			t.Fatalf("claim: %+v, %v", claimed, err)
		}
		d := claimed[0]
		if d.URL != "https://hooks.example/a" || d.Secret != "s1" || d.Attempts != 1 || string(d.Payload) != `{"a":1}` {
			t.Fatalf("claimed %+v", d)
		}
		if again, _ := db.ClaimWebhookDeliveries(ctx, 10, time.Minute); len(again) != 0 {
			t.Fatalf("leased delivery claimed twice: %+v", again)
		}
		later := f.now.Add(2 * time.Minute)
		db.SetClock(func() time.Time { return later })
		if again, _ := db.ClaimWebhookDeliveries(ctx, 10, time.Minute); len(again) != 1 || again[0].Attempts != 2 {
			t.Fatalf("after the lease: %+v", again)
		}
		// Retry: not due before next.
		next := later.Add(time.Hour)
		if err := db.RetryDelivery(ctx, d.ID, next, "the receiver answered 500", 500); err != nil {
			t.Fatal(err)
		}
		if again, _ := db.ClaimWebhookDeliveries(ctx, 10, time.Minute); len(again) != 0 {
			t.Fatalf("claimed before it is due: %+v", again)
		}
		db.SetClock(func() time.Time { return next })
		again, _ := db.ClaimWebhookDeliveries(ctx, 10, time.Minute)
		if len(again) != 1 || again[0].Attempts != 3 || again[0].ResponseCode != 500 || again[0].LastError == "" {
			t.Fatalf("due again: %+v", again)
		}
		if err := db.MarkDeliveryDone(ctx, d.ID, 204); err != nil {
			t.Fatal(err)
		}
		log, err := db.WebhookDeliveries(ctx, f.ada, 10)
		if err != nil || len(log) != 1 || log[0].Status != notify.DeliveryDelivered || log[0].ResponseCode != 204 || log[0].DoneAt.IsZero() {
			t.Fatalf("log = %+v, %v", log, err)
		}
		if other, _ := db.WebhookDeliveries(ctx, f.bob, 10); len(other) != 0 {
			t.Fatalf("bob sees ada's deliveries: %+v", other)
		}
		// A delivered row is not claimed again, and failing it afterwards changes nothing.
		if err := db.FailDelivery(ctx, d.ID, "late", 0); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.WebhookDelivery(ctx, d.ID); got.Status != notify.DeliveryDelivered {
			t.Fatalf("status after a late fail = %s", got.Status)
		}

		// Deleting a webhook: only its owner can, and its deliveries go with it.
		if err := db.DeleteWebhook(ctx, f.bob, h1.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("bob deletes ada's webhook: %v", err)
		}
		if err := db.DeleteWebhook(ctx, f.ada, h1.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.WebhookDelivery(ctx, d.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("delivery outlived its webhook: %v", err)
		}
	})
}

func TestLoveAlertEvents(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		db.SetClock(func() time.Time { return f.now.Add(-time.Hour) })
		h, err := db.AddWebhook(ctx, f.ada, "https://hooks.example/a", "s1")
		if err != nil {
			t.Fatal(err)
		}
		var product int64
		if err := db.SQL().QueryRowContext(ctx, `SELECT product_id FROM offers WHERE id = $1`, f.o38).Scan(&product); err != nil {
			t.Fatal(err)
		}
		love := f.id(`INSERT INTO loves (user_id, product_id, size, color, created_at) VALUES ($1, $2, '38', '', 1)`, f.ada, product)
		bobLove := f.id(`INSERT INTO loves (user_id, product_id, size, color, created_at) VALUES ($1, $2, '38', '', 1)`, f.bob, product)
		a1 := f.id(`INSERT INTO love_alerts (love_id, user_id, kind, offer_id, currency, price, previous_price, basis_at, created_at)
			VALUES ($1, $2, 'price_drop', $3, 'EUR', 20000, 25000, 1, $4)`, love, f.ada, f.o38, f.now.Add(-30*time.Minute).UnixMilli())
		a2 := f.id(`INSERT INTO love_alerts (love_id, user_id, kind, offer_id, currency, price, previous_price, basis_at, created_at)
			VALUES ($1, $2, 'price_drop', $3, 'EUR', 20000, 25000, 1, $4)`, bobLove, f.bob, f.o38, f.now.Add(-30*time.Minute).UnixMilli())
		evs, last, err := db.LoveAlertEventsAfter(ctx, 0, f.now, 10)
		if err != nil {
			t.Fatal(err)
		}
		if last != max(a1, a2) {
			t.Errorf("cursor %d, want %d", last, max(a1, a2))
		}
		if len(evs) != 1 {
			t.Fatalf("events %+v, want ada's alert only", evs)
		}
		e := evs[0]
		if e.AlertID != a1 || e.Kind != "price_drop" || e.Price != 20000 || e.PreviousPrice != 25000 || e.Title != "Boots" ||
			e.Retailer != "Shop A" || e.Size != "38" || e.RegularPrice != 30000 || len(e.Webhooks) != 1 || e.Webhooks[0] != h.ID {
			t.Fatalf("event %+v", e)
		}
	})
}

func TestWebhooksExportedAndDeleted(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "hooks@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		h, err := db.AddWebhook(ctx, u.ID, "https://hooks.example.com/x", "the-secret")
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetFeedToken(ctx, u.ID, "feed-hash"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.EnqueueWebhookDeliveries(ctx, "c", 1, []store.NewDelivery{{WebhookID: h.ID, Event: notify.EventMatch, EventKey: "digest:9", Payload: []byte(`{}`)}}); err != nil {
			t.Fatal(err)
		}
		doc, err := db.ExportUser(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		hooks, _ := doc["webhooks"].([]map[string]any)
		deliveries, _ := doc["webhook_deliveries"].([]map[string]any)
		if len(hooks) != 1 || hooks[0]["url"] != "https://hooks.example.com/x" || len(deliveries) != 1 {
			t.Fatalf("export: webhooks %#v, deliveries %#v", doc["webhooks"], doc["webhook_deliveries"])
		}
		if _, ok := hooks[0]["secret"]; ok {
			t.Fatal("the export carries the signing secret")
		}
		if err := db.DeleteUser(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		for _, table := range []string{"webhooks", "feed_tokens", "webhook_deliveries"} {
			var n int
			if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("%d rows left in %s after the account was deleted", n, table)
			}
		}
	})
}
