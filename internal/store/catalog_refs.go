package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
)

// An import's writer connection on SQLite runs with foreign-key enforcement off (see
// NewCatalogWriter): every row an import inserts would otherwise cost SQLite a look-up of each
// row it points at (an offer's product and retailer, a price change's offer and feed run, …),
// some five million B-tree searches for a million-item feed, a tenth of its first import.
// What enforcement guarded is kept by other means:
//   - References inside a batch (offers to the products the batch found or made, price changes
//     and sale events to the offers it wrote, keys to its products) hold by construction: the
//     ids come from rows read or written in the same transaction.
//   - References to rows outside it (brands and categories an import remembers from earlier
//     batches, its retailer and feed run) are noted as they are written and checked as the
//     transaction ends (checkRefs): a brand deleted by a merge while the import ran fails the
//     batch as enforcement would have, instead of leaving a product pointing nowhere.
//   - Deleting rows that others point at needs the ON DELETE actions, which only enforcement
//     performs: MergeProducts refuses to run unchecked (errNeedsCascades), and the writer runs
//     that batch again with enforcement on.

// errNeedsCascades is returned by a CatalogTx that was asked to delete rows other rows point
// at while foreign-key enforcement is off; CatalogWriter.InCatalogTx then runs the batch again
// with it on.
var errNeedsCascades = errors.New("this transaction deletes rows other rows point at: it needs foreign-key enforcement")

// refTables are the tables whose rows a catalogue transaction points at without having read or
// written them itself, in the order checkRefs checks them.
var refTables = []string{"retailers", "feed_runs", "brands", "categories"}

// noteRef records that a row written in the transaction points at row id of table (one of
// refTables), when enforcement is off. Id 0 is no reference.
func (c *CatalogTx) noteRef(table string, id int64) {
	if !c.unchecked || id == 0 {
		return
	}
	if c.refs == nil {
		c.refs = map[string]map[int64]bool{}
	}
	ids := c.refs[table]
	if ids == nil {
		ids = map[int64]bool{}
		c.refs[table] = ids
	}
	ids[id] = true
}

// checkRefs fails when a row the transaction pointed at (noteRef) does not exist, with the
// error foreign-key enforcement would have given.
func (c *CatalogTx) checkRefs(ctx context.Context) error {
	for _, table := range refTables {
		want := c.refs[table]
		if len(want) == 0 {
			continue
		}
		ids := make([]int64, 0, len(want))
		for id := range want {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		found, err := c.idsWhere(ctx, `SELECT id FROM `+table+` WHERE id IN (`, ids)
		if err != nil {
			return fmt.Errorf("check references to %s: %w", table, err)
		}
		for _, id := range ids {
			if !found[id] {
				return fmt.Errorf("FOREIGN KEY constraint failed: %s row %d, which this batch points at, does not exist", table, id)
			}
		}
	}
	return nil
}

// noteProductRefs notes the rows outside the transaction a product row written in it points at.
func (c *CatalogTx) noteProductRefs(p StoredProduct) {
	c.noteRef("brands", p.BrandID)
	c.noteRef("categories", p.CategoryID)
	c.noteRef("retailers", p.SourceRetailerID)
}
