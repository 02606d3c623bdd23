package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestBrandAffinityOf reads several shoppers' affinity in one call: each shopper's rows are
// BrandAffinity's for that shopper alone (clicks in the window and loves, never another's),
// and shoppers without activity are absent.
func TestBrandAffinityOf(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newClicksFixture(t, db)
		bob, err := db.CreateUser(ctx, "bob@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		cat, err := db.CreateUser(ctx, "cat@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		day := 24 * time.Hour
		click := func(user, offer, product, brand, retailer int64, ago time.Duration) clicks.Click {
			return clicks.Click{OfferID: offer, ProductID: product, BrandID: brand, RetailerID: retailer, UserID: user,
				Source: clicks.SourceDigest, At: f.now.Add(-ago)}
		}
		// ada: Ganni ×2, Toteme ×1 (and one outside the window), two loves of Toteme's bag.
		// bob: Toteme ×3, one love of Ganni's boot. cat: only a click outside the window.
		batch := []clicks.Click{
			click(f.shopper, f.bootOffer, f.boot, f.ganni, f.shopA, day),
			click(f.shopper, f.bootOffer, f.boot, f.ganni, f.shopA, 2*day),
			click(f.shopper, f.bagOffer, f.bag, f.toteme, f.shopB, 3*day),
			click(f.shopper, f.bagOffer, f.bag, f.toteme, f.shopB, 100*day),
			click(bob.ID, f.bagOffer, f.bag, f.toteme, f.shopB, day),
			click(bob.ID, f.bagOffer, f.bag, f.toteme, f.shopB, 5*day),
			click(bob.ID, f.bagOffer, f.bag, f.toteme, f.shopB, 89*day),
			click(cat.ID, f.bootOffer, f.boot, f.ganni, f.shopA, 91*day),
		}
		if err := db.InsertClicks(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for _, size := range []string{"S", "M"} {
			f.exec(`INSERT INTO loves (user_id, product_id, size, created_at) VALUES ($1, $2, $3, 1)`, f.shopper, f.bag, size)
		}
		f.exec(`INSERT INTO loves (user_id, product_id, size, created_at) VALUES ($1, $2, '38', 1)`, bob.ID, f.boot)

		since := f.now.Add(-clicks.AffinityWindow)
		got, err := db.BrandAffinityOf(ctx, []int64{f.shopper, bob.ID, cat.ID, 999999}, since)
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64][]clicks.BrandAffinity{
			f.shopper: {{BrandID: f.ganni, Brand: "Ganni", Clicks: 2}, {BrandID: f.toteme, Brand: "Toteme", Clicks: 1, Loves: 2}},
			bob.ID:    {{BrandID: f.toteme, Brand: "Toteme", Clicks: 3}, {BrandID: f.ganni, Brand: "Ganni", Loves: 1}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("BrandAffinityOf = %+v\n want %+v", got, want)
		}
		// The batch agrees with the one-shopper query for each shopper.
		for _, id := range []int64{f.shopper, bob.ID, cat.ID} {
			one, err := db.BrandAffinity(ctx, id, since)
			if err != nil {
				t.Fatal(err)
			}
			if len(one) != len(got[id]) || len(one) > 0 && !reflect.DeepEqual(one, got[id]) {
				t.Errorf("user %d: BrandAffinity = %+v, BrandAffinityOf has %+v", id, one, got[id])
			}
		}
		if none, err := db.BrandAffinityOf(ctx, nil, since); err != nil || len(none) != 0 {
			t.Errorf("BrandAffinityOf(nil) = %v, %v", none, err)
		}
	})
}
