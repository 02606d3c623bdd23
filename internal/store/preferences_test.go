package store_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestSavePreferencesDirectoryBrand: a label tagdrop's brand directory knows can be followed
// before the catalogue has any of it (spelled any way the directory knows it); a name neither
// knows is refused, and the refused save leaves every earlier preference as it was.
func TestSavePreferencesDirectoryBrand(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "cy@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.FindBrand(ctx, "Chloé"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Chloé in a fresh catalogue: err = %v", err)
		}
		p := account.Preferences{UserID: u.ID, Brands: []string{"CHLOE"}, Currency: "GBP", MaxPrice: 30000,
			Sizes: []account.SizePref{{Kind: "tops", System: "letter", Value: "M"}}, Frequency: account.Weekly,
			DigestHour: 19, TimeZone: "Europe/London"}
		if err := db.SavePreferences(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := db.Preferences(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Brands) != 1 || got.Brands[0] != "Chloé" {
			t.Errorf("brands = %q, want the directory's spelling [Chloé]", got.Brands)
		}
		if got.Currency != "GBP" || got.MaxPrice != 30000 || got.DigestHour != 19 || got.TimeZone != "Europe/London" || got.Frequency != account.Weekly {
			t.Errorf("preferences = %+v", got)
		}

		// A bad category after good brands and sizes: nothing of the new request is kept.
		bad := got
		bad.Brands = []string{"Ganni"}
		bad.Sizes = []account.SizePref{{Kind: "shoes", System: "EU", Value: "39"}}
		bad.Categories = []string{"Nowhere > Nothing"}
		bad.MaxPrice = 1
		if err := db.SavePreferences(ctx, bad); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown category: err = %v, want ErrNotFound", err)
		}
		after, err := db.Preferences(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(after) != fmt.Sprint(got) {
			t.Errorf("a refused save changed the preferences:\n got %+v\nwant %+v", after, got)
		}
		if _, err := db.FindBrand(ctx, "Ganni"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("a refused save left brand Ganni behind: err = %v", err)
		}

		bad = got
		bad.Brands = []string{"Chloé", "Maison Nowhere"}
		if err := db.SavePreferences(ctx, bad); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown brand: err = %v, want ErrNotFound", err)
		}
	})
}

func TestProductImages(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		var ids []int64
		for i, img := range []string{"https://img.example.com/a.jpg", "", "/static/demo/img/c.svg"} {
			var id int64
			err := db.SQL().QueryRowContext(ctx, `INSERT INTO products (product_key, title, image_url, created_at, updated_at)
				VALUES ($1, $2, $3, 1, 1) RETURNING id`, fmt.Sprintf("k%d", i), fmt.Sprintf("Item %d", i), img).Scan(&id)
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		got, err := db.ProductImages(ctx, append([]int64{ids[2], 999999}, ids[:2]...))
		if err != nil {
			t.Fatal(err)
		}
		want := map[int64]string{ids[0]: "https://img.example.com/a.jpg", ids[2]: "/static/demo/img/c.svg"}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("ProductImages = %v, want %v", got, want)
		}
		if got, err := db.ProductImages(ctx, nil); err != nil || len(got) != 0 {
			t.Errorf("no ids: %v, %v", got, err)
		}
	})
}
