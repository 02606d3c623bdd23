package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ErrIntegrity means CheckIntegrity found at least one broken invariant.
var ErrIntegrity = errors.New("integrity check failed")

// IntegrityReport is what CheckIntegrity found: the catalogue's row counts (so a rerun can be
// compared with a clean run) and every broken invariant, each with a few examples.
type IntegrityReport struct {
	Database string             `json:"database"`
	Counts   map[string]int     `json:"counts"`
	Problems []IntegrityProblem `json:"problems"`
}

// IntegrityProblem is one broken invariant.
type IntegrityProblem struct {
	Check    string   `json:"check"`    // the invariant's name, e.g. "duplicate_price_rows"
	Detail   string   `json:"detail"`   // what the invariant says
	Count    int      `json:"count"`    // how many rows break it
	Examples []string `json:"examples"` // up to integrityExamples of them (ids, or "offer@time")
}

// OK reports whether no invariant is broken.
func (r IntegrityReport) OK() bool { return len(r.Problems) == 0 }

// Err is nil when r is OK, else an error wrapping ErrIntegrity that names every broken invariant.
func (r IntegrityReport) Err() error {
	if r.OK() {
		return nil
	}
	parts := make([]string, 0, len(r.Problems))
	for _, p := range r.Problems {
		parts = append(parts, fmt.Sprintf("%s: %d (e.g. %s)", p.Check, p.Count, strings.Join(p.Examples, ", ")))
	}
	return fmt.Errorf("%w on %s: %s", ErrIntegrity, r.Database, strings.Join(parts, "; "))
}

// integrityExamples is how many offending rows a problem lists.
const integrityExamples = 5

// integrityCheck is one invariant as a query that returns one text column per offending row:
// no rows means the invariant holds. The queries are the same on both dialects.
type integrityCheck struct {
	name, detail, query string
}

// integrityChecks are tagdrop's catalogue invariants, the ones a crash in the middle of an import
// could break if a write escaped its batch's transaction. They hold after any sequence of whole
// batches (see internal/ingest/doc.go).
var integrityChecks = []integrityCheck{
	{"duplicate_price_rows", "at most one price-history row per offer and time",
		`SELECT CAST(offer_id AS TEXT) || '@' || CAST(changed_at AS TEXT) FROM price_changes
		GROUP BY offer_id, changed_at HAVING COUNT(*) > 1`},
	{"offer_without_history", "every offer has a price-history row",
		`SELECT CAST(o.id AS TEXT) FROM offers o WHERE NOT EXISTS (SELECT 1 FROM price_changes pc WHERE pc.offer_id = o.id)`},
	{"offer_differs_from_history", "every offer's price, regular price and availability equal its newest history row",
		`SELECT CAST(o.id AS TEXT) FROM offers o JOIN price_changes pc ON pc.id = (
			SELECT p2.id FROM price_changes p2 WHERE p2.offer_id = o.id ORDER BY p2.changed_at DESC, p2.id DESC LIMIT 1)
		WHERE pc.price <> o.price OR pc.regular_price <> o.regular_price OR pc.availability <> o.availability`},
	{"product_without_offers", "every product has an offer (products and offers are written in one transaction)",
		`SELECT CAST(p.id AS TEXT) FROM products p WHERE NOT EXISTS (SELECT 1 FROM offers o WHERE o.product_id = p.id)`},
	{"product_without_own_key", "every product's key is registered to it in product_keys",
		`SELECT CAST(p.id AS TEXT) FROM products p WHERE NOT EXISTS (
			SELECT 1 FROM product_keys k WHERE k.key = p.product_key AND k.product_id = p.id)`},
	{"product_not_in_change_log", "every product is in the change log, so every web node's index has it",
		`SELECT CAST(p.id AS TEXT) FROM products p WHERE NOT EXISTS (
			SELECT 1 FROM changes c WHERE c.entity = 'product' AND c.entity_id = p.id)`},
	{"orphan_offers", "every offer's product and retailer exist",
		`SELECT CAST(o.id AS TEXT) FROM offers o WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = o.product_id)
		OR NOT EXISTS (SELECT 1 FROM retailers r WHERE r.id = o.retailer_id)`},
	{"orphan_price_rows", "every price-history row's offer exists",
		`SELECT CAST(pc.id AS TEXT) FROM price_changes pc WHERE NOT EXISTS (SELECT 1 FROM offers o WHERE o.id = pc.offer_id)`},
	{"orphan_sale_events", "every sale event's offer exists",
		`SELECT CAST(e.id AS TEXT) FROM sale_events e WHERE NOT EXISTS (SELECT 1 FROM offers o WHERE o.id = e.offer_id)`},
	{"orphan_product_keys", "every product key names an existing product",
		`SELECT k.key FROM product_keys k WHERE NOT EXISTS (SELECT 1 FROM products p WHERE p.id = k.product_id)`},
	{"orphan_product_refs", "every product's brand and category exist",
		`SELECT CAST(p.id AS TEXT) FROM products p
		WHERE (p.brand_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM brands b WHERE b.id = p.brand_id))
		   OR (p.category_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM categories c WHERE c.id = p.category_id))`},
}

// integrityChecksSQLite replace some checks' queries on SQLite. changes has no index on
// entity_id: PostgreSQL plans the NOT EXISTS as a hash anti-join, SQLite as a scan of changes per
// product (2.5 minutes at 41K products), so SQLite gets NOT IN, which it answers from one
// temporary index (0.05 s). PostgreSQL keeps NOT EXISTS: its NOT IN turns quadratic past work_mem.
var integrityChecksSQLite = map[string]string{
	"product_not_in_change_log": `SELECT CAST(p.id AS TEXT) FROM products p
		WHERE p.id NOT IN (SELECT entity_id FROM changes WHERE entity = 'product')`,
}

// integrityCounts are the row counts a report carries: name → query.
var integrityCounts = [][2]string{
	{"retailers", `SELECT COUNT(*) FROM retailers`},
	{"brands", `SELECT COUNT(*) FROM brands`},
	{"products", `SELECT COUNT(*) FROM products`},
	{"product_keys", `SELECT COUNT(*) FROM product_keys`},
	{"offers", `SELECT COUNT(*) FROM offers`},
	{"offers_gone", `SELECT COUNT(*) FROM offers WHERE gone_at IS NOT NULL`},
	{"offers_on_sale", `SELECT COUNT(*) FROM offers WHERE gone_at IS NULL AND price < regular_price`},
	{"price_changes", `SELECT COUNT(*) FROM price_changes`},
	{"sale_events", `SELECT COUNT(*) FROM sale_events`},
	{"feed_runs_unfinished", `SELECT COUNT(*) FROM feed_runs WHERE status = 'running'`},
}

// CheckIntegrity checks the database file itself (SQLite: PRAGMA integrity_check and
// foreign_key_check) and tagdrop's catalogue invariants on both dialects: no duplicate
// price-history rows per offer and time, every offer's current price equal to its newest history
// row, no product without an offer, key or change-log entry, no orphan rows. It returns an error
// only when a check could not run; broken invariants are in the report (see IntegrityReport.Err).
// Each check is one statement, so it sees whole batches even while an import runs.
// It reads every catalogue row: a diagnostic for operators and crash tests, not a hot path.
// A feed run left "running" by a killed import is counted, not a problem: the next run of that
// feed is checked against the last good one and converges (internal/ingest/doc.go).
func (db *DB) CheckIntegrity(ctx context.Context) (IntegrityReport, error) {
	r := IntegrityReport{Database: db.where, Counts: map[string]int{}, Problems: []IntegrityProblem{}}
	if db.dialect == SQLite {
		if err := db.checkSQLiteFile(ctx, &r); err != nil {
			return r, err
		}
	}
	for _, c := range integrityChecks {
		p, err := db.runIntegrityCheck(ctx, c)
		if err != nil {
			return r, err
		}
		if p.Count > 0 {
			r.Problems = append(r.Problems, p)
		}
	}
	counts, err := db.CatalogueCounts(ctx)
	if err != nil {
		return r, err
	}
	r.Counts = counts
	return r, nil
}

// CatalogueCounts counts the catalogue's rows as an IntegrityReport does (retailers, brands,
// products, product_keys, offers, offers_gone, offers_on_sale, price_changes, sale_events,
// feed_runs_unfinished), without the checks; with names, only those (a test polling an import
// asks for the one or two it watches).
func (db *DB) CatalogueCounts(ctx context.Context, names ...string) (map[string]int, error) {
	out := make(map[string]int, len(integrityCounts))
	for _, c := range integrityCounts {
		if len(names) > 0 && !slices.Contains(names, c[0]) {
			continue
		}
		var n int
		if err := db.sql.QueryRowContext(ctx, c[1]).Scan(&n); err != nil {
			return nil, fmt.Errorf("count %s: %w", c[0], err)
		}
		out[c[0]] = n
	}
	return out, nil
}

// runIntegrityCheck runs one invariant's query, counting the offending rows and keeping a few.
func (db *DB) runIntegrityCheck(ctx context.Context, c integrityCheck) (IntegrityProblem, error) {
	p := IntegrityProblem{Check: c.name, Detail: c.detail, Examples: []string{}}
	q := c.query
	if alt, ok := integrityChecksSQLite[c.name]; ok && db.dialect == SQLite {
		q = alt
	}
	rows, err := db.sql.QueryContext(ctx, q)
	if err != nil {
		return p, fmt.Errorf("integrity check %s: %w", c.name, err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return p, fmt.Errorf("integrity check %s: %w", c.name, err)
		}
		if p.Count < integrityExamples {
			p.Examples = append(p.Examples, s)
		}
		p.Count++
	}
	if err := rows.Err(); err != nil {
		return p, fmt.Errorf("integrity check %s: %w", c.name, err)
	}
	return p, nil
}

// checkSQLiteFile runs SQLite's own checks: the file's B-trees and indexes (integrity_check
// answers one row "ok" when all is well) and every declared foreign key (foreign_key_check
// answers nothing when all is well; SQLite does not enforce keys added by ALTER TABLE on old rows).
func (db *DB) checkSQLiteFile(ctx context.Context, r *IntegrityReport) error {
	var msgs []string
	rows, err := db.sql.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return fmt.Errorf("integrity check: PRAGMA integrity_check: %w", err)
	}
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return fmt.Errorf("integrity check: PRAGMA integrity_check: %w", err)
		}
		if s != "ok" {
			msgs = append(msgs, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: PRAGMA integrity_check: %w", err)
	}
	if len(msgs) > 0 {
		r.Problems = append(r.Problems, IntegrityProblem{Check: "sqlite_integrity_check", Detail: "PRAGMA integrity_check answers ok",
			Count: len(msgs), Examples: msgs[:min(len(msgs), integrityExamples)]})
	}

	// foreign_key_check: table, rowid, parent table, foreign key index.
	p := IntegrityProblem{Check: "sqlite_foreign_key_check", Detail: "PRAGMA foreign_key_check answers nothing", Examples: []string{}}
	rows, err = db.sql.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		return fmt.Errorf("integrity check: PRAGMA foreign_key_check: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var table, parent string
		var rowid *int64
		var fkid int
		if err := rows.Scan(&table, &rowid, &parent, &fkid); err != nil {
			return fmt.Errorf("integrity check: PRAGMA foreign_key_check: %w", err)
		}
		if p.Count < integrityExamples {
			id := "?"
			if rowid != nil {
				id = fmt.Sprint(*rowid)
			}
			p.Examples = append(p.Examples, table+" "+id+" → "+parent)
		}
		p.Count++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: PRAGMA foreign_key_check: %w", err)
	}
	if p.Count > 0 {
		r.Problems = append(r.Problems, p)
	}
	return nil
}
