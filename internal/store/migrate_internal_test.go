package store

import (
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestFailedMigrationIsAtomic adds a second migration whose first statement works and whose
// second fails: afterwards the schema must be as it was, version and tables alike.
func TestFailedMigrationIsAtomic(t *testing.T) {
	ctx := context.Background()
	loc, err := ParseLocation("sqlite:" + filepath.Join(t.TempDir(), "m.db"))
	if err != nil {
		t.Fatal(err)
	}
	db, err := openSQLite(ctx, loc) // not migrated: the test brings it to version 1 itself
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sub, err := fs.Sub(migrations, "migrations/sqlite")
	if err != nil {
		t.Fatal(err)
	}
	first, err := fs.ReadFile(sub, "00001_initial.sql")
	if err != nil {
		t.Fatal(err)
	}
	base, err := db.providerFor(fstest.MapFS{"00001_initial.sql": {Data: first}})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.migrateWith(ctx, base); err != nil {
		t.Fatal(err)
	}
	files := fstest.MapFS{
		"00001_initial.sql": {Data: first},
		"00002_broken.sql":  {Data: []byte("-- +goose Up\nCREATE TABLE half_done (x INTEGER);\nALTER TABLE no_such_table ADD COLUMN y INTEGER;\n")},
	}
	p, err := db.providerFor(files)
	if err != nil {
		t.Fatal(err)
	}
	err = db.migrateWith(ctx, p)
	if err == nil || !strings.Contains(err.Error(), "schema left at its previous version") {
		t.Fatalf("broken migration: err = %v", err)
	}
	cur, _, err := p.GetVersions(ctx)
	if err != nil || cur != 1 {
		t.Fatalf("version after failed migration = %d, %v; want 1", cur, err)
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE name = 'half_done'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("table from the failed migration exists (count %d, err %v)", n, err)
	}
}
