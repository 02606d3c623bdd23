package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"

	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"
)

// queueMigrationLock is the PostgreSQL advisory lock key held while River's tables are
// migrated, so that processes starting at once do not race through River's migrations (River
// takes no lock of its own). An arbitrary constant: "tagdrop-queue" folded into 63 bits.
const queueMigrationLock int64 = 0x7461676472_6f70

// QueueDriver is the River driver for this database, over the store's own pool: River's
// database/sql driver on PostgreSQL (poll only: the pool speaks pgx's database/sql
// adapter, which has no LISTEN) and its SQLite driver on SQLite. Both take *sql.Tx, so a job
// can be enqueued inside any store transaction (InTx) and commits or rolls back with it.
func (db *DB) QueueDriver() riverdriver.Driver[*sql.Tx] {
	if db.dialect == Postgres {
		return riverdatabasesql.New(db.sql)
	}
	return riversqlite.New(db.sql)
}

// migrateQueue brings River's own tables (river_job, river_leader, river_queue, …) up to
// date. It runs after tagdrop's migrations in every migrate step and is idempotent: River
// records its versions in river_migration and applies only the missing ones.
func (db *DB) migrateQueue(ctx context.Context) error {
	migrator, err := rivermigrate.New(db.QueueDriver(), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("database %s: job queue migrations: %w", db.where, err)
	}
	if db.dialect == Postgres {
		// A session lock on a connection of its own, held while River migrates through the pool.
		conn, err := db.sql.Conn(ctx)
		if err != nil {
			return fmt.Errorf("database %s: job queue migrations: %w", db.where, err)
		}
		defer conn.Close()
		if _, err := conn.ExecContext(ctx, "SELECT pg_advisory_lock($1)", queueMigrationLock); err != nil {
			return fmt.Errorf("database %s: job queue migrations: lock: %w", db.where, err)
		}
		defer conn.ExecContext(context.WithoutCancel(ctx), "SELECT pg_advisory_unlock($1)", queueMigrationLock) //nolint:errcheck // the lock also ends with the session
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("database %s: job queue migration failed: %w", db.where, err)
	}
	return nil
}
