package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestPushVAPIDKeys(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		calls := 0
		gen := func() (string, string, error) {
			calls++
			return fmt.Sprintf("pub%d", calls), fmt.Sprintf("priv%d", calls), nil
		}
		k1, err := db.PushVAPIDKeys(ctx, gen)
		if err != nil {
			t.Fatal(err)
		}
		if k1 != (store.VAPIDKeys{Public: "pub1", Private: "priv1"}) {
			t.Fatalf("first keys = %+v", k1)
		}
		k2, err := db.PushVAPIDKeys(ctx, gen)
		if err != nil {
			t.Fatal(err)
		}
		if k2 != k1 || calls != 1 {
			t.Errorf("second call = %+v after %d generations, want the stored %+v and no new pair", k2, calls, k1)
		}
		// A failing generator on a fresh install is an error, not empty keys.
		if err := db.SetSetting(ctx, "push_vapid_keys", "broken"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.PushVAPIDKeys(ctx, gen); err == nil {
			t.Error("a malformed stored pair was accepted")
		}
	})
}

func TestPushSubscriptions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		const ep = "https://push.example.net/send/abc"
		s, err := db.SavePushSubscription(ctx, store.PushSubscription{UserID: f.ada, Endpoint: ep, P256dh: "k1", Auth: "a1"})
		if err != nil {
			t.Fatal(err)
		}
		if s.ID == 0 || s.UserID != f.ada || s.P256dh != "k1" || !s.CreatedAt.Equal(f.now) {
			t.Fatalf("saved = %+v", s)
		}
		// The same browser subscribed again, now with bob signed in: one row, bob's, new keys.
		s2, err := db.SavePushSubscription(ctx, store.PushSubscription{UserID: f.bob, Endpoint: ep, P256dh: "k2", Auth: "a2"})
		if err != nil {
			t.Fatal(err)
		}
		if s2.ID != s.ID || s2.UserID != f.bob || s2.P256dh != "k2" || s2.Auth != "a2" {
			t.Errorf("resubscribed = %+v, want row %d moved to bob with new keys", s2, s.ID)
		}
		if subs, err := db.PushSubscriptions(ctx, f.ada); err != nil || len(subs) != 0 {
			t.Errorf("ada's subscriptions = %+v, %v", subs, err)
		}
		if err := db.DeletePushSubscription(ctx, f.ada, ep); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("ada deleting bob's subscription: %v, want ErrNotFound", err)
		}
		if subs, err := db.PushSubscriptions(ctx, f.bob); err != nil || len(subs) != 1 || subs[0].Endpoint != ep {
			t.Fatalf("bob's subscriptions = %+v, %v", subs, err)
		}
		if err := db.DeletePushSubscription(ctx, f.bob, ep); err != nil {
			t.Fatal(err)
		}
		if subs, err := db.PushSubscriptions(ctx, f.bob); err != nil || len(subs) != 0 {
			t.Errorf("after unsubscribing: %+v, %v", subs, err)
		}
		if err := db.RemovePushSubscription(ctx, s.ID); err != nil {
			t.Errorf("removing a removed subscription: %v", err)
		}
	})
}

// pushAlerts records n price-drop alerts for the user, one per love (sizes "s0", "s1", …).
func pushAlerts(t *testing.T, db *store.DB, f lovesFixture, user int64, n int) {
	t.Helper()
	ctx := context.Background()
	var ds []store.LoveDecision
	for i := range n {
		l, err := db.SaveLove(ctx, store.Love{UserID: user, ProductID: f.boot, Love: alerts.Love{Size: fmt.Sprintf("s%d", i), AlertAnyDrop: true}})
		if err != nil {
			t.Fatal(err)
		}
		ds = append(ds, store.LoveDecision{LoveID: l.ID, UserID: user, Basis: f.now,
			Next:   alerts.LoveState{Known: true, OfferID: f.o38, Price: 18000, Currency: "EUR", InStock: true, At: f.now},
			Alerts: []alerts.LoveAlert{{Kind: alerts.PriceDropped, OfferID: f.o38, Currency: "EUR", Price: 18000, PreviousPrice: 20000}}})
	}
	if added, err := db.RecordLoveDecisions(ctx, ds); err != nil || added != n {
		t.Fatalf("recorded %d alerts, %v", added, err)
	}
}

func TestClaimPushAlerts(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		now := f.now
		db.SetClock(func() time.Time { return now })
		pushAlerts(t, db, f, f.ada, 3)
		pushAlerts(t, db, f, f.bob, 2)
		claim := func(limit int, notBefore time.Time) []store.PushAlert {
			t.Helper()
			got, err := db.ClaimPushAlerts(ctx, limit, time.Minute, notBefore)
			if err != nil {
				t.Fatal(err)
			}
			return got
		}
		// Nobody subscribed: nothing to push.
		if got := claim(10, time.Time{}); len(got) != 0 {
			t.Fatalf("claimed %d alerts without subscriptions", len(got))
		}
		if _, err := db.SavePushSubscription(ctx, store.PushSubscription{UserID: f.ada, Endpoint: "https://p.example/1", P256dh: "k", Auth: "a"}); err != nil {
			t.Fatal(err)
		}
		// Alerts created before the cut-off are left alone.
		if got := claim(10, now.Add(time.Millisecond)); len(got) != 0 {
			t.Errorf("claimed %d alerts older than the cut-off", len(got))
		}
		first := claim(2, time.Time{})
		if len(first) != 2 || first[0].UserID != f.ada || first[0].Title != "Boots" || first[0].Brand != "Ganni" ||
			first[0].Size != "s0" || first[0].Kind != alerts.PriceDropped || first[0].Price != 18000 ||
			first[0].PreviousPrice != 20000 || first[0].Attempts != 1 || first[0].ProductID != f.boot {
			t.Fatalf("first claim = %+v", first)
		}
		rest := claim(10, time.Time{})
		if len(rest) != 1 || rest[0].ID == first[0].ID || rest[0].ID == first[1].ID {
			t.Fatalf("second claim = %+v, want ada's third alert only (bob has no subscription)", rest)
		}
		if got := claim(10, time.Time{}); len(got) != 0 {
			t.Errorf("leased alerts claimed again: %+v", got)
		}
		// Delivered, retried later, and one left to its lease.
		if err := db.MarkLoveAlertDelivered(ctx, first[0].ID, now); err != nil {
			t.Fatal(err)
		}
		if err := db.RetryPushAlert(ctx, first[1].ID, now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		now = now.Add(2 * time.Minute) // the leases ran out
		again := claim(10, time.Time{})
		if len(again) != 1 || again[0].ID != rest[0].ID || again[0].Attempts != 2 {
			t.Fatalf("after the lease = %+v, want alert %d on its second attempt", again, rest[0].ID)
		}
		now = now.Add(time.Hour)
		// Both undelivered alerts are due again (the third's lease ran out too); the delivered one never.
		if got := claim(10, time.Time{}); len(got) != 2 || got[0].ID != first[1].ID || got[1].ID != rest[0].ID {
			t.Errorf("after the retry time = %+v, want alerts %d and %d", got, first[1].ID, rest[0].ID)
		}
	})
}

func TestClaimPushAlertsConcurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		const n = 60
		pushAlerts(t, db, f, f.ada, n)
		if _, err := db.SavePushSubscription(ctx, store.PushSubscription{UserID: f.ada, Endpoint: "https://p.example/1", P256dh: "k", Auth: "a"}); err != nil {
			t.Fatal(err)
		}
		var mu sync.Mutex
		seen := map[int64]int{}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Go(func() {
				for {
					got, err := db.ClaimPushAlerts(ctx, 3, time.Hour, time.Time{})
					if err != nil {
						errs <- err
						return
					}
					if len(got) == 0 {
						return
					}
					mu.Lock()
					for _, a := range got {
						seen[a.ID]++
					}
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Fatal(err)
		}
		if len(seen) != n {
			t.Errorf("%d alerts claimed, want %d", len(seen), n)
		}
		for id, c := range seen {
			if c != 1 {
				t.Errorf("alert %d claimed %d times", id, c)
			}
		}
	})
}
