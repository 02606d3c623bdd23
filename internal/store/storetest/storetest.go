// Package storetest gives tests a real, fresh tagdrop database: a SQLite file in a temporary
// folder always, and a PostgreSQL database of its own when TAGDROP_TEST_POSTGRES names a server.
package storetest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
)

// PostgresEnv is the variable that enables the PostgreSQL half of the store tests.
const PostgresEnv = "TAGDROP_TEST_POSTGRES"

// SQLite opens a migrated SQLite database in a fresh temporary folder.
func SQLite(tb testing.TB) *store.DB {
	tb.Helper()
	return mustOpen(tb, "sqlite:"+filepath.Join(tb.TempDir(), "tagdrop.db"))
}

// PostgresURL creates a fresh, empty PostgreSQL database for this test and returns its URL; the
// database is dropped when the test ends. Without TAGDROP_TEST_POSTGRES the test is skipped.
func PostgresURL(tb testing.TB) string {
	tb.Helper()
	server := os.Getenv(PostgresEnv)
	if server == "" {
		tb.Skipf("PostgreSQL tests skipped: set %s to a server URL, e.g. %s=postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", PostgresEnv, PostgresEnv)
	}
	admin, err := sql.Open("pgx", server)
	if err != nil {
		tb.Fatalf("%s: %v", PostgresEnv, err)
	}
	defer admin.Close()
	var buf [6]byte
	_, _ = rand.Read(buf[:])
	name := "tagdrop_test_" + hex.EncodeToString(buf[:])
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database on %s: %v", PostgresEnv, err)
	}
	tb.Cleanup(func() {
		a, err := sql.Open("pgx", server)
		if err != nil {
			return
		}
		defer a.Close()
		if _, err := a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			tb.Logf("drop test database %s: %v", name, err)
		}
	})
	u, err := url.Parse(server)
	if err != nil {
		tb.Fatalf("%s is not a URL: %v", PostgresEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}

// Postgres opens a migrated PostgreSQL database of the test's own (see PostgresURL).
func Postgres(tb testing.TB) *store.DB {
	tb.Helper()
	return mustOpen(tb, PostgresURL(tb))
}

// Each runs fn as a subtest against SQLite and against PostgreSQL (the latter skipped, with a
// message saying how to enable it, when no server is configured).
func Each(t *testing.T, fn func(t *testing.T, db *store.DB)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, SQLite(t)) })
	t.Run("postgres", func(t *testing.T) { fn(t, Postgres(t)) })
}

func mustOpen(tb testing.TB, loc string) *store.DB {
	tb.Helper()
	db, err := store.Open(context.Background(), loc)
	if err != nil {
		tb.Fatalf("open %s: %v", loc, err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}
