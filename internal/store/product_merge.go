package store

import (
	"context"
	"database/sql"
	"fmt"
)

// ProductMerge is one product folded into another: everything of From moves to Into and From
// is deleted (see CatalogTx.MergeProducts).
type ProductMerge struct{ From, Into int64 }

// MergeProducts folds each merge's From into its Into, in the order given, inside the batch's
// transaction: From's offers (and with them their price history and sale events), keys, loves
// (with their alerts), tracked pages, collection places and clicks move to Into, Into's empty
// descriptive fields take From's, then From is deleted, and as the transaction ends the trend
// counts of both are reconciled (trends_merge.go; last, see CatalogTx.finish). A change-log entry for both lets live search indexes drop From
// and refresh Into. An Into must not itself be merged away by an earlier merge of the list.
func (c *CatalogTx) MergeProducts(ctx context.Context, merges []ProductMerge) error {
	if len(merges) == 0 {
		return nil
	}
	if c.unchecked {
		return errNeedsCascades // CatalogWriter.InCatalogTx runs the batch again, checked
	}
	ids := make([]int64, 0, 2*len(merges))
	for _, m := range merges {
		if m.From <= 0 || m.Into <= 0 || m.From == m.Into {
			return fmt.Errorf("merge product %d into %d: two different stored products are needed", m.From, m.Into)
		}
		if err := mergeProduct(ctx, c.tx, m.From, m.Into, c.now); err != nil {
			return fmt.Errorf("merge product %d into %d: %w", m.From, m.Into, err)
		}
		ids = append(ids, m.From, m.Into)
	}
	c.merged = append(c.merged, ids...) // their trends are reconciled as the transaction ends (finish)
	return c.AppendChanges(ctx, "product", ids)
}

// mergeProduct folds product from into product into, inside tx: offers, keys, loves, tracked
// pages, collection places and clicks move to into, into's empty fields take from's, then from
// is deleted. Where a shopper loved both (same size and colour), into's love is kept and takes
// the other's alerts, tracked pages and what into's lacks (mergeLoves); where a collection lists
// both, the earlier place is kept. The caller reconciles trends and logs the change.
func mergeProduct(ctx context.Context, tx *sql.Tx, from, into int64, now int64) error {
	if err := mergeLoves(ctx, tx, from, into); err != nil {
		return err
	}
	if err := fillProductFields(ctx, tx, from, into); err != nil {
		return err
	}
	steps := []struct{ what, query string }{
		{"offers", `UPDATE offers SET product_id = $1 WHERE product_id = $2`},
		{"keys", `UPDATE product_keys SET product_id = $1 WHERE product_id = $2`},
		{"loves", `UPDATE loves SET product_id = $1 WHERE product_id = $2 AND NOT EXISTS (
			SELECT 1 FROM loves l2 WHERE l2.user_id = loves.user_id AND l2.product_id = $1
			AND l2.size = loves.size AND l2.color = loves.color)`},
		{"tracked pages", `UPDATE tracked_pages SET product_id = $1 WHERE product_id = $2`},
		{"collections", `UPDATE collection_items SET product_id = $1 WHERE product_id = $2`},
		{"clicks", `UPDATE clickouts SET product_id = $1 WHERE product_id = $2`},
	}
	for _, s := range steps {
		if _, err := tx.ExecContext(ctx, s.query, into, from); err != nil {
			return fmt.Errorf("move %s: %w", s.what, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM collection_items WHERE product_id = $1 AND EXISTS (
		SELECT 1 FROM collection_items c2 WHERE c2.collection_id = collection_items.collection_id
		AND c2.product_id = $1 AND c2.position < collection_items.position)`, into); err != nil {
		return fmt.Errorf("collections: drop repeated places: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM products WHERE id = $1`, from); err != nil {
		return fmt.Errorf("delete merged product: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE products SET updated_at = $1 WHERE id = $2`, now, into); err != nil {
		return fmt.Errorf("touch product: %w", err)
	}
	return nil
}

// appendProductChanges writes a change-log entry for each product id (merged-away ones too: the
// live index drops a product the store no longer has), for writes outside a CatalogTx.
func (db *DB) appendProductChanges(ctx context.Context, tx *sql.Tx, ids []int64, now int64) error {
	exec := func(ctx context.Context, _ bool, q string, args ...any) (sql.Result, error) {
		return tx.ExecContext(ctx, q, args...)
	}
	return appendChanges(ctx, db.placeholders(), exec, "product", ids, now)
}

// queryColumn runs a query of one column and returns its values in order.
func queryColumn[T any](ctx context.Context, q queryer, query string, args ...any) ([]T, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
