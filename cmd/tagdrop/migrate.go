package main

import (
	"context"
	"flag"
	"fmt"

	"github.com/tagdrop/tagdrop/internal/store"
)

// defaultDB is the embedded setup: a SQLite file in the working folder.
const defaultDB = "sqlite:tagdrop.db"

func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB, "database: sqlite:PATH or postgres://USER@HOST:PORT/DB")
}

func runMigrate(ctx context.Context, env *environment, args []string) error {
	fs := flagSet(env, "migrate", "migrate [--db URL]", "Applies any pending schema migrations (serve does this on start too) and prints the schema version.")
	db := dbFlag(fs)
	if err := parse(env, fs, args); err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	loc, err := store.ParseLocation(*db)
	if err != nil {
		return err
	}
	conn, err := store.Open(ctx, *db)
	if err != nil {
		return err
	}
	defer conn.Close()
	cur, known, err := conn.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "%s: schema version %d (this tagdrop knows up to %d)\n", loc.Redacted, cur, known)
	return nil
}
