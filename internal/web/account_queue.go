package web

import (
	"context"
	"database/sql"
	"errors"

	"github.com/riverqueue/river"
)

// AccountMailQueue is where sign-up, password reset and sign-in-link requests put their
// account_mail job (*queue.Queue; queue.AccountMailArgs). The request does nothing else that
// depends on the address, so its answer and timing are the same for an address with an
// account and one without; the job decides what to mail, off the request path.
type AccountMailQueue interface {
	// Insert enqueues a job on its own.
	Insert(ctx context.Context, args river.JobArgs) error
	// InsertTx enqueues a job inside tx: it exists only if tx commits.
	InsertTx(ctx context.Context, tx *sql.Tx, args river.JobArgs) error
}

// errNoAccountMail means this server was started without a job queue for account mail.
var errNoAccountMail = errors.New("account mail: no job queue configured (web.Config.AccountMail)")
