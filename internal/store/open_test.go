package store_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tagdrop/tagdrop/internal/store"
	"github.com/tagdrop/tagdrop/internal/store/storetest"
)

func TestParseLocation(t *testing.T) {
	tests := []struct {
		name, in string
		dialect  store.Dialect
		wantErr  string
	}{
		{name: "default sqlite", in: "sqlite:tagdrop.db", dialect: store.SQLite},
		{name: "bare path", in: "data/x.db", dialect: store.SQLite},
		{name: "postgres", in: "postgres://u:secret@localhost:5432/x", dialect: store.Postgres},
		{name: "postgres password parameter", in: "postgres://u@localhost:5432/x?sslmode=disable&password=secret", dialect: store.Postgres},
		{name: "empty", in: "", wantErr: "empty"},
		{name: "unknown scheme", in: "mysql://root@localhost/x", wantErr: "not understood"},
		{name: "no file", in: "sqlite:", wantErr: "names no file"},
		{name: "postgres without host", in: "postgres:///x", wantErr: "no host"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loc, err := store.ParseLocation(tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || loc.Dialect != tt.dialect {
				t.Fatalf("loc = %+v, err = %v", loc, err)
			}
			if strings.Contains(loc.Redacted, "secret") {
				t.Errorf("redacted location leaks the password: %s", loc.Redacted)
			}
		})
	}
}

func TestOpenBadSQLite(t *testing.T) {
	dir := t.TempDir()
	corrupt := filepath.Join(dir, "corrupt.db")
	if err := os.WriteFile(corrupt, []byte(strings.Repeat("this is not sqlite ", 400)), 0o644); err != nil {
		t.Fatal(err)
	}
	readonly := filepath.Join(dir, "ro", "x.db")
	os.MkdirAll(filepath.Dir(readonly), 0o755)
	db, err := store.Open(context.Background(), "sqlite:"+readonly)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	for _, f := range []string{readonly, readonly + "-wal", readonly + "-shm"} {
		os.Chmod(f, 0o444)
	}
	os.Chmod(filepath.Dir(readonly), 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Dir(readonly), 0o755) })

	tests := []struct{ name, loc, want string }{
		{"corrupt", "sqlite:" + corrupt, "not a SQLite database"},
		{"missing folder", "sqlite:" + filepath.Join(dir, "nope", "x.db"), "does not exist"},
		{"folder", "sqlite:" + dir, "is a folder"},
	}
	tests = append(tests, struct{ name, loc, want string }{"read-only", "sqlite:" + readonly, "read-only"})
	if os.Geteuid() == 0 {
		// Root writes through permission bits; the immutable attribute stops even root.
		var paths []string
		for _, f := range []string{readonly, readonly + "-wal", readonly + "-shm", filepath.Dir(readonly)} {
			if _, err := os.Stat(f); err == nil {
				paths = append(paths, f)
			}
		}
		if out, err := exec.Command("chattr", append([]string{"+i"}, paths...)...).CombinedOutput(); err != nil {
			t.Logf("read-only case not checked: root ignores permission bits and chattr +i failed: %v %s", err, out)
			tests = tests[:len(tests)-1]
		} else {
			t.Cleanup(func() { exec.Command("chattr", append([]string{"-i"}, paths...)...).Run() })
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, err := store.Open(context.Background(), tt.loc)
			if err == nil {
				db.Close()
				t.Fatalf("Open(%s) succeeded", tt.loc)
			}
			if !strings.Contains(err.Error(), tt.want) || strings.Count(err.Error(), "\n") > 0 {
				t.Fatalf("err = %q, want one line containing %q", err, tt.want)
			}
		})
	}
}

func TestOpenUnreachablePostgres(t *testing.T) {
	_, err := store.Open(context.Background(), "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "unreachable") {
		t.Fatalf("err = %v, want unreachable", err)
	}
}

func TestMigrationsIdempotentAndVersioned(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		before, after, err := db.Migrate(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if before != after || after < 1 {
			t.Fatalf("second migrate moved the schema: %d -> %d", before, after)
		}
		// A database migrated by a newer binary is refused.
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO goose_db_version (version_id, is_applied) VALUES (99999, true)`); err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.Migrate(ctx); err == nil || !strings.Contains(err.Error(), "newer") {
			t.Fatalf("newer schema: err = %v", err)
		}
	})
}
