package store_test

import (
	"context"
	"errors"
	"testing"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestUsers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "hash", false)
		if err != nil {
			t.Fatal(err)
		}
		if u.ID == 0 || u.Email != "ada@example.com" || u.Role != account.Shopper || u.EmailVerified {
			t.Fatalf("created user = %+v", u)
		}
		if _, err := db.CreateUser(ctx, "ada@example.com", account.Admin, "", true); !errors.Is(err, store.ErrConflict) {
			t.Fatalf("duplicate address: err = %v, want ErrConflict", err)
		}
		if err := db.SetRole(ctx, u.ID, account.Editor); err != nil {
			t.Fatal(err)
		}
		if err := db.SetPassword(ctx, u.ID, "hash2"); err != nil {
			t.Fatal(err)
		}
		got, err := db.UserByEmail(ctx, "ada@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if got.Role != account.Editor || got.PasswordHash != "hash2" {
			t.Fatalf("after updates user = %+v", got)
		}
		if _, err := db.UserByEmail(ctx, "nobody@example.com"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown address: err = %v, want ErrNotFound", err)
		}
		if err := db.DeleteUser(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if err := db.DeleteUser(ctx, u.ID); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("second delete: err = %v, want ErrNotFound", err)
		}
		users, err := db.ListUsers(ctx)
		if err != nil || len(users) != 0 {
			t.Fatalf("after delete: users = %v, err = %v", users, err)
		}
	})
}

func TestPreferences(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "bo@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"Jacquemus", "See by Chloé"} {
			if _, err := db.EnsureBrand(ctx, name); err != nil {
				t.Fatal(err)
			}
		}
		p := account.Preferences{UserID: u.ID, Brands: []string{"jacquemus", "SEE BY CHLOE"},
			Sizes:    []account.SizePref{{Kind: "shoes", System: "EU", Value: "38"}},
			MaxPrice: 50000, MinDiscountPct: 20, Frequency: account.Weekly, HideQuestionable: true}
		if err := db.SavePreferences(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := db.Preferences(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.Brands) != 2 || got.Brands[0] != "Jacquemus" || got.Brands[1] != "See by Chloé" {
			t.Errorf("brands = %q", got.Brands)
		}
		if len(got.Sizes) != 1 || got.Sizes[0] != p.Sizes[0] || got.MaxPrice != 50000 || got.MinDiscountPct != 20 ||
			got.Frequency != account.Weekly || !got.HideQuestionable {
			t.Errorf("preferences = %+v", got)
		}
		p.Brands = []string{"No Such Label"}
		if err := db.SavePreferences(ctx, p); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown brand: err = %v, want ErrNotFound", err)
		}
		got, _ = db.Preferences(ctx, u.ID)
		if len(got.Brands) != 2 {
			t.Errorf("a failed save changed the brands: %q", got.Brands)
		}
	})
}
