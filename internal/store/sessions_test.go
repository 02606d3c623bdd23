package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "cy@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		_, h1, _ := account.NewSessionToken()
		_, h2, _ := account.NewSessionToken()
		_, old, _ := account.NewSessionToken()
		now := time.Now()
		for _, s := range []struct {
			hash string
			exp  time.Time
		}{{h1, now.Add(time.Hour)}, {h2, now.Add(time.Hour)}, {old, now.Add(-time.Minute)}} {
			if err := db.CreateSession(ctx, s.hash, u.ID, s.exp); err != nil {
				t.Fatal(err)
			}
		}
		if got, err := db.SessionUser(ctx, h1); err != nil || got.ID != u.ID {
			t.Fatalf("SessionUser = %+v, %v", got, err)
		}
		if _, err := db.SessionUser(ctx, old); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("expired session: err = %v", err)
		}
		if n, err := db.DeleteExpiredSessions(ctx); err != nil || n != 1 {
			t.Fatalf("DeleteExpiredSessions = %d, %v", n, err)
		}
		if err := db.DeleteSession(ctx, h1); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionUser(ctx, h1); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("deleted session still valid: %v", err)
		}
		// A password change ends every session.
		if err := db.SetPassword(ctx, u.ID, "new"); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SessionUser(ctx, h2); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("session survived a password change: %v", err)
		}
	})
}

func TestUpdateStatistics(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		if err := db.UpdateStatistics(context.Background()); err != nil {
			t.Fatal(err)
		}
	})
}
