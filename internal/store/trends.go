package store

import (
	"context"
	"database/sql"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/tagdrop/tagdrop/internal/trends"
)

// This file keeps the trends page's weekly counts (docs/trends.md). Every write reconciles a
// set of products: it reads what each product is now (its terms, the week it was first listed,
// the weeks it went on sale) and what it was last counted as, and moves the counts by the
// difference. Reconciling a product twice changes nothing, so the trends job can reread the
// change log freely, and a full recompute is the same reconcile over every product.

// The two lists the trends page ranks.
const (
	TrendNew  = "new"  // products first listed in a week
	TrendSale = "sale" // products that went on sale in a week
)

// trendBatch is how many products one reconcile transaction takes.
const trendBatch = 500

// trendProduct is what reconciling reads about one product now.
type trendProduct struct {
	terms []trends.Term
	marks map[trendMark]bool
}

type trendMark struct {
	list string
	week int64
}

type trendCell struct {
	list string
	week int64
	term string
}

// TrendCursor is the change log sequence number up to which the trends are current, and
// whether they were ever computed (a new database's trends never were).
func (db *DB) TrendCursor(ctx context.Context) (seq int64, computed bool, err error) {
	if err := db.sql.QueryRowContext(ctx, `SELECT change_seq FROM trend_state WHERE id = 1`).Scan(&seq); err != nil {
		return 0, false, fmt.Errorf("trend cursor: %w", err)
	}
	return max(seq, 0), seq >= 0, nil
}

// UpdateTrends reconciles the given products' counts with what they are now, in transactions
// of a few hundred products; the last one also moves the trend cursor to seq, unless seq is
// negative. Unknown ids (deleted products) are taken out of every count they were in.
func (db *DB) UpdateTrends(ctx context.Context, productIDs []int64, seq int64) error {
	ids := slices.Clone(productIDs)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for start := 0; start < len(ids) || start == 0; start += trendBatch {
		part := ids[start:min(len(ids), start+trendBatch)]
		last := start+trendBatch >= len(ids)
		if err := db.InTx(ctx, func(tx *sql.Tx) error {
			if err := lockTrends(ctx, tx, db.nowMS()); err != nil {
				return err
			}
			if err := db.reconcileTrends(ctx, tx, part); err != nil {
				return err
			}
			if last && seq >= 0 {
				if _, err := tx.ExecContext(ctx, `UPDATE trend_state SET change_seq = $1 WHERE id = 1`, seq); err != nil {
					return fmt.Errorf("trend cursor: %w", err)
				}
			}
			return nil
		}); err != nil {
			return fmt.Errorf("update trends: %w", err)
		}
	}
	return nil
}

// RecomputeTrends rebuilds every count from the catalogue: for tests, repairs and a database
// whose trends were never computed. Changes logged while it runs are after the cursor it sets,
// so the job reconciles them again afterwards. It returns how many products it read.
func (db *DB) RecomputeTrends(ctx context.Context) (int, error) {
	seq, err := db.MaxChangeSeq(ctx)
	if err != nil {
		return 0, err
	}
	if err := db.InTx(ctx, func(tx *sql.Tx) error {
		if err := lockTrends(ctx, tx, db.nowMS()); err != nil {
			return err
		}
		for _, table := range []string{"trend_counts", "trend_marks", "trend_product_terms", "trend_terms"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
				return fmt.Errorf("clear %s: %w", table, err)
			}
		}
		return nil
	}); err != nil {
		return 0, fmt.Errorf("recompute trends: %w", err)
	}
	var after int64
	total := 0
	for {
		rows, err := db.sql.QueryContext(ctx, `SELECT id FROM products WHERE id > $1 ORDER BY id LIMIT $2`, after, trendBatch)
		if err != nil {
			return total, fmt.Errorf("recompute trends: %w", err)
		}
		ids, err := scanInt64s(rows)
		if err != nil {
			return total, fmt.Errorf("recompute trends: %w", err)
		}
		if len(ids) == 0 {
			break
		}
		if err := db.UpdateTrends(ctx, ids, -1); err != nil {
			return total, err
		}
		total += len(ids)
		after = ids[len(ids)-1]
	}
	return total, db.UpdateTrends(ctx, nil, seq)
}

// lockTrends takes the trend state's row lock: trends transactions run one at a time, so two
// workers reconciling the same product cannot both count it.
func lockTrends(ctx context.Context, tx *sql.Tx, now int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE trend_state SET updated_at = $1 WHERE id = 1`, now); err != nil {
		return fmt.Errorf("lock trends: %w", err)
	}
	return nil
}

func (db *DB) reconcileTrends(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	now, err := db.trendFacts(ctx, tx, ids)
	if err != nil {
		return err
	}
	was, err := db.trendCounted(ctx, tx, ids)
	if err != nil {
		return err
	}
	delta := map[trendCell]int{}
	terms := map[string]trends.Term{}
	for _, id := range ids {
		for m := range was[id].marks {
			for _, t := range was[id].terms {
				delta[trendCell{m.list, m.week, t.Key}]--
			}
		}
		for m := range now[id].marks {
			for _, t := range now[id].terms {
				delta[trendCell{m.list, m.week, t.Key}]++
				terms[t.Key] = t
			}
		}
	}
	ph := db.placeholders()
	in := ph.inList(len(ids), 1)
	for _, table := range []string{"trend_product_terms", "trend_marks"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE product_id IN (`+in+`)`, int64Args(ids)...); err != nil {
			return fmt.Errorf("clear %s: %w", table, err)
		}
	}
	var termRows, markRows [][]any
	for _, id := range ids {
		if len(now[id].marks) == 0 {
			continue // never counted: nothing to take back later
		}
		for _, t := range now[id].terms {
			termRows = append(termRows, []any{id, t.Key})
		}
		for m := range now[id].marks {
			markRows = append(markRows, []any{id, m.list, m.week})
		}
	}
	if err := insertRows(ctx, tx, ph, `INSERT INTO trend_product_terms (product_id, term) VALUES `, "", termRows); err != nil {
		return fmt.Errorf("store product terms: %w", err)
	}
	if err := insertRows(ctx, tx, ph, `INSERT INTO trend_marks (product_id, list, week) VALUES `, "", markRows); err != nil {
		return fmt.Errorf("store trend marks: %w", err)
	}
	var termDefs [][]any
	for _, k := range slices.Sorted(maps.Keys(terms)) {
		t := terms[k]
		termDefs = append(termDefs, []any{t.Key, string(t.Kind), t.Label, t.Value})
	}
	// Of the spellings a term is met in, the smallest is shown, whatever order products come
	// in: "micro bag" before "micro bags".
	if err := insertRows(ctx, tx, ph, `INSERT INTO trend_terms (term, kind, label, value) VALUES `,
		` ON CONFLICT (term) DO UPDATE SET label = CASE WHEN excluded.label < trend_terms.label THEN excluded.label ELSE trend_terms.label END`,
		termDefs); err != nil {
		return fmt.Errorf("store trend terms: %w", err)
	}
	var counts [][]any
	for c, d := range delta {
		if d != 0 {
			counts = append(counts, []any{c.list, c.week, c.term, d})
		}
	}
	if err := insertRows(ctx, tx, ph, `INSERT INTO trend_counts (list, week, term, count) VALUES `,
		` ON CONFLICT (list, week, term) DO UPDATE SET count = trend_counts.count + excluded.count`, counts); err != nil {
		return fmt.Errorf("store trend counts: %w", err)
	}
	return nil
}

// insertRows runs head + VALUES rows + tail in statements within the parameter limits.
func insertRows(ctx context.Context, tx *sql.Tx, ph placeholders, head, tail string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	cols := len(rows[0])
	per := max(1, maxRowsPerStatement*4/cols)
	for start := 0; start < len(rows); start += per {
		part := rows[start:min(len(rows), start+per)]
		args := make([]any, 0, len(part)*cols)
		for _, r := range part {
			args = append(args, r...)
		}
		if _, err := tx.ExecContext(ctx, head+ph.valueRows(len(part), cols)+tail, args...); err != nil {
			return err
		}
	}
	return nil
}

// trendFacts reads what the products are now: their terms, the week their first offer at a
// listed retailer was seen and the weeks one went on sale. Unlisted retailers' offers (pages
// shoppers tracked) count for nothing until an admin lists the shop.
func (db *DB) trendFacts(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]trendProduct, error) {
	in := db.placeholders().inList(len(ids), 1)
	args := int64Args(ids)
	out := make(map[int64]trendProduct, len(ids))
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.title, p.color, p.color_family, p.material,
		COALESCE(b.name, ''), COALESCE(b.slug, ''), COALESCE(c.name, ''), COALESCE(c.slug, '')
		FROM products p LEFT JOIN brands b ON b.id = p.brand_id LEFT JOIN categories c ON c.id = p.category_id
		WHERE p.id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("trend products: %w", err)
	}
	for rows.Next() {
		var id int64
		var p trends.Product
		if err := rows.Scan(&id, &p.Title, &p.Colour, &p.ColourFamily, &p.Material, &p.Brand, &p.BrandSlug,
			&p.Category, &p.CategorySlug); err != nil {
			rows.Close()
			return nil, fmt.Errorf("trend products: %w", err)
		}
		out[id] = trendProduct{terms: trends.Terms(p), marks: map[trendMark]bool{}}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("trend products: %w", err)
	}
	mark := func(q, list string) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return fmt.Errorf("trend %s weeks: %w", list, err)
		}
		defer rows.Close()
		for rows.Next() {
			var id, at int64
			if err := rows.Scan(&id, &at); err != nil {
				return fmt.Errorf("trend %s weeks: %w", list, err)
			}
			if p, ok := out[id]; ok {
				p.marks[trendMark{list, unixMS(trends.Week(fromMS(at)))}] = true
			}
		}
		return rows.Err()
	}
	if err := mark(`SELECT o.product_id, MIN(o.first_seen_at) FROM offers o JOIN retailers r ON r.id = o.retailer_id
		WHERE r.listed = 1 AND o.product_id IN (`+in+`) GROUP BY o.product_id`, TrendNew); err != nil {
		return nil, err
	}
	if err := mark(`SELECT o.product_id, e.at FROM sale_events e JOIN offers o ON o.id = e.offer_id
		JOIN retailers r ON r.id = o.retailer_id
		WHERE e.kind = 'on_sale' AND r.listed = 1 AND o.product_id IN (`+in+`)`, TrendSale); err != nil {
		return nil, err
	}
	return out, nil
}

// trendCounted reads what the products were last counted as.
func (db *DB) trendCounted(ctx context.Context, tx *sql.Tx, ids []int64) (map[int64]trendProduct, error) {
	in := db.placeholders().inList(len(ids), 1)
	args := int64Args(ids)
	out := make(map[int64]trendProduct, len(ids))
	get := func(id int64) trendProduct {
		p, ok := out[id]
		if !ok {
			p = trendProduct{marks: map[trendMark]bool{}}
			out[id] = p
		}
		return p
	}
	rows, err := tx.QueryContext(ctx, `SELECT product_id, term FROM trend_product_terms WHERE product_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("counted trend terms: %w", err)
	}
	for rows.Next() {
		var id int64
		var key string
		if err := rows.Scan(&id, &key); err != nil {
			rows.Close()
			return nil, fmt.Errorf("counted trend terms: %w", err)
		}
		p := get(id)
		p.terms = append(p.terms, trends.Term{Key: key})
		out[id] = p
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("counted trend terms: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT product_id, list, week FROM trend_marks WHERE product_id IN (`+in+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("counted trend weeks: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id, week int64
		var list string
		if err := rows.Scan(&id, &list, &week); err != nil {
			return nil, fmt.Errorf("counted trend weeks: %w", err)
		}
		get(id).marks[trendMark{list, week}] = true
	}
	return out, rows.Err()
}

func scanInt64s(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var v int64
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// TrendWeek is one term's count in one week.
type TrendWeek struct {
	Term  trends.Term
	Week  time.Time
	Count int
}

// TrendWeeks returns the counts of list in the weeks from first to last (week starts) of the
// terms counted at least minCount times in the last week: what the trends page ranks, read
// through the primary key, so a term too small to rank costs nothing.
func (db *DB) TrendWeeks(ctx context.Context, list string, first, last time.Time, minCount int) ([]TrendWeek, error) {
	// Driven by the last week's rows (a primary key range), each term's weeks read through
	// trend_counts_term. CROSS JOIN keeps SQLite to that order; PostgreSQL plans it freely.
	rows, err := db.sql.QueryContext(ctx, `SELECT q.term, t.kind, t.label, t.value, c.week, c.count
		FROM trend_counts q CROSS JOIN trend_counts c CROSS JOIN trend_terms t
		WHERE q.list = $1 AND q.week = $2 AND q.count >= $3
		AND c.list = q.list AND c.term = q.term AND c.week >= $4 AND c.week <= $5 AND c.count > 0 AND t.term = q.term`,
		list, unixMS(last), minCount, unixMS(first), unixMS(last))
	if err != nil {
		return nil, fmt.Errorf("trend weeks: %w", err)
	}
	defer rows.Close()
	var out []TrendWeek
	for rows.Next() {
		var w TrendWeek
		var kind string
		var week int64
		if err := rows.Scan(&w.Term.Key, &kind, &w.Term.Label, &w.Term.Value, &week, &w.Count); err != nil {
			return nil, fmt.Errorf("trend weeks: %w", err)
		}
		w.Term.Kind, w.Week = trends.Kind(kind), fromMS(week)
		out = append(out, w)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("trend weeks: %w", err)
	}
	return out, nil
}

// TrendHistory is the first week with any count: how much history the trends have. It is the
// zero time when there is none.
func (db *DB) TrendHistory(ctx context.Context) (first time.Time, err error) {
	var w sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT MIN(week) FROM trend_counts WHERE count > 0`).Scan(&w); err != nil {
		return time.Time{}, fmt.Errorf("trend history: %w", err)
	}
	if !w.Valid {
		return time.Time{}, nil
	}
	return fromMS(w.Int64), nil
}
