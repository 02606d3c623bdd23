package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
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
type CatalogWriter struct {
	db   *DB
	conn *sql.Conn
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
	return w, nil
}

// setCache sets the connection's page cache, in KiB.
func (w *CatalogWriter) setCache(ctx context.Context, cacheKiB int) error {
	if _, err := w.conn.ExecContext(ctx, `PRAGMA cache_size = -`+strconv.Itoa(cacheKiB)); err != nil {
		return fmt.Errorf("import connection settings: %w", err)
	}
	return nil
}

// InCatalogTx is DB.InCatalogTx on the writer's connection.
func (w *CatalogWriter) InCatalogTx(ctx context.Context, fn func(*CatalogTx) error) error {
	tx, err := w.conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin transaction: %w", err)
	}
	c := &CatalogTx{tx: tx, db: w.db, now: w.db.nowMS(), ph: w.db.placeholders()}
	if err := fn(c); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := c.finish(ctx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return commitTx(ctx, tx) // a cancelled ctx is reported as such (tx_commit.go)
}

// Close gives the connection back to the pool with SQLite's default page cache (its memory is
// released as it shrinks); if that fails, the connection is closed instead of pooled.
func (w *CatalogWriter) Close() error {
	if w.db.dialect == SQLite {
		// A fresh context: the import's may be cancelled, and the connection must not go back
		// to the pool with its big cache.
		if err := w.setCache(context.Background(), defaultCacheKiB); err != nil {
			_ = w.conn.Raw(func(any) error { return driver.ErrBadConn }) // drop it from the pool
			w.conn.Close()
			return err
		}
	}
	return w.conn.Close()
}
