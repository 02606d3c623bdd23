package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/alerts"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestTrackedRetailers: a host is filed under its own unlisted retailer, never under another
// retailer whose slug the host shares; listing appends change log rows for its products.
func TestTrackedRetailers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		feedShop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('shop-co', 'Shop Co', 1)`)

		r, err := db.EnsureTrackedRetailer(ctx, "Shop.Co")
		if err != nil {
			t.Fatal(err)
		}
		if r.ID == feedShop || r.Name != "shop.co" || r.Slug != "shop-co-2" {
			t.Fatalf("tracked retailer = %+v, want its own (not feed retailer %d) named shop.co, slug shop-co-2", r, feedShop)
		}
		again, err := db.EnsureTrackedRetailer(ctx, "shop.co")
		if err != nil || again.ID != r.ID {
			t.Fatalf("again = %+v (%v), want the same retailer %d", again, err, r.ID)
		}
		// shop-co.com and shop.co.com share a slug but are two sites: two retailers.
		a, err1 := db.EnsureTrackedRetailer(ctx, "shop-co.com")
		b, err2 := db.EnsureTrackedRetailer(ctx, "shop.co.com")
		if err1 != nil || err2 != nil || a.ID == b.ID {
			t.Fatalf("shop-co.com %+v (%v), shop.co.com %+v (%v): want two retailers", a, err1, b, err2)
		}

		f.offer(r.ID, f.boot, "tracked-boot", "42", 9000, 30000, "in_stock")
		shops, err := db.TrackedRetailers(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(shops) != 3 || shops[0].Host != "shop-co.com" || shops[2].Host != "shop.co.com" || shops[1].Products != 1 || shops[1].Listed {
			t.Fatalf("tracked retailers = %+v", shops)
		}
		before, err := db.MaxChangeSeq(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SetRetailerListed(ctx, r.ID, true); err != nil {
			t.Fatal(err)
		}
		changes, err := db.ChangesSince(ctx, before, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(changes) != 1 || changes[0].Entity != "product" || changes[0].EntityID != f.boot {
			t.Errorf("changes after listing = %+v, want one for product %d", changes, f.boot)
		}
		if err := db.SetRetailerListed(ctx, 999999, true); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("listing a missing retailer: %v, want ErrNotFound", err)
		}
	})
}

// TestShopperCaps: tracked pages, loves and saved searches stop at their caps, refusing
// (ErrLimit) without saving anything; updating what exists is still allowed.
func TestShopperCaps(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newLovesFixture(t, db)
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('caps', 'Caps', 1)`)
		products := make([]int64, store.MaxLoves+1)
		for i := range products {
			products[i] = f.id(`INSERT INTO products (product_key, title, created_at, updated_at) VALUES ($1, 'Cap', 1, 1)`, fmt.Sprintf("cap-%d", i))
			f.offer(shop, products[i], fmt.Sprintf("cap-%d", i), "", 1000, 1000, "in_stock")
		}
		next := f.now.Add(time.Hour)
		for i := range store.MaxTrackedPages {
			if _, _, err := db.TrackPage(ctx, fmt.Sprintf("https://caps.example/%d", i), store.Love{UserID: f.ada, ProductID: products[i]}, next); err != nil {
				t.Fatalf("page %d: %v", i, err)
			}
		}
		_, _, err := db.TrackPage(ctx, "https://caps.example/one-more", store.Love{UserID: f.ada, ProductID: products[store.MaxLoves]}, next)
		if !errors.Is(err, store.ErrLimit) {
			t.Fatalf("page %d: %v, want ErrLimit", store.MaxTrackedPages+1, err)
		}
		// Tracking a page again is not a new one.
		if _, _, err := db.TrackPage(ctx, "https://caps.example/7", store.Love{UserID: f.ada, ProductID: products[7]}, next); err != nil {
			t.Errorf("tracking a page again at the cap: %v", err)
		}
		pages, _ := db.TrackedPages(ctx, f.ada)
		loves, _ := db.UserLoves(ctx, f.ada)
		if len(pages) != store.MaxTrackedPages || len(loves) != store.MaxLoves {
			t.Errorf("%d pages, %d loves after the refusal, want %d and %d", len(pages), len(loves), store.MaxTrackedPages, store.MaxLoves)
		}
		// Loves: full, so a new one is refused; editing an existing one's choices is not.
		_, err = db.SaveLove(ctx, store.Love{UserID: f.ada, ProductID: f.boot, Love: alerts.Love{Size: "38"}})
		if !errors.Is(err, store.ErrLimit) {
			t.Errorf("love %d: %v, want ErrLimit", store.MaxLoves+1, err)
		}
		if _, err := db.SaveLove(ctx, store.Love{UserID: f.ada, ProductID: products[3], Love: alerts.Love{AlertAnyDrop: true}}); err != nil {
			t.Errorf("saving an existing love again at the cap: %v", err)
		}
		// Bob's count is his own.
		if _, err := db.SaveLove(ctx, store.Love{UserID: f.bob, ProductID: f.boot, Love: alerts.Love{Size: "38"}}); err != nil {
			t.Errorf("bob's first love: %v", err)
		}

		for i := range store.MaxSavedSearches {
			if _, err := db.SaveSearch(ctx, f.ada, fmt.Sprintf("search %d", i), "q=coat"); err != nil {
				t.Fatalf("saved search %d: %v", i, err)
			}
		}
		if _, err := db.SaveSearch(ctx, f.ada, "one more", "q=coat"); !errors.Is(err, store.ErrLimit) {
			t.Errorf("saved search %d: %v, want ErrLimit", store.MaxSavedSearches+1, err)
		}
		if _, err := db.SaveSearch(ctx, f.ada, "search 1", "q=coat"); !errors.Is(err, store.ErrConflict) && !errors.Is(err, store.ErrLimit) {
			t.Errorf("a duplicate name at the cap: %v", err)
		}
		if got, _ := db.SavedSearches(ctx, f.ada); len(got) != store.MaxSavedSearches {
			t.Errorf("%d saved searches, want %d", len(got), store.MaxSavedSearches)
		}
	})
}
