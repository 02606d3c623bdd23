package alerts_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// DueShoppers lists, in id order and once each, the shoppers with a digest due and those with
// only a love-alert mail due; runs narrowed to two id ranges that split them make exactly what
// the whole run makes, each range only its own shoppers.
func TestDueShoppersAndShardedRuns(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newRunFixture(t, db)
		// Hal: weekly, Monday's digest done, a love alert to mail. Gus: no preferences, a love
		// alert. Ada (digest due) has one too: her digest carries it, she is listed once.
		hu, err := db.CreateUser(ctx, "hal@example.com", "shopper", "", true)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SavePreferences(ctx, account.Preferences{UserID: hu.ID, Brands: []string{"Ganni"}, Frequency: account.Weekly, TimeZone: "UTC"}); err != nil {
			t.Fatal(err)
		}
		f.exec(`INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, '2026-11-23', 'empty', 1)`, hu.ID)
		f.loveAlert(hu.ID, alerts.PriceDropped, 5000, 6000, f.now.Add(-2*time.Hour), false)
		gu, err := db.CreateUser(ctx, "gus@example.com", "shopper", "", true)
		if err != nil {
			t.Fatal(err)
		}
		f.loveAlert(gu.ID, alerts.BackInStock, 6000, 0, f.now.Add(-time.Hour), false)
		f.loveAlert(f.ada, alerts.PriceDropped, 5500, 6000, f.now.Add(-3*time.Hour), false)

		ix, err := index.Build(ctx, db, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		// Batches of 2: the listings page several times.
		r := &alerts.DigestRun{Store: db, Index: func() *index.Index { return ix }, BaseURL: "https://tagdrop.example",
			Batch: 2, Now: func() time.Time { return f.now }}
		var due []int64
		if err := r.DueShoppers(ctx, f.now, func(id int64) error { due = append(due, id); return nil }); err != nil {
			t.Fatal(err)
		}
		// ada (daily), bob (weekly, late), cat (nothing in her size: an empty digest), then the
		// love-alert mails of hal and gus; not dan (bounced), eve (done), fay (off).
		want := []int64{f.ada, f.bob, f.cat, hu.ID, gu.ID}
		if !slices.Equal(due, want) {
			t.Fatalf("due = %v, want %v", due, want)
		}
		first, err := r.Run(ctx, alerts.RunOptions{FromUserID: f.ada, ThroughUserID: f.cat})
		if err != nil {
			t.Fatal(err)
		}
		if first.Stored != 2 || first.Empty != 1 || first.LoveMails != 0 || first.Loves != 1 {
			t.Errorf("first shard %+v: want ada and bob stored (ada's love with hers), cat empty, no love mails", first)
		}
		second, err := r.Run(ctx, alerts.RunOptions{FromUserID: f.cat + 1, ThroughUserID: gu.ID})
		if err != nil {
			t.Fatal(err)
		}
		if second.Stored != 0 || second.Empty != 0 || second.LoveMails != 2 {
			t.Errorf("second shard %+v: want the love mails of hal and gus only", second)
		}
		// Nothing is due any more, and a whole run makes nothing.
		due = nil
		if err := r.DueShoppers(ctx, f.now, func(id int64) error { due = append(due, id); return nil }); err != nil || len(due) != 0 {
			t.Errorf("due after both shards = %v (%v), want none", due, err)
		}
		if c, err := r.Run(ctx, alerts.RunOptions{}); err != nil || c.Stored+c.Empty+c.LoveMails != 0 {
			t.Errorf("whole run after the shards %+v (%v), want nothing made", c, err)
		}
	})
}
