package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestCollectionEditing covers the editor's queries: save new and again, ordered items, slug
// conflicts, a missing product, states and their visibility to readers, delete.
func TestCollectionEditing(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newClicksFixture(t, db) // boot (Ganni, 200 in stock at A), bag (Toteme, 500 at B)
		now := f.now
		db.SetClock(func() time.Time { return now })

		c := editorial.Collection{Slug: "autumn", Title: "Autumn", Status: editorial.Draft, IntroMD: "Hello",
			Items: []editorial.Item{{ProductID: f.bag, Blurb: "first"}, {ProductID: f.boot, Blurb: "second"}}}
		id, err := db.SaveCollection(ctx, c, f.shopper)
		if err != nil {
			t.Fatal(err)
		}
		got, err := db.CollectionByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if got.Title != "Autumn" || got.Status != editorial.Draft || len(got.Entries) != 2 ||
			got.Entries[0].ProductID != f.bag || got.Entries[0].Blurb != "first" || got.Entries[1].ProductID != f.boot {
			t.Fatalf("CollectionByID = %+v", got)
		}
		if got.Entries[1].Price != 20000 || !got.Entries[1].OnSale() {
			t.Errorf("boot entry not live: %+v", got.Entries[1].Listing)
		}
		// A draft is not public.
		if _, err := db.CollectionBySlug(ctx, "autumn"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("draft by slug: %v, want ErrNotFound", err)
		}

		// Reorder, change blurb, schedule for tomorrow: not public yet, public once the time comes.
		c.ID = id
		c.Items = []editorial.Item{{ProductID: f.boot, Blurb: "now first"}, {ProductID: f.bag}}
		c.Status, c.PublishAt = editorial.Scheduled, now.Add(24*time.Hour)
		if _, err := db.SaveCollection(ctx, c, f.shopper); err != nil {
			t.Fatal(err)
		}
		if _, err := db.CollectionBySlug(ctx, "autumn"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("scheduled for tomorrow, by slug: %v, want ErrNotFound", err)
		}
		if teasers, err := db.VisibleCollectionTeasers(ctx); err != nil || len(teasers) != 0 {
			t.Errorf("teasers before publish_at = %+v, %v", teasers, err)
		}
		later := now.Add(25 * time.Hour)
		db.SetClock(func() time.Time { return later })
		pub, err := db.CollectionBySlug(ctx, "autumn")
		if err != nil {
			t.Fatalf("scheduled collection after publish_at: %v", err)
		}
		if len(pub.Entries) != 2 || pub.Entries[0].ProductID != f.boot || pub.Entries[0].Blurb != "now first" || pub.Entries[1].Blurb != "" {
			t.Errorf("reordered entries = %+v", pub.Entries)
		}

		// A second collection: slug conflicts, missing products.
		other := editorial.Collection{Slug: "autumn", Title: "Other", Status: editorial.Published}
		if _, err := db.SaveCollection(ctx, other, 0); !errors.Is(err, store.ErrConflict) {
			t.Errorf("taken slug: %v, want ErrConflict", err)
		}
		other.Slug = "other"
		other.Items = []editorial.Item{{ProductID: f.bag}, {ProductID: 999999}}
		if _, err := db.SaveCollection(ctx, other, 0); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing product: %v, want ErrNotFound", err)
		}
		other.Items = other.Items[:1]
		otherID, err := db.SaveCollection(ctx, other, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.SaveCollection(ctx, editorial.Collection{ID: otherID + 100, Slug: "x", Title: "X", Status: editorial.Draft}, 0); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown id: %v, want ErrNotFound", err)
		}

		list, err := db.EditorCollections(ctx)
		if err != nil || len(list) != 2 {
			t.Fatalf("EditorCollections = %+v, %v", list, err)
		}
		for _, s := range list {
			if s.ID == id && (s.Status != editorial.Scheduled || s.Items != 2 || !s.PublishAt.Equal(now.Add(24*time.Hour)) || !s.Visible(later)) {
				t.Errorf("summary of autumn = %+v", s)
			}
		}

		// Teasers: newest first (other was published without a date, now = later; autumn at
		// publish_at, earlier), each with its brands.
		teasers, err := db.VisibleCollectionTeasers(ctx)
		if err != nil || len(teasers) != 2 {
			t.Fatalf("teasers = %+v, %v", teasers, err)
		}
		if teasers[0].ID != otherID || len(teasers[0].Brands) != 1 || teasers[0].Brands[0] != "Toteme" {
			t.Errorf("teaser 0 = %+v", teasers[0])
		}
		if teasers[1].ID != id || len(teasers[1].Brands) != 2 || teasers[1].Brands[0] != "Ganni" || teasers[1].Brands[1] != "Toteme" {
			t.Errorf("teaser 1 = %+v", teasers[1])
		}
		if got := editorial.NewestFor(teasers, []string{"Ganni"}); got == nil || got.ID != id {
			t.Errorf("NewestFor(Ganni) = %+v", got)
		}

		if err := db.DeleteCollection(ctx, otherID); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteCollection(ctx, otherID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("second delete: %v", err)
		}
		if _, err := db.CollectionByID(ctx, otherID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("deleted collection: %v", err)
		}
	})
}

// TestCollectionLiveHelpers: the listings of embedded products and the best offer ids behind
// a collection page's click-out links follow the catalogue.
func TestCollectionLiveHelpers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newClicksFixture(t, db)
		ls, err := db.ListingsByID(ctx, []int64{f.boot, f.bag, 424242})
		if err != nil {
			t.Fatal(err)
		}
		if len(ls) != 2 || ls[f.boot].Price != 20000 || ls[f.bag].Title != "Bag" || ls[f.boot].Brand != "Ganni" {
			t.Errorf("ListingsByID = %+v", ls)
		}
		best, err := db.BestOfferIDs(ctx, []int64{f.boot, f.bag})
		if err != nil || best[f.boot] != f.bootOffer || best[f.bag] != f.bagOffer {
			t.Errorf("BestOfferIDs = %v, %v; want boot %d, bag %d", best, err, f.bootOffer, f.bagOffer)
		}
		// A cheaper offer of the boot appears: it becomes the best, in listings and links.
		cheaper := f.offer(f.shopB, f.boot, "boot-40", "40", 15000, 30000, "in_stock")
		ls, _ = db.ListingsByID(ctx, []int64{f.boot})
		best, _ = db.BestOfferIDs(ctx, []int64{f.boot})
		if ls[f.boot].Price != 15000 || best[f.boot] != cheaper {
			t.Errorf("after a cheaper offer: price %d, best offer %d; want 15000, %d", ls[f.boot].Price, best[f.boot], cheaper)
		}
	})
}
