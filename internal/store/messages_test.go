package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func queue(t *testing.T, db *store.DB, n int, to string) []int64 {
	t.Helper()
	var ids []int64
	for i := range n {
		id, err := db.QueueMessage(context.Background(), notify.Message{Kind: "digest", MessageID: fmt.Sprintf("<m-%s-%d@tagdrop>", to, i),
			To: to, Subject: "s", TextBody: "t", HTMLBody: "<p>h</p>", ListUnsubscribe: "https://t.example/unsubscribe/1.x"})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}

func claimIDs(t *testing.T, db *store.DB, limit int, lease time.Duration) []int64 {
	t.Helper()
	msgs, err := db.ClaimMessages(context.Background(), limit, lease)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, m := range msgs {
		ids = append(ids, m.ID)
	}
	return ids
}

func TestClaimMessages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true); err != nil {
			t.Fatal(err)
		}
		ids := queue(t, db, 5, "ada@example.com")

		first, err := db.ClaimMessages(ctx, 3, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if len(first) != 3 || first[0].ID != ids[0] || first[2].ID != ids[2] || first[0].Attempts != 1 {
			t.Fatalf("first claim %+v, want the oldest three with one attempt", first)
		}
		if first[0].ListUnsubscribe != "https://t.example/unsubscribe/1.x" || first[0].HTMLBody != "<p>h</p>" {
			t.Errorf("claimed message lost fields: %+v", first[0])
		}
		if got := claimIDs(t, db, 10, time.Hour); fmt.Sprint(got) != fmt.Sprint(ids[3:]) {
			t.Errorf("second claim %v, want only the unleased %v", got, ids[3:])
		}
		if got := claimIDs(t, db, 10, time.Hour); len(got) != 0 {
			t.Errorf("claimed leased messages again: %v", got)
		}

		if err := db.MarkMessageSent(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		if err := db.RetryMessage(ctx, ids[1], time.Now().Add(time.Hour), "451 try later"); err != nil {
			t.Fatal(err)
		}
		if err := db.RetryMessage(ctx, ids[2], time.Now().Add(-time.Second), "421 busy"); err != nil {
			t.Fatal(err)
		}
		if err := db.FailMessage(ctx, ids[3], "550 no such user", true); err != nil {
			t.Fatal(err)
		}
		if err := db.ReleaseMessage(ctx, ids[4]); err != nil {
			t.Fatal(err)
		}
		again, err := db.ClaimMessages(ctx, 10, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		if len(again) != 2 || again[0].ID != ids[2] || again[1].ID != ids[4] {
			t.Fatalf("claim after outcomes %+v, want the due retry and the released one", again)
		}
		if again[0].Attempts != 2 || again[0].LastError != "421 busy" || again[1].Attempts != 1 {
			t.Errorf("attempts/last error: %+v", again)
		}
		sent, err := db.Message(ctx, ids[0])
		if err != nil || sent.Status != notify.Sent || sent.SentAt.IsZero() {
			t.Errorf("sent message %+v, %v", sent, err)
		}
		failed, _ := db.Message(ctx, ids[3])
		if failed.Status != notify.Failed || failed.LastError != "550 no such user" {
			t.Errorf("failed message %+v", failed)
		}
		if b, err := db.AddressBounced(ctx, "ada@example.com"); err != nil || !b {
			t.Errorf("address not marked bounced: %v %v", b, err)
		}
		counts, err := db.OutboxCounts(ctx)
		if err != nil || counts[notify.Queued] != 3 || counts[notify.Sent] != 1 || counts[notify.Failed] != 1 {
			t.Errorf("counts %v %v", counts, err)
		}
	})
}

// TestClaimMessagesExpiredLease: a message whose sender died is claimable again once its lease
// has ended, and only then.
func TestClaimMessagesExpiredLease(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ids := queue(t, db, 1, "bob@example.com")
		if got := claimIDs(t, db, 1, 50*time.Millisecond); len(got) != 1 {
			t.Fatalf("claim %v", got)
		}
		if got := claimIDs(t, db, 1, time.Hour); len(got) != 0 {
			t.Fatalf("claimed during the lease: %v", got)
		}
		time.Sleep(100 * time.Millisecond)
		msgs, err := db.ClaimMessages(context.Background(), 1, time.Hour)
		if err != nil || len(msgs) != 1 || msgs[0].ID != ids[0] || msgs[0].Attempts != 2 {
			t.Fatalf("after the lease: %+v %v", msgs, err)
		}
	})
}

// TestClaimMessagesConcurrent: senders claiming at once never get the same message.
func TestClaimMessagesConcurrent(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		const n = 300
		queue(t, db, n, "carol@example.com")
		var mu sync.Mutex
		seen := map[int64]int{}
		var wg sync.WaitGroup
		errs := make(chan error, 4)
		for range 4 {
			wg.Go(func() {
				for {
					msgs, err := db.ClaimMessages(context.Background(), 7, time.Hour)
					if err != nil {
						errs <- err
						return
					}
					if len(msgs) == 0 {
						return
					}
					mu.Lock()
					for _, m := range msgs {
						seen[m.ID]++
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
			t.Errorf("%d messages claimed, want %d", len(seen), n)
		}
		for id, c := range seen {
			if c != 1 {
				t.Errorf("message %d claimed %d times", id, c)
			}
		}
	})
}

func TestMailSecretAndUnsubscribe(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s1, err := db.MailSecret(ctx)
		if err != nil || len(s1) != 32 {
			t.Fatalf("secret %x %v", s1, err)
		}
		s2, err := db.MailSecret(ctx)
		if err != nil || string(s1) != string(s2) {
			t.Fatalf("secret changed between calls")
		}

		ada, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		// No preferences saved yet: unsubscribing still records "off".
		if err := db.Unsubscribe(ctx, ada.ID); err != nil {
			t.Fatal(err)
		}
		p, err := db.Preferences(ctx, ada.ID)
		if err != nil || p.Frequency != account.Frequency("off") {
			t.Fatalf("preferences %+v %v", p, err)
		}
		p.Frequency, p.MinDiscountPct, p.DigestHour = account.Daily, 30, 7
		if err := db.SavePreferences(ctx, p); err != nil {
			t.Fatal(err)
		}
		if err := db.Unsubscribe(ctx, ada.ID); err != nil {
			t.Fatal(err)
		}
		p, _ = db.Preferences(ctx, ada.ID)
		if p.Frequency != account.Frequency("off") || p.MinDiscountPct != 30 || p.DigestHour != 7 {
			t.Errorf("after unsubscribing: %+v (frequency off, the rest kept)", p)
		}
		if err := db.Unsubscribe(ctx, ada.ID+100); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown user: %v", err)
		}
	})
}
