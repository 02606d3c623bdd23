package store

import (
	"context"
	"fmt"
	"strings"
)

// DueFiguresPlans is the query plans of RefreshOfferFigures's two statements, for
// figures_plan_test.go. On SQLite the planner first gets the statistics of a 1M-offer first
// import (every offer of one retailer, one figures_until for all of them: the shape that made
// it pick a whole-table scan), written into sqlite_stat1 as SQLite's documentation allows; on
// PostgreSQL sequential scans are off, so that an index is chosen even in an empty table and
// the plan shows which.
func (db *DB) DueFiguresPlans(ctx context.Context) ([]string, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	explain := "EXPLAIN "
	if db.dialect == SQLite {
		explain = "EXPLAIN QUERY PLAN "
		for _, q := range []string{
			`ANALYZE`,
			`DELETE FROM sqlite_stat1 WHERE tbl = 'offers'`,
			`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES
				('offers', 'sqlite_autoindex_offers_1', '1000000 1000000 1'),
				('offers', 'offers_figures_due_at', '1000000 1000000 1'),
				('offers', 'offers_product_retailer', '1000000 5 5')`,
			`ANALYZE sqlite_schema`, // reloads the statistics
		} {
			if _, err := conn.ExecContext(ctx, q); err != nil {
				return nil, fmt.Errorf("%s: %w", q, err)
			}
		}
	} else {
		if _, err := conn.ExecContext(ctx, `SET enable_seqscan = off`); err != nil {
			return nil, err
		}
		defer conn.ExecContext(context.Background(), `RESET enable_seqscan`)
	}
	var plans []string
	for _, q := range []string{dueFiguresSQL, dueFiguresOfRetailerSQL} {
		args := []any{int64(1796083200000)}
		if strings.Contains(q, "$2") {
			args = append(args, int64(1))
		}
		rows, err := conn.QueryContext(ctx, explain+db.placeholders().sql(q), args...)
		if err != nil {
			return nil, fmt.Errorf("explain %s: %w", q, err)
		}
		cols, _ := rows.Columns()
		var plan []string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			plan = append(plan, fmt.Sprint(vals[len(vals)-1])) // the detail column on SQLite
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
		plans = append(plans, strings.Join(plan, "\n"))
	}
	return plans, nil
}
