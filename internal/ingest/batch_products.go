package ingest

import (
	"context"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/store"
)

// batchProducts is where a batch's items went.
type batchProducts struct {
	ids     []int64        // each item's product
	changed map[int64]bool // stored products whose descriptive fields changed
	touched map[int64]bool // products created or changed: for the change log
}

// products finds, creates and updates the products of a batch's items (see identity.go and
// productfields.go) in a handful of statements: the owners of all the batch's keys in one query,
// the stored products they name in another, then one statement each to create products, update
// them and register new keys. Sizes of one style share a product, so there are fewer products
// than items.
func (w *batchWriter) products(ctx context.Context, batch []listing, counts *batchCounts) (batchProducts, error) {
	items := make([]candidate, len(batch))
	names := make([]string, len(batch))
	var wanted []string // every candidate key of the batch, once
	seen := map[string]bool{}
	for i := range batch {
		l := &batch[i]
		b, err := w.brand(ctx, l.brand)
		if err != nil {
			return batchProducts{}, err
		}
		cat, err := w.category(ctx, l.category)
		if err != nil {
			return batchProducts{}, err
		}
		l.keyParts.Brand = b.Name
		l.product.BrandID, l.product.CategoryID = b.ID, cat
		id := w.run.im.memo.identity(l.keyParts)
		items[i] = candidate{keys: id.keys, item: l.offer.ItemID, grouped: id.grouped}
		names[i] = id.keys[id.name]
		counts.badGTINs += id.badGTINs
		for _, k := range id.keys {
			if !seen[k] {
				seen[k] = true
				wanted = append(wanted, k)
			}
		}
	}
	owners, err := w.tx.ProductsByKey(ctx, wanted)
	if err != nil {
		return batchProducts{}, err
	}
	var shopItems map[int64][]string
	if titled := titleCandidates(items, owners); len(titled) > 0 {
		if shopItems, err = w.tx.RetailerItemsOf(ctx, w.run.retailer.ID, titled); err != nil {
			return batchProducts{}, err
		}
	}
	res, err := w.resolve(ctx, items, owners, shopItems)
	if err != nil {
		return batchProducts{}, err
	}

	var existing []int64
	have := map[int64]bool{}
	for _, id := range res.ids {
		if id > 0 && !have[id] {
			have[id] = true
			existing = append(existing, id)
		}
	}
	for _, m := range res.merges { // their fields join the survivor's (productfields.go)
		existing = append(existing, m.from)
	}
	stored, err := w.tx.ProductsByID(ctx, existing)
	if err != nil {
		return batchProducts{}, err
	}
	plan, err := w.planAndMerge(ctx, batch, res, names, stored)
	if err != nil {
		return batchProducts{}, err
	}
	// Rows go in key order, so that concurrent imports wait on each other's keys in one order
	// (PostgreSQL) rather than deadlocking.
	creates := slices.Clone(plan.creates)
	slices.SortFunc(creates, func(a, b store.StoredProduct) int { return strings.Compare(a.Key, b.Key) })
	created, err := w.tx.CreateProducts(ctx, creates, w.run.at)
	if err != nil {
		return batchProducts{}, err
	}
	if err := w.tx.UpdateProducts(ctx, plan.updates, w.run.at); err != nil {
		return batchProducts{}, err
	}
	productOf := func(id int64) int64 { // the real id of a product named as in res.ids
		if id < 0 {
			return created[plan.creates[-id-1].Key]
		}
		return id
	}
	if len(res.claims) > 0 {
		rows := make([]store.ProductKeyRow, len(res.claims))
		for i, c := range res.claims {
			rows[i] = store.ProductKeyRow{Key: c.key, ProductID: productOf(c.product)}
		}
		slices.SortFunc(rows, func(a, b store.ProductKeyRow) int { return strings.Compare(a.Key, b.Key) })
		taken, err := w.tx.AddProductKeys(ctx, rows)
		if err != nil {
			return batchProducts{}, err
		}
		for _, t := range taken { // a concurrent import registered the key first (identity_dedupe.go)
			counts.collided = append(counts.collided, t.Product)
		}
	}
	for _, c := range res.conflicts {
		l := batch[c.item]
		counts.conflicts = append(counts.conflicts, identityConflict{Item: l.offer.ItemID, Line: l.line, Key: c.key,
			Product: productOf(c.chosen), Other: productOf(c.other)})
	}

	out := batchProducts{ids: make([]int64, len(batch)), changed: plan.changed, touched: map[int64]bool{}}
	for i, id := range res.ids {
		out.ids[i] = productOf(id)
	}
	for _, p := range plan.creates {
		out.touched[created[p.Key]] = true
	}
	for id := range plan.changed {
		out.touched[id] = true
	}
	return out, nil
}
