package main

import (
	"context"
	"net/http"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/queue"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// A web node answers a password reset request by enqueueing its account_mail job and writes no
// mail itself; a worker node works the job and the reset mail reaches the outbox.
func TestServeAccountMailRunsOnWorkers(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: skipping the account mail role test (starts two serve processes per database)")
	}
	for _, dialect := range []string{"sqlite", "postgres"} {
		t.Run(dialect, func(t *testing.T) {
			loc := "sqlite:" + filepath.Join(t.TempDir(), "accounts.db")
			if dialect == "postgres" {
				loc = storetest.PostgresURL(t)
			}
			webURL := startServeRole(t, loc, "web")
			ctx := context.Background()
			db, err := store.Open(ctx, loc)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", true); err != nil {
				t.Fatal(err)
			}
			client := &http.Client{Timeout: 30 * time.Second}
			res, err := client.PostForm(webURL+"/password/forgot", url.Values{"email": {"ada@example.com"}})
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != http.StatusOK {
				t.Fatalf("POST /password/forgot on the web node: %d", res.StatusCode)
			}
			q, err := queue.New(db, queue.Config{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			jobs, err := q.River().JobList(ctx, river.NewJobListParams().Kinds(queue.AccountMailArgs{}.Kind()))
			if err != nil {
				t.Fatal(err)
			}
			if len(jobs.Jobs) != 1 || jobs.Jobs[0].State != rivertype.JobStateAvailable {
				t.Fatalf("account_mail jobs after the request: %d, want 1 waiting", len(jobs.Jobs))
			}
			if n := resetMails(t, db); n != 0 {
				t.Fatalf("the web node wrote %d reset mails itself", n)
			}

			startServeRole(t, loc, "worker")
			deadline := time.Now().Add(time.Minute)
			for resetMails(t, db) != 1 {
				if time.Now().After(deadline) {
					t.Fatal("the worker node did not write the reset mail within a minute")
				}
				time.Sleep(50 * time.Millisecond)
			}
		})
	}
}

// resetMails counts the password reset mails in the outbox.
func resetMails(t *testing.T, db *store.DB) int {
	t.Helper()
	msgs, err := db.Outbox(context.Background(), 100)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range msgs {
		if m.Kind == notify.KindReset && m.To == "ada@example.com" {
			n++
		}
	}
	return n
}
