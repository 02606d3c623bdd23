package store_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
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
		if err := db.RetryMessage(ctx, ids[1], 1, time.Now().Add(time.Hour), "451 try later"); err != nil {
			t.Fatal(err)
		}
		if err := db.RetryMessage(ctx, ids[2], 1, time.Now().Add(-time.Second), "421 busy"); err != nil {
			t.Fatal(err)
		}
		if err := db.FailMessage(ctx, ids[3], "550 no such user", true); err != nil {
			t.Fatal(err)
		}
		if err := db.ReleaseMessage(ctx, ids[4], 1); err != nil {
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
		// The store's clock, not the wall clock, decides: a loaded machine cannot make the
		// second claim fall after the lease.
		now := time.Now()
		db.SetClock(func() time.Time { return now })
		if got := claimIDs(t, db, 1, time.Minute); len(got) != 1 {
			t.Fatalf("claim %v", got)
		}
		now = now.Add(59 * time.Second)
		if got := claimIDs(t, db, 1, time.Hour); len(got) != 0 {
			t.Fatalf("claimed during the lease: %v", got)
		}
		now = now.Add(2 * time.Second)
		msgs, err := db.ClaimMessages(context.Background(), 1, time.Hour)
		if err != nil || len(msgs) != 1 || msgs[0].ID != ids[0] || msgs[0].Attempts != 2 {
			t.Fatalf("after the lease: %+v %v", msgs, err)
		}
	})
}

// TestLateOutcomeLeavesAnotherClaimAlone: a sender whose lease ran out, and whose message
// another sender claimed meanwhile, can no longer give it back or put it off: its late release
// or retry would free a message being delivered, for a third sender to claim and send again.
func TestLateOutcomeLeavesAnotherClaimAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := queue(t, db, 1, "ada@example.com")
		first, err := db.ClaimMessages(ctx, 1, time.Millisecond)
		if err != nil || len(first) != 1 {
			t.Fatalf("first claim %+v %v", first, err)
		}
		time.Sleep(20 * time.Millisecond) // the first lease runs out
		second, err := db.ClaimMessages(ctx, 1, time.Hour)
		if err != nil || len(second) != 1 || second[0].Attempts != first[0].Attempts+1 {
			t.Fatalf("second claim %+v %v", second, err)
		}
		if err := db.ReleaseMessage(ctx, ids[0], first[0].Attempts); err != nil {
			t.Fatal(err)
		}
		if err := db.RetryMessage(ctx, ids[0], first[0].Attempts, time.Now().Add(-time.Second), "421 late"); err != nil {
			t.Fatal(err)
		}
		if got := claimIDs(t, db, 1, time.Hour); len(got) != 0 {
			t.Fatalf("the first sender's late outcome freed the second's claim: claimed again %v", got)
		}
		m, _ := db.Message(ctx, ids[0])
		if m.Attempts != second[0].Attempts || m.LastError != "" {
			t.Errorf("late outcome changed the message: %+v", m)
		}
		// The holder's own release still works, once.
		if err := db.ReleaseMessage(ctx, ids[0], second[0].Attempts); err != nil {
			t.Fatal(err)
		}
		if err := db.ReleaseMessage(ctx, ids[0], first[0].Attempts); err != nil {
			t.Fatal(err)
		}
		if got := claimIDs(t, db, 1, time.Hour); len(got) != 1 {
			t.Fatalf("released message not claimable: %v", got)
		}
		m, _ = db.Message(ctx, ids[0])
		if m.Attempts != second[0].Attempts {
			t.Errorf("attempts %d after release and claim, want %d (a repeated release must not count down twice)", m.Attempts, second[0].Attempts)
		}
	})
}

// TestLateFailureLeavesADeliveredMessageAlone: a sender whose lease ran out records a failure
// (a 5xx, or its last attempt) after another sender delivered the message: the message stays
// sent, and its address is not marked bounced.
func TestLateFailureLeavesADeliveredMessageAlone(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now()
		db.SetClock(func() time.Time { return now })
		if _, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true); err != nil {
			t.Fatal(err)
		}
		ids := queue(t, db, 1, "ada@example.com")
		if got := claimIDs(t, db, 1, time.Second); len(got) != 1 {
			t.Fatalf("first claim %v", got)
		}
		now = now.Add(2 * time.Second) // the first lease runs out
		if got := claimIDs(t, db, 1, time.Minute); len(got) != 1 {
			t.Fatalf("second claim %v", got)
		}
		if err := db.MarkMessageSent(ctx, ids[0]); err != nil {
			t.Fatal(err)
		}
		if err := db.FailMessage(ctx, ids[0], "550 late", true); err != nil {
			t.Fatal(err)
		}
		if m, err := db.Message(ctx, ids[0]); err != nil || m.Status != notify.Sent || m.LastError != "" {
			t.Errorf("delivered message after a late failure: %+v %v, want it sent", m, err)
		}
		if b, err := db.AddressBounced(ctx, "ada@example.com"); err != nil || b {
			t.Errorf("address of a delivered message marked bounced: %v %v", b, err)
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

// Once the mail server has an account mail, the outbox's copy loses its link in the same
// statement that marks it sent; other mail keeps its bodies.
func TestMarkMessageSentBlanksAccountMailLinks(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		ids := map[string]int64{}
		for _, kind := range []string{notify.KindVerify, notify.KindReset, notify.KindSignIn, "digest"} {
			id, err := db.QueueMessage(ctx, notify.Message{Kind: kind, MessageID: "<" + kind + "@tagdrop>", To: "a@example.com",
				Subject: "s", TextBody: "https://t.example/x?t=secret-" + kind, HTMLBody: `<a href="https://t.example/x?t=secret">x</a>`})
			if err != nil {
				t.Fatal(err)
			}
			ids[kind] = id
		}
		for kind, id := range ids {
			if err := db.MarkMessageSent(ctx, id); err != nil {
				t.Fatal(err)
			}
			m, err := db.Message(ctx, id)
			if err != nil || m.Status != notify.Sent {
				t.Fatalf("%s: %+v, %v", kind, m, err)
			}
			if kind == "digest" {
				if m.TextBody != "https://t.example/x?t=secret-digest" || m.HTMLBody == "" {
					t.Errorf("a digest's bodies changed when sent: %q %q", m.TextBody, m.HTMLBody)
				}
				continue
			}
			if m.TextBody != store.SentLinkNote || m.HTMLBody != "" {
				t.Errorf("%s: bodies after sending %q / %q; want the note and no HTML", kind, m.TextBody, m.HTMLBody)
			}
		}
	})
}

// The secret is read once and then served from memory; a process that finds it stored reads
// it without trying to insert one.
func TestMailSecretReadsFirstAndCaches(t *testing.T) {
	ctx := context.Background()
	path := "sqlite:" + filepath.Join(t.TempDir(), "secret.db")
	first, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	s1, err := first.MailSecret(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// From now on any insert into settings fails, as the old get-or-create's did on every call.
	if _, err := first.SQL().ExecContext(ctx, `CREATE TRIGGER settings_no_insert BEFORE INSERT ON settings
		BEGIN SELECT RAISE(ABORT, 'insert into settings'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := first.SQL().ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('mail_unsubscribe_secret', 'x')
		ON CONFLICT (key) DO NOTHING`); err == nil {
		t.Fatal("precondition: the trigger does not refuse a conflicting insert")
	}
	second, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	s2, err := second.MailSecret(ctx)
	if err != nil || string(s2) != string(s1) {
		t.Fatalf("a fresh process reading the stored secret: %x, %v", s2, err)
	}
	// Cached: a changed setting is not read again by a process that has the secret.
	if _, err := second.SQL().ExecContext(ctx, `UPDATE settings SET value = $1 WHERE key = 'mail_unsubscribe_secret'`, strings.Repeat("ab", 32)); err != nil {
		t.Fatal(err)
	}
	if s3, err := second.MailSecret(ctx); err != nil || string(s3) != string(s1) {
		t.Fatalf("the secret was read again: %x, %v", s3, err)
	}
}
