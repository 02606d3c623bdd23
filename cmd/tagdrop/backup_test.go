package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

// TestBackupWhileWriting backs a SQLite database up while another connection keeps writing:
// the copy opens as a tagdrop database, passes SQLite's integrity check and holds every row
// committed before the backup began. A second backup to the same file is refused, and so is a
// PostgreSQL database.
func TestBackupWhileWriting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "live.db")
	db := "sqlite:" + dbPath
	conn, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	insert := func(i int) error {
		_, err := conn.SQL().ExecContext(ctx, `INSERT INTO brands (slug, name, created_at) VALUES ($1, $2, 0)`,
			fmt.Sprintf("brand-%d", i), fmt.Sprintf("Brand %d", i))
		return err
	}
	const before = 2000
	for i := range before {
		if err := insert(i); err != nil {
			t.Fatal(err)
		}
	}

	stop := make(chan struct{})
	var wg sync.WaitGroup
	var writeErr error
	wg.Add(1)
	go func() { // keeps writing during the backup
		defer wg.Done()
		for i := before; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := insert(i); err != nil {
				writeErr = err
				return
			}
		}
	}()
	backup := filepath.Join(dir, "copy.db")
	code, out, errOut := runCmd(t, nil, "backup", "--db", db, backup)
	close(stop)
	wg.Wait()
	if code != 0 || !strings.Contains(out, "backed up to "+backup) {
		t.Fatalf("backup: code %d, stdout %q, stderr %q", code, out, errOut)
	}
	if writeErr != nil {
		t.Fatalf("a write during the backup failed: %v", writeErr)
	}

	copyDB, err := store.Open(ctx, "sqlite:"+backup)
	if err != nil {
		t.Fatalf("the backup does not open: %v", err)
	}
	defer copyDB.Close()
	var check string
	if err := copyDB.SQL().QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check of the backup = %q, %v", check, err)
	}
	var n int
	if err := copyDB.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM brands WHERE slug LIKE 'brand-%'`).Scan(&n); err != nil || n < before {
		t.Fatalf("the backup holds %d brands (%v), want at least the %d committed before it", n, err, before)
	}

	code, _, errOut = runCmd(t, nil, "backup", "--db", db, backup)
	if code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("backup over an existing file: code %d, stderr %q", code, errOut)
	}
	if st, err := os.Stat(backup); err != nil || st.Size() == 0 {
		t.Errorf("the refused backup touched the existing copy: %v", err)
	}
	if code, _, errOut = runCmd(t, nil, "backup", "--db", db); code != 2 || !strings.Contains(errOut, "needs one FILE") {
		t.Errorf("backup without FILE: code %d, stderr %q", code, errOut)
	}
	if os.Getenv(storetest.PostgresEnv) != "" {
		url := storetest.PostgresURL(t)
		code, _, errOut = runCmd(t, nil, "backup", "--db", url, filepath.Join(dir, "pg.db"))
		if code != 1 || !strings.Contains(errOut, "pg_dump") {
			t.Errorf("backup of PostgreSQL: code %d, stderr %q; want a pointer to pg_dump", code, errOut)
		}
	}
}
