package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// lovesFixture is a shop with a boot in three sizes (39 sold out) and two shoppers.
type lovesFixture struct {
	browseFixture
	boot          int64
	o38, o39, o40 int64
	ada, bob      int64
}

func newLovesFixture(t *testing.T, db *store.DB) lovesFixture {
	t.Helper()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	db.SetClock(func() time.Time { return now })
	f := lovesFixture{browseFixture: browseFixture{db: db, now: now, tb: t}}
	shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
	brand := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	f.boot = f.id(`INSERT INTO products (product_key, brand_id, title, color, image_url, created_at, updated_at)
		VALUES ('boot', $1, 'Boots', 'Black', '/img.jpg', 1, 1)`, brand)
	f.o38 = f.offer(shop, f.boot, "boot-38", "38", 20000, 30000, "in_stock")
	f.o39 = f.offer(shop, f.boot, "boot-39", "39", 18000, 30000, "out_of_stock")
	f.o40 = f.offer(shop, f.boot, "boot-40", "40", 25000, 30000, "in_stock")
	gone := f.offer(shop, f.boot, "boot-41", "41", 1000, 30000, "in_stock")
	f.exec(`UPDATE offers SET gone_at = 1 WHERE id = $1`, gone)
	for i, email := range []string{"ada@example.com", "bob@example.com"} {
		u, err := db.CreateUser(context.Background(), email, account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			f.ada = u.ID
		} else {
			f.bob = u.ID
		}
	}
	return f
}

func TestLoves(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		seen := alerts.LoveState{Known: true, OfferID: f.o38, Price: 20000, Currency: "EUR", InStock: true, At: f.now}
		l, err := db.SaveLove(ctx, store.Love{UserID: f.ada, ProductID: f.boot,
			Love: alerts.Love{Size: "38", Color: "Black", TargetPrice: 15000, AlertAnyDrop: true, AlertBackInStock: true}, Seen: seen})
		if err != nil {
			t.Fatal(err)
		}
		if l.ID == 0 || l.TargetPrice != 15000 || l.Seen != seen || !l.AlertAnyDrop || !l.BoughtAt.IsZero() {
			t.Fatalf("saved love = %+v", l)
		}

		// Loving it again in the same size and colour updates the choices, not the baseline.
		again, err := db.SaveLove(ctx, store.Love{UserID: f.ada, ProductID: f.boot,
			Love: alerts.Love{Size: "38", Color: "Black", AlertBackInStock: true}})
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != l.ID || again.TargetPrice != 0 || again.AlertAnyDrop || again.Seen != seen {
			t.Errorf("love saved again = %+v, want id %d without target, baseline kept", again, l.ID)
		}

		// Editing: a purchase with price protection.
		l.TargetPrice, l.BoughtAt, l.BoughtPrice, l.ProtectDays = 12000, f.now.Add(-time.Hour), 20000, 30
		if err := db.UpdateLove(ctx, l); err != nil {
			t.Fatal(err)
		}
		got, err := db.LoveByID(ctx, f.ada, l.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.TargetPrice != 12000 || !got.BoughtAt.Equal(f.now.Add(-time.Hour)) || got.BoughtPrice != 20000 || got.ProtectDays != 30 {
			t.Errorf("edited love = %+v", got)
		}
		// Another shopper can neither read, edit nor remove it.
		if _, err := db.LoveByID(ctx, f.bob, l.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("LoveByID of someone else's love: %v", err)
		}
		stolen := l
		stolen.UserID = f.bob
		if err := db.UpdateLove(ctx, stolen); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("UpdateLove of someone else's love: %v", err)
		}
		if err := db.DeleteLove(ctx, f.bob, l.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("DeleteLove of someone else's love: %v", err)
		}

		list, err := db.UserLoves(ctx, f.ada)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 1 || list[0].Title != "Boots" || list[0].Brand != "Ganni" || list[0].ImageURL != "/img.jpg" {
			t.Fatalf("UserLoves = %+v", list)
		}
		var ids []int64
		for _, o := range list[0].Offers {
			ids = append(ids, o.ID)
		}
		if want := []int64{f.o38, f.o40, f.o39}; len(ids) != 3 || ids[0] != want[0] || ids[1] != want[1] || ids[2] != want[2] {
			t.Errorf("offers = %v, want live ones in stock first by price %v", ids, want)
		}
		if none, err := db.UserLoves(ctx, f.bob); err != nil || len(none) != 0 {
			t.Errorf("bob's loves = %v, %v", none, err)
		}

		if err := db.DeleteLove(ctx, f.ada, l.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.LoveByID(ctx, f.ada, l.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleted love still there: %v", err)
		}
	})
}

func TestLoveDecisions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		var loves []store.Love
		for _, size := range []string{"38", "39", "40"} {
			l, err := db.SaveLove(ctx, store.Love{UserID: f.ada, ProductID: f.boot, Love: alerts.Love{Size: size, AlertAnyDrop: true}})
			if err != nil {
				t.Fatal(err)
			}
			loves = append(loves, l)
		}
		batch, err := db.LovesAfter(ctx, loves[0].ID, 1)
		if err != nil || len(batch) != 1 || batch[0].ID != loves[1].ID {
			t.Fatalf("LovesAfter(first, 1) = %+v, %v", batch, err)
		}
		basis := f.now.Add(-time.Hour)
		next := alerts.LoveState{Known: true, OfferID: f.o38, Price: 18000, Currency: "EUR", InStock: true, At: f.now}
		d := store.LoveDecision{LoveID: loves[0].ID, UserID: f.ada, Basis: basis, Next: next,
			Alerts: []alerts.LoveAlert{{Kind: alerts.PriceDropped, OfferID: f.o38, Currency: "EUR", Price: 18000, PreviousPrice: 20000}}}
		for run, want := range []int{1, 0} { // a rerun of the same decision adds nothing
			n, err := db.RecordLoveDecisions(ctx, []store.LoveDecision{d})
			if err != nil {
				t.Fatal(err)
			}
			if n != want {
				t.Errorf("run %d: %d alerts added, want %d", run+1, n, want)
			}
		}
		got, err := db.LoveByID(ctx, f.ada, loves[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Seen != next {
			t.Errorf("baseline = %+v, want %+v", got.Seen, next)
		}
		rows, err := db.LoveAlerts(ctx, f.ada, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 1 || rows[0].Kind != alerts.PriceDropped || rows[0].Price != 18000 || rows[0].PreviousPrice != 20000 ||
			rows[0].Title != "Boots" || rows[0].ProductID != f.boot || !rows[0].DeliveredAt.IsZero() {
			t.Fatalf("LoveAlerts = %+v", rows)
		}
		if err := db.MarkLoveAlertDelivered(ctx, rows[0].ID, f.now); err != nil {
			t.Fatal(err)
		}
		if err := db.MarkLoveAlertDelivered(ctx, rows[0].ID, f.now); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("delivering twice: %v", err)
		}
		// A new baseline makes a new alert of the same kind possible.
		d.Basis = f.now
		if n, err := db.RecordLoveDecisions(ctx, []store.LoveDecision{d}); err != nil || n != 1 {
			t.Errorf("alert on a new baseline: %d, %v", n, err)
		}
		if bobs, err := db.LoveAlerts(ctx, f.bob, 10); err != nil || len(bobs) != 0 {
			t.Errorf("bob's alerts = %v, %v", bobs, err)
		}
	})
}

func TestSavedSearches(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		s, err := db.SaveSearch(ctx, f.ada, "Ganni boots", "brand=Ganni&q=boots")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveSearch(ctx, f.ada, "Ganni boots", "q=other"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("same name again: %v, want ErrConflict", err)
		}
		if _, err := db.SaveSearch(ctx, f.bob, "Ganni boots", "q=boots"); err != nil {
			t.Errorf("another shopper's search of the same name: %v", err)
		}
		if _, err := db.SaveSearch(ctx, f.ada, "A sale", "on_sale=1"); err != nil {
			t.Fatal(err)
		}
		list, err := db.SavedSearches(ctx, f.ada)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].Name != "A sale" || list[1].Query != "brand=Ganni&q=boots" {
			t.Errorf("SavedSearches = %+v", list)
		}
		if err := db.DeleteSavedSearch(ctx, f.bob, s.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleting someone else's search: %v", err)
		}
		if err := db.DeleteSavedSearch(ctx, f.ada, s.ID); err != nil {
			t.Fatal(err)
		}
		if list, _ := db.SavedSearches(ctx, f.ada); len(list) != 1 {
			t.Errorf("%d searches after deleting one of 2", len(list))
		}
	})
}

func TestTrackedPages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		const url = "https://shop.example/boots"
		due := f.now.Add(6 * time.Hour)
		tp, l, err := db.TrackPage(ctx, url, store.Love{UserID: f.ada, ProductID: f.boot, Love: alerts.Love{AlertAnyDrop: true}}, due)
		if err != nil {
			t.Fatal(err)
		}
		if tp.ID == 0 || l.ID == 0 || tp.LoveID != l.ID || tp.ProductID != f.boot || !tp.NextCheckAt.Equal(due) {
			t.Fatalf("TrackPage = %+v, %+v", tp, l)
		}
		if _, _, err := db.TrackPage(ctx, url, store.Love{UserID: f.bob, ProductID: f.boot}, due.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		// A love that cannot be saved (no such product) leaves no tracked page behind.
		if _, _, err := db.TrackPage(ctx, "https://shop.example/other", store.Love{UserID: f.ada, ProductID: f.boot + 999}, due); err == nil {
			t.Error("tracking a page as a love of a missing product succeeded")
		}
		pages, err := db.TrackedPages(ctx, f.ada)
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != 1 || pages[0].URL != url {
			t.Errorf("ada's tracked pages = %+v, want the one page only", pages)
		}

		if urls, err := db.DueTrackedURLs(ctx, f.now, 10); err != nil || len(urls) != 0 {
			t.Errorf("due before the time: %v, %v", urls, err)
		}
		urls, err := db.DueTrackedURLs(ctx, due.Add(2*time.Hour), 10)
		if err != nil || len(urls) != 1 || urls[0] != url {
			t.Fatalf("due: %v, %v; want the page once for both shoppers", urls, err)
		}
		later := due.Add(24 * time.Hour)
		if err := db.TrackedChecked(ctx, url, "server answered 500", later); err != nil {
			t.Fatal(err)
		}
		pages, _ = db.TrackedPages(ctx, f.bob)
		if len(pages) != 1 || pages[0].Failures != 1 || pages[0].LastError != "server answered 500" || !pages[0].NextCheckAt.Equal(later) {
			t.Errorf("after a failed check: %+v", pages)
		}
		if err := db.TrackedChecked(ctx, url, "", later); err != nil {
			t.Fatal(err)
		}
		pages, _ = db.TrackedPages(ctx, f.bob)
		if pages[0].Failures != 0 || pages[0].LastError != "" {
			t.Errorf("after a good check: %+v", pages[0])
		}
	})
}
