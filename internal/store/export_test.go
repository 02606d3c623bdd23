package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// OpenAtVersion opens a database (as Open does) but migrates it only up to version, so that a
// test can fill it as an older tagdrop left it and then check a later migration.
func OpenAtVersion(ctx context.Context, raw string, version int64) (*DB, error) {
	loc, err := ParseLocation(raw)
	if err != nil {
		return nil, err
	}
	var db *DB
	if loc.Dialect == Postgres {
		db, err = openPostgres(ctx, loc)
	} else {
		db, err = openSQLite(ctx, loc)
	}
	if err != nil {
		return nil, err
	}
	p, err := db.provider()
	if err != nil {
		db.Close()
		return nil, err
	}
	if _, err := p.UpTo(ctx, version); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrate up to %d: %w", version, err)
	}
	return db, nil
}

// SetFeedRunHolder rewrites a run's holder, to play a run started by another process.
func SetFeedRunHolder(ctx context.Context, db *DB, runID int64, holder string) error {
	_, err := db.sql.ExecContext(ctx, `UPDATE feed_runs SET holder = $1 WHERE id = $2`, holder, runID)
	return err
}

// HolderOf is the holder a process of this host and namespace with id pid writes on its runs;
// otherNamespace gives it another process-id namespace (a container's).
func HolderOf(pid int, otherNamespace bool) string {
	f := strings.Fields(thisProcess)
	f[1] = strconv.Itoa(pid)
	if otherNamespace && len(f) == 3 {
		f[2] = "pid:[1]"
	}
	return strings.Join(f, " ")
}

// ResolveSizeKinds exposes resolveSizeKinds to the package's external tests.
var ResolveSizeKinds = resolveSizeKinds
