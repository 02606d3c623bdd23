package ingest

import (
	"context"

	"github.com/tagdrop/tagdrop/internal/store"
)

// resolve is the package-level resolve for a batch of this run: conflicts merge stored products
// only when the run's retailer is listed (a feed), never for an unlisted shop's pages. The
// listing is read only when the batch has a merge to make.
func (w *batchWriter) resolve(ctx context.Context, items []candidate, owners map[string]int64, shopItems map[int64][]string) (resolution, error) {
	res := resolve(items, owners, shopItems, true)
	if len(res.merges) == 0 {
		return res, nil
	}
	listed, err := w.tx.ListedRetailers(ctx, []int64{w.run.retailer.ID})
	if err != nil {
		return resolution{}, err
	}
	if !listed[w.run.retailer.ID] {
		res = resolve(items, owners, shopItems, false)
	}
	return res, nil
}

// planAndMerge decides the batch's product rows (productfields.go), then folds the products the
// batch's conflicts merged into their survivors, logging each merge. stored must hold the
// products res names and those it merges away.
func (w *batchWriter) planAndMerge(ctx context.Context, batch []listing, res resolution, names []string, stored map[int64]store.StoredProduct) (productPlan, error) {
	rights, err := w.fieldRights(ctx, stored)
	if err != nil {
		return productPlan{}, err
	}
	plan, err := planProducts(batch, res, names, stored, w.run.retailer.ID, rights)
	if err != nil {
		return productPlan{}, err
	}
	if len(res.merges) == 0 {
		return plan, nil
	}
	merges := make([]store.ProductMerge, len(res.merges))
	for i, m := range res.merges {
		merges[i] = store.ProductMerge{From: m.from, Into: m.into}
	}
	// Logged once merged: a writer may run the batch twice to merge (store.CatalogWriter).
	if err := w.tx.MergeProducts(ctx, merges); err != nil {
		return productPlan{}, err
	}
	for _, m := range res.merges {
		l := batch[m.item]
		w.run.im.logger.Info("merging products: an offer's keys name both", "retailer", w.run.retailer.Slug,
			"item", l.offer.ItemID, "line", l.line, "key", m.key, "product_id", m.into, "merged_product_id", m.from)
	}
	return plan, nil
}
