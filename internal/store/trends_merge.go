package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
)

// reconcileMergedTrends reconciles the trend counts of products a merge touched (the merged-away
// ones and their survivors) in the merge's own transaction: the merged-away product leaves every
// count it was in and its trend rows go, the survivor is counted with the offers it took over
// (its first listing is the earliest of both, its sale weeks the union). So the trends never
// hold a row of a product that no longer exists, whether or not the trends job runs, and the
// job's later reconcile of the same products (they are in the change log) changes nothing.
// It takes the trends lock (lockTrends) for the rest of the transaction; merges are rare, and
// the lock is what keeps a concurrent trends round from counting the survivor twice.
func (db *DB) reconcileMergedTrends(ctx context.Context, tx *sql.Tx, productIDs []int64) error {
	ids := slices.Clone(productIDs)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	if len(ids) == 0 {
		return nil
	}
	if err := lockTrends(ctx, tx, db.nowMS()); err != nil {
		return fmt.Errorf("merged products' trends: %w", err)
	}
	for start := 0; start < len(ids); start += trendBatch {
		if err := db.reconcileTrends(ctx, tx, ids[start:min(len(ids), start+trendBatch)]); err != nil {
			return fmt.Errorf("merged products' trends: %w", err)
		}
	}
	return nil
}
