package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
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
		got, first, err := db.VerifyEmailWithToken(ctx, h, "", "v1", now.Add(time.Hour))
		if err != nil || got.ID != u.ID || !got.EmailVerified || !first {
			t.Fatalf("VerifyEmailWithToken = %+v, %t, %v", got, first, err)
		}
		if _, _, err := db.VerifyEmailWithToken(ctx, h, "", "v2", now.Add(time.Hour)); !errors.Is(err, store.ErrNotFound) {
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
				_, err := db.SignInWithToken(ctx, h, "", sess, time.Now().Add(time.Hour))
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
		_, sl := newToken(t, db, u.ID, account.SignInLink, exp)

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
		if _, err := db.SignInWithToken(ctx, sl, "", "s5", exp); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("a sign-in link from before the reset still works: %v", err)
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
		_, s3 := newToken(t, db, u.ID, account.SignInLink, exp)
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
		if _, err := db.ConsumeAccountToken(ctx, account.SignInLink, s3); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("a sign-in link from before the password change still works: %v", err)
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

// An account created by someone who typed another person's address (pre-verification
// takeover): the first link that reaches the address clears the password the sign-up chose and
// ends every session, in the transaction that confirms the address, and only the clicker's new
// session remains. Later links change nothing of the kind.
func TestFirstConfirmationByLinkClearsPasswordAndSessions(t *testing.T) {
	for _, purpose := range []account.Purpose{account.VerifyEmail, account.SignInLink} {
		t.Run(string(purpose), func(t *testing.T) {
			storetest.Each(t, func(t *testing.T, db *store.DB) {
				ctx := context.Background()
				exp := time.Now().Add(time.Hour)
				u, err := db.CreateUser(ctx, "victim@example.com", account.Shopper, "attacker-hash", false)
				if err != nil {
					t.Fatal(err)
				}
				if err := db.CreateSession(ctx, "attacker", u.ID, exp); err != nil {
					t.Fatal(err)
				}
				use := func(h, clicker, fresh string) (account.User, error) {
					if purpose == account.VerifyEmail {
						got, _, err := db.VerifyEmailWithToken(ctx, h, clicker, fresh, exp)
						return got, err
					}
					return db.SignInWithToken(ctx, h, clicker, fresh, exp)
				}
				_, h := newToken(t, db, u.ID, purpose, exp)
				got, err := use(h, "", "owner")
				if err != nil {
					t.Fatal(err)
				}
				if !got.EmailVerified || got.PasswordHash != "" {
					t.Fatalf("after the first confirmation: verified %t, password hash %q; want verified and no password",
						got.EmailVerified, got.PasswordHash)
				}
				if _, err := db.SessionUser(ctx, "attacker"); !errors.Is(err, store.ErrNotFound) {
					t.Fatalf("the sign-up's session survived the confirmation: %v", err)
				}
				if su, err := db.SessionUser(ctx, "owner"); err != nil || su.ID != u.ID {
					t.Fatalf("the clicker's new session: %+v, %v", su, err)
				}
				// Confirmed now: a later link neither clears a password set since nor ends sessions.
				if err := db.ChangePassword(ctx, u.ID, "owner-hash", "owner"); err != nil {
					t.Fatal(err)
				}
				_, h2 := newToken(t, db, u.ID, purpose, exp)
				if _, err := use(h2, "", "later"); err != nil {
					t.Fatal(err)
				}
				if got, _ := db.UserByID(ctx, u.ID); got.PasswordHash != "owner-hash" {
					t.Fatalf("a later link cleared the password: %q", got.PasswordHash)
				}
				if _, err := db.SessionUser(ctx, "owner"); err != nil {
					t.Fatalf("a later link ended a session: %v", err)
				}
			})
		})
	}
}

// A shopper who signed up and opens the verification link in the same signed-in browser holds
// both the password and the mailbox: the password stays, the other sessions still end.
func TestFirstConfirmationKeepsPasswordOfSignedInClicker(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		exp := time.Now().Add(time.Hour)
		u, err := db.CreateUser(ctx, "fay@example.com", account.Shopper, "own-hash", false)
		if err != nil {
			t.Fatal(err)
		}
		other, err := db.CreateUser(ctx, "gus@example.com", account.Shopper, "", true)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range [][2]any{{"signup", u.ID}, {"elsewhere", u.ID}, {"gus", other.ID}} {
			if err := db.CreateSession(ctx, s[0].(string), s[1].(int64), exp); err != nil {
				t.Fatal(err)
			}
		}
		_, h := newToken(t, db, u.ID, account.VerifyEmail, exp)
		// Someone else's session in the clicking browser does not count as the account's own.
		got, first, err := db.VerifyEmailWithToken(ctx, h, "gus", "fresh", exp)
		if err != nil || !first || got.PasswordHash != "" {
			t.Fatalf("clicked with another account's session: first %t, hash %q, %v", first, got.PasswordHash, err)
		}

		u2, err := db.CreateUser(ctx, "hal@example.com", account.Shopper, "hal-hash", false)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"hal-signup", "hal-elsewhere"} {
			if err := db.CreateSession(ctx, s, u2.ID, exp); err != nil {
				t.Fatal(err)
			}
		}
		_, h2 := newToken(t, db, u2.ID, account.VerifyEmail, exp)
		got, first, err = db.VerifyEmailWithToken(ctx, h2, "hal-signup", "hal-fresh", exp)
		if err != nil || !first || got.PasswordHash != "hal-hash" {
			t.Fatalf("clicked in the signed-in browser: first %t, hash %q, %v; want the password kept", first, got.PasswordHash, err)
		}
		if n, _ := db.CountSessions(ctx, u2.ID); n != 1 {
			t.Fatalf("%d sessions after the first confirmation, want only the fresh one", n)
		}
		if _, err := db.SessionUser(ctx, "gus"); err != nil {
			t.Fatalf("another account's session ended: %v", err)
		}
	})
}

// Dropped link requests left by an older tagdrop go with the expired tokens, a day after they
// were made; queued mail stays.
func TestDroppedRequestsAreSwept(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now()
		db.SetClock(func() time.Time { return now })
		for i, status := range []string{store.DroppedStatus, string(notify.Queued)} {
			if _, err := db.SQL().ExecContext(ctx, `INSERT INTO messages (kind, message_id, to_addr, subject, text_body, html_body, status, last_error, created_at)
				VALUES ($1, $2, 'nobody@example.com', 'Reset', '', '', $3, '', $4)`,
				string(notify.KindReset), fmt.Sprintf("<%d@t>", i), status, now.UnixMilli()); err != nil {
				t.Fatal(err)
			}
		}
		now = now.Add(25 * time.Hour)
		if _, err := db.DeleteExpiredAccountTokens(ctx); err != nil {
			t.Fatal(err)
		}
		var statuses []string
		rows, err := db.SQL().QueryContext(ctx, `SELECT status FROM messages`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				t.Fatal(err)
			}
			statuses = append(statuses, s)
		}
		rows.Close()
		if len(statuses) != 1 || statuses[0] != string(notify.Queued) {
			t.Fatalf("messages after the sweep: %v; want only the queued mail", statuses)
		}
	})
}
