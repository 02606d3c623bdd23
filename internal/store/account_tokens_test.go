package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func newToken(t *testing.T, db *store.DB, userID int64, p account.Purpose, expires time.Time) (token, hash string) {
	t.Helper()
	token, hash, err := account.NewLinkToken()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.CreateAccountToken(context.Background(), userID, p, hash, expires); err != nil {
		t.Fatal(err)
	}
	return token, hash
}

func TestAccountTokensWorkOnceForTheirPurposeBeforeExpiry(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now()
		db.SetClock(func() time.Time { return now })
		u, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", false)
		if err != nil {
			t.Fatal(err)
		}
		_, h := newToken(t, db, u.ID, account.VerifyEmail, now.Add(time.Hour))

		// Looking at a token changes nothing, however often.
		for range 2 {
			got, err := db.AccountTokenUser(ctx, account.VerifyEmail, h)
			if err != nil || got.ID != u.ID {
				t.Fatalf("AccountTokenUser = %+v, %v", got, err)
			}
		}
		// The wrong purpose is refused and does not use the token up.
		if _, err := db.ConsumeAccountToken(ctx, account.SignInLink, h); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("verify token used as sign-in link: err = %v, want ErrNotFound", err)
		}
		if _, err := db.AccountTokenUser(ctx, account.SignInLink, h); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("AccountTokenUser with the wrong purpose: err = %v", err)
		}
		got, err := db.VerifyEmailWithToken(ctx, h)
		if err != nil || got.ID != u.ID || !got.EmailVerified {
			t.Fatalf("VerifyEmailWithToken = %+v, %v", got, err)
		}
		if _, err := db.VerifyEmailWithToken(ctx, h); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("second use: err = %v, want ErrNotFound", err)
		}
		if _, err := db.AccountTokenUser(ctx, account.VerifyEmail, h); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("a used token still looks valid: err = %v", err)
		}
		if _, err := db.ConsumeAccountToken(ctx, account.VerifyEmail, "no-such-hash"); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown token: err = %v", err)
		}

		// Expiry: valid a minute before, refused at and after.
		_, h2 := newToken(t, db, u.ID, account.SignInLink, now.Add(20*time.Minute))
		db.SetClock(func() time.Time { return now.Add(20 * time.Minute) })
		if _, err := db.AccountTokenUser(ctx, account.SignInLink, h2); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("expired token looks valid: err = %v", err)
		}
		if _, err := db.ConsumeAccountToken(ctx, account.SignInLink, h2); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("expired token used: err = %v", err)
		}
		db.SetClock(func() time.Time { return now.Add(19 * time.Minute) })
		if id, err := db.ConsumeAccountToken(ctx, account.SignInLink, h2); err != nil || id != u.ID {
			t.Fatalf("token before expiry: %d, %v", id, err)
		}
		db.SetClock(func() time.Time { return now.Add(48 * time.Hour) })
		if n, err := db.DeleteExpiredAccountTokens(ctx); err != nil || n != 2 {
			t.Fatalf("DeleteExpiredAccountTokens = %d, %v; want 2", n, err)
		}

		if err := db.CreateAccountToken(ctx, u.ID, account.Purpose("admin"), "x", now); err == nil {
			t.Fatal("an unknown purpose was accepted")
		}
	})
}

func TestAccountTokenConcurrentUseSucceedsOnce(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "bo@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		_, h := newToken(t, db, u.ID, account.SignInLink, time.Now().Add(time.Hour))
		const n = 8
		var wg sync.WaitGroup
		results := make(chan error, n)
		for range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, sess, _ := account.NewSessionToken()
				_, err := db.SignInWithToken(ctx, h, sess, time.Now().Add(time.Hour))
				results <- err
			}()
		}
		wg.Wait()
		close(results)
		ok := 0
		for err := range results {
			switch {
			case err == nil:
				ok++
			case errors.Is(err, store.ErrNotFound):
			default:
				t.Errorf("concurrent use: unexpected error %v", err)
			}
		}
		if ok != 1 {
			t.Fatalf("%d of %d concurrent uses of one token succeeded, want exactly 1", ok, n)
		}
		if c, err := db.CountSessions(ctx, u.ID); err != nil || c != 1 {
			t.Fatalf("sessions after concurrent sign-in = %d, %v; want 1", c, err)
		}
	})
}

func TestResetPasswordWithTokenRevokesSessions(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "cy@example.com", account.Shopper, "old-hash", false)
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateUser(ctx, "di@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		exp := time.Now().Add(time.Hour)
		for _, s := range []string{"s1", "s2"} {
			if err := db.CreateSession(ctx, s, u.ID, exp); err != nil {
				t.Fatal(err)
			}
		}
		if err := db.CreateSession(ctx, "other", other.ID, exp); err != nil {
			t.Fatal(err)
		}
		_, h1 := newToken(t, db, u.ID, account.ResetPassword, exp)
		_, h2 := newToken(t, db, u.ID, account.ResetPassword, exp)

		got, err := db.ResetPasswordWithToken(ctx, h1, "new-hash", "fresh", exp)
		if err != nil {
			t.Fatal(err)
		}
		if got.PasswordHash != "new-hash" || !got.EmailVerified {
			t.Fatalf("after reset user = %+v", got)
		}
		for _, s := range []string{"s1", "s2"} {
			if _, err := db.SessionUser(ctx, s); !errors.Is(err, store.ErrNotFound) {
				t.Errorf("session %s survived the reset: %v", s, err)
			}
		}
		if su, err := db.SessionUser(ctx, "fresh"); err != nil || su.ID != u.ID {
			t.Fatalf("the new session: %+v, %v", su, err)
		}
		if _, err := db.SessionUser(ctx, "other"); err != nil {
			t.Fatalf("another user's session ended: %v", err)
		}
		// The second reset link sent earlier no longer works.
		if _, err := db.ResetPasswordWithToken(ctx, h2, "attacker-hash", "s3", exp); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("an older reset link still works: %v", err)
		}
		// A failed reset leaves everything as it was: the fresh session, the new hash.
		if u2, _ := db.UserByID(ctx, u.ID); u2.PasswordHash != "new-hash" {
			t.Fatalf("password after refused reset = %q", u2.PasswordHash)
		}

		// Changing the password keeps only the session that made the change.
		if err := db.CreateSession(ctx, "s4", u.ID, exp); err != nil {
			t.Fatal(err)
		}
		_, h3 := newToken(t, db, u.ID, account.ResetPassword, exp)
		if err := db.ChangePassword(ctx, u.ID, "changed-hash", "s4"); err != nil {
			t.Fatal(err)
		}
		if n, _ := db.CountSessions(ctx, u.ID); n != 1 {
			t.Fatalf("%d sessions after a password change, want 1", n)
		}
		if _, err := db.SessionUser(ctx, "s4"); err != nil {
			t.Fatalf("the changing session ended: %v", err)
		}
		if _, err := db.ConsumeAccountToken(ctx, account.ResetPassword, h3); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("a reset link from before the password change still works: %v", err)
		}
		// Deleting the user takes its tokens with it.
		_, h4 := newToken(t, db, u.ID, account.SignInLink, exp)
		if err := db.DeleteUser(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if _, err := db.ConsumeAccountToken(ctx, account.SignInLink, h4); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("a deleted user's link works: %v", err)
		}
	})
}

func TestMarkEmailVerified(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		u, err := db.CreateUser(ctx, "ed@example.com", account.Shopper, "", false)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.MarkEmailVerified(ctx, u.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.UserByID(ctx, u.ID); !got.EmailVerified {
			t.Fatal("not verified after MarkEmailVerified")
		}
		if err := db.MarkEmailVerified(ctx, u.ID+100); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("unknown user: %v", err)
		}
	})
}
