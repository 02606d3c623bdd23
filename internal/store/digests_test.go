package store_test

import (
	"context"
	"errors"
	"maps"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// digestFixture: a shop with two Ganni offers and shoppers in every digest state.
type digestFixture struct {
	browseFixture
	o38, o39                          int64
	ada, bob, cat, dan, eve, fay, gus int64
}

func newDigestFixture(t *testing.T, db *store.DB) digestFixture {
	t.Helper()
	ctx := context.Background()
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { return now })
	f := digestFixture{browseFixture: browseFixture{db: db, now: now, tb: t}}
	shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
	brand := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('toteme', 'Toteme', 1)`)
	product := f.id(`INSERT INTO products (product_key, brand_id, title, color, image_url, created_at, updated_at)
		VALUES ('boot', $1, 'Boots', 'Black', 'https://img.example/boot.jpg', 1, 1)`, brand)
	f.o38 = f.offer(shop, product, "boot-38", "38", 20000, 30000, "in_stock")
	f.o39 = f.offer(shop, product, "boot-39", "39", 25000, 30000, "in_stock")
	f.exec(`UPDATE offers SET lowest_30d = 19000 WHERE id = $1`, f.o38)
	user := func(email string, p *account.Preferences) int64 {
		u, err := db.CreateUser(ctx, email, account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		if p != nil {
			p.UserID = u.ID
			if err := db.SavePreferences(ctx, *p); err != nil {
				t.Fatal(err)
			}
		}
		return u.ID
	}
	f.ada = user("ada@example.com", &account.Preferences{Brands: []string{"Toteme", "Ganni"}, Frequency: account.Daily, DigestHour: 8,
		TimeZone: "Europe/Berlin", Sizes: []account.SizePref{{Kind: "shoes", System: "EU", Value: "38"}, {Kind: "tops", System: "letter", Value: "M"}},
		MaxPrice: 50000, MinDiscountPct: 20, HideQuestionable: true})
	f.bob = user("bob@example.com", &account.Preferences{Brands: []string{"Ganni"}, Frequency: account.NoDigest})
	f.cat = user("cat@example.com", &account.Preferences{Brands: []string{"Ganni"}, Frequency: account.Weekly})
	f.exec(`UPDATE users SET bounced_at = 5 WHERE id = $1`, f.cat)
	f.dan = user("dan@example.com", &account.Preferences{Frequency: account.Daily})
	f.eve = user("eve@example.com", nil)
	f.exec(`DELETE FROM preferences WHERE user_id = $1`, f.eve) // in case accounts start with defaults
	f.fay = user("fay@example.com", &account.Preferences{Brands: []string{"Ganni"}, Frequency: account.ThreeAWeek, DigestHour: 18,
		TimeZone: "America/New_York"})
	f.gus = user("gus@example.com", &account.Preferences{Brands: []string{"Ganni"}, Frequency: account.Weekly, TimeZone: "UTC"})
	return f
}

func (f digestFixture) count(q string, args ...any) int {
	f.tb.Helper()
	var n int
	if err := f.db.SQL().QueryRowContext(context.Background(), q, args...).Scan(&n); err != nil {
		f.tb.Fatalf("%s: %v", q, err)
	}
	return n
}

func TestDigestRecipients(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		var got []int64
		for after := int64(0); ; {
			page, err := db.DigestRecipients(ctx, after, 2)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range page {
				got = append(got, r.UserID)
			}
			if len(page) < 2 {
				break
			}
			after = page[len(page)-1].UserID
		}
		// Off (bob), bounced (cat), no brands (dan) and no preferences (eve) are left out.
		if want := []int64{f.ada, f.fay, f.gus}; !reflect.DeepEqual(got, want) {
			t.Errorf("recipients %v, want %v", got, want)
		}
		page, err := db.DigestRecipients(ctx, 0, 1)
		if err != nil || len(page) != 1 {
			t.Fatalf("first page %v, %v", page, err)
		}
		want := alerts.Recipient{UserID: f.ada, Email: "ada@example.com", Frequency: account.Daily, DigestHour: 8, TimeZone: "Europe/Berlin",
			HasPreferences: true, Brands: 1}
		if page[0] != want {
			t.Errorf("recipient %+v, want %+v", page[0], want)
		}
		if n, err := db.CountDigestRecipients(ctx); err != nil || n != 3 {
			t.Errorf("count = %d, %v; want 3", n, err)
		}

		one := func(id int64) alerts.Recipient {
			t.Helper()
			r, err := db.DigestRecipient(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return r
		}
		if r := one(f.ada); r.Brands != 2 || !r.HasPreferences || r.Bounced || r.Frequency != account.Daily || r.TimeZone != "Europe/Berlin" {
			t.Errorf("ada = %+v", r)
		}
		if r := one(f.bob); r.Frequency != account.NoDigest || r.Brands != 1 {
			t.Errorf("bob = %+v", r)
		}
		if r := one(f.cat); !r.Bounced {
			t.Errorf("cat = %+v, want bounced", r)
		}
		if r := one(f.dan); r.Brands != 0 || !r.HasPreferences {
			t.Errorf("dan = %+v", r)
		}
		if r := one(f.eve); r.HasPreferences || r.Email != "eve@example.com" {
			t.Errorf("eve = %+v", r)
		}
		if _, err := db.DigestRecipient(ctx, f.gus+100); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown user: %v", err)
		}
	})
}

// TestPreferencesOf checks the batch read against the one-shopper read it must agree with.
func TestPreferencesOf(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		ids := []int64{f.ada, f.bob, f.dan, f.eve, f.fay}
		got, err := db.PreferencesOf(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got[f.eve]; ok || len(got) != 4 {
			t.Errorf("got preferences of %d shoppers (eve has none): %v", len(got), got)
		}
		for _, id := range []int64{f.ada, f.bob, f.dan, f.fay} {
			want, err := db.Preferences(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got[id], want) {
				t.Errorf("user %d:\nbatch  %+v\nsingle %+v", id, got[id], want)
			}
		}
		if len(got[f.ada].Brands) != 2 || len(got[f.ada].Sizes) != 2 || got[f.ada].MaxPrice != 50000 {
			t.Errorf("ada = %+v", got[f.ada])
		}
		if none, err := db.PreferencesOf(ctx, nil); err != nil || len(none) != 0 {
			t.Errorf("no ids: %v, %v", none, err)
		}
	})
}

func TestSentItemsOf(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		f.exec(`INSERT INTO sent_items (user_id, offer_id, price, sent_at) VALUES ($1, $2, 21000, 1), ($1, $3, 25000, 2), ($4, $2, 19900, 3)`,
			f.ada, f.o38, f.o39, f.fay)
		got, err := db.SentItemsOf(ctx, []int64{f.ada, f.fay, f.gus})
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]map[int64]int64{f.ada: {f.o38: 21000, f.o39: 25000}, f.fay: {f.o38: 19900}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("SentItemsOf = %v, want %v", got, want)
		}
		for _, id := range []int64{f.ada, f.fay} {
			single, err := db.SentItems(ctx, id)
			if err != nil || !maps.Equal(single, got[id]) {
				t.Errorf("user %d: SentItems %v, %v; batch %v", id, single, err, got[id])
			}
		}
	})
}

func TestItemDetails(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		f := newDigestFixture(t, db)
		got, err := db.ItemDetails(context.Background(), []int64{f.o38, f.o39, f.o38, f.o39 + 1000})
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]alerts.ItemDetail{f.o38: {ImageURL: "https://img.example/boot.jpg", Lowest30d: 19000},
			f.o39: {ImageURL: "https://img.example/boot.jpg"}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ItemDetails = %v, want %v", got, want)
		}
	})
}

// digestRecord is a digest of the fixture's two offers for user, with its message.
func (f digestFixture) digestRecord(user int64, email, period string, prices ...int64) alerts.DigestRecord {
	d := alerts.DigestRecord{UserID: user, PeriodKey: period, At: f.now, Total: 5}
	for i, oid := range []int64{f.o38, f.o39}[:len(prices)] {
		d.Items = append(d.Items, alerts.Item{OfferID: oid, Price: prices[i], RegularPrice: 30000, Currency: "EUR", Reason: "follows Ganni"})
	}
	if len(d.Items) > 0 {
		d.Message = &notify.Message{UserID: user, Kind: "digest", MessageID: alerts.DigestMessageID(user, period, ""), To: email,
			Subject: "Ganni on sale in your size", TextBody: "text", HTMLBody: "<p>html</p>", ListUnsubscribe: "https://t.example/u", CreatedAt: f.now}
	}
	return d
}

func TestStoreDigests(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		// Fay was sent o38 dearer before: the new price replaces it.
		f.exec(`INSERT INTO sent_items (user_id, offer_id, price, sent_at) VALUES ($1, $2, 26000, 1)`, f.fay, f.o38)
		batch := []alerts.DigestRecord{
			f.digestRecord(f.ada, "ada@example.com", "2026-11-26", 20000, 25000),
			f.digestRecord(f.gus, "gus@example.com", "2026-11-23"), // empty
			f.digestRecord(f.fay, "fay@example.com", "2026-11-25", 20000),
		}
		stored, err := db.StoreDigests(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(stored, []bool{true, true, true}) {
			t.Fatalf("stored %v", stored)
		}
		var adaDigest, adaMsg int64
		var status string
		if err := db.SQL().QueryRowContext(ctx, `SELECT id, message_id, status FROM digests WHERE user_id = $1 AND period_key = '2026-11-26'`,
			f.ada).Scan(&adaDigest, &adaMsg, &status); err != nil {
			t.Fatal(err)
		}
		m, err := db.Message(ctx, adaMsg)
		if err != nil {
			t.Fatal(err)
		}
		if status != alerts.DigestQueued || m.To != "ada@example.com" || m.Kind != "digest" || m.Status != notify.Queued ||
			m.MessageID != alerts.DigestMessageID(f.ada, "2026-11-26", "") || m.ListUnsubscribe != "https://t.example/u" || m.HTMLBody != "<p>html</p>" {
			t.Errorf("ada's digest: status %q, message %+v", status, m)
		}
		// Fay's digest links to Fay's message, not Ada's.
		if n := f.count(`SELECT COUNT(*) FROM digests d JOIN messages m ON m.id = d.message_id WHERE d.user_id = $1 AND m.to_addr = 'fay@example.com'`, f.fay); n != 1 {
			t.Errorf("fay's digest is linked to %d of her messages", n)
		}
		if n := f.count(`SELECT COUNT(*) FROM digests WHERE user_id = $1 AND status = 'empty' AND message_id IS NULL`, f.gus); n != 1 {
			t.Errorf("gus's empty digest rows: %d", n)
		}
		rows, err := db.SQL().QueryContext(ctx, `SELECT position, offer_id, price, regular_price, currency, reason FROM digest_items WHERE digest_id = $1 ORDER BY position`, adaDigest)
		if err != nil {
			t.Fatal(err)
		}
		type itemRow struct {
			pos            int
			offer          int64
			price, regular int64
			cur, reason    string
		}
		var items []itemRow
		for rows.Next() {
			var r itemRow
			if err := rows.Scan(&r.pos, &r.offer, &r.price, &r.regular, &r.cur, &r.reason); err != nil {
				t.Fatal(err)
			}
			items = append(items, r)
		}
		rows.Close()
		want := []itemRow{{1, f.o38, 20000, 30000, "EUR", "follows Ganni"}, {2, f.o39, 25000, 30000, "EUR", "follows Ganni"}}
		if !reflect.DeepEqual(items, want) {
			t.Errorf("ada's items %v, want %v", items, want)
		}
		sent, err := db.SentItemsOf(ctx, []int64{f.ada, f.fay, f.gus})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[int64]map[int64]int64{f.ada: {f.o38: 20000, f.o39: 25000}, f.fay: {f.o38: 20000}}; !reflect.DeepEqual(sent, want) {
			t.Errorf("sent %v, want %v", sent, want)
		}
		done, err := db.DigestsDone(ctx, []alerts.SlotRef{{UserID: f.ada, Key: "2026-11-26"}, {UserID: f.ada, Key: "2026-11-25"},
			{UserID: f.gus, Key: "2026-11-23"}, {UserID: f.fay, Key: "2026-11-26"}})
		if err != nil {
			t.Fatal(err)
		}
		if want := map[alerts.SlotRef]bool{{UserID: f.ada, Key: "2026-11-26"}: true, {UserID: f.gus, Key: "2026-11-23"}: true}; !reflect.DeepEqual(done, want) {
			t.Errorf("done %v, want %v", done, want)
		}

		// The same slots again: nothing is written, not even the cheaper price.
		before := f.count(`SELECT COUNT(*) FROM messages`) + f.count(`SELECT COUNT(*) FROM digest_items`)
		again := []alerts.DigestRecord{f.digestRecord(f.ada, "ada@example.com", "2026-11-26", 15000), f.digestRecord(f.fay, "fay@example.com", "2026-11-26", 15000)}
		stored, err = db.StoreDigests(ctx, again)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(stored, []bool{false, true}) {
			t.Errorf("stored again %v, want only fay's new slot", stored)
		}
		if after := f.count(`SELECT COUNT(*) FROM messages`) + f.count(`SELECT COUNT(*) FROM digest_items`); after != before+2 {
			t.Errorf("messages + items went from %d to %d, want +2 (fay's message and item)", before, after)
		}
		if got, _ := db.SentItemsOf(ctx, []int64{f.ada}); got[f.ada][f.o38] != 20000 {
			t.Errorf("ada's sent price became %d in a digest that was not stored", got[f.ada][f.o38])
		}
	})
}

// TestStoreDigestsAtomic: a batch whose last digest cannot be stored (an item names an offer
// that does not exist) leaves nothing of any digest of the batch.
func TestStoreDigestsAtomic(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newDigestFixture(t, db)
		good := f.digestRecord(f.ada, "ada@example.com", "2026-11-26", 20000, 25000)
		empty := f.digestRecord(f.gus, "gus@example.com", "2026-11-23")
		bad := f.digestRecord(f.fay, "fay@example.com", "2026-11-25", 20000)
		bad.Items[0].OfferID = f.o39 + 1000
		if _, err := db.StoreDigests(ctx, []alerts.DigestRecord{good, empty, bad}); err == nil {
			t.Fatal("a digest of a missing offer was stored")
		}
		for _, table := range []string{"digests", "digest_items", "messages", "sent_items"} {
			if n := f.count(`SELECT COUNT(*) FROM ` + table); n != 0 {
				t.Errorf("%d rows left in %s", n, table)
			}
		}
		// The good ones alone store fine afterwards.
		if stored, err := db.StoreDigests(ctx, []alerts.DigestRecord{good, empty}); err != nil || !reflect.DeepEqual(stored, []bool{true, true}) {
			t.Errorf("storing the good digests: %v, %v", stored, err)
		}
	})
}
