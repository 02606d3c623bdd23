// Package store holds all of tagdrop's SQL. One DB type serves both the embedded SQLite file and a
// shared PostgreSQL server: the schema differs only in its DDL (see migrations/), and the queries are
// written once with $N placeholders, which both drivers accept. Where the two dialects really
// differ, a query spells out both strings side by side rather than hiding them behind a builder.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	// The pure-Go SQLite driver, registered as "sqlite": no C toolchain needed.
	_ "modernc.org/sqlite"
	// pgx's database/sql driver, registered as "pgx".
	_ "github.com/jackc/pgx/v5/stdlib"
)

// Dialect names the kind of database behind a DB.
type Dialect string

// The two supported dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// DB is tagdrop's storage: a connection pool plus the dialect it speaks.
type DB struct {
	sql     *sql.DB
	dialect Dialect
	// where is a human-readable, secret-free name of the database for messages and logs.
	where string
	now   func() time.Time
	// clockSet says SetClock replaced now: a test's clock then also rules the import holds,
	// which otherwise go by PostgreSQL's own clock (feedrun_lease.go).
	clockSet bool
	// cache keeps hot reads cheap (read_cache.go).
	cache readCache
	// mailSecret caches the unsubscribe signing secret after its first read (messages.go).
	mailSecret atomic.Pointer[[]byte]
}

// Location describes a parsed --db value.
type Location struct {
	Dialect Dialect
	// Path is the SQLite file path (SQLite only).
	Path string
	// DSN is what the driver is given.
	DSN string
	// Redacted is the location with any password removed, safe to log.
	Redacted string
}

// ParseLocation reads a --db value: "sqlite:PATH" (or a bare path ending in .db) or
// "postgres://…" / "postgresql://…".
func ParseLocation(raw string) (Location, error) {
	raw = strings.TrimSpace(raw)
	switch {
	case raw == "":
		return Location{}, fmt.Errorf("database location is empty: use sqlite:PATH or postgres://USER@HOST/DB")
	case strings.HasPrefix(raw, "postgres://"), strings.HasPrefix(raw, "postgresql://"):
		u, err := url.Parse(raw)
		if err != nil {
			return Location{}, fmt.Errorf("database URL %q is not a valid URL: %v", redactURL(raw), unwrapURLError(err))
		}
		if u.Host == "" {
			return Location{}, fmt.Errorf("database URL %q names no host: use postgres://USER@HOST:PORT/DB", redactPostgres(u))
		}
		return Location{Dialect: Postgres, DSN: raw, Redacted: redactPostgres(u)}, nil
	case strings.HasPrefix(raw, "sqlite:"), strings.HasPrefix(raw, "sqlite3:"):
		p := raw[strings.Index(raw, ":")+1:]
		p = strings.TrimPrefix(p, "//")
		if p == "" {
			return Location{}, fmt.Errorf("database location %q names no file: use sqlite:PATH", raw)
		}
		if strings.ContainsAny(p, "?#") {
			return Location{}, fmt.Errorf("database location %q: a SQLite path may not contain '?' or '#'", raw)
		}
		return sqliteLocation(p), nil
	case !strings.Contains(raw, "://") && (strings.HasSuffix(raw, ".db") || strings.HasSuffix(raw, ".sqlite")):
		return sqliteLocation(raw), nil
	default:
		return Location{}, fmt.Errorf("database location %q is not understood: use sqlite:PATH or postgres://USER@HOST:PORT/DB", redactURL(raw))
	}
}

func sqliteLocation(p string) Location {
	dsn := "file:" + p + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	return Location{Dialect: SQLite, Path: p, DSN: dsn, Redacted: "sqlite:" + p}
}

// secretParams are the connection parameters that carry secrets in a PostgreSQL URL.
var secretParams = []string{"password", "sslpassword", "sslkey"}

// redactPostgres hides the password wherever a PostgreSQL URL can carry it: in the user info
// and in query parameters (pgx accepts ?password=).
func redactPostgres(u *url.URL) string {
	c := *u
	q := c.Query()
	changed := false
	for _, k := range secretParams {
		if q.Has(k) {
			q.Set(k, "xxxxx")
			changed = true
		}
	}
	if changed {
		c.RawQuery = q.Encode()
	}
	return c.Redacted()
}

func redactURL(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return redactPostgres(u)
	}
	if i := strings.Index(raw, "@"); i >= 0 {
		if j := strings.Index(raw, "://"); j >= 0 && j < i {
			return raw[:j+3] + "xxxxx" + raw[i:]
		}
	}
	return raw
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// Open connects to the database at raw (a --db value), checks it is usable and brings its schema
// up to date. Every failure is one readable sentence naming the database and the problem.
func Open(ctx context.Context, raw string) (*DB, error) {
	loc, err := ParseLocation(raw)
	if err != nil {
		return nil, err
	}
	var db *DB
	switch loc.Dialect {
	case SQLite:
		db, err = openSQLite(ctx, loc)
	case Postgres:
		db, err = openPostgres(ctx, loc)
	}
	if err != nil {
		return nil, err
	}
	if err := db.migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func openSQLite(ctx context.Context, loc Location) (*DB, error) {
	if dir := filepath.Dir(loc.Path); dir != "." {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			return nil, fmt.Errorf("database %s: folder %s does not exist", loc.Redacted, dir)
		}
	}
	if st, err := os.Stat(loc.Path); err == nil && st.IsDir() {
		return nil, fmt.Errorf("database %s: %s is a folder, not a file", loc.Redacted, loc.Path)
	}
	sqldb, err := sql.Open("sqlite", loc.DSN)
	if err != nil {
		return nil, fmt.Errorf("database %s: %v", loc.Redacted, err)
	}
	// One writer at a time is SQLite's rule; readers run concurrently under WAL. A small pool
	// keeps the connection count sane while letting reads overlap a write.
	// All of them stay open between bursts (database/sql keeps only 2 idle by default): a new
	// SQLite connection costs its pragmas and the re-preparing of every hot statement.
	sqldb.SetMaxOpenConns(8)
	sqldb.SetMaxIdleConns(8)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	db := &DB{sql: sqldb, dialect: SQLite, where: loc.Redacted, now: time.Now}
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	var mode string
	if err := sqldb.QueryRowContext(pctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		sqldb.Close()
		if ro := readOnlyReason(loc.Path); ro != "" {
			return nil, fmt.Errorf("database %s cannot be written: %s", loc.Redacted, ro)
		}
		return nil, fmt.Errorf("database %s cannot be opened: %s", loc.Redacted, sqliteReason(err))
	}
	var check string
	if err := sqldb.QueryRowContext(pctx, "PRAGMA quick_check").Scan(&check); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("database %s cannot be read: %s", loc.Redacted, sqliteReason(err))
	}
	if check != "ok" {
		sqldb.Close()
		return nil, fmt.Errorf("database %s is corrupt: %s", loc.Redacted, check)
	}
	// A read-only file opens and reads fine; find out now rather than at the first import.
	if _, err := sqldb.ExecContext(pctx, "CREATE TABLE IF NOT EXISTS tagdrop_write_check (x INTEGER); DROP TABLE tagdrop_write_check"); err != nil {
		sqldb.Close()
		if ro := readOnlyReason(loc.Path); ro != "" {
			return nil, fmt.Errorf("database %s cannot be written: %s", loc.Redacted, ro)
		}
		return nil, fmt.Errorf("database %s cannot be written: %s", loc.Redacted, sqliteReason(err))
	}
	return db, nil
}

// readOnlyReason says why the SQLite file or its folder cannot be written ("" if they can).
// SQLite's own error for this is a vague "unable to open", so ask the file system directly.
func readOnlyReason(path string) string {
	if f, err := os.OpenFile(path, os.O_RDWR, 0); err == nil {
		f.Close()
	} else if !errors.Is(err, os.ErrNotExist) {
		return "the file is read-only (" + errors.Unwrap(err).Error() + ")"
	}
	// WAL mode needs to create PATH-wal and PATH-shm beside the file.
	probe, err := os.CreateTemp(filepath.Dir(path), ".tagdrop-write-check-*")
	if err != nil {
		return "its folder is read-only (" + errors.Unwrap(err).Error() + ")"
	}
	probe.Close()
	os.Remove(probe.Name())
	return ""
}

// sqliteReason turns driver errors into the short phrase a user can act on.
func sqliteReason(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "file is not a database"), strings.Contains(msg, "SQLITE_NOTADB"):
		return "the file is not a SQLite database (corrupt or another kind of file)"
	case strings.Contains(msg, "readonly"), strings.Contains(msg, "READONLY"):
		return "the file or its folder is read-only"
	case strings.Contains(msg, "unable to open"), strings.Contains(msg, "CANTOPEN"):
		return "the file cannot be opened (check the path and permissions)"
	case strings.Contains(msg, "malformed"), strings.Contains(msg, "CORRUPT"):
		return "the database disk image is malformed (corrupt)"
	case strings.Contains(msg, "locked"), strings.Contains(msg, "BUSY"):
		return "the database is locked by another process"
	}
	return msg
}

func openPostgres(ctx context.Context, loc Location) (*DB, error) {
	sqldb, err := sql.Open("pgx", loc.DSN)
	if err != nil {
		return nil, fmt.Errorf("database %s: %v", loc.Redacted, err)
	}
	sqldb.SetMaxOpenConns(20)
	sqldb.SetMaxIdleConns(10)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := sqldb.PingContext(pctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("database %s is unreachable: %s", loc.Redacted, postgresReason(err))
	}
	return &DB{sql: sqldb, dialect: Postgres, where: loc.Redacted, now: time.Now}, nil
}

func postgresReason(err error) string {
	msg := err.Error()
	if i := strings.LastIndex(msg, "): "); i >= 0 {
		msg = msg[i+3:]
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "no answer within 10s"
	}
	return msg
}

// Close releases the connection pool.
func (db *DB) Close() error {
	db.cache.closeStatements()
	return db.sql.Close()
}

// Dialect says which kind of database this is.
func (db *DB) Dialect() Dialect { return db.dialect }

// String names the database without secrets.
func (db *DB) String() string { return db.where }

// Ping checks the database answers; /readyz uses it.
func (db *DB) Ping(ctx context.Context) error { return db.sql.PingContext(ctx) }

// SQL exposes the pool for the job queue and tests that need raw access. Application code goes
// through DB's methods.
func (db *DB) SQL() *sql.DB { return db.sql }

// SetClock replaces the clock (tests only).
func (db *DB) SetClock(now func() time.Time) { db.now, db.clockSet = now, true }

func (db *DB) nowMS() int64 { return db.now().UnixMilli() }

// fromMS converts stored Unix milliseconds back to a UTC time.
func fromMS(v int64) time.Time { return time.UnixMilli(v).UTC() }

// InTx runs fn inside one transaction, committing if it returns nil.
func (db *DB) InTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return db.inTxWith(ctx, nil, fn)
}

// inTxWith is InTx with transaction options (nil: the driver's default).
func (db *DB) inTxWith(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, opts)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return commitTx(ctx, tx) // a cancelled ctx is reported as such (tx_commit.go)
}
