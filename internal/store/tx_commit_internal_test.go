package store

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"runtime"
	"testing"
)

// An import's own connection (CatalogWriter) reports a cancellation that database/sql's
// watcher turned into a rollback before Commit as context.Canceled, like DB.InTx
// (TestInTxReportsCancellationAfterRollback has both databases; this one SQLite).
func TestCatalogWriterReportsCancellationAfterRollback(t *testing.T) {
	db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "tagdrop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	w, err := db.NewCatalogWriter(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err = w.InCatalogTx(ctx, func(tx *CatalogTx) error {
		cancel()
		for { // until the watcher has rolled back: a done transaction refuses every statement
			if _, err := tx.tx.ExecContext(context.Background(), `SELECT 1`); errors.Is(err, sql.ErrTxDone) {
				return nil
			}
			runtime.Gosched()
		}
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("InCatalogTx = %v, want context.Canceled", err)
	}
}
