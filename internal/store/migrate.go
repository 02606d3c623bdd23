package store

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// ErrSchemaTooNew means the database was migrated by a newer tagdrop than this one.
var ErrSchemaTooNew = errors.New("database schema is newer than this tagdrop")

// provider builds a goose provider. Its Close would close our pool, so it is never called.
func (db *DB) provider() (*goose.Provider, error) {
	sub, err := fs.Sub(migrations, "migrations/"+string(db.dialect))
	if err != nil {
		return nil, err
	}
	return db.providerFor(sub)
}

// providerFor builds a goose provider over any set of migration files (tests use their own).
func (db *DB) providerFor(sub fs.FS) (*goose.Provider, error) {
	opts := []goose.ProviderOption{goose.WithDisableGlobalRegistry(true)}
	dialect := goose.DialectSQLite3
	if db.dialect == Postgres {
		dialect = goose.DialectPostgres
		// Several processes may start at once against one server: one migrates, the others wait.
		locker, err := lock.NewPostgresSessionLocker()
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	return goose.NewProvider(dialect, db.sql, sub, opts...)
}

// SchemaVersion returns the version the database is at and the newest this binary knows.
func (db *DB) SchemaVersion(ctx context.Context) (current, known int64, err error) {
	p, err := db.provider()
	if err != nil {
		return 0, 0, err
	}
	return p.GetVersions(ctx)
}

// migrate applies every pending migration, each in its own transaction, and refuses a database
// whose schema is newer than any this binary knows.
func (db *DB) migrate(ctx context.Context) error {
	p, err := db.provider()
	if err != nil {
		return fmt.Errorf("database %s: load migrations: %w", db.where, err)
	}
	if err := db.migrateWith(ctx, p); err != nil {
		return err
	}
	return db.migrateQueue(ctx) // River's tables (queue_schema.go)
}

func (db *DB) migrateWith(ctx context.Context, p *goose.Provider) error {
	current, known, err := p.GetVersions(ctx)
	if err != nil {
		return fmt.Errorf("database %s: read schema version: %w", db.where, err)
	}
	if current > known {
		return fmt.Errorf("database %s: %w (schema %d, this binary knows up to %d): upgrade tagdrop", db.where, ErrSchemaTooNew, current, known)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("database %s: migration failed, schema left at its previous version: %w", db.where, err)
	}
	return nil
}

// Migrate brings the schema up to date and reports the version before and after.
func (db *DB) Migrate(ctx context.Context) (before, after int64, err error) {
	before, _, err = db.SchemaVersion(ctx)
	if err != nil {
		return 0, 0, err
	}
	if err := db.migrate(ctx); err != nil {
		return before, before, err
	}
	after, _, err = db.SchemaVersion(ctx)
	return before, after, err
}
