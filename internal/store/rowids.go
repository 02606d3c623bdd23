package store

import (
	"context"
	"database/sql"
	"math"
)

// rowidInsert is a multi-row INSERT on SQLite into a table whose id is an INTEGER PRIMARY KEY
// without AUTOINCREMENT, each row naming a unique key, run without RETURNING (whose rows come
// back one by one as a result set, each key copied out of C memory) and the ids worked out
// instead. A row inserted without an id gets the largest id plus one
// (https://sqlite.org/autoinc.html), so when the statement inserts all its n rows, in VALUES
// order, they get before+1 … before+n. That is checked, not assumed: the statement must report
// n rows changed, the last with id before+n, and the first and last keys must have the ids
// their places give them. Otherwise (a key that existed, so ON CONFLICT DO NOTHING skipped
// it; the largest id taken, so SQLite picked ids at random; anything unforeseen) the ids are
// read back by key.
type rowidInsert struct {
	table string   // its id is the INTEGER PRIMARY KEY
	keys  []string // each row's key, in VALUES order
	// lookup returns a query of (id, key) rows for the given keys.
	lookup func(keys []string) (string, []any)
}

// run executes the INSERT q (a kept statement when full, see query) and returns the keys' ids,
// in keys' order.
func (r rowidInsert) run(ctx context.Context, c *CatalogTx, full bool, q string, args []any) ([]int64, error) {
	var before sql.NullInt64 // NULL: an empty table
	rows, err := c.query(ctx, true, `SELECT max(id) FROM `+r.table)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		if err := rows.Scan(&before); err != nil {
			rows.Close()
			return nil, err
		}
	}
	if err := rows.Close(); err != nil {
		return nil, err
	}
	res, err := c.exec(ctx, full, q, args...)
	if err != nil {
		return nil, err
	}
	ok, err := r.consecutive(ctx, c, res, before.Int64)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(r.keys))
	if ok {
		for i := range ids {
			ids[i] = before.Int64 + 1 + int64(i)
		}
		return ids, nil
	}
	lq, largs := r.lookup(r.keys)
	if rows, err = c.query(ctx, false, lq, largs...); err != nil {
		return nil, err
	}
	byKey := make(map[string]int64, len(r.keys))
	if err := scanIDs(rows, byKey); err != nil {
		return nil, err
	}
	for i, k := range r.keys {
		ids[i] = byKey[k]
	}
	return ids, nil
}

// consecutive reports whether the INSERT that res reports gave the keys the ids
// before+1 … before+len(keys), in order.
func (r rowidInsert) consecutive(ctx context.Context, c *CatalogTx, res sql.Result, before int64) (bool, error) {
	n := int64(len(r.keys))
	if n == 0 || before < 0 || before > math.MaxInt64-n {
		return false, nil
	}
	if got, err := res.RowsAffected(); err != nil || got != n {
		return false, err
	}
	if last, err := res.LastInsertId(); err != nil || last != before+n {
		return false, err
	}
	first, last := r.keys[0], r.keys[n-1]
	lq, largs := r.lookup([]string{first, last})
	rows, err := c.query(ctx, true, lq, largs...) // two keys: the text is always the same
	if err != nil {
		return false, err
	}
	got := make(map[string]int64, 2)
	if err := scanIDs(rows, got); err != nil {
		return false, err
	}
	return got[first] == before+1 && got[last] == before+n, nil
}

// offerRowids is the rowidInsert of a retailer's new offers.
func (c *CatalogTx) offerRowids(retailerID int64, part []NewOffer) rowidInsert {
	items := make([]string, len(part))
	for i, o := range part {
		items[i] = o.ItemID
	}
	return rowidInsert{table: "offers", keys: items, lookup: func(keys []string) (string, []any) {
		args := make([]any, 0, len(keys)+1)
		args = append(args, retailerID)
		for _, k := range keys {
			args = append(args, k)
		}
		return `SELECT id, item_id FROM offers WHERE retailer_id = ? AND item_id IN (` + c.ph.inList(len(keys), 2) + `)`, args
	}}
}

// productRowids is the rowidInsert of new products, by product key.
func (c *CatalogTx) productRowids(part []StoredProduct) rowidInsert {
	keys := make([]string, len(part))
	for i, p := range part {
		keys[i] = p.Key
	}
	return rowidInsert{table: "products", keys: keys, lookup: func(keys []string) (string, []any) {
		args := make([]any, len(keys))
		for i, k := range keys {
			args[i] = k
		}
		return `SELECT id, product_key FROM products WHERE product_key IN (` + c.ph.inList(len(keys), 1) + `)`, args
	}}
}
