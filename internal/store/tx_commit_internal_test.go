package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// openCancelTestDB opens a SQLite database with one pooled connection: the import's
// connection is the one every later query gets.
func openCancelTestDB(t *testing.T) *DB {
	t.Helper()
	db, err := Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "tagdrop.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.sql.SetMaxOpenConns(1)
	return db
}

// enforced reads foreign-key enforcement on the pool's connection.
func enforced(t *testing.T, db *DB) int64 {
	t.Helper()
	var fk int64
	if err := db.sql.QueryRowContext(context.Background(), `PRAGMA foreign_keys`).Scan(&fk); err != nil {
		t.Fatal(err)
	}
	return fk
}

// An import's own connection (CatalogWriter) reports a context that ended before the commit
// as context.Canceled, like DB.InTx (TestInTxReportsCancellationAfterRollback has both
// databases; this one SQLite), and commits nothing.
func TestCatalogWriterReportsCancellationAfterRollback(t *testing.T) {
	db := openCancelTestDB(t)
	w, err := db.NewCatalogWriter(context.Background(), 0)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err = w.InCatalogTx(ctx, func(tx *CatalogTx) error {
		if _, err := tx.tx.ExecContext(ctx, `INSERT INTO retailers (slug, name, created_at) VALUES ('x', 'X', 0)`); err != nil {
			return err
		}
		cancel()
		return nil
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("InCatalogTx = %v, want context.Canceled", err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	var n int64
	if err := db.sql.QueryRowContext(context.Background(), `SELECT COUNT(*) FROM retailers`).Scan(&n); err != nil || n != 0 {
		t.Errorf("retailers after the cancelled batch = %d (%v), want 0", n, err)
	}
}

// TestCancelledImportLeavesEnforcementOn: an import cancelled in the middle of a statement
// gives its connection back with foreign-key enforcement on. (When database/sql rolled the
// transaction back from its own goroutine, Close could reset the setting before that rollback,
// inside the still open transaction, where SQLite ignores it.)
func TestCancelledImportLeavesEnforcementOn(t *testing.T) {
	for range 3 {
		db := openCancelTestDB(t)
		ctx, cancel := context.WithCancel(context.Background())
		w, err := db.NewCatalogWriter(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		err = w.InCatalogTx(ctx, func(tx *CatalogTx) error {
			time.AfterFunc(50*time.Millisecond, cancel)
			var n int64
			return tx.tx.QueryRowContext(ctx, `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < 1000000000)
				SELECT count(*) FROM c`).Scan(&n)
		})
		if err == nil {
			t.Fatal("the long statement was not interrupted")
		}
		_ = w.Close()
		if fk := enforced(t, db); fk != 1 {
			t.Fatalf("the pool's connection has foreign_keys = %d after a cancelled import, want 1", fk)
		}
	}
}
