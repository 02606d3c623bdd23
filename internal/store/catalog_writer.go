package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
)

// CatalogWriter runs an import's transactions on one connection of its own. On SQLite that
// connection gets a page cache sized for the import: a big import touches the same index pages
// batch after batch (item ids and product keys spread over whole B-trees), and with the
// default 2 MB cache each batch reads those pages back from the file and spills half-written
// ones into the log before it commits. The setting is the connection's alone (nothing is
// stored in the database, so a crash leaves no trace of it) and Close puts the default back
// before the connection returns to the pool, so web reads never hold a large cache. On
// PostgreSQL it is a plain connection.
//
// On SQLite the connection also runs without foreign-key enforcement, which Close turns back
// on; catalog_refs.go says what keeps the references sound meanwhile.
type CatalogWriter struct {
	db        *DB
	conn      *sql.Conn
	unchecked bool // foreign-key enforcement is off on conn
}

// defaultCacheKiB is a SQLite connection's page cache as SQLite sets it (2,000 KiB), which
// Close restores.
const defaultCacheKiB = 2000

// NewCatalogWriter takes a connection from the pool for an import. cacheKiB is the page cache
// to give it on SQLite (ignored on PostgreSQL; at most what the import's tables need is ever
// allocated). The caller must Close it.
func (db *DB) NewCatalogWriter(ctx context.Context, cacheKiB int) (*CatalogWriter, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("import connection: %w", err)
	}
	w := &CatalogWriter{db: db, conn: conn}
	if db.dialect == SQLite && cacheKiB > defaultCacheKiB {
		if err := w.setCache(ctx, cacheKiB); err != nil {
			conn.Close()
			return nil, err
		}
	}
	if db.dialect == SQLite {
		if err := w.setForeignKeys(ctx, false); err != nil {
			w.drop()
			return nil, err
		}
	}
	return w, nil
}

// setForeignKeys turns SQLite's foreign-key enforcement on the connection on or off (outside
// a transaction: inside one SQLite ignores the setting).
func (w *CatalogWriter) setForeignKeys(ctx context.Context, on bool) error {
	v := "OFF"
	if on {
		v = "ON"
	}
	if _, err := w.conn.ExecContext(ctx, `PRAGMA foreign_keys = `+v); err != nil {
		return fmt.Errorf("import connection settings: %w", err)
	}
	w.unchecked = !on
	return nil
}

// checkEnforced reads foreign-key enforcement back: SQLite ignores the setting inside a
// transaction without an error, and a connection without it must never be pooled.
func (w *CatalogWriter) checkEnforced(ctx context.Context) error {
	var on int
	if err := w.conn.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&on); err != nil {
		return fmt.Errorf("import connection settings: %w", err)
	}
	if on != 1 {
		return errors.New("import connection settings: foreign-key enforcement did not come back on")
	}
	return nil
}

// drop closes the connection instead of returning it to the pool.
func (w *CatalogWriter) drop() {
	_ = w.conn.Raw(func(any) error { return driver.ErrBadConn })
	w.conn.Close()
}

// setCache sets the connection's page cache, in KiB.
func (w *CatalogWriter) setCache(ctx context.Context, cacheKiB int) error {
	if _, err := w.conn.ExecContext(ctx, `PRAGMA cache_size = -`+strconv.Itoa(cacheKiB)); err != nil {
		return fmt.Errorf("import connection settings: %w", err)
	}
	return nil
}

// InCatalogTx is DB.InCatalogTx on the writer's connection. fn may run twice: a transaction
// that must delete rows others point at (a batch that merges products) is rolled back and run
// again with foreign-key enforcement on, for its ON DELETE actions (catalog_refs.go).
func (w *CatalogWriter) InCatalogTx(ctx context.Context, fn func(*CatalogTx) error) error {
	err := w.inTx(ctx, fn)
	if !errors.Is(err, errNeedsCascades) {
		return err
	}
	if err := w.setForeignKeys(ctx, true); err != nil {
		return err
	}
	err = w.inTx(ctx, fn)
	if serr := w.setForeignKeys(ctx, false); err == nil {
		err = serr
	}
	return err
}

// inTx runs fn in one transaction on the writer's connection.
//
// The transaction is begun without ctx's cancellation: database/sql would otherwise roll it back
// from a goroutine of its own when ctx ends, possibly after Close has reset the connection's
// settings, which SQLite ignores inside an open transaction, and the connection would go back to
// the pool without foreign-key enforcement. Statements still run with ctx and stop when it
// ends; the rollback is done here, and a ctx that ended before the commit commits nothing.
func (w *CatalogWriter) inTx(ctx context.Context, fn func(*CatalogTx) error) error {
	tx, err := w.conn.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	c := &CatalogTx{tx: tx, db: w.db, now: w.db.nowMS(), ph: w.db.placeholders(), unchecked: w.unchecked}
	err = fn(c)
	if err == nil {
		err = c.finish(ctx)
	}
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		_ = tx.Rollback()
		return err
	}
	return commitTx(ctx, tx)
}

// Close gives the connection back to the pool with SQLite's default page cache (its memory is
// released as it shrinks) and foreign-key enforcement on; if that fails, the connection is
// closed instead of pooled.
func (w *CatalogWriter) Close() error {
	if w.db.dialect == SQLite {
		// A fresh context: the import's may be cancelled, and the connection must not go back
		// to the pool with its big cache or without enforcement.
		ctx := context.Background()
		err := w.setCache(ctx, defaultCacheKiB)
		if err == nil {
			err = w.setForeignKeys(ctx, true)
		}
		if err == nil {
			err = w.checkEnforced(ctx)
		}
		if err != nil {
			w.drop()
			return err
		}
	}
	return w.conn.Close()
}
