package bench

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"

	_ "modernc.org/sqlite" // the sqlite-fts5 peer: the driver tagdrop's store uses
)

// fts5Engine is the sqlite-fts5 peer: SQLite in memory with an FTS5 table over the text
// fields, a products table with the filter and sort values, tables of the multi-valued facet
// values, and facet counts by GROUP BY, each facet leaving out its own filter as tagdrop's
// multi-select facets do.
type fts5Engine struct {
	db *sql.DB
}

var fts5DBs atomic.Int64

const fts5Schema = `
CREATE TABLE products (id INTEGER PRIMARY KEY, brand TEXT NOT NULL, colour TEXT NOT NULL,
	price INTEGER NOT NULL, discount INTEGER NOT NULL, newest INTEGER NOT NULL);
CREATE TABLE product_categories (product_id INTEGER NOT NULL, category TEXT NOT NULL);
CREATE TABLE product_sizes (product_id INTEGER NOT NULL, size TEXT NOT NULL);
CREATE TABLE product_retailers (product_id INTEGER NOT NULL, retailer TEXT NOT NULL);
CREATE VIRTUAL TABLE products_fts USING fts5(title, brand, description, colour, material, category,
	tokenize = 'porter unicode61 remove_diacritics 2');
`

const fts5Indexes = `
CREATE INDEX products_brand ON products (brand);
CREATE INDEX products_colour ON products (colour);
CREATE INDEX products_price ON products (price);
CREATE INDEX products_discount ON products (discount);
CREATE INDEX products_newest ON products (newest);
CREATE INDEX product_categories_category ON product_categories (category, product_id);
CREATE INDEX product_categories_product ON product_categories (product_id);
CREATE INDEX product_sizes_product ON product_sizes (product_id);
CREATE INDEX product_retailers_product ON product_retailers (product_id);
`

func (e *fts5Engine) build(ctx context.Context, docs []searchDoc) error {
	name := fmt.Sprintf("file:tagdrop-bench-fts5-%d?mode=memory&cache=private", fts5DBs.Add(1))
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return err
	}
	db.SetMaxOpenConns(1) // one in-memory database lives as long as its one connection
	e.db = db
	if _, err := db.ExecContext(ctx, fts5Schema); err != nil {
		return fmt.Errorf("create tables (is FTS5 compiled in?): %w", err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmts := map[string]*sql.Stmt{}
	for k, q := range map[string]string{
		"p":   `INSERT INTO products VALUES (?, ?, ?, ?, ?, ?)`,
		"c":   `INSERT INTO product_categories VALUES (?, ?)`,
		"s":   `INSERT INTO product_sizes VALUES (?, ?)`,
		"r":   `INSERT INTO product_retailers VALUES (?, ?)`,
		"fts": `INSERT INTO products_fts (rowid, title, brand, description, colour, material, category) VALUES (?, ?, ?, ?, ?, ?, ?)`,
	} {
		if stmts[k], err = tx.PrepareContext(ctx, q); err != nil {
			return err
		}
	}
	for _, d := range docs {
		if _, err := stmts["p"].Exec(d.ID, d.Brand, d.ColourFamily, d.price, d.discount, d.newest); err != nil {
			return err
		}
		for _, c := range d.catNames {
			if _, err := stmts["c"].Exec(d.ID, c); err != nil {
				return err
			}
		}
		for _, s := range d.sizes {
			if _, err := stmts["s"].Exec(d.ID, s); err != nil {
				return err
			}
		}
		for _, r := range d.retailers {
			if _, err := stmts["r"].Exec(d.ID, r); err != nil {
				return err
			}
		}
		if _, err := stmts["fts"].Exec(d.ID, d.Title, d.Brand, d.Description, d.Colour, d.Material, strings.Join(d.catNames, " ")); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, fts5Indexes); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, `ANALYZE`)
	return err
}

// fts5Where is the WHERE clause of q's filters on products p, without the filters named in
// skip ("brand", "category", "colour", "price", "discount"), and its arguments.
func fts5Where(q searchQuery, skip string) (string, []any) {
	conds := []string{"p.price >= 0"} // products with an offer in stock, as tagdrop counts them
	var args []any
	if q.text != "" {
		conds = append(conds, "p.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH ?)")
		args = append(args, fts5Match(q.text))
	}
	if q.brand != "" && skip != "brand" {
		conds, args = append(conds, "p.brand = ?"), append(args, q.brand)
	}
	if q.category != "" && skip != "category" {
		conds = append(conds, "p.id IN (SELECT product_id FROM product_categories WHERE category = ?)")
		args = append(args, q.category)
	}
	if q.colour != "" && skip != "colour" {
		conds, args = append(conds, "p.colour = ?"), append(args, q.colour)
	}
	if q.maxPrice > 0 && skip != "price" {
		conds, args = append(conds, "p.price <= ?"), append(args, q.maxPrice)
	}
	if q.minDiscount > 0 && skip != "discount" {
		conds, args = append(conds, "p.discount >= ?"), append(args, q.minDiscount)
	}
	return strings.Join(conds, " AND "), args
}

// fts5Match quotes each word, so the words are all required and none is read as syntax.
func fts5Match(text string) string {
	var parts []string
	for _, w := range strings.Fields(text) {
		parts = append(parts, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
	}
	return strings.Join(parts, " ")
}

func (e *fts5Engine) run(q searchQuery) (int, error) {
	where, args := fts5Where(q, "")
	var total int
	if err := e.db.QueryRow(`SELECT count(*) FROM products p WHERE `+where, args...).Scan(&total); err != nil {
		return 0, err
	}
	page := `SELECT p.id FROM products p WHERE ` + where
	pageArgs := args
	switch q.sort {
	case "newest":
		page += ` ORDER BY p.newest DESC, p.id`
	case "discount":
		page += ` ORDER BY p.discount DESC, p.id`
	case "price_low":
		page += ` ORDER BY p.price, p.id`
	default: // relevance
		if q.text != "" {
			page = `SELECT p.id FROM products_fts f JOIN products p ON p.id = f.rowid WHERE products_fts MATCH ? AND ` +
				where + ` ORDER BY bm25(products_fts), p.id`
			pageArgs = append([]any{fts5Match(q.text)}, args...)
		} else {
			page += ` ORDER BY p.newest DESC, p.id`
		}
	}
	page += ` LIMIT ? OFFSET ?`
	pageArgs = append(pageArgs, perPage, (q.page-1)*perPage)
	if err := e.drain(page, pageArgs); err != nil {
		return 0, err
	}
	if !q.facets {
		return total, nil
	}
	facet := func(skip, query string) error {
		w, a := fts5Where(q, skip)
		return e.drain(strings.Replace(query, "WHERE", "WHERE "+w, 1), a)
	}
	var bands strings.Builder
	bands.WriteString("CASE")
	for i := len(priceBandEdges) - 1; i >= 0; i-- {
		fmt.Fprintf(&bands, " WHEN p.price >= %d THEN %d", priceBandEdges[i], i)
	}
	bands.WriteString(" END")
	var disc []string
	for _, t := range discountThresholds {
		disc = append(disc, "sum(p.discount >= "+strconv.Itoa(t)+")")
	}
	for _, f := range []struct{ skip, query string }{
		{"brand", `SELECT p.brand, count(*) FROM products p WHERE GROUP BY p.brand`},
		{"colour", `SELECT p.colour, count(*) FROM products p WHERE GROUP BY p.colour`},
		{"category", `SELECT c.category, count(*) FROM product_categories c JOIN products p ON p.id = c.product_id WHERE GROUP BY c.category`},
		{"", `SELECT s.size, count(*) FROM product_sizes s JOIN products p ON p.id = s.product_id WHERE GROUP BY s.size`},
		{"", `SELECT r.retailer, count(*) FROM product_retailers r JOIN products p ON p.id = r.product_id WHERE GROUP BY r.retailer`},
		{"price", `SELECT ` + bands.String() + `, count(*) FROM products p WHERE GROUP BY 1`},
		{"discount", `SELECT ` + strings.Join(disc, ", ") + ` FROM products p WHERE`},
	} {
		if err := facet(f.skip, f.query); err != nil {
			return 0, err
		}
	}
	return total, nil
}

// drain runs a query and reads every row.
func (e *fts5Engine) drain(query string, args []any) error {
	rows, err := e.db.Query(query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", query, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (e *fts5Engine) memory() float64 {
	var pages, size int64
	if err := e.db.QueryRow(`PRAGMA page_count`).Scan(&pages); err != nil {
		return 0
	}
	if err := e.db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		return 0
	}
	return float64(pages * size)
}

func (e *fts5Engine) close() error {
	if e.db == nil {
		return nil
	}
	return e.db.Close()
}
