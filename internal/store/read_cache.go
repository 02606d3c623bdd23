package store

import (
	"context"
	"database/sql"
	"fmt"
	"sync"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Pages read a few things on every request: the category tree (to label category facets) and
// the display details of a page of hits. This file keeps both cheap: the tree is cached and
// revalidated with one aggregate query (categories are only ever added, never changed or
// removed, so their count and highest id tell whether the cached copy is current, on any node),
// and hot queries keep their prepared statements, with IN lists padded to a few lengths so that
// a handful of statements serves every page size.

// readCache is DB's cache of hot reads; its zero value is ready.
type readCache struct {
	mu        sync.Mutex
	cats      []catalog.Category
	catsCount int64
	catsMax   int64
	// kinds are the categories' size kinds (categorySizeKinds), worked out from kindsOf.
	kinds   map[int64]string
	kindsOf []catalog.Category
	stmts   map[string]*sql.Stmt
}

// Categories returns the whole category tree, ordered by path, so each parent comes before
// its children. The slice is shared between callers: read it, never change it.
func (db *DB) Categories(ctx context.Context) ([]catalog.Category, error) {
	var n, maxID int64
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(MAX(id), 0) FROM categories`).Scan(&n, &maxID); err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	c := &db.cache
	c.mu.Lock()
	if c.cats != nil && c.catsCount == n && c.catsMax == maxID {
		cats := c.cats
		c.mu.Unlock()
		return cats, nil
	}
	c.mu.Unlock()
	cats, err := db.loadCategories(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.cats, c.catsCount, c.catsMax = cats, n, maxID
	c.mu.Unlock()
	return cats, nil
}

// loadCategories reads the category tree from the database.
func (db *DB) loadCategories(ctx context.Context) ([]catalog.Category, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, COALESCE(parent_id, 0), slug, name, path, size_kind FROM categories ORDER BY path, id`)
	if err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	defer rows.Close()
	out := []catalog.Category{}
	for rows.Next() {
		var c catalog.Category
		if err := rows.Scan(&c.ID, &c.ParentID, &c.Slug, &c.Name, &c.Path, &c.SizeKind); err != nil {
			return nil, fmt.Errorf("categories: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("categories: %w", err)
	}
	return out, nil
}

// prepared returns the prepared statement of query, preparing it the first time. database/sql
// re-prepares it on each pooled connection as needed.
func (db *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	c := &db.cache
	c.mu.Lock()
	st, ok := c.stmts[query]
	c.mu.Unlock()
	if ok {
		return st, nil
	}
	st, err := db.sql.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if have, ok := c.stmts[query]; ok {
		st.Close()
		return have, nil
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[query] = st
	return st, nil
}

// closeStatements closes the prepared statements; DB.Close calls it.
func (c *readCache) closeStatements() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// paddedLengths are the IN-list lengths hot queries are prepared for.
var paddedLengths = []int{1, 4, 8, 16, 24, 32, 48, 64, 100}

// padIDs returns ids lengthened, by repeating its last id, to the next of paddedLengths (or
// to a multiple of 100 beyond them), so that IN lists come in few lengths. Repeated ids change
// nothing in an IN list. ids must not be empty.
func padIDs(ids []int64) []int64 {
	want := (len(ids) + 99) / 100 * 100
	for _, n := range paddedLengths {
		if n >= len(ids) {
			want = n
			break
		}
	}
	out := make([]int64, want)
	copy(out, ids)
	for i := len(ids); i < want; i++ {
		out[i] = ids[len(ids)-1]
	}
	return out
}
