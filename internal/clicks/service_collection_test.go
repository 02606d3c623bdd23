package clicks_test

import (
	"context"
	"testing"

	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/editorial"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestServiceRecordsCollection: a collection page's link (a v2 token) is recorded with the
// collection's id and source collection, end to end through the recorder into clickouts.
func TestServiceRecordsCollection(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newShop(t, db)
		coll, err := db.CreateCollection(ctx, editorial.Collection{Slug: "boots", Title: "Boots", Status: editorial.Published,
			Items: []editorial.Item{{ProductID: s.product}}})
		if err != nil {
			t.Fatal(err)
		}
		svc, rec := newService(t, db, clicks.Config{})
		u := svc.TokenURL("", clicks.Token{OfferID: s.live, ProductID: s.product, Source: clicks.SourceCollection, CollectionID: coll})
		tok := u[len("/out/"):]
		if d, err := svc.Resolve(ctx, tok, 0, true); err != nil || !d.Recorded || d.Location == "" {
			t.Fatalf("Resolve = %+v, %v", d, err)
		}
		if err := rec.Close(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := db.RecentClicks(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].CollectionID != coll || got[0].Source != clicks.SourceCollection || got[0].OfferID != s.live {
			t.Errorf("recorded %+v; want one collection click with collection %d", got, coll)
		}
	})
}
