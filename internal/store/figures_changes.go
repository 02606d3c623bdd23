package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// RefreshFiguresLogged is RefreshFigures for the refreshes between imports: when an offer's
// 30-day low or questionable mark changes (the window moved, not the price), the change log gets
// an entry for its product, so every live search index shows the new "lowest in 30 days" note and
// questionable mark instead of keeping the old ones until the product next changes.
func (c *CatalogTx) RefreshFiguresLogged(ctx context.Context, offerIDs []int64, now time.Time) error {
	type shown struct {
		product, lowest30d int64
		questionable       bool
	}
	before := make(map[int64]shown, len(offerIDs))
	for start := 0; start < len(offerIDs); start += maxRowsPerStatement {
		part := offerIDs[start:min(len(offerIDs), start+maxRowsPerStatement)]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := c.tx.QueryContext(ctx, `SELECT id, product_id, lowest_30d, questionable FROM offers WHERE id IN (`+c.ph.inList(len(part), 1)+`)`, args...)
		if err != nil {
			return fmt.Errorf("offer figures before refresh: %w", err)
		}
		for rows.Next() {
			var id, product, q int64
			var low sql.NullInt64
			if err := rows.Scan(&id, &product, &low, &q); err != nil {
				rows.Close()
				return fmt.Errorf("offer figures before refresh: %w", err)
			}
			before[id] = shown{product: product, lowest30d: low.Int64, questionable: q != 0}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("offer figures before refresh: %w", err)
		}
	}
	figs, err := c.RefreshFigures(ctx, offerIDs, now)
	if err != nil {
		return err
	}
	seen := map[int64]bool{}
	var products []int64
	for id, f := range figs {
		b, ok := before[id]
		if !ok || (b.lowest30d == f.Lowest30d && b.questionable == f.Questionable) || seen[b.product] {
			continue
		}
		seen[b.product] = true
		products = append(products, b.product)
	}
	return c.AppendChanges(ctx, "product", products)
}
