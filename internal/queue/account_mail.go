package queue

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/accountmail"
	"github.com/tagdrop/tagdrop/internal/jobs"
)

// Account mail has a person waiting for it: someone who just signed up or asked for a link. So
// its jobs have a queue of their own (QueueAccount), and a job sends the mail it wrote itself,
// over the process's mail sender, instead of leaving it to the periodic outbox sweep. Neither
// step then waits for the periodic queue, whose workers a slow round can hold for up to an hour
// (TestSignupMailWhilePeriodicQueueIsBusy).

// AccountMailWorkers is how many account mail jobs a process runs at once. A job is a lookup,
// two inserts and (with a mail server) a send, a few milliseconds each: two keep a burst of
// sign-ups moving and leave the mail connections to the digests.
const AccountMailWorkers = 2

// AccountMailer writes the mail of an account request (*accountmail.Mailer).
type AccountMailer interface {
	Send(ctx context.Context, email, purpose, next string) error
}

// accountMailTimeout bounds one account mail job: a lookup, two inserts and the send.
const accountMailTimeout = time.Minute

// accountMailWorker works AccountMailArgs jobs.
type accountMailWorker struct {
	river.WorkerDefaults[AccountMailArgs]
	mailer AccountMailer
	// sender delivers the mail the job wrote; nil (no mail server): it stays in the outbox.
	sender *jobs.Sender
	log    *slog.Logger
}

// Work writes the mail and sends it; a request that can never succeed is cancelled rather than
// retried.
func (w *accountMailWorker) Work(ctx context.Context, job *river.Job[AccountMailArgs]) error {
	err := w.mailer.Send(ctx, job.Args.Email, job.Args.Purpose, job.Args.Next)
	if errors.Is(err, accountmail.ErrBadRequest) {
		return river.JobCancel(err)
	}
	if err != nil || w.sender == nil {
		return err
	}
	w.send(ctx)
	return nil
}

// send delivers the outbox's due, unclaimed messages (jobs.Sender.Sweep): the one the job just
// wrote, and whatever else was due. It never fails the job, which would write a second link on
// its retry: what it cannot send now, the periodic sweep sends later.
func (w *accountMailWorker) send(ctx context.Context) {
	c, err := w.sender.Sweep(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		w.log.Warn("account mail: sending failed; the outbox sweep tries again", "error", err)
	case c.Total() > 0:
		w.log.Debug("account mail sent", "sent", c.Sent, "failed", c.Failed, "delayed", c.Delayed, "released", c.Released)
	}
}

// Timeout bounds the job.
func (w *accountMailWorker) Timeout(*river.Job[AccountMailArgs]) time.Duration {
	return accountMailTimeout
}
