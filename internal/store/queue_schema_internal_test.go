package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"sync"
	"testing"
)

// River's migrations run from several processes at once on a fresh PostgreSQL (as when a
// cluster starts) all succeed, each version recorded once: the advisory lock serialises them.
// (store.Open's goose step has its own lock; this calls the River step directly, all at once.)
func TestQueueMigrationsConcurrentStarts(t *testing.T) {
	server := os.Getenv("TAGDROP_TEST_POSTGRES")
	if server == "" {
		t.Skip("PostgreSQL tests skipped: set TAGDROP_TEST_POSTGRES to a server URL")
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", server)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	var buf [6]byte
	_, _ = rand.Read(buf[:])
	name := "tagdrop_test_" + hex.EncodeToString(buf[:])
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	defer admin.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)") //nolint:errcheck
	u, err := url.Parse(server)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	loc, err := ParseLocation(u.String())
	if err != nil {
		t.Fatal(err)
	}
	const starts = 4
	dbs := make([]*DB, starts)
	for i := range dbs {
		if dbs[i], err = openPostgres(ctx, loc); err != nil {
			t.Fatal(err)
		}
		defer dbs[i].Close()
	}
	errs := make([]error, starts)
	var wg sync.WaitGroup
	for i, db := range dbs {
		wg.Go(func() { errs[i] = db.migrateQueue(ctx) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("process %d: %v", i, err)
		}
	}
	var versions, distinct int
	if err := dbs[0].sql.QueryRowContext(ctx, "SELECT COUNT(*), COUNT(DISTINCT version) FROM river_migration").Scan(&versions, &distinct); err != nil {
		t.Fatal(err)
	}
	if versions == 0 || versions != distinct {
		t.Errorf("river_migration holds %d rows for %d versions, want each version once", versions, distinct)
	}
	if err := dbs[1].migrateQueue(ctx); err != nil { // idempotent
		t.Errorf("second migration: %v", err)
	}
}
