package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// commitTx commits tx, begun with ctx, and reports a cancellation as ctx's error. When ctx
// ends while the transaction is open (a shutdown, a job's timeout, an import cancelled after a
// batch's last statement), database/sql's watcher goroutine rolls the transaction back, and
// Commit says ErrTxDone if the watcher got there first or ctx's error if Commit did. Either way
// nothing was committed because ctx ended, so callers get context.Canceled (or
// DeadlineExceeded) whichever won the race.
func commitTx(ctx context.Context, tx *sql.Tx) error {
	err := tx.Commit()
	if err == nil {
		return nil
	}
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, sql.ErrTxDone) {
		err = ctxErr
	}
	return fmt.Errorf("commit: %w", err)
}
