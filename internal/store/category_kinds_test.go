package store_test

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// Listings carry their category's size kind, from the taxonomy or the nearest ancestor that
// has one, so pages can tell a dress whose shop gives no size from a one-size bag; a category
// added later is known at once.
func TestListingSizeKind(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		db.SetClock(func() time.Time { return now })
		f := browseFixture{db: db, now: now, tb: t}
		shop := f.id(`INSERT INTO retailers (slug, name, created_at) VALUES ('a', 'Shop A', 1)`)
		brand := f.id(`INSERT INTO brands (slug, name, created_at) VALUES ('ganni', 'Ganni', 1)`)
		root := f.id(`INSERT INTO categories (slug, name, path) VALUES ('aa', 'Apparel & Accessories', 'Apparel & Accessories')`)
		dresses := f.id(`INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'aa-dresses', 'Dresses', 'Apparel & Accessories > Clothing > Dresses')`, root)
		party := f.id(`INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'aa-party', 'Party edit', 'Apparel & Accessories > Clothing > Dresses > Party edit')`, dresses)
		bags := f.id(`INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'aa-bags', 'Handbags', 'Apparel & Accessories > Handbags, Wallets & Cases > Handbags')`, root)
		product := func(key, title string, cat int64) int64 {
			return f.id(`INSERT INTO products (product_key, brand_id, category_id, title, image_url, created_at, updated_at)
				VALUES ($1, $2, $3, $4, '/i.jpg', 1, 1)`, key, brand, nullable(cat), title)
		}
		dress := product("dress", "Ganni wrap dress", party)
		f.offer(shop, dress, "dress", "", 100, 100, "in_stock")
		bag := product("bag", "Ganni bucket bag", bags)
		f.offer(shop, bag, "bag", "", 100, 100, "in_stock")
		loose := product("loose", "Ganni thing", 0)
		f.offer(shop, loose, "loose", "", 100, 100, "in_stock")

		kinds := func() map[int64]string {
			t.Helper()
			ls, err := db.SearchListings(ctx, "ganni", 10)
			if err != nil {
				t.Fatal(err)
			}
			out := map[int64]string{}
			for _, l := range ls {
				out[l.ProductID] = l.SizeKind
			}
			return out
		}
		got := kinds()
		if got[dress] != "dresses" || got[bag] != "" || got[loose] != "" || len(got) != 3 {
			t.Errorf("size kinds by product = %v; want the dress's (inherited from Dresses) only", got)
		}
		d, err := db.ProductByID(ctx, dress)
		if err != nil || d.Best.SizeKind != "dresses" {
			t.Errorf("product page: size kind %q, %v", d.Best.SizeKind, err)
		}
		shoes := f.id(`INSERT INTO categories (parent_id, slug, name, path) VALUES ($1, 'aa-shoes', 'Shoes', 'Apparel & Accessories > Shoes')`, root)
		f.exec(`UPDATE products SET category_id = $1 WHERE id = $2`, shoes, loose)
		if got := kinds(); got[loose] != "shoes" {
			t.Errorf("after a category was added: size kinds = %v, want shoes for the moved product", got)
		}
	})
}

// resolveSizeKinds follows parent ids, whatever order the categories come in, and survives a
// cycle of parents.
func TestResolveSizeKindsOrderAndCycles(t *testing.T) {
	cats := []catalog.Category{
		{ID: 3, ParentID: 2, Path: "Shop > Party edit > Minis"},
		{ID: 2, ParentID: 1, Path: "Shop > Party edit"},
		{ID: 1, Path: "Apparel & Accessories > Clothing > Dresses"},
		{ID: 4, ParentID: 5, Path: "Loop > A"},
		{ID: 5, ParentID: 4, Path: "Loop > B"},
		{ID: 6, ParentID: 1, Path: "Shop > Shoes inside dresses", SizeKind: "shoes"},
	}
	got := store.ResolveSizeKinds(cats)
	want := map[int64]string{1: "dresses", 2: "dresses", 3: "dresses", 4: "", 5: "", 6: "shoes"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("size kinds = %v, want %v", got, want)
	}
}
