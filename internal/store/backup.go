package store

import (
	"context"
	"errors"
	"fmt"
	"os"
)

// ErrBackupPostgres is returned by Backup on PostgreSQL, whose own tools do it better.
var ErrBackupPostgres = errors.New("tagdrop backup copies SQLite files; back PostgreSQL up with pg_dump (docs/OPERATIONS.md)")

// Backup writes a consistent copy of a SQLite database to path while tagdrop keeps running:
// SQLite's VACUUM INTO reads one snapshot of the file (writers are not blocked in WAL mode) and
// writes a compact, self-contained database, which `--db sqlite:PATH` opens as it is. path must
// not exist yet: a backup never overwrites anything.
func (db *DB) Backup(ctx context.Context, path string) error {
	if db.dialect != SQLite {
		return ErrBackupPostgres
	}
	if path == "" {
		return errors.New("backup: no file named")
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("backup: %s already exists; name a new file", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		_ = os.Remove(path) // a half-written copy is no backup
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}
