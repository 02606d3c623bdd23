package store

import (
	"context"
	"path/filepath"
	"testing"
)

// TestCatalogWriterRestoresItsConnection: the import connection's big page cache holds while
// it writes and are gone when the
// connection is back in the pool, where the next web read may get it.
func TestCatalogWriterRestoresItsConnection(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "tagdrop.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.sql.SetMaxOpenConns(1) // the writer's connection is the only one there is
	settings := func(q func(string) *int64) [2]int64 {
		return [2]int64{*q("PRAGMA cache_size"), *q("PRAGMA wal_autocheckpoint")} // the latter unchanged
	}
	w, err := db.NewCatalogWriter(ctx, 32<<10)
	if err != nil {
		t.Fatal(err)
	}
	var during [2]int64
	err = w.InCatalogTx(ctx, func(tx *CatalogTx) error {
		during = settings(func(p string) *int64 {
			var v int64
			if err := tx.tx.QueryRowContext(ctx, p).Scan(&v); err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			return &v
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := [2]int64{-32 << 10, 1000}; during != want {
		t.Errorf("while importing: cache_size, wal_autocheckpoint = %v, want %v", during, want)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	after := settings(func(p string) *int64 {
		var v int64
		if err := db.sql.QueryRowContext(ctx, p).Scan(&v); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		return &v
	})
	if want := [2]int64{-defaultCacheKiB, 1000}; after != want {
		t.Errorf("back in the pool: cache_size, wal_autocheckpoint = %v, want %v", after, want)
	}
}
