package store_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// SignUp creates an unconfirmed account with preferences for a fresh address, leaves a taken
// one exactly as it was, calls enqueue inside its transaction either way, and rolls back with
// it.
func TestSignUpFreshTakenAndRolledBack(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		enqueued := 0
		enqueue := func(*sql.Tx) error { enqueued++; return nil }
		if err := db.SignUp(ctx, "ivy@example.com", "hash-1", enqueue); err != nil {
			t.Fatal(err)
		}
		u, err := db.UserByEmail(ctx, "ivy@example.com")
		if err != nil {
			t.Fatal(err)
		}
		if u.EmailVerified || u.PasswordHash != "hash-1" || u.Role != account.Shopper {
			t.Fatalf("new account = %+v", u)
		}
		if _, err := db.Preferences(ctx, u.ID); err != nil {
			t.Fatalf("preferences of the new account: %v", err)
		}
		if err := db.SignUp(ctx, "ivy@example.com", "hash-2", enqueue); err != nil {
			t.Fatalf("sign-up of a taken address: %v", err)
		}
		if again, _ := db.UserByEmail(ctx, "ivy@example.com"); again.PasswordHash != "hash-1" || again.ID != u.ID {
			t.Fatalf("a second sign-up changed the account: %+v", again)
		}
		if enqueued != 2 {
			t.Fatalf("enqueue ran %d times, want once per sign-up", enqueued)
		}
		boom := errors.New("queue down")
		if err := db.SignUp(ctx, "jo@example.com", "hash-3", func(*sql.Tx) error { return boom }); !errors.Is(err, boom) {
			t.Fatalf("SignUp with a failing enqueue = %v", err)
		}
		if _, err := db.UserByEmail(ctx, "jo@example.com"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("the account of a rolled-back sign-up exists: %v", err)
		}
	})
}

// The verification link keeps the sign-up password only when told to, opens one session and
// ends the others the first time, and works once.
func TestConfirmSignupWithToken(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		expires := time.Now().Add(time.Hour)
		for _, keep := range []bool{true, false} {
			email := map[bool]string{true: "keep@example.com", false: "clear@example.com"}[keep]
			if err := db.SignUp(ctx, email, "hash", func(*sql.Tx) error { return nil }); err != nil {
				t.Fatal(err)
			}
			u, _ := db.UserByEmail(ctx, email)
			if err := db.CreateSession(ctx, "old-"+email, u.ID, expires); err != nil {
				t.Fatal(err)
			}
			if err := db.CreateAccountToken(ctx, u.ID, account.VerifyEmail, "tok-"+email, expires); err != nil {
				t.Fatal(err)
			}
			got, first, err := db.ConfirmSignupWithToken(ctx, "tok-"+email, keep, "", "new-"+email, expires)
			if err != nil || !first {
				t.Fatalf("keep=%t: first %t, %v", keep, first, err)
			}
			if !got.EmailVerified || (got.PasswordHash == "hash") != keep {
				t.Fatalf("keep=%t: verified %t, password %q", keep, got.EmailVerified, got.PasswordHash)
			}
			if n, _ := db.CountSessions(ctx, u.ID); n != 1 {
				t.Fatalf("keep=%t: %d sessions, want only the new one", keep, n)
			}
			if _, err := db.SessionUser(ctx, "new-"+email); err != nil {
				t.Fatalf("keep=%t: the new session does not open: %v", keep, err)
			}
			if _, _, err := db.ConfirmSignupWithToken(ctx, "tok-"+email, keep, "", "newer-"+email, expires); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("keep=%t: second use = %v, want ErrNotFound", keep, err)
			}
			// A later link to the confirmed address only uses its token: no session, no change.
			if err := db.CreateAccountToken(ctx, u.ID, account.VerifyEmail, "tok2-"+email, expires); err != nil {
				t.Fatal(err)
			}
			if _, first, err := db.ConfirmSignupWithToken(ctx, "tok2-"+email, false, "", "later-"+email, expires); err != nil || first {
				t.Fatalf("keep=%t: confirming again: first %t, %v", keep, first, err)
			}
			if _, err := db.SessionUser(ctx, "later-"+email); !errors.Is(err, store.ErrNotFound) {
				t.Fatalf("keep=%t: a second confirmation opened a session: %v", keep, err)
			}
		}
	})
}
