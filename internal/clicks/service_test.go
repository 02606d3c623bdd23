package clicks_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/clicks"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// shop is one retailer, brand and product with a live, a gone and an unsafe offer.
type shop struct {
	retailer, brand, product int64
	live, gone, unsafe       int64
}

func id(t *testing.T, db *store.DB, q string, args ...any) int64 {
	t.Helper()
	var v int64
	if err := db.SQL().QueryRowContext(context.Background(), q+" RETURNING id", args...).Scan(&v); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return v
}

func newShop(t *testing.T, db *store.DB) shop {
	var s shop
	s.retailer = id(t, db, `INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
	s.brand = id(t, db, `INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
	s.product = id(t, db, `INSERT INTO products (product_key, brand_id, title, created_at, updated_at) VALUES ('boot', $1, 'Boots', 1, 1)`, s.brand)
	offer := func(item, url string) int64 {
		return id(t, db, `INSERT INTO offers (retailer_id, product_id, item_id, url, currency, price, regular_price, availability,
			first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, 'EUR', 100, 200, 'in_stock', 1, 1, 1)`, s.retailer, s.product, item, url)
	}
	s.live = offer("live", "https://shop.example/boot?size=38")
	s.gone = offer("gone", "https://shop.example/gone")
	s.unsafe = offer("unsafe", "javascript:alert(document.cookie)")
	if _, err := db.SQL().Exec(`UPDATE offers SET gone_at = 5 WHERE id = $1`, s.gone); err != nil {
		t.Fatal(err)
	}
	return s
}

func newService(t *testing.T, db *store.DB, cfg clicks.Config) (*clicks.Service, *clicks.Recorder) {
	t.Helper()
	secret, err := db.ClickSecret(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	signer, err := clicks.NewSigner(secret)
	if err != nil {
		t.Fatal(err)
	}
	rec := clicks.NewRecorder(db, clicks.RecorderConfig{}, nil)
	t.Cleanup(func() { _ = rec.Close(context.Background()) })
	svc, err := clicks.NewService(context.Background(), signer, db, rec, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	return svc, rec
}

func token(t *testing.T, svc *clicks.Service, offer, product int64, src clicks.Source, user int64) string {
	t.Helper()
	tok, err := svc.Signer().Sign(clicks.Token{OfferID: offer, ProductID: product, Source: src, UserID: user})
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestServiceResolve(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newShop(t, db)
		user, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		u := user.ID
		if err := db.SetAffiliateTemplate(ctx, s.retailer, "?aff=42&sub={source}"); err != nil {
			t.Fatal(err)
		}
		svc, rec := newService(t, db, clicks.Config{})
		productPath := "/products/" + strconv.FormatInt(s.product, 10)

		d, err := svc.Resolve(ctx, token(t, svc, s.live, s.product, clicks.SourceDigest, u), 0, true)
		if err != nil || d.Location != "https://shop.example/boot?aff=42&size=38&sub=digest" || !d.Recorded {
			t.Errorf("live offer: %+v, %v", d, err)
		}
		for name, tok := range map[string]string{
			"gone offer":        token(t, svc, s.gone, s.product, clicks.SourcePage, 0),
			"deleted offer":     token(t, svc, 987654, s.product, clicks.SourcePage, 0),
			"unsafe stored URL": token(t, svc, s.unsafe, s.product, clicks.SourcePage, 0),
		} {
			d, err := svc.Resolve(ctx, tok, 0, true)
			if err != nil || d.Location != "" || d.ProductPath != productPath || d.Recorded {
				t.Errorf("%s: %+v, %v; want the product page, unrecorded", name, d, err)
			}
		}
		// An offer moved to another product since the link was made is still followed, and its
		// fallback is the product it belongs to now.
		if d, err := svc.Resolve(ctx, token(t, svc, s.live, 55555, clicks.SourcePage, 0), 0, false); err != nil || d.Location == "" || d.ProductPath != productPath {
			t.Errorf("moved offer: %+v, %v", d, err)
		}
		if _, err := svc.Resolve(ctx, "AQEBAQEBAQEBAQEBAQEBAQEBAQEB", 0, true); !errors.Is(err, clicks.ErrBadToken) {
			t.Errorf("forged token: %v", err)
		}
		// The session's shopper is recorded when the link names nobody; HEAD-style resolves are not.
		if _, err := svc.Resolve(ctx, token(t, svc, s.live, s.product, clicks.SourcePage, 0), u, true); err != nil {
			t.Fatal(err)
		}
		if d, _ := svc.Resolve(ctx, token(t, svc, s.live, s.product, clicks.SourcePage, 0), u, false); d.Recorded || d.Location == "" {
			t.Errorf("unrecorded resolve: %+v", d)
		}
		if err := rec.Close(ctx); err != nil {
			t.Fatal(err)
		}
		got, err := db.RecentClicks(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 2 {
			t.Fatalf("recorded %d clicks, want 2: %+v", len(got), got)
		}
		for _, c := range got {
			if c.OfferID != s.live || c.ProductID != s.product || c.BrandID != s.brand || c.RetailerID != s.retailer || c.UserID != u {
				t.Errorf("click recorded as %+v", c)
			}
		}
		if got[0].Source != clicks.SourcePage || got[1].Source != clicks.SourceDigest {
			t.Errorf("sources %s, %s; want page then digest (newest first)", got[0].Source, got[1].Source)
		}
	})
}

func TestServiceCachesTargets(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		s := newShop(t, db)
		svc, _ := newService(t, db, clicks.Config{})
		live := token(t, svc, s.live, s.product, clicks.SourcePage, 0)
		deleted := token(t, svc, 987654, s.product, clicks.SourcePage, 0)
		for range 50 {
			for _, tok := range []string{live, deleted} {
				if _, err := svc.Resolve(ctx, tok, 0, false); err != nil {
					t.Fatal(err)
				}
			}
		}
		if n := svc.DBLookups(); n != 2 {
			t.Errorf("100 resolves of 2 offers made %d database lookups, want 2", n)
		}
		uncached, _ := newService(t, db, clicks.Config{CacheSize: -1})
		for range 10 {
			if _, err := uncached.Resolve(ctx, live, 0, false); err != nil {
				t.Fatal(err)
			}
		}
		if n := uncached.DBLookups(); n != 10 {
			t.Errorf("without a cache 10 resolves made %d lookups", n)
		}
	})
}
