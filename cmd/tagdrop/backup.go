package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/tagdrop/tagdrop/internal/store"
)

// runBackup is `tagdrop backup FILE`: an online, consistent copy of the SQLite database.
func runBackup(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "backup", "backup [--db URL] FILE",
		"Writes a consistent copy of the SQLite database to FILE while tagdrop keeps serving (SQLite's\n"+
			"VACUUM INTO). FILE must not exist. Restore by stopping tagdrop and putting the copy in place\n"+
			"of the database file (or pointing --db at it). On PostgreSQL use pg_dump; see docs/OPERATIONS.md.")
	db := dbFlag(fs)
	pos, err := parseInterleaved(env, fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: backup needs one FILE to write, got %d argument(s) (see tagdrop backup --help)", errUsage, len(pos))
	}
	conn, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	start := time.Now()
	if err := conn.Backup(ctx, pos[0]); err != nil {
		return err
	}
	st, err := os.Stat(pos[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "backed up to %s (%.1f MB) in %s\n", pos[0], float64(st.Size())/1e6, time.Since(start).Round(time.Millisecond))
	return nil
}
