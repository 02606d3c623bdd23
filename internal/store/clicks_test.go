package store_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// clicksFixture is two retailers, two brands with a product each (one offer live, one gone) and
// a shopper.
type clicksFixture struct {
	browseFixture
	shopA, shopB      int64
	ganni, toteme     int64
	boot, bag         int64
	bootOffer, gone   int64
	bagOffer, shopper int64
}

func newClicksFixture(t *testing.T, db *store.DB) clicksFixture {
	t.Helper()
	now := time.Date(2026, 6, 1, 12, 0, 0, 0, time.UTC)
	f := clicksFixture{browseFixture: browseFixture{db: db, now: now, tb: t}}
	f.shopA = f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
	f.shopB = f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('b', 'Shop B', 1)`)
	f.ganni = f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	f.toteme = f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('toteme', 'Toteme', 1)`)
	f.boot = f.id(`INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('boot', $1, 'Boots', 1, 1)`, f.ganni)
	f.bag = f.id(`INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('bag', $1, 'Bag', 1, 1)`, f.toteme)
	f.bootOffer = f.offer(f.shopA, f.boot, "boot-38", "38", 20000, 30000, "in_stock")
	f.gone = f.offer(f.shopA, f.boot, "boot-39", "39", 20000, 30000, "in_stock")
	f.exec(`UPDATE offers SET gone_at = 1 WHERE id = $1`, f.gone)
	f.bagOffer = f.offer(f.shopB, f.bag, "bag-1", "", 50000, 50000, "in_stock")
	u, err := db.CreateUser(context.Background(), "ada@example.com", account.Shopper, "", true)
	if err != nil {
		t.Fatal(err)
	}
	f.shopper = u.ID
	return f
}

func TestClickSecret(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		a, err := db.ClickSecret(ctx)
		if err != nil {
			t.Fatal(err)
		}
		b, err := db.ClickSecret(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(a) != 32 || !bytes.Equal(a, b) {
			t.Fatalf("click secret not stable: %x then %x", a, b)
		}
		mail, err := db.MailSecret(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(mail, a) {
			t.Error("click-out and mail secrets are the same")
		}
	})
}

func TestOfferTargetAndTemplates(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newClicksFixture(t, db)
		got, found, err := db.OfferTarget(ctx, f.bootOffer)
		want := clicks.Target{OfferID: f.bootOffer, ProductID: f.boot, BrandID: f.ganni, RetailerID: f.shopA, URL: "https://shop.example/boot-38"}
		if err != nil || !found || got != want {
			t.Errorf("OfferTarget = %+v, %t, %v; want %+v", got, found, err, want)
		}
		got, found, err = db.OfferTarget(ctx, f.gone)
		if err != nil || !found || !got.Gone || got.ProductID != f.boot {
			t.Errorf("gone OfferTarget = %+v, %t, %v", got, found, err)
		}
		if _, found, err := db.OfferTarget(ctx, 999999); err != nil || found {
			t.Errorf("missing OfferTarget found=%t err=%v", found, err)
		}

		if err := db.SetAffiliateTemplate(ctx, f.shopB, "?aff=1"); err != nil {
			t.Fatal(err)
		}
		if err := db.SetAffiliateTemplate(ctx, 999999, "?aff=1"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("template for an unknown retailer: %v", err)
		}
		tpls, err := db.AffiliateTemplates(ctx)
		if err != nil || len(tpls) != 1 || tpls[f.shopB] != "?aff=1" {
			t.Errorf("AffiliateTemplates = %v, %v", tpls, err)
		}
		list, err := db.RetailerAffiliates(ctx)
		if err != nil || len(list) != 2 {
			t.Fatalf("RetailerAffiliates = %+v, %v", list, err)
		}
		if list[0].Name != "Shop A" || list[0].SampleURL != "https://shop.example/boot-38" || list[1].Template != "?aff=1" {
			t.Errorf("RetailerAffiliates = %+v", list)
		}
	})
}

func TestInsertClicksAndAffinity(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		f := newClicksFixture(t, db)
		day := 24 * time.Hour
		click := func(offer, product, brand, retailer int64, ago time.Duration) clicks.Click {
			return clicks.Click{OfferID: offer, ProductID: product, BrandID: brand, RetailerID: retailer, UserID: f.shopper,
				Source: clicks.SourceDigest, At: f.now.Add(-ago)}
		}
		batch := []clicks.Click{
			click(f.bootOffer, f.boot, f.ganni, f.shopA, day),
			click(f.bootOffer, f.boot, f.ganni, f.shopA, 2*day),
			click(f.bagOffer, f.bag, f.toteme, f.shopB, 3*day),
			click(f.bagOffer, f.bag, f.toteme, f.shopB, 100*day), // outside the 90-day window
			// References deleted since the click are stored as NULL, not refused.
			{OfferID: 424242, ProductID: 525252, BrandID: 626262, RetailerID: 727272, UserID: 828282, Source: clicks.SourcePage, At: f.now},
		}
		if err := db.InsertClicks(ctx, batch); err != nil {
			t.Fatal(err)
		}
		n, err := db.ClickCount(ctx, time.Time{})
		if err != nil || n != int64(len(batch)) {
			t.Fatalf("ClickCount = %d, %v; want %d", n, err, len(batch))
		}
		recent, err := db.RecentClicks(ctx, 2)
		if err != nil || len(recent) != 2 {
			t.Fatalf("RecentClicks = %+v, %v", recent, err)
		}
		if r := recent[0]; r != (clicks.Click{Source: clicks.SourcePage, At: f.now}) {
			t.Errorf("stale references stored as %+v, want all ids 0", r)
		}
		if r := recent[1]; r != batch[0] {
			t.Errorf("click stored as %+v, want %+v", r, batch[0])
		}

		// Loves count per brand too: two loves of Toteme's bag make Toteme lead on loves.
		for _, size := range []string{"S", "M"} {
			f.exec(`INSERT INTO loves (user_id, product_id, size, created_at) VALUES ($1, $2, $3, 1)`, f.shopper, f.bag, size)
		}
		aff, err := db.BrandAffinity(ctx, f.shopper, f.now.Add(-clicks.AffinityWindow))
		if err != nil {
			t.Fatal(err)
		}
		want := []clicks.BrandAffinity{
			{BrandID: f.ganni, Brand: "Ganni", Clicks: 2, Loves: 0},
			{BrandID: f.toteme, Brand: "Toteme", Clicks: 1, Loves: 2},
		}
		if len(aff) != len(want) || aff[0] != want[0] || aff[1] != want[1] {
			t.Errorf("BrandAffinity = %+v\n want %+v", aff, want)
		}
		other, err := db.BrandAffinity(ctx, f.shopper+1000, f.now.Add(-clicks.AffinityWindow))
		if err != nil || len(other) != 0 {
			t.Errorf("BrandAffinity of a shopper with no activity = %+v, %v", other, err)
		}
	})
}
