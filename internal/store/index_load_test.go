package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/index"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// loadAll collects what LoadProducts streams, by product id.
func loadAll(t *testing.T, db *store.DB) map[int64]index.Product {
	t.Helper()
	out := map[int64]index.Product{}
	var last int64
	err := db.LoadProducts(context.Background(), func(p index.Product) error {
		if p.ID <= last {
			t.Errorf("product %d streamed after %d: want id order", p.ID, last)
		}
		last = p.ID
		out[p.ID] = p
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestIndexLoader(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		db.SetClock(func() time.Time { return now })
		f := browseFixture{db: db, now: now, tb: t}

		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		brand := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
		// A taxonomy path whose leaf takes shoe sizes; the stored rows carry no size kind.
		root := f.id(`INSERT INTO categories (slug, name, path) VALUES ('aa', 'Apparel & Accessories', 'Apparel & Accessories')`)
		shoes := f.id(`INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'aa-shoes', 'Shoes', 'Apparel & Accessories > Shoes')`, root)
		boots := f.id(`INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'aa-shoes-boots', 'Boots', 'Apparel & Accessories > Shoes > Boots')`, shoes)
		product := func(key, title string, cat int64) int64 {
			return f.id(`INSERT INTO products (product_key, brand_id, category_id, title, color, gender, image_url, created_at, updated_at)
				VALUES ($1, $2, $3, $4, 'Black', 'female', '/img.jpg', $5, $5)`, key, brand, nullable(cat), title, f.ago(30))
		}
		boot := product("boot", "Ankle boots", boots)
		// 38 fell from 300 to 200 five days ago (33%), after a rise; 40 is sold out; 36 is gone.
		b38 := f.offer(shop, boot, "boot-38", "38", 200, 300, "in_stock", [2]int64{40, 280}, [2]int64{20, 300}, [2]int64{5, 200})
		b40 := f.offer(shop, boot, "boot-40", "40", 300, 300, "out_of_stock", [2]int64{20, 300})
		b36 := f.offer(shop, boot, "boot-36", "36", 100, 300, "in_stock")
		f.exec(`UPDATE offers SET gone_at = $1 WHERE id = $2`, f.ago(1), b36)
		f.exec(`UPDATE offers SET questionable = 1, lowest_30d = 200 WHERE id = $1`, b38)
		// A product with no category, and one whose every offer is gone.
		bag := product("bag", "Tote", 0)
		f.offer(shop, bag, "bag", "", 100, 100, "in_stock")
		gone := product("gone", "Gone top", 0)
		goneOffer := f.offer(shop, gone, "gone", "", 10, 100, "in_stock")
		f.exec(`UPDATE offers SET gone_at = $1 WHERE id = $2`, f.ago(1), goneOffer)

		all := loadAll(t, db)
		if len(all) != 2 {
			t.Fatalf("loaded %d products, want the boot and the bag (not the gone top)", len(all))
		}
		p := all[boot]
		if p.Title != "Ankle boots" || p.Brand != "Ganni" || p.Colour != "Black" || p.Gender != "female" || p.SizeKind != "shoes" {
			t.Errorf("boot = %+v", p)
		}
		if len(p.Categories) != 3 || p.Categories[0].ID != root || p.Categories[2].ID != boots || p.Categories[2].Name != "Boots" {
			t.Errorf("boot categories = %+v, want root first, Boots last", p.Categories)
		}
		if !p.CreatedAt.Equal(time.UnixMilli(f.ago(30))) {
			t.Errorf("boot created %v", p.CreatedAt)
		}
		if len(p.Offers) != 2 {
			t.Fatalf("boot offers = %+v, want 38 and 40 (36 is gone)", p.Offers)
		}
		o38, o40 := p.Offers[0], p.Offers[1]
		if o38.ID != b38 || o38.Retailer != "Shop A" || o38.Size != "38" || o38.Price != 200 || o38.RegularPrice != 300 ||
			o38.Currency != "EUR" || o38.Availability != "in_stock" || !o38.Questionable {
			t.Errorf("offer 38 = %+v", o38)
		}
		if o38.LastDropPct != 33 || !o38.LastDropAt.Equal(time.UnixMilli(f.ago(5))) {
			t.Errorf("offer 38 last drop = %d%% at %v, want 33%% five days ago", o38.LastDropPct, o38.LastDropAt)
		}
		if o40.ID != b40 || o40.Questionable || !o40.LastDropAt.IsZero() || o40.Availability != "out_of_stock" {
			t.Errorf("offer 40 = %+v", o40)
		}
		if b := all[bag]; len(b.Categories) != 0 || b.SizeKind != "" || len(b.Offers) != 1 {
			t.Errorf("bag = %+v", b)
		}

		// ProductsByIDs reads the same shape and leaves out what the index should drop.
		got, err := db.ProductsByIDs(ctx, []int64{gone, boot, 999999})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].ID != boot || len(got[0].Offers) != 2 || got[0].Offers[0].LastDropPct != 33 {
			t.Errorf("ProductsByIDs = %+v, want the boot alone", got)
		}

		// Stopping the stream passes fn's error back.
		stop := errors.New("stop")
		if err := db.LoadProducts(ctx, func(index.Product) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("LoadProducts with a failing fn = %v", err)
		}

		// What result cards show comes with the load: image, category slug and path, 30-day lows.
		if p.ImageURL != "/img.jpg" || p.Categories[2].Slug != "aa-shoes-boots" ||
			p.Categories[2].Path != "Apparel & Accessories > Shoes > Boots" || p.Categories[0].Slug != "aa" {
			t.Errorf("boot display fields = %q, %+v", p.ImageURL, p.Categories)
		}
		if o38.Lowest30d != 200 || o40.Lowest30d != 0 {
			t.Errorf("30-day lows = %d, %d, want 200 and 0 (never computed)", o38.Lowest30d, o40.Lowest30d)
		}

		// Offers' retailer pages for JSON answers; a vanished offer is absent.
		urls, err := db.OfferURLs(ctx, []int64{b38, b40, 999999})
		if err != nil {
			t.Fatal(err)
		}
		if len(urls) != 2 || urls[b38] != "https://shop.example/boot-38" || urls[b40] != "https://shop.example/boot-40" {
			t.Errorf("OfferURLs = %v", urls)
		}

		// Categories by slug, path or name.
		for _, key := range []string{"aa-shoes-boots", "Apparel & Accessories > Shoes > Boots", "boots"} {
			if c, err := db.CategoryBySlug(ctx, key); err != nil || c.ID != boots {
				t.Errorf("CategoryBySlug(%q) = %+v, %v", key, c, err)
			}
		}
		if _, err := db.CategoryBySlug(ctx, "hats"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("CategoryBySlug(hats) = %v, want ErrNotFound", err)
		}
	})
}

func nullable(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func TestChangeLog(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if seq, err := db.MaxChangeSeq(ctx); err != nil || seq != 0 {
			t.Fatalf("empty log: MaxChangeSeq = %d, %v", seq, err)
		}
		for i := range 5 {
			if err := db.InCatalogTx(ctx, func(tx *store.CatalogTx) error {
				return tx.AppendChanges(ctx, "product", []int64{int64(100 + i)})
			}); err != nil {
				t.Fatal(err)
			}
		}
		head, err := db.MaxChangeSeq(ctx)
		if err != nil {
			t.Fatal(err)
		}
		all, err := db.ChangesSince(ctx, 0, 100)
		if err != nil || len(all) != 5 || all[4].Seq != head {
			t.Fatalf("ChangesSince(0) = %+v, %v; want 5 ending at %d", all, err, head)
		}
		tests := []struct {
			name  string
			after int64
			limit int
			want  []int64 // entity ids
		}{
			{"from the start, limited", 0, 2, []int64{100, 101}},
			{"from the middle", all[2].Seq, 10, []int64{103, 104}},
			{"at the head", head, 10, nil},
		}
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				got, err := db.ChangesSince(ctx, tc.after, tc.limit)
				if err != nil {
					t.Fatal(err)
				}
				var ids []int64
				for _, c := range got {
					if c.Entity != "product" || c.At.IsZero() {
						t.Errorf("change %+v", c)
					}
					ids = append(ids, c.EntityID)
				}
				if len(ids) != len(tc.want) {
					t.Fatalf("entity ids %v, want %v", ids, tc.want)
				}
				for i := range ids {
					if ids[i] != tc.want[i] {
						t.Fatalf("entity ids %v, want %v", ids, tc.want)
					}
				}
			})
		}
		at, err := db.ChangesAt(ctx, []int64{all[3].Seq, head + 50, all[1].Seq})
		if err != nil || len(at) != 2 || at[0].EntityID != 101 || at[1].EntityID != 103 {
			t.Errorf("ChangesAt = %+v, %v; want entities 101 and 103", at, err)
		}
	})
}
