package alerts_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// runFixture is a small catalogue in a real database: 35 Ganni bags (one size) on sale at
// 11%…45% off, and a Toteme boot in EU 38 and 39; and shoppers in several states.
type runFixture struct {
	t                       *testing.T
	db                      *store.DB
	now                     time.Time
	bags                    []int64 // offer ids, by discount ascending
	boot38, boot39          int64
	ada, bob, cat, dan, eve int64
	fay                     int64
}

func (f *runFixture) id(q string, args ...any) int64 {
	f.t.Helper()
	var id int64
	if err := f.db.SQL().QueryRowContext(context.Background(), q+" RETURNING id", args...).Scan(&id); err != nil {
		f.t.Fatalf("%s: %v", q, err)
	}
	return id
}

func (f *runFixture) exec(q string, args ...any) {
	f.t.Helper()
	if _, err := f.db.SQL().ExecContext(context.Background(), q, args...); err != nil {
		f.t.Fatalf("%s: %v", q, err)
	}
}

func (f *runFixture) count(q string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.db.SQL().QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		f.t.Fatalf("%s: %v", q, err)
	}
	return n
}

func newRunFixture(t *testing.T, db *store.DB) *runFixture {
	t.Helper()
	ctx := context.Background()
	// Thursday 2026-11-26, 09:00 UTC (10:00 in Berlin).
	f := &runFixture{t: t, db: db, now: time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)}
	db.SetClock(func() time.Time { return f.now })
	seen := f.now.Add(-60 * 24 * time.Hour).UnixMilli()
	shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
	ganni := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	toteme := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('toteme', 'Toteme', 1)`)
	shoes := f.id(`INSERT INTO categories (slug, name, path, size_kind) VALUES ('shoes', 'Shoes', 'Shoes', 'shoes')`)
	offer := func(product int64, item, size, system string, price int64) int64 {
		return f.id(`INSERT INTO offers (retailer_id, product_id, item_id, url, size, size_system, currency, price, regular_price, availability,
			first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'EUR', $7, 10000, 'in_stock', $8, $8, $8)`,
			shop, product, item, "https://shop.example/"+item, size, system, price, seen)
	}
	for i := range 35 {
		p := f.id(`INSERT INTO products (product_key, brand_id, title, image_url, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, 1)`,
			fmt.Sprintf("bag-%d", i), ganni, fmt.Sprintf("Bag %d", i), fmt.Sprintf("https://img.example/bag-%d.jpg", i))
		f.bags = append(f.bags, offer(p, fmt.Sprintf("bag-%d", i), "", "", int64(8900-100*i))) // 11% … 45% off
	}
	boot := f.id(`INSERT INTO products (product_key, brand_id, category_id, title, image_url, created_at, updated_at) VALUES ('boot', $1, $2, 'Boot', '', 1, 1)`,
		toteme, shoes)
	f.boot38 = offer(boot, "boot-38", "38", "EU", 6000)
	f.boot39 = offer(boot, "boot-39", "39", "EU", 5000)

	user := func(email string, p account.Preferences) int64 {
		u, err := db.CreateUser(ctx, email, account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		p.UserID = u.ID
		if err := db.SavePreferences(ctx, p); err != nil {
			t.Fatal(err)
		}
		return u.ID
	}
	eu := func(v string) []account.SizePref { return []account.SizePref{{Kind: "shoes", System: "EU", Value: v}} }
	// ada: daily at 08:00 Berlin, due today. bob: weekly on Monday, a late start on Thursday.
	// cat: no size in stock, an empty digest. dan: bounced. eve: daily at 20:00 UTC, whose
	// current slot (yesterday's) is done. fay: digests off.
	f.ada = user("ada@example.com", account.Preferences{Brands: []string{"Ganni"}, Frequency: account.Daily, DigestHour: 8, TimeZone: "Europe/Berlin"})
	f.bob = user("bob@example.com", account.Preferences{Brands: []string{"Toteme"}, Sizes: eu("38"), Frequency: account.Weekly, DigestHour: 9, TimeZone: "UTC"})
	f.cat = user("cat@example.com", account.Preferences{Brands: []string{"Toteme"}, Sizes: eu("40"), Frequency: account.Daily, TimeZone: "UTC"})
	f.dan = user("dan@example.com", account.Preferences{Brands: []string{"Ganni"}, Frequency: account.Daily, TimeZone: "UTC"})
	f.exec(`UPDATE users SET bounced_at = 1 WHERE id = $1`, f.dan)
	f.eve = user("eve@example.com", account.Preferences{Brands: []string{"Toteme"}, Sizes: eu("39"), Frequency: account.Daily, DigestHour: 20, TimeZone: "UTC"})
	f.exec(`INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, '2026-11-25', 'empty', 1)`, f.eve)
	f.fay = user("fay@example.com", account.Preferences{Brands: []string{"Ganni"}, Frequency: account.NoDigest, TimeZone: "UTC"})
	return f
}

// run builds the index from the store as it is and runs the digests due at f.now.
func (f *runFixture) run(opts alerts.RunOptions) (alerts.RunCounts, *index.Index, error) {
	f.t.Helper()
	ix, err := index.Build(context.Background(), f.db, index.Options{})
	if err != nil {
		f.t.Fatal(err)
	}
	r := &alerts.DigestRun{Store: f.db, Index: func() *index.Index { return ix }, BaseURL: "https://tagdrop.example",
		Batch: 2, Now: func() time.Time { return f.now }}
	c, err := r.Run(context.Background(), opts)
	return c, ix, err
}

// digestItems reads a stored digest's offer ids and prices in order, and its message id.
func (f *runFixture) digestItems(user int64, period string) (offers []int64, prices []int64, messageID int64) {
	f.t.Helper()
	ctx := context.Background()
	var msg *int64
	if err := f.db.SQL().QueryRowContext(ctx, `SELECT message_id FROM digests WHERE user_id = $1 AND period_key = $2`, user, period).Scan(&msg); err != nil {
		f.t.Fatalf("digest of user %d for %s: %v", user, period, err)
	}
	rows, err := f.db.SQL().QueryContext(ctx, `SELECT i.offer_id, i.price FROM digest_items i JOIN digests d ON d.id = i.digest_id
		WHERE d.user_id = $1 AND d.period_key = $2 ORDER BY i.position`, user, period)
	if err != nil {
		f.t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var o, p int64
		if err := rows.Scan(&o, &p); err != nil {
			f.t.Fatal(err)
		}
		offers, prices = append(offers, o), append(prices, p)
	}
	if msg != nil {
		messageID = *msg
	}
	return offers, prices, messageID
}

func offerIDs(items []alerts.Item) []int64 {
	out := make([]int64, len(items))
	for i, it := range items {
		out[i] = it.OfferID
	}
	return out
}

func TestDigestRun(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newRunFixture(t, db)
		c, ix, err := f.run(alerts.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		want := alerts.RunCounts{Considered: 4, Due: 3, Stored: 2, Empty: 1, Items: 31, More: 5, DurationMS: c.DurationMS}
		if c != want {
			t.Fatalf("first run %+v, want %+v", c, want)
		}

		// Ada: the 30 deepest discounts of the 35 bags, in the matcher's order, 5 more.
		adaPrefs, err := db.Preferences(ctx, f.ada)
		if err != nil {
			t.Fatal(err)
		}
		all := alerts.Match(ix, adaPrefs, nil, f.now, 0)
		if len(all) != 35 {
			t.Fatalf("ada matches %d bags, want 35", len(all))
		}
		offers, prices, msgID := f.digestItems(f.ada, "2026-11-26")
		if !slices.Equal(offers, offerIDs(all[:30])) {
			t.Errorf("ada's digest %v, want the first 30 of %v", offers, offerIDs(all))
		}
		if deepest := f.bags[34]; offers[0] != deepest {
			t.Errorf("ada's first item %d, want the 45%% off bag %d", offers[0], deepest)
		}
		if slices.Contains(offers, f.bags[0]) {
			t.Errorf("ada's digest holds the shallowest discount, which is beyond the cap")
		}
		m, err := db.Message(ctx, msgID)
		if err != nil {
			t.Fatal(err)
		}
		if m.To != "ada@example.com" || m.Kind != "digest" || m.MessageID != alerts.DigestMessageID(f.ada, "2026-11-26", "https://tagdrop.example") ||
			m.MessageID != "<digest-"+fmt.Sprint(f.ada)+"-2026-11-26@tagdrop.example>" || m.Subject == "" || m.HTMLBody == "" || m.TextBody == "" {
			t.Errorf("ada's message %+v", m)
		}
		sent, err := db.SentItems(ctx, f.ada)
		if err != nil {
			t.Fatal(err)
		}
		if len(sent) != 30 || sent[offers[0]] != prices[0] || sent[offers[29]] != prices[29] {
			t.Errorf("ada's sent history %v", sent)
		}

		// Bob's weekly slot is Monday's, made on Thursday: the boot in his size only.
		if offers, _, _ := f.digestItems(f.bob, "2026-11-23"); !slices.Equal(offers, []int64{f.boot38}) {
			t.Errorf("bob's digest %v, want [%d]", offers, f.boot38)
		}
		// Cat's empty slot is marked done, with nothing else.
		if offers, _, msg := f.digestItems(f.cat, "2026-11-26"); len(offers) != 0 || msg != 0 {
			t.Errorf("cat's empty digest has items %v, message %d", offers, msg)
		}
		if n := f.count(`SELECT COUNT(*) FROM digests WHERE user_id IN ($1, $2)`, f.dan, f.fay); n != 0 {
			t.Errorf("%d digests for the bounced and the unsubscribed shopper", n)
		}
		if n := f.count(`SELECT COUNT(*) FROM messages`); n != 2 {
			t.Errorf("%d messages in the outbox, want 2", n)
		}

		// The same slots again: nothing.
		c, _, err = f.run(alerts.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if want := (alerts.RunCounts{Considered: 4, DurationMS: c.DurationMS}); c != want {
			t.Errorf("second run %+v, want %+v", c, want)
		}
		if n := f.count(`SELECT COUNT(*) FROM messages`); n != 2 {
			t.Errorf("%d messages after the rerun, want 2", n)
		}

		// Next day: one sent bag got cheaper, another dearer. Ada gets the cheaper one again,
		// the five she was never sent, and not the rest.
		cheaper, dearer := offers[3], offers[4]
		f.exec(`UPDATE offers SET price = price - 50 WHERE id = $1`, cheaper)
		f.exec(`UPDATE offers SET price = price + 50 WHERE id = $1`, dearer)
		f.now = f.now.Add(24 * time.Hour)
		c, _, err = f.run(alerts.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		// Due: ada, cat, eve (today's slot, 2026-11-27 at 20:00 has not come: her current slot is
		// 2026-11-26's, not done). Bob's weekly slot is still Monday's, done.
		if c.Due != 3 || c.Stored != 2 || c.Empty != 1 || c.Failed != 0 {
			t.Errorf("next day's run %+v", c)
		}
		next, nextPrices, _ := f.digestItems(f.ada, "2026-11-27")
		wantNext := append([]int64{cheaper}, f.bags[:5]...)
		if !sameSet(next, wantNext) {
			t.Errorf("ada's next digest %v, want %v", next, wantNext)
		}
		if i := slices.Index(next, cheaper); i < 0 || nextPrices[i] != prices[3]-50 {
			t.Errorf("the cheaper bag is in ada's next digest at %v", nextPrices)
		}
		if sent, _ := db.SentItems(ctx, f.ada); sent[cheaper] != prices[3]-50 || sent[dearer] != prices[4] {
			t.Errorf("sent history after the drop: cheaper %d, dearer %d", sent[cheaper], sent[dearer])
		}
		if offers, _, _ := f.digestItems(f.eve, "2026-11-26"); !slices.Equal(offers, []int64{f.boot39}) {
			t.Errorf("eve's digest %v, want [%d]", offers, f.boot39)
		}
	})
}

func sameSet(a, b []int64) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// TestDigestRunOneShopper: --user makes one shopper's digest whatever the schedule, and says
// why when it cannot.
func TestDigestRunOneShopper(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newRunFixture(t, db)
		// Eve's hour (20:00) has not come: a digest by hand is today's, her local date.
		c, _, err := f.run(alerts.RunOptions{UserID: f.eve})
		if err != nil {
			t.Fatal(err)
		}
		if want := (alerts.RunCounts{Considered: 1, Due: 1, Stored: 1, Items: 1, DurationMS: c.DurationMS}); c != want {
			t.Errorf("eve by hand %+v, want %+v", c, want)
		}
		if offers, _, _ := f.digestItems(f.eve, "2026-11-26"); !slices.Equal(offers, []int64{f.boot39}) {
			t.Errorf("eve's digest %v", offers)
		}
		// The scheduled run later today finds her slot done.
		f.now = time.Date(2026, 11, 26, 21, 0, 0, 0, time.UTC)
		if c, _, err := f.run(alerts.RunOptions{}); err != nil || c.Stored != 2 || c.Empty != 1 || c.Due != 3 {
			t.Errorf("scheduled run after eve's by hand: %+v, %v (want ada, bob stored, cat empty)", c, err)
		}
		if n := f.count(`SELECT COUNT(*) FROM digests WHERE user_id = $1`, f.eve); n != 2 { // the fixture's 11-25 and 11-26
			t.Errorf("eve has %d digests", n)
		}
		// --period names another slot.
		c, _, err = f.run(alerts.RunOptions{UserID: f.cat, Period: "2026-12-01"})
		if err != nil || c.Empty != 1 {
			t.Errorf("cat for 2026-12-01: %+v, %v", c, err)
		}
		// --period alone makes that slot for everyone whose digests are on, schedule or not.
		c, _, err = f.run(alerts.RunOptions{Period: "2026-12-02"})
		if err != nil || c.Considered != 4 || c.Due != 4 || c.Stored+c.Empty != 4 {
			t.Errorf("everyone for 2026-12-02: %+v, %v", c, err)
		}
		if n := f.count(`SELECT COUNT(*) FROM digests WHERE period_key = '2026-12-02'`); n != 4 {
			t.Errorf("%d digests for 2026-12-02, want 4", n)
		}
		for _, tt := range []struct {
			name string
			opts alerts.RunOptions
		}{
			{"bounced", alerts.RunOptions{UserID: f.dan}},
			{"off", alerts.RunOptions{UserID: f.fay}},
		} {
			if _, _, err := f.run(tt.opts); !errors.Is(err, alerts.ErrNoDigest) {
				t.Errorf("%s: %v, want ErrNoDigest", tt.name, err)
			}
		}
		if _, _, err := f.run(alerts.RunOptions{UserID: f.fay + 100}); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown user: %v", err)
		}
		if _, _, err := f.run(alerts.RunOptions{Period: "tomorrow"}); err == nil {
			t.Error("a bad period was accepted")
		}
	})
}

// TestDigestRunFailureLeavesNoPartialDigest: an offer deleted from the store after the index
// saw it makes storing its shopper's digest fail (a real foreign-key error). The batch's
// transaction rolls back whole; the run then stores the others one by one, and the failed
// shopper has no digest, message, item or sent history — a later run makes it.
func TestDigestRunFailureLeavesNoPartialDigest(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newRunFixture(t, db)
		ix, err := index.Build(ctx, db, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		f.exec(`DELETE FROM offers WHERE id = $1`, f.boot38) // bob's only item, still in the index
		r := &alerts.DigestRun{Store: db, Index: func() *index.Index { return ix }, BaseURL: "https://tagdrop.example",
			Batch: 10, Now: func() time.Time { return f.now }}
		c, err := r.Run(ctx, alerts.RunOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Failed != 1 || c.Stored != 1 || c.Empty != 1 {
			t.Errorf("run %+v, want ada stored, cat empty, bob failed", c)
		}
		for _, q := range []string{`SELECT COUNT(*) FROM digests WHERE user_id = $1`, `SELECT COUNT(*) FROM messages WHERE user_id = $1`,
			`SELECT COUNT(*) FROM sent_items WHERE user_id = $1`} {
			if n := f.count(q, f.bob); n != 0 {
				t.Errorf("%s: %d for the failed shopper", q, n)
			}
		}
		if n := f.count(`SELECT COUNT(*) FROM sent_items WHERE user_id = $1`, f.ada); n != 30 {
			t.Errorf("ada's sent history has %d items, want 30", n)
		}
		// With a fresh index the next run makes bob's digest: the boot in 39 is not his size,
		// so it is empty, and done.
		c, _, err = f.run(alerts.RunOptions{})
		if err != nil || !reflect.DeepEqual([]int{c.Due, c.Empty, c.Failed}, []int{1, 1, 0}) {
			t.Errorf("rerun %+v, %v", c, err)
		}
	})
}
