package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestClicksRecordCollection: a click-out from a collection page is stored with the
// collection's id; a click whose collection was deleted since is stored with NULL rather than
// failing its batch; deleting a collection later keeps its clicks.
func TestClicksRecordCollection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newClicksFixture(t, db)
		coll, err := db.CreateCollection(ctx, editorial.Collection{Slug: "boots", Title: "Boots", Status: editorial.Published,
			Items: []editorial.Item{{ProductID: f.boot}}})
		if err != nil {
			t.Fatal(err)
		}
		at := f.now
		batch := []clicks.Click{
			{OfferID: f.bootOffer, ProductID: f.boot, BrandID: f.ganni, RetailerID: f.shopA, Source: clicks.SourceCollection, CollectionID: coll, At: at},
			{OfferID: f.bagOffer, ProductID: f.bag, BrandID: f.toteme, RetailerID: f.shopB, Source: clicks.SourcePage, At: at.Add(time.Second)},
			// A collection deleted since the link was made: the checked path stores NULL.
			{OfferID: f.bagOffer, ProductID: f.bag, BrandID: f.toteme, RetailerID: f.shopB, Source: clicks.SourceCollection, CollectionID: coll + 1000, At: at.Add(2 * time.Second)},
		}
		if err := db.InsertClicks(ctx, batch); err != nil {
			t.Fatal(err)
		}
		got, err := db.RecentClicks(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 {
			t.Fatalf("RecentClicks = %d clicks, want 3", len(got))
		}
		// Newest first.
		if got[0].CollectionID != 0 || got[1].CollectionID != 0 || got[2].CollectionID != coll {
			t.Errorf("collection ids = %d, %d, %d; want 0, 0, %d", got[0].CollectionID, got[1].CollectionID, got[2].CollectionID, coll)
		}
		var n int
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM clickouts WHERE collection_id = $1 AND at >= $2`, coll, at.UnixMilli()).Scan(&n); err != nil || n != 1 {
			t.Errorf("clicks by (collection_id, at) = %d, %v; want 1", n, err)
		}
		f.exec(`DELETE FROM collections WHERE id = $1`, coll)
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM clickouts WHERE source = 'collection'`).Scan(&n); err != nil || n != 2 {
			t.Errorf("collection clicks after deleting the collection = %d, %v; want 2 kept", n, err)
		}
	})
}
