package queue

import (
	"context"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestRoundsRunAsPeriodicJobs: the work that used to loop on every worker (web push, webhooks,
// trends, snapshots) runs as periodic jobs of a working node, at once on start, and does its
// work: today's catalogue snapshot counts the live offer, and the trends are computed.
func TestRoundsRunAsPeriodicJobs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		for _, q := range []string{
			`INSERT INTO retailers (id, slug, name, created_at) VALUES (1, 'a', 'A', 0)`,
			`INSERT INTO products (id, product_key, title, created_at, updated_at) VALUES (1, 'k', 'Micro bag', 0, 0)`,
			`INSERT INTO offers (id, retailer_id, product_id, item_id, currency, price, regular_price, availability, first_seen_at, last_seen_at, updated_at)
				VALUES (1, 1, 1, 'c', 'EUR', 6000, 10000, 'in_stock', 0, 0, 0)`,
		} {
			if _, err := db.SQL().ExecContext(ctx, q); err != nil {
				t.Fatal(err)
			}
		}
		work := &Work{
			Push:      jobs.NewPushSender(db, nil, jobs.PushConfig{}, nil), // no alerts: nothing is posted
			Webhooks:  jobs.NewWebhooks(db, nil, jobs.WebhooksConfig{}, nil),
			Trends:    jobs.NewTrendsUpdater(db, jobs.TrendsConfig{Settle: -1}, nil),
			Snapshots: jobs.NewSnapshotter(db, nil),
		}
		q := startWorking(t, db, Config{PollInterval: 50 * time.Millisecond}, work)
		for _, kind := range []string{"push_round", "webhook_round", "trends_update", "catalogue_snapshot"} {
			deadline := time.Now().Add(30 * time.Second)
			for {
				done := false
				for _, j := range listJobs(t, q, kind) {
					done = done || j.State == rivertype.JobStateCompleted
				}
				if done {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("no %s job completed within 30 s of the node's start", kind)
				}
				time.Sleep(50 * time.Millisecond)
			}
		}
		today := store.DayOf(time.Now())
		snaps, err := db.CatalogueSnapshots(ctx, today, today.Add(24*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if len(snaps) != 1 || snaps[0].Offers != 1 || snaps[0].OnSale != 1 {
			t.Errorf("today's snapshots after the snapshot job: %+v; want one counting the offer on sale", snaps)
		}
		if _, computed, err := db.TrendCursor(ctx); err != nil || !computed {
			t.Errorf("trends computed after the trends job: %t (%v)", computed, err)
		}
	})
}
