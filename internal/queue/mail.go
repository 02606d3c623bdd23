package queue

import (
	"context"
	"log/slog"
	"time"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/jobs"
)

// Sending mail on the queue. A digest shard enqueues send jobs for the messages it stored, in
// the transaction that stores them (digests.go); each job sends its messages over one of the
// process's kept SMTP connections (jobs.Sender). The outbox row stays the source of truth —
// queued, leased, sent, failed, due again after a backoff — so a job run twice sends only what
// is not marked sent, and a periodic sweep sends whatever no job carries: account mail, retries
// after a temporary failure, and the messages of a job that never ran.

// MailJobSize is how many messages one send job carries at most. A job's messages go over one
// connection, so smaller jobs spread a digest run over every connection of every worker; 100
// messages take a few seconds on a kept connection, and stay within the job's timeout even at
// two messages a second.
const MailJobSize = 100

// SendJobHold is how long the outbox sweep leaves a send job's messages to that job
// (store.DB.HoldMessages): longer than a send job normally waits in the queue, short enough
// that messages of a job lost for good still go out soon.
const SendJobHold = 10 * time.Minute

// mailSendWorker sends one send job's messages.
type mailSendWorker struct {
	river.WorkerDefaults[MailSendArgs]
	sender  *jobs.Sender
	log     *slog.Logger
	timeout time.Duration
}

// Work sends the job's messages that are still queued and unclaimed. When it stops early (its
// timeout, a shutdown, the database away) it fails, and River runs it again after a backoff.
func (w *mailSendWorker) Work(ctx context.Context, job *river.Job[MailSendArgs]) error {
	c, err := w.sender.SendMessages(ctx, job.Args.MessageIDs)
	w.log.Debug("send job done", "job", job.ID, "attempt", job.Attempt, "messages", len(job.Args.MessageIDs),
		"sent", c.Sent, "failed", c.Failed, "delayed", c.Delayed, "released", c.Released)
	return err
}

// Timeout stops a send job before River's rescuer would take it for a dead worker's.
func (w *mailSendWorker) Timeout(*river.Job[MailSendArgs]) time.Duration { return w.timeout }

// mailSweepWorker is the periodic outbox sweep.
type mailSweepWorker struct {
	river.WorkerDefaults[MailSweepArgs]
	sender  *jobs.Sender
	log     *slog.Logger
	timeout time.Duration
}

// Work sends the due, unclaimed messages; a failure is logged and the next sweep goes on.
func (w *mailSweepWorker) Work(ctx context.Context, _ *river.Job[MailSweepArgs]) error {
	c, err := w.sender.Sweep(ctx)
	switch {
	case err != nil && ctx.Err() == nil:
		w.log.Warn("mail sweep failed", "error", err, "sent", c.Sent)
	case c.Total() > 0:
		w.log.Info("mail sent by the sweep", "sent", c.Sent, "failed", c.Failed, "delayed", c.Delayed, "released", c.Released)
	}
	return nil
}

// Timeout bounds a sweep like a send job; what it leaves the next sweep sends.
func (w *mailSweepWorker) Timeout(*river.Job[MailSweepArgs]) time.Duration { return w.timeout }
