package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// dashDay is a fixed UTC day at an hour, for the dashboard fixtures.
func dashDay(day, hour int) time.Time { return time.Date(2026, 6, day, hour, 0, 0, 0, time.UTC) }

func ms(t time.Time) int64 { return t.UnixMilli() }

func TestCatalogueSnapshots(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := dashDay(10, 12)
		db.SetClock(func() time.Time { return now })
		f := browseFixture{db: db, now: now, tb: t}
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		hidden := f.id(`INSERT INTO retailers (slug, name, created_at, listed) VALUES ('u', 'Unlisted', 1, 0)`)
		p1 := f.id(`INSERT INTO products (product_key, title, created_at, updated_at) VALUES ('p1', 'Boot', 1, 1)`)
		p2 := f.id(`INSERT INTO products (product_key, title, created_at, updated_at) VALUES ('p2', 'Bag', 1, 1)`)
		p3 := f.id(`INSERT INTO products (product_key, title, created_at, updated_at) VALUES ('p3', 'Hat', 1, 1)`)
		offer := func(retailer, product int64, item string, seen time.Time, price, regular int64, avail string) int64 {
			return f.id(`INSERT INTO offers (retailer_id, product_id, item_id, currency, price, regular_price, availability,
				first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, 'EUR', $4, $5, $6, $7, $7, $7)`,
				retailer, product, item, price, regular, avail, ms(seen))
		}
		change := func(offer int64, at time.Time, price, regular int64, avail string) {
			f.exec(`INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES ($1, $2, $3, $4, $5)`,
				offer, ms(at), price, regular, avail)
		}
		// o1: full price from the 5th, on sale from the 8th.
		o1 := offer(shop, p1, "o1", dashDay(5, 10), 80, 100, "in_stock")
		change(o1, dashDay(5, 10), 100, 100, "in_stock")
		change(o1, dashDay(8, 10), 80, 100, "in_stock")
		// o2: on sale from the 5th, sold out from the 9th.
		o2 := offer(shop, p1, "o2", dashDay(5, 10), 50, 100, "out_of_stock")
		change(o2, dashDay(5, 10), 50, 100, "in_stock")
		change(o2, dashDay(9, 10), 50, 100, "out_of_stock")
		// o3: on sale from the 7th, gone on the 9th.
		o3 := offer(shop, p2, "o3", dashDay(7, 10), 70, 100, "in_stock")
		change(o3, dashDay(7, 10), 70, 100, "in_stock")
		f.exec(`UPDATE offers SET gone_at = $1 WHERE id = $2`, ms(dashDay(9, 10)), o3)
		// An unlisted shop's offer is never counted.
		o4 := offer(hidden, p3, "o4", dashDay(6, 10), 10, 100, "in_stock")
		change(o4, dashDay(6, 10), 10, 100, "in_stock")

		want := map[int][3]int64{ // day → products, offers, on sale
			4: {0, 0, 0}, 5: {1, 2, 1}, 6: {1, 2, 1}, 7: {2, 3, 2}, 8: {2, 3, 3}, 9: {1, 2, 1}, 10: {1, 2, 1},
		}
		for day := 4; day <= 10; day++ {
			s, err := db.TakeSnapshot(ctx, dashDay(day, 15))
			if err != nil {
				t.Fatal(err)
			}
			if got := [3]int64{s.Products, s.Offers, s.OnSale}; got != want[day] {
				t.Errorf("June %d: products, offers, on sale = %v, want %v", day, got, want[day])
			}
		}
		if _, err := db.TakeSnapshot(ctx, dashDay(11, 0)); err == nil {
			t.Error("a snapshot of tomorrow was taken")
		}
		// Taking a day again replaces its row.
		if _, err := db.TakeSnapshot(ctx, dashDay(8, 0)); err != nil {
			t.Fatal(err)
		}
		rows, err := db.CatalogueSnapshots(ctx, dashDay(5, 0), dashDay(10, 0))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 5 || !rows[0].Day.Equal(dashDay(5, 0)) || !rows[4].Day.Equal(dashDay(9, 0)) {
			t.Fatalf("snapshots [5th, 10th) = %+v, want the 5th to the 9th", rows)
		}
		if r := rows[3]; r.Offers != 3 || r.OnSale != 3 || r.SaleShare() != 1 || !r.TakenAt.Equal(now) {
			t.Errorf("June 8 = %+v", r)
		}
		first, ok, err := db.FirstOfferSeen(ctx)
		if err != nil || !ok || !first.Equal(dashDay(5, 10)) {
			t.Errorf("FirstOfferSeen = %v, %v, %v; want June 5 10:00", first, ok, err)
		}
	})
}

func TestFirstOfferSeenEmpty(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if _, ok, err := db.FirstOfferSeen(context.Background()); ok || err != nil {
			t.Errorf("empty catalogue: ok %v, err %v", ok, err)
		}
	})
}

func TestClicksBy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := browseFixture{db: db, now: dashDay(10, 12), tb: t}
		shopA := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		shopB := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('b', 'Shop B', 1)`)
		ganni := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
		toteme := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('toteme', 'Toteme', 1)`)
		boot := f.id(`INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('boot', $1, 'Boots', 1, 1)`, ganni)
		bag := f.id(`INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('bag', $1, 'Bag', 1, 1)`, toteme)
		micro := f.id(`INSERT INTO collections (slug, title, created_at, updated_at) VALUES ('micro', 'Micro bags', 1, 1)`)
		click := func(retailer, brand, product, collection any, source string, at time.Time) {
			f.exec(`INSERT INTO clickouts (retailer_id, brand_id, product_id, collection_id, source, at) VALUES ($1, $2, $3, $4, $5, $6)`,
				retailer, brand, product, collection, source, ms(at))
		}
		from, to := dashDay(3, 0), dashDay(10, 0)
		for range 3 {
			click(shopA, ganni, boot, nil, "page", dashDay(4, 9))
		}
		click(shopB, toteme, bag, nil, "digest", dashDay(5, 9))
		click(shopB, toteme, bag, nil, "digest", dashDay(5, 23))
		click(shopB, toteme, bag, micro, "collection", dashDay(9, 23))
		click(nil, nil, nil, nil, "api", dashDay(9, 1))                             // its shop, brand and product deleted since
		click(shopA, ganni, boot, micro, "collection", from.Add(-time.Millisecond)) // before the window
		click(shopA, ganni, boot, micro, "collection", to)                          // after it

		cases := []struct {
			dim   store.ClickDimension
			limit int
			want  []store.ClickGroup
		}{
			{store.ClicksByRetailer, 10, []store.ClickGroup{{ID: shopA, Label: "Shop A", Clicks: 3}, {ID: shopB, Label: "Shop B", Clicks: 3}, {Clicks: 1}}},
			{store.ClicksByRetailer, 1, []store.ClickGroup{{ID: shopA, Label: "Shop A", Clicks: 3}}},
			{store.ClicksByBrand, 10, []store.ClickGroup{{ID: ganni, Label: "Ganni", Clicks: 3}, {ID: toteme, Label: "Toteme", Clicks: 3}, {Clicks: 1}}},
			{store.ClicksByCollection, 10, []store.ClickGroup{{ID: micro, Label: "Micro bags", Clicks: 1}}},
			{store.ClicksBySource, 10, []store.ClickGroup{{Label: "page", Clicks: 3}, {Label: "digest", Clicks: 2}, {Label: "api", Clicks: 1}, {Label: "collection", Clicks: 1}}},
			{store.ClicksByProduct, 10, []store.ClickGroup{{ID: boot, Label: "Boots", Brand: "Ganni", Clicks: 3}, {ID: bag, Label: "Bag", Brand: "Toteme", Clicks: 3}}},
		}
		check := func(stage string) {
			t.Helper()
			for _, c := range cases {
				got, err := db.ClicksBy(ctx, c.dim, from, to, c.limit)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, c.want) {
					t.Errorf("%s: by %s (limit %d) = %+v, want %+v", stage, c.dim, c.limit, got, c.want)
				}
			}
			days, err := db.ClicksPerDay(ctx, from, to)
			if err != nil {
				t.Fatal(err)
			}
			wantDays := []store.DayCount{{Day: dashDay(4, 0), Count: 3}, {Day: dashDay(5, 0), Count: 2}, {Day: dashDay(9, 0), Count: 2}}
			if !reflect.DeepEqual(days, wantDays) {
				t.Errorf("%s: per day = %+v, want %+v", stage, days, wantDays)
			}
		}
		if _, err := db.ClicksBy(ctx, "colour", from, to, 10); err == nil {
			t.Error("an unknown dimension was accepted")
		}
		// Windows that cut days in two, read live now and after the roll-up.
		type cut struct{ from, to time.Time }
		cuts := []cut{{dashDay(4, 12), dashDay(9, 12)}, {dashDay(2, 23), dashDay(5, 10)}, {dashDay(5, 10), dashDay(5, 23)}, {dashDay(1, 0), dashDay(11, 0)}}
		liveCuts := map[cut][]store.ClickGroup{}
		for _, c := range cuts {
			g, err := db.ClicksBy(ctx, store.ClicksBySource, c.from, c.to, 10)
			if err != nil {
				t.Fatal(err)
			}
			liveCuts[c] = g
		}
		check("live")

		// Summing finished days changes no answer, and sums each day once.
		n, err := db.RollUpClicks(ctx, dashDay(10, 0).Add(store.ClickRollupGrace-time.Millisecond))
		if err != nil || n != 7 {
			t.Fatalf("first roll-up summed %d days (err %v), want 7: the 2nd to the 8th; the 9th is not final for an hour", n, err)
		}
		if n, err := db.RollUpClicks(ctx, dashDay(10, 12)); err != nil || n != 1 {
			t.Fatalf("second roll-up summed %d days (err %v), want the 9th", n, err)
		}
		if n, err := db.RollUpClicks(ctx, dashDay(10, 12)); err != nil || n != 0 {
			t.Fatalf("a repeated roll-up summed %d days (err %v)", n, err)
		}
		check("summed")
		for _, c := range cuts {
			g, err := db.ClicksBy(ctx, store.ClicksBySource, c.from, c.to, 10)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(g, liveCuts[c]) {
				t.Errorf("window %s to %s: summed %+v, live %+v", c.from, c.to, g, liveCuts[c])
			}
		}
	})
}

func TestRollUpClicksEmpty(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if n, err := db.RollUpClicks(context.Background(), time.Now()); n != 0 || err != nil {
			t.Errorf("roll-up without clicks: %d, %v", n, err)
		}
	})
}

func TestDigestsPerDay(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := browseFixture{db: db, now: dashDay(10, 12), tb: t}
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		prod := f.id(`INSERT INTO products (product_key, title, created_at, updated_at) VALUES ('p', 'Boot', 1, 1)`)
		o1 := f.offer(shop, prod, "o1", "38", 80, 100, "in_stock")
		o2 := f.offer(shop, prod, "o2", "39", 80, 100, "in_stock")
		user := func(email string) int64 {
			return f.id(`INSERT INTO users (email, created_at, updated_at) VALUES ($1, 1, 1)`, email)
		}
		u1, u2, u3 := user("a@example.com"), user("b@example.com"), user("c@example.com")
		n := 0
		digest := func(u int64, created time.Time, sent *time.Time, offers ...int64) int64 {
			n++
			status, sentAt := "queued", any(nil)
			if sent != nil {
				status, sentAt = "sent", ms(*sent)
			}
			m := f.id(`INSERT INTO messages (user_id, kind, message_id, to_addr, subject, text_body, status, created_at, sent_at)
				VALUES ($1, 'digest', $2, 'x@example.com', 's', 't', $3, $4, $5)`, u, "<m"+string(rune('a'+n))+"@t>", status, ms(created), sentAt)
			d := f.id(`INSERT INTO digests (user_id, message_id, period_key, status, created_at) VALUES ($1, $2, $3, 'queued', $4)`,
				u, m, "p"+string(rune('a'+n)), ms(created))
			for i, o := range offers {
				f.exec(`INSERT INTO digest_items (digest_id, position, offer_id, price, regular_price, currency) VALUES ($1, $2, $3, 80, 100, 'EUR')`,
					d, i+1, o)
			}
			return d
		}
		at := func(day, hour int) *time.Time { t := dashDay(day, hour); return &t }
		click := func(u, offer int64, source string, when time.Time) {
			f.exec(`INSERT INTO clickouts (offer_id, user_id, source, at) VALUES ($1, $2, $3, $4)`, offer, u, source, ms(when))
		}
		digest(u1, dashDay(1, 10), at(1, 11), o1) // clicked the next day: counts
		click(u1, o1, "digest", dashDay(2, 8))
		digest(u2, dashDay(1, 10), at(1, 11), o2) // clicked from a page, and a digest click on another item: neither counts
		click(u2, o2, "page", dashDay(2, 8))
		click(u2, o1, "digest", dashDay(2, 8))
		digest(u3, dashDay(1, 10), at(2, 9), o1) // clicked before it was sent and 8 days after: neither counts
		click(u3, o1, "digest", dashDay(1, 12))
		click(u3, o1, "digest", dashDay(10, 10))
		digest(u1, dashDay(2, 10), nil, o2) // still queued
		f.exec(`INSERT INTO digests (user_id, period_key, status, created_at) VALUES ($1, 'empty', 'empty', $2)`, u2, ms(dashDay(2, 10)))
		digest(u1, dashDay(20, 10), at(20, 11), o1) // outside the window

		got, err := db.DigestsPerDay(ctx, dashDay(1, 0), dashDay(10, 0))
		if err != nil {
			t.Fatal(err)
		}
		want := []store.DigestDay{{Day: dashDay(1, 0), Written: 3, Sent: 2, Clicked: 1}, {Day: dashDay(2, 0), Written: 1, Sent: 1}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("digests per day = %+v, want %+v", got, want)
		}
		if ctr := got[0].ClickThrough(); ctr != 0.5 {
			t.Errorf("click-through of June 1 = %v, want 0.5", ctr)
		}
	})
}

func TestFeedRunsBetween(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := browseFixture{db: db, now: dashDay(10, 12), tb: t}
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		run := func(status string, started time.Time, reason string) int64 {
			return f.id(`INSERT INTO feed_runs (retailer_id, source, format, status, observed_at, started_at, read_count, reason)
				VALUES ($1, 'https://a.example/feed.xml', 'gmc-xml', $2, $3, $3, 7, $4)`, shop, status, ms(started), reason)
		}
		run(store.RunOK, dashDay(3, 1), "")
		run(store.RunOK, dashDay(4, 1), "")
		run(store.RunNotModified, dashDay(4, 2), "")
		failed := run(store.RunFailed, dashDay(5, 1), "HTTP 500")
		suppressed := run(store.RunSuppressed, dashDay(6, 1), "read 7 items, the last good run 1000")
		run(store.RunFailed, dashDay(1, 1), "too old")

		tally, err := db.FeedRunsBetween(ctx, dashDay(2, 0), dashDay(10, 0))
		if err != nil {
			t.Fatal(err)
		}
		if want := (store.FeedRunTally{OK: 2, NotModified: 1, Failed: 1, Suppressed: 1}); tally != want || tally.Total() != 5 {
			t.Errorf("tally = %+v, want %+v", tally, want)
		}
		problems, err := db.FeedRunProblems(ctx, dashDay(2, 0), dashDay(10, 0), 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) != 2 || problems[0].ID != suppressed || problems[1].ID != failed ||
			problems[1].Reason != "HTTP 500" || problems[0].Retailer != "Shop A" || problems[0].Read != 7 || !problems[1].StartedAt.Equal(dashDay(5, 1)) {
			t.Errorf("problems = %+v", problems)
		}
	})
}
