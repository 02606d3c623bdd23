package queue

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/accountmail"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// fakeAccountMailer records the requests it is given; a "bad" purpose is a request that can
// never succeed.
type fakeAccountMailer struct{ rec *recorder }

func (m fakeAccountMailer) Send(_ context.Context, email, purpose, next string) error {
	if purpose == "bad" {
		return fmt.Errorf("%w: purpose bad", accountmail.ErrBadRequest)
	}
	m.rec.add(purpose + " " + email + " " + next)
	return nil
}

// A working node works account_mail jobs that an insert-only (web) node enqueued, with the
// job's address, purpose and next; a request that can never succeed is cancelled, not retried.
func TestAccountMailJobsRunOnWorkers(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		rec := newRecorder()
		work := &Work{AccountMail: fakeAccountMailer{rec: rec}}
		workers, periodic, err := work.register(db, Config{}.withDefaults())
		if err != nil {
			t.Fatal(err)
		}
		if len(periodic) != 0 {
			t.Fatalf("account mail added %d periodic jobs", len(periodic))
		}
		web, err := New(db, Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for _, args := range []AccountMailArgs{
			{Email: "ada@example.com", Purpose: accountmail.SignIn, Next: "/my-sales"},
			{Email: "bo@example.com", Purpose: "bad"},
		} {
			if err := web.Insert(ctx, args); err != nil {
				t.Fatal(err)
			}
		}
		startNode(t, db, "worker", workers, nil)
		waitFor(t, rec, "signin ada@example.com /my-sales")
		deadline := time.Now().Add(time.Minute)
		for {
			states := map[string]rivertype.JobState{}
			for _, j := range listJobs(t, web, AccountMailArgs{}.Kind()) {
				var args AccountMailArgs
				if err := json.Unmarshal(j.EncodedArgs, &args); err != nil {
					t.Fatal(err)
				}
				states[args.Purpose+" "+args.Email] = j.State
			}
			if states["bad bo@example.com"] == rivertype.JobStateCancelled {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the bad request was not cancelled: %v", states)
			}
			time.Sleep(50 * time.Millisecond)
		}
		if got := rec.seen(); len(got) != 1 {
			t.Errorf("the mailer ran %v, want only the sign-in request", got)
		}
	})
}
