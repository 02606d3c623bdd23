package store_test

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// browseFixture writes rows the way ingest and the editors will, with plain SQL, and names them.
type browseFixture struct {
	db  *store.DB
	now time.Time
	tb  testing.TB
}

func (f browseFixture) id(q string, args ...any) int64 {
	f.tb.Helper()
	var id int64
	if err := f.db.SQL().QueryRowContext(context.Background(), q+" RETURNING id", args...).Scan(&id); err != nil {
		f.tb.Fatalf("%s: %v", q, err)
	}
	return id
}

func (f browseFixture) exec(q string, args ...any) {
	f.tb.Helper()
	if _, err := f.db.SQL().ExecContext(context.Background(), q, args...); err != nil {
		f.tb.Fatalf("%s: %v", q, err)
	}
}

func (f browseFixture) ago(days int) int64 {
	return f.now.Add(-time.Duration(days) * 24 * time.Hour).UnixMilli()
}

// offer adds an offer and its price history: each step is {days ago, price}.
func (f browseFixture) offer(retailer, product int64, item, size string, price, regular int64, avail string, steps ...[2]int64) int64 {
	f.tb.Helper()
	id := f.id(`INSERT INTO offers (retailer_id, product_id, item_id, url, size, currency, price, regular_price, availability,
		first_seen_at, last_seen_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'EUR', $6, $7, $8, $9, $9, $9)`,
		retailer, product, item, "https://shop.example/"+item, size, price, regular, avail, f.ago(0))
	for _, s := range steps {
		f.exec(`INSERT INTO price_changes (offer_id, changed_at, price, regular_price, availability) VALUES ($1, $2, $3, $4, 'in_stock')`,
			id, f.ago(int(s[0])), s[1], regular)
	}
	return id
}

func TestBrowseQueries(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		db.SetClock(func() time.Time { return now })
		f := browseFixture{db: db, now: now, tb: t}

		shopA := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		shopB := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('b', 'Shop B', 1)`)
		brand := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('toteme', 'Toteme', 1)`)
		product := func(key, title string) int64 {
			return f.id(`INSERT INTO products (product_key, brand_id, title, image_url, created_at, updated_at) VALUES ($1, $2, $3, '/i.jpg', 1, 1)`,
				key, brand, title)
		}
		// Coat: 50% off at A in M and S (L sold out), 40% off at B; the best offer is A's.
		// It was even cheaper (300) 40 days ago, which is outside the 30-day window, but the
		// price in force when the window opened was 600, then 500 from 10 days ago.
		coat := product("coat", "Wool coat")
		f.offer(shopA, coat, "a-coat-m", "M", 500, 1000, "in_stock", [2]int64{60, 300}, [2]int64{45, 600}, [2]int64{10, 500})
		f.offer(shopA, coat, "a-coat-s", "S", 500, 1000, "in_stock")
		f.offer(shopA, coat, "a-coat-l", "L", 450, 1000, "out_of_stock")
		f.offer(shopB, coat, "b-coat-m", "M", 600, 1000, "in_stock", [2]int64{20, 600})
		// Scarf: 10% off; its price was 80 five days ago, so 90 is not the 30-day low. Its regular
		// price was charged for the 35 days before, so the discount is not questionable; the
		// coat's regular price of 1000 never was, so its is.
		scarf := product("scarf", "Cashmere scarf")
		f.offer(shopB, scarf, "b-scarf", "", 90, 100, "in_stock", [2]int64{40, 100}, [2]int64{5, 80}, [2]int64{1, 90})
		// Full price, sold out, and gone items are not on sale.
		belt := product("belt", "Leather belt")
		f.offer(shopA, belt, "a-belt", "", 100, 100, "in_stock")
		bag := product("bag", "Bucket 100% bag")
		f.offer(shopA, bag, "a-bag", "", 50, 100, "out_of_stock")
		gone := product("gone", "Gone top")
		goneOffer := f.offer(shopA, gone, "a-gone", "", 10, 100, "in_stock")
		f.exec(`UPDATE offers SET gone_at = $1 WHERE id = $2`, f.ago(1), goneOffer)

		// The listings read the figures the importer stores beside each offer; these rows were
		// written with plain SQL, so derive them as the importer's refresh does.
		if n, err := db.RefreshOfferFigures(ctx, 0, now); err != nil || n != 8 {
			t.Fatalf("RefreshOfferFigures = %d, %v; want the 8 offers", n, err)
		}
		if n, err := db.RefreshOfferFigures(ctx, 0, now); err != nil || n != 0 {
			t.Fatalf("a second RefreshOfferFigures = %d, %v; want nothing due", n, err)
		}
		sales, err := db.SaleListings(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(sales) != 2 || sales[0].ProductID != coat || sales[1].ProductID != scarf {
			t.Fatalf("sales = %+v, want the coat then the scarf", sales)
		}
		c := sales[0]
		want := store.Listing{ProductID: coat, Brand: "Toteme", Title: "Wool coat", ImageURL: "/i.jpg", Retailer: "Shop A",
			URL: "https://shop.example/a-coat-m", Currency: "EUR", Price: 500, RegularPrice: 1000, Lowest30d: 500,
			Sizes: []string{"S", "M"}, InStock: true, HasOffer: true, Questionable: true}
		if c.URL == "https://shop.example/a-coat-s" {
			want.URL = c.URL          // both M and S are the best price; either is right
			want.Questionable = false // S has no history to judge by
		}
		if !reflect.DeepEqual(c, want) {
			t.Errorf("coat listing =\n%+v, want\n%+v", c, want)
		}
		if c.DiscountPct() != 50 || !c.IsLowest30d() {
			t.Errorf("coat: discount %d, lowest30d %t", c.DiscountPct(), c.IsLowest30d())
		}
		if s := sales[1]; s.Lowest30d != 80 || s.IsLowest30d() || s.DiscountPct() != 10 || s.Sizes != nil || s.Questionable {
			t.Errorf("scarf listing = %+v", s)
		}
		if limited, err := db.SaleListings(ctx, 1); err != nil || len(limited) != 1 {
			t.Errorf("limit 1: %d listings, err %v", len(limited), err)
		}
		if n, brands, err := db.SaleSummary(ctx); err != nil || n != len(sales) || brands < 1 || brands > n {
			t.Errorf("SaleSummary = %d products, %d brands, %v; want %d products", n, brands, err, len(sales))
		}

		// Collections: a published one, a scheduled one due, one scheduled later, a draft.
		pub := f.id(`INSERT INTO collections (slug, title, intro_md, status, publish_at, created_at, updated_at)
			VALUES ('winter', 'Winter', 'Warm *things*', 'published', $1, 1, 1)`, f.ago(3))
		f.exec(`INSERT INTO collection_items (collection_id, position, product_id, blurb) VALUES ($1, 1, $2, 'The coat'), ($1, 2, $3, ''), ($1, 3, $4, 'Gone')`,
			pub, coat, bag, gone)
		f.exec(`INSERT INTO collections (slug, title, status, publish_at, created_at, updated_at) VALUES ('due', 'Due', 'scheduled', $1, 1, 1)`, f.ago(1))
		f.exec(`INSERT INTO collections (slug, title, status, publish_at, created_at, updated_at) VALUES ('later', 'Later', 'scheduled', $1, 1, 1)`, f.ago(-1))
		f.exec(`INSERT INTO collections (slug, title, status, created_at, updated_at) VALUES ('draft', 'Draft', 'draft', 1, 1)`)

		cols, err := db.PublishedCollections(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(cols) != 2 || cols[0].Slug != "due" || cols[1].Slug != "winter" {
			t.Fatalf("published collections = %v, want due then winter", slugs(cols))
		}
		w, err := db.CollectionBySlug(ctx, "winter")
		if err != nil {
			t.Fatal(err)
		}
		if w.Title != "Winter" || w.IntroMD != "Warm *things*" || len(w.Entries) != 3 || len(w.Items) != 3 {
			t.Fatalf("winter = %+v", w)
		}
		if e := w.Entries[0]; e.ProductID != coat || e.Blurb != "The coat" || !e.OnSale() || e.SoldOut() || e.Position != 1 {
			t.Errorf("entry 1 = %+v", e)
		}
		if e := w.Entries[1]; e.ProductID != bag || !e.SoldOut() || e.OnSale() || !e.HasOffer || e.Price != 50 {
			t.Errorf("entry 2 (sold out) = %+v", e)
		}
		if e := w.Entries[2]; e.ProductID != gone || e.HasOffer || !e.SoldOut() {
			t.Errorf("entry 3 (no offers left) = %+v", e)
		}
		for _, slug := range []string{"later", "draft", "nope"} {
			if _, err := db.CollectionBySlug(ctx, slug); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("collection %q: err = %v, want ErrNotFound", slug, err)
			}
		}

		p, err := db.ProductByID(ctx, coat)
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != "Wool coat" || p.Brand != "Toteme" || p.Key != "coat" || p.Best.Price != 500 || len(p.Offers) != 4 {
			t.Fatalf("product = %+v", p)
		}
		var order []string
		for _, o := range p.Offers {
			order = append(order, o.ItemID)
		}
		if order[2] != "b-coat-m" || order[3] != "a-coat-l" || p.Offers[3].Availability != catalog.OutOfStock || p.Offers[0].Retailer != "Shop A" {
			t.Errorf("offers in order %v, want in stock cheapest first, sold out last", order)
		}
		if len(p.History) != 4 || !p.History[0].At.Equal(now.Add(-60*24*time.Hour)) || p.History[0].Price != 300 {
			t.Errorf("history = %+v", p.History)
		}
		if _, err := db.ProductByID(ctx, 987654); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown product: err = %v", err)
		}

		found, err := db.SearchListings(ctx, "toteme COAT", 10)
		if err != nil || len(found) != 1 || found[0].ProductID != coat {
			t.Errorf("search 'toteme COAT' = %+v, %v", found, err)
		}
		found, err = db.SearchListings(ctx, "100%", 10)
		if err != nil || len(found) != 1 || found[0].ProductID != bag {
			t.Errorf("search '100%%' = %+v, %v (the %% must match literally)", found, err)
		}
		found, err = db.SearchListings(ctx, "toteme", 10)
		if err != nil || len(found) != 5 || found[0].ProductID != coat && found[0].ProductID != scarf {
			t.Errorf("search 'toteme' = %d results, %v; sale items first", len(found), err)
		}
	})
}

func slugs(cols []store.CollectionView) []string {
	var out []string
	for _, c := range cols {
		out = append(out, c.Slug)
	}
	return out
}

func TestSortSizes(t *testing.T) {
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"letters", []string{"XL", "S", "M", "XS", "S"}, []string{"XS", "S", "M", "XL"}},
		{"numbers", []string{"40", "36.5", "38", "36"}, []string{"36", "36.5", "38", "40"}},
		{"mixed", []string{"W32", "M", "38", ""}, []string{"M", "38", "W32"}},
		{"empty", nil, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := store.SortSizes(tt.in)
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SortSizes(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
