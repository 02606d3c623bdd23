package queue

import (
	"context"
	"errors"
	"time"

	"github.com/riverqueue/river"

	"github.com/tagdrop/tagdrop/internal/accountmail"
)

// AccountMailer writes the mail of an account request (*accountmail.Mailer).
type AccountMailer interface {
	Send(ctx context.Context, email, purpose, next string) error
}

// accountMailTimeout bounds one account mail job: a lookup and two inserts.
const accountMailTimeout = time.Minute

// accountMailWorker works AccountMailArgs jobs.
type accountMailWorker struct {
	river.WorkerDefaults[AccountMailArgs]
	mailer AccountMailer
}

// Work writes the mail; a request that can never succeed is cancelled rather than retried.
func (w *accountMailWorker) Work(ctx context.Context, job *river.Job[AccountMailArgs]) error {
	err := w.mailer.Send(ctx, job.Args.Email, job.Args.Purpose, job.Args.Next)
	if errors.Is(err, accountmail.ErrBadRequest) {
		return river.JobCancel(err)
	}
	return err
}

// Timeout bounds the job.
func (w *accountMailWorker) Timeout(*river.Job[AccountMailArgs]) time.Duration {
	return accountMailTimeout
}
