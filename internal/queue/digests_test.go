package queue

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strconv"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

var quietLog = slog.New(slog.NewTextHandler(io.Discard, nil))

// shardFixture is a shop with five Ganni bags on sale and shoppers who follow Ganni daily at
// midnight UTC, so every one of them has a digest due whenever the test runs (the slot of
// today, local date in UTC). due lists them; offDigests are shoppers with digests off, mixed
// in between, who are never due.
type shardFixture struct {
	db         *store.DB
	due        []int64
	offDigests []int64
}

func newShardFixture(t *testing.T, db *store.DB, shoppers int) *shardFixture {
	t.Helper()
	ctx := context.Background()
	f := &shardFixture{db: db}
	id := func(q string, args ...any) int64 {
		var id int64
		if err := db.SQL().QueryRowContext(ctx, q+" RETURNING id", args...).Scan(&id); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return id
	}
	seen := time.Now().Add(-30 * 24 * time.Hour).UnixMilli()
	shop := id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
	ganni := id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	for i := range 5 {
		p := id(`INSERT INTO products (product_key, brand_id, title, image_url, created_at, updated_at) VALUES ($1, $2, $3, '', 1, 1)`,
			fmt.Sprintf("bag-%d", i), ganni, fmt.Sprintf("Bag %d", i))
		id(`INSERT INTO offers (retailer_id, product_id, item_id, url, size, size_system, currency, price, regular_price, availability,
			first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, '', '', 'EUR', $5, 10000, 'in_stock', $6, $6, $6)`,
			shop, p, fmt.Sprintf("bag-%d", i), fmt.Sprintf("https://shop.example/bag-%d", i), 6000-100*i, seen)
	}
	for i := range shoppers {
		u, err := db.CreateUser(ctx, fmt.Sprintf("shopper%d@example.com", i), account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		freq := account.Daily
		if i%4 == 3 {
			freq = account.NoDigest
		}
		if err := db.SavePreferences(ctx, account.Preferences{UserID: u.ID, Brands: []string{"Ganni"}, Frequency: freq, TimeZone: "UTC"}); err != nil {
			t.Fatal(err)
		}
		if freq == account.NoDigest {
			f.offDigests = append(f.offDigests, u.ID)
		} else {
			f.due = append(f.due, u.ID)
		}
	}
	return f
}

// digestRun is the digest run of the fixture's catalogue as it is now.
func (f *shardFixture) digestRun(t *testing.T) *alerts.DigestRun {
	t.Helper()
	ix, err := index.Build(context.Background(), f.db, index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &alerts.DigestRun{Store: f.db, Index: func() *index.Index { return ix }, BaseURL: "https://tagdrop.example", Logger: quietLog}
}

func (f *shardFixture) count(t *testing.T, q string, args ...any) int {
	t.Helper()
	var n int
	if err := f.db.SQL().QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// shardJobs lists the digest_shard jobs' arguments.
func shardJobs(t *testing.T, q *Queue) []DigestShardArgs {
	t.Helper()
	var out []DigestShardArgs
	for _, j := range listJobs(t, q, DigestShardArgs{}.Kind()) {
		var a DigestShardArgs
		if err := json.Unmarshal(j.EncodedArgs, &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// The planner gives every due shopper to exactly one shard, of at most the shard size; shards
// are unique; planning again — in the same period, or in a later one while the shards wait —
// enqueues nothing.
func TestDigestPlanShardsEveryDueShopperOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newShardFixture(t, db, 45)
		q, err := New(db, Config{}, nil) // insert only: the shards stay queued
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		w := &digestPlanWorker{db: db, run: f.digestRun(t), size: 8, period: time.Hour, log: quietLog, now: func() time.Time { return now }}
		n, due, err := w.plan(ctx, q.client)
		if err != nil {
			t.Fatal(err)
		}
		if due != len(f.due) {
			t.Errorf("%d shoppers due, want %d", due, len(f.due))
		}
		shards := shardJobs(t, q)
		if n != len(shards) || n != (len(f.due)+7)/8 {
			t.Errorf("planned %d shards, %d stored, want %d", n, len(shards), (len(f.due)+7)/8)
		}
		keys := map[DigestShardArgs]bool{}
		for _, s := range shards {
			if keys[s] {
				t.Errorf("shard %+v enqueued twice", s)
			}
			keys[s] = true
			in := 0
			for _, id := range f.due {
				if s.From <= id && id <= s.Through {
					in++
				}
			}
			if in == 0 || in > 8 {
				t.Errorf("shard %+v holds %d due shoppers, want 1 to 8", s, in)
			}
		}
		for _, id := range f.due {
			in := 0
			for _, s := range shards {
				if s.From <= id && id <= s.Through {
					in++
				}
			}
			if in != 1 {
				t.Errorf("due shopper %d is in %d shards, want 1", id, in)
			}
		}
		// The same period again, then a later period while every shard still waits.
		for _, at := range []time.Time{now, now.Add(2 * time.Hour)} {
			w.now = func() time.Time { return at }
			n, due, err := w.plan(ctx, q.client)
			if err != nil {
				t.Fatal(err)
			}
			if n != 0 || due != len(f.due) {
				t.Errorf("planning again at %s enqueued %d shards (%d due), want 0", at.Format(time.TimeOnly), n, due)
			}
		}
		if got := len(shardJobs(t, q)); got != len(shards) {
			t.Errorf("%d shard jobs after planning again, want %d", got, len(shards))
		}
		// Once a shopper's digest is made, a later plan leaves them out: only the shoppers of a
		// shard that was lost (discarded here) are planned again.
		lost := shards[0]
		jobRows := listJobs(t, q, DigestShardArgs{}.Kind())
		for _, j := range jobRows {
			var a DigestShardArgs
			_ = json.Unmarshal(j.EncodedArgs, &a)
			if a == lost {
				if _, err := q.client.JobCancel(ctx, j.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
		w.now = func() time.Time { return now.Add(3 * time.Hour) }
		if n, _, err := w.plan(ctx, q.client); err != nil || n != 1 {
			t.Errorf("after a shard was lost, planning enqueued %d shards (%v), want 1", n, err)
		}
	})
}

// A shard stores its digests and enqueues their send jobs in one transaction: a failure after
// the send jobs are enqueued and before the commit leaves neither digests nor messages nor jobs.
func TestDigestShardRollsBackWithItsSendJobs(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newShardFixture(t, db, 6)
		q, err := New(db, Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		injected := errors.New("injected failure before commit")
		w := &digestShardWorker{db: db, run: f.digestRun(t), sends: true, log: quietLog,
			beforeCommit: func() error { return injected }}
		args := DigestShardArgs{Slot: "test", From: f.due[0], Through: f.due[len(f.due)-1]}
		c, err := w.shard(ctx, q.client, args)
		if err != nil {
			t.Fatal(err)
		}
		if c.Stored != 0 || c.Failed != len(f.due) {
			t.Errorf("counts %+v, want every due shopper failed", c)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM digests`); n != 0 {
			t.Errorf("%d digests stored by a rolled-back shard", n)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM messages`); n != 0 {
			t.Errorf("%d messages stored by a rolled-back shard", n)
		}
		if jobs := listJobs(t, q, MailSendArgs{}.Kind()); len(jobs) != 0 {
			t.Errorf("%d send jobs enqueued by a rolled-back shard", len(jobs))
		}
		// The same shard without the failure stores every digest with its send job.
		w.beforeCommit = nil
		if c, err = w.shard(ctx, q.client, args); err != nil || c.Stored != len(f.due) {
			t.Fatalf("shard stored %+v (%v), want %d digests", c, err, len(f.due))
		}
		var sent []int64
		for _, j := range listJobs(t, q, MailSendArgs{}.Kind()) {
			var a MailSendArgs
			_ = json.Unmarshal(j.EncodedArgs, &a)
			sent = append(sent, a.MessageIDs...)
		}
		if n := f.count(t, `SELECT COUNT(*) FROM messages`); n != len(sent) || n != len(f.due) {
			t.Errorf("%d messages, %d in send jobs, want %d", n, len(sent), len(f.due))
		}
	})
}

// transportTo makes transports to a test SMTP server (no TLS: it is on loopback).
func transportTo(addr string) func() (jobs.MailTransport, error) {
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	return func() (jobs.MailTransport, error) {
		return notify.NewTransport(notify.SMTPConfig{Host: host, Port: p, TLS: notify.TLSNone, Timeout: 10 * time.Second},
			notify.Envelope{From: "tagdrop <sales@tagdrop.example>"})
	}
}

// waitUntil polls cond until it holds, failing the test after a generous minute.
func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(time.Minute)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// A digest run end to end on the queue, with two nodes: the planner cuts the due shoppers into
// shards, the shards store digests and enqueue send jobs, the send jobs deliver each digest to
// a real SMTP server once, with its fixed Message-ID; the outbox sweep sends nothing of it.
func TestDigestRunShardsAndSendsOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newShardFixture(t, db, 30)
		srv := smtptest.Start(t, smtptest.Options{})
		run := f.digestRun(t)
		for _, id := range []string{"node-a", "node-b"} {
			sender := jobs.NewSender(db, transportTo(srv.Addr), jobs.SenderConfig{Connections: 2}, quietLog)
			t.Cleanup(sender.Close) // after the queue stops
			startWorking(t, db, Config{ID: id, PollInterval: 50 * time.Millisecond, DigestShardSize: 5, RescueAfter: 10 * time.Second,
				Periods: Periods{Digests: time.Hour, MailSweep: time.Hour}}, &Work{Digests: run, Mail: sender})
		}
		if !srv.Wait(len(f.due), time.Minute) {
			t.Fatalf("the SMTP server received %d of %d digests", srv.Count(), len(f.due))
		}
		waitUntil(t, "every message recorded as sent", func() bool {
			c, _ := db.OutboxCounts(ctx)
			return c[notify.Sent] == len(f.due)
		})
		time.Sleep(200 * time.Millisecond) // anything sent twice would have arrived by now
		got := map[string]int{}
		for _, m := range srv.Messages() {
			got[m.MessageID]++
		}
		for _, id := range f.due {
			mid := alerts.DigestMessageID(id, time.Now().UTC().Format(alerts.PeriodLayout), "https://tagdrop.example")
			if got[mid] != 1 {
				t.Errorf("digest %s delivered %d times, want 1", mid, got[mid])
			}
		}
		for _, id := range f.offDigests {
			if n := f.count(t, `SELECT COUNT(*) FROM digests WHERE user_id = $1`, id); n != 0 {
				t.Errorf("shopper %d with digests off got %d digests", id, n)
			}
		}
		if len(got) != len(f.due) {
			t.Errorf("%d distinct messages delivered, want %d", len(got), len(f.due))
		}
		q, err := New(db, Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(shardJobs(t, q)); n != (len(f.due)+4)/5 {
			t.Errorf("%d shard jobs, want %d", n, (len(f.due)+4)/5)
		}
		if len(listJobs(t, q, MailSendArgs{}.Kind())) == 0 {
			t.Error("no send jobs: the digests were sent some other way")
		}
		// Each send job completes (its last message is recorded just before the job is).
		waitUntil(t, "every send job completed", func() bool {
			for _, j := range listJobs(t, q, MailSendArgs{}.Kind()) {
				if j.State != rivertype.JobStateCompleted {
					return false
				}
			}
			return true
		})
	})
}

// A send job run twice — at once on two nodes, and again after a worker died holding some of
// its messages (their claim is left to lapse) — delivers each message once.
func TestMailSendJobRunTwiceDeliversOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		srv := smtptest.Start(t, smtptest.Options{Delay: time.Millisecond})
		var ids []int64
		for i := range 60 {
			id, err := db.QueueMessage(ctx, notify.Message{Kind: "digest", MessageID: fmt.Sprintf("<digest-%d@tagdrop.test>", i),
				To: fmt.Sprintf("shopper%d@example.com", i), Subject: "Sale", TextBody: "text", HTMLBody: "<p>html</p>"})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		// Held for their send jobs, as a digest shard holds its messages: the sweep leaves them.
		if err := db.InTx(ctx, func(tx *sql.Tx) error { return db.HoldMessages(ctx, tx, ids, time.Hour) }); err != nil {
			t.Fatal(err)
		}
		// A dead worker's claim: ten messages leased for a second and never sent.
		if held, err := db.ClaimMessagesByID(ctx, ids[20:30], time.Second); err != nil || len(held) != 10 {
			t.Fatalf("claimed %d (%v), want 10", len(held), err)
		}
		for _, id := range []string{"node-a", "node-b"} {
			sender := jobs.NewSender(db, transportTo(srv.Addr), jobs.SenderConfig{Connections: 2, Batch: 7}, quietLog)
			t.Cleanup(sender.Close) // after the queue stops
			startWorking(t, db, Config{ID: id, PollInterval: 50 * time.Millisecond, Periods: Periods{MailSweep: time.Hour}}, &Work{Mail: sender})
		}
		insert, err := New(db, Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			if err := insert.Insert(ctx, MailSendArgs{MessageIDs: ids}); err != nil {
				t.Fatal(err)
			}
		}
		if !srv.Wait(50, time.Minute) {
			t.Fatalf("delivered %d, want the 50 not held", srv.Count())
		}
		waitUntil(t, "both send jobs finished", func() bool {
			for _, j := range listJobs(t, insert, MailSendArgs{}.Kind()) {
				if j.State != rivertype.JobStateCompleted {
					return false
				}
			}
			return true
		})
		// The held ten went to nobody; once their claim lapsed, the job run again sends them.
		time.Sleep(time.Second)
		if err := insert.Insert(ctx, MailSendArgs{MessageIDs: ids}); err != nil {
			t.Fatal(err)
		}
		if !srv.Wait(60, time.Minute) {
			t.Fatalf("delivered %d, want 60", srv.Count())
		}
		waitUntil(t, "every message recorded as sent", func() bool {
			c, _ := db.OutboxCounts(ctx)
			return c[notify.Sent] == 60
		})
		time.Sleep(200 * time.Millisecond)
		got := map[string]int{}
		for _, m := range srv.Messages() {
			got[m.MessageID]++
		}
		for i := range 60 {
			if mid := fmt.Sprintf("<digest-%d@tagdrop.test>", i); got[mid] != 1 {
				t.Errorf("%s delivered %d times, want 1", mid, got[mid])
			}
		}
		if n := srv.Count(); n != 60 {
			t.Errorf("%d deliveries, want 60", n)
		}
	})
}
