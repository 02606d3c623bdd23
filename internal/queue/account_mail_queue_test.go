package queue

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/accountmail"
	"github.com/tagdrop/tagdrop/internal/jobs"
	"github.com/tagdrop/tagdrop/internal/notify"
	"github.com/tagdrop/tagdrop/internal/notify/smtptest"
	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// stuckSessions is a session store whose sweep holds its worker until the test ends: a long
// periodic round.
type stuckSessions struct{ running atomic.Int32 }

func (s *stuckSessions) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	s.running.Add(1)
	defer s.running.Add(-1)
	<-ctx.Done()
	return 0, ctx.Err()
}

func (s *stuckSessions) DeleteExpiredAccountTokens(context.Context) (int64, error) { return 0, nil }

// A sign-up's verification mail is written and delivered to a real SMTP server while every
// worker of the periodic queue is held by a long round (and so is the periodic outbox sweep):
// account mail has a queue of its own and its job delivers what it wrote.
func TestSignupMailWhilePeriodicQueueIsBusy(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		if _, err := db.CreateUser(ctx, "ada@example.com", account.Shopper, "", false); err != nil {
			t.Fatal(err)
		}
		srv := smtptest.Start(t, smtptest.Options{})
		sender := jobs.NewSender(db, transportTo(srv.Addr), jobs.SenderConfig{Connections: 1}, quietLog)
		t.Cleanup(sender.Close) // after the queue stops
		sessions := &stuckSessions{}
		q := startWorking(t, db, Config{ID: "worker", PollInterval: 50 * time.Millisecond,
			Periods: Periods{Sessions: time.Hour, MailSweep: time.Hour}},
			&Work{Sessions: sessions, Mail: sender, AccountMail: accountmail.New(db, "https://tagdrop.example", quietLog)})

		// Fill the periodic queue: one more sweep than it has workers (the leader's own sweep
		// "on start" is a further one).
		for range periodicKinds + 1 {
			if _, err := q.River().Insert(ctx, SessionSweepArgs{}, &river.InsertOpts{Queue: QueuePeriodic}); err != nil {
				t.Fatal(err)
			}
		}
		waitUntil(t, "every periodic worker busy", func() bool { return sessions.running.Load() == periodicKinds })
		if n := runningOn(t, q, QueuePeriodic); n != periodicKinds {
			t.Fatalf("%d jobs running on the periodic queue, want %d", n, periodicKinds)
		}

		web, err := New(db, Config{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := web.Insert(ctx, AccountMailArgs{Email: "ada@example.com", Purpose: accountmail.SignUp}); err != nil {
			t.Fatal(err)
		}
		if !srv.Wait(1, time.Minute) {
			t.Fatalf("no sign-up mail reached the SMTP server in a minute while the periodic queue was busy (%d running there)",
				runningOn(t, q, QueuePeriodic))
		}
		m := srv.Messages()[0]
		if len(m.To) != 1 || m.To[0] != "ada@example.com" || !strings.Contains(string(m.Data), "https://tagdrop.example/") {
			t.Errorf("delivered %v carrying %.200q, want ada's verification link", m.To, m.Data)
		}
		if got := sessions.running.Load(); got != periodicKinds {
			t.Errorf("%d periodic rounds still running when the mail arrived, want all %d", got, periodicKinds)
		}
		waitUntil(t, "the mail recorded as sent", func() bool {
			c, _ := db.OutboxCounts(ctx)
			return c[notify.Sent] == 1
		})
		waitUntil(t, "the account mail job completed", func() bool {
			js := listJobs(t, q, AccountMailArgs{}.Kind())
			return len(js) == 1 && js[0].State == rivertype.JobStateCompleted
		})
		if j := listJobs(t, q, AccountMailArgs{}.Kind())[0]; j.Queue != QueueAccount {
			t.Errorf("the account mail job ran on queue %q, want %q", j.Queue, QueueAccount)
		}
	})
}

// runningOn counts the jobs running on queue.
func runningOn(t *testing.T, q *Queue, queue string) int {
	t.Helper()
	res, err := q.River().JobList(context.Background(),
		river.NewJobListParams().Queues(queue).States(rivertype.JobStateRunning).First(1000))
	if err != nil {
		t.Fatal(err)
	}
	return len(res.Jobs)
}
