package ingest

import "context"

// mergeCollided merges the run's products whose key registration found a key taken by another
// product (candidates, store.KeyCollision) into the products they duplicate
// (store.DB.MergeDuplicateProductsOf). An import's own batches never create a product whose
// GTIN or MPN another product holds, but two imports running at once can: each creates the
// product of a new GTIN, and the second's key registration finds the key taken. The run that
// lost sees it here, once both have committed. A run whose keys all registered (every run on
// SQLite, which has one writer at a time, and nearly every one on PostgreSQL) has no candidates
// and reads nothing. A failure is logged, not returned: the run's batches are committed, and
// `tagdrop product dedupe` merges what is left.
func (im *Importer) mergeCollided(ctx context.Context, candidates []int64, retailer string) {
	if len(candidates) == 0 {
		return
	}
	if im.onDedupe != nil {
		im.onDedupe(candidates)
	}
	merged, err := im.db.MergeDuplicateProductsOf(ctx, candidates)
	for _, d := range merged {
		im.logger.Info("merging duplicate products: they share a key", "retailer", retailer, "key", d.Key,
			"product_id", d.Into, "merged_product_id", d.From)
	}
	if err != nil && ctx.Err() == nil {
		im.logger.Error("merging duplicate products failed; tagdrop product dedupe merges them later", "retailer", retailer, "error", err)
	}
}
