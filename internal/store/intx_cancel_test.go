package store_test

import (
	"context"
	"database/sql"
	"errors"
	"runtime"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// A context cancelled after the transaction's last statement makes InTx report
// context.Canceled, also when database/sql's watcher has already rolled the transaction back
// (Commit alone would then say ErrTxDone: the race a cancelled import once lost under -race).
// The test waits for the watcher's rollback before returning from fn, so it always takes the
// side of the race that used to report ErrTxDone; nothing is committed.
func TestInTxReportsCancellationAfterRollback(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		err := db.InTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ('intx-cancel', 'x')`); err != nil {
				return err
			}
			cancel()
			for { // until the watcher has rolled back: a done transaction refuses every statement
				_, err := tx.ExecContext(context.Background(), `SELECT 1`)
				if errors.Is(err, sql.ErrTxDone) {
					return nil
				}
				runtime.Gosched()
			}
		})
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("InTx = %v, want context.Canceled", err)
		}
		var n int
		if err := db.SQL().QueryRowContext(context.Background(), `SELECT COUNT(*) FROM settings WHERE key = 'intx-cancel'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Fatal("the cancelled transaction was committed")
		}
	})
}
