package ingest

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/tagdrop/tagdrop/internal/catalog"
	"github.com/tagdrop/tagdrop/internal/store"
)

// A product's descriptive fields (brand, category, title, description, colour, material,
// gender, image, GTIN, MPN) have one owner: the offer that created the product, its source
// (retailer and item id, kept on the product row). The rule:
//
//   - the source offer writes every field it gives (a field it leaves empty keeps its value);
//   - any other offer, of the same retailer or another, only fills fields that are empty;
//   - a product without a source (its offers predate sources and it had none) is claimed by the
//     first offer that writes it.
//
// So the fields never flip between retailers, or between the sizes of one retailer's style
// (whose titles often differ by the size), whatever order feeds and batches come in: after one
// pass, a product changes only when its source offer changes, or when an empty field is filled.
// A product whose source offer disappeared keeps its fields (other offers still fill gaps).
// Offer-level fields (price, size, link) stay on each offer.
//
// Listed retailers' words come before a tracked page's. A tracked page (an offer of an unlisted
// shop, one a shopper pasted) writes no field of a product that has any listed retailer's
// offer, live or gone: not even an empty one. And a listed retailer's offer that joins a product
// whose source is an unlisted shop (the page created it) takes the product over: it becomes the
// source and writes every field it gives, as the creator would have. From then on the tracked
// page changes nothing, so the two never take turns.
//
// Products merged into a batch's product (identity.go) count as one more offer each: they fill
// the survivor's empty fields, or, when the survivor's source is an unlisted shop and theirs a
// listed retailer, their fields and source take over.

// productPlan is what a batch writes to products.
type productPlan struct {
	creates []store.StoredProduct // product -n is creates[n-1]
	updates []store.StoredProduct // stored products whose row must be written
	changed map[int64]bool        // stored products whose descriptive fields changed
}

// fieldRights is what a batch needs to know about listing to apply the rule: whether its
// retailer is listed, which sources of its stored products are, and (for an unlisted retailer)
// which stored products a listed retailer sells.
type fieldRights struct {
	listed       bool
	listedSource map[int64]bool // retailer id → listed, for the stored products' sources
	listedOffers map[int64]bool // product id → has a listed retailer's offer (unlisted batches)
}

// fieldRights reads the listing facts planProducts needs about the stored products of a batch.
func (w *batchWriter) fieldRights(ctx context.Context, stored map[int64]store.StoredProduct) (fieldRights, error) {
	if len(stored) == 0 {
		return fieldRights{}, nil // new products only: nothing to decide
	}
	retailer := w.run.retailer.ID
	ids := []int64{retailer}
	seen := map[int64]bool{retailer: true}
	products := make([]int64, 0, len(stored))
	for id, p := range stored {
		products = append(products, id)
		if p.SourceRetailerID != 0 && !seen[p.SourceRetailerID] {
			seen[p.SourceRetailerID] = true
			ids = append(ids, p.SourceRetailerID)
		}
	}
	listed, err := w.tx.ListedRetailers(ctx, ids)
	if err != nil {
		return fieldRights{}, err
	}
	r := fieldRights{listed: listed[retailer], listedSource: listed}
	if !r.listed {
		slices.Sort(products)
		if r.listedOffers, err = w.tx.ProductsWithListedOffers(ctx, products); err != nil {
			return fieldRights{}, err
		}
	}
	return r, nil
}

// planProducts applies the ownership rule to a batch: items in the batch's order, each joined to the
// product res gives it (stored holds the existing ones and those res merges away), names[i]
// being item i's naming key.
func planProducts(batch []listing, res resolution, names []string, stored map[int64]store.StoredProduct, retailerID int64, rights fieldRights) (productPlan, error) {
	plan := productPlan{creates: make([]store.StoredProduct, len(res.creators)), changed: map[int64]bool{}}
	work := map[int64]*store.StoredProduct{}
	load := func(id int64) (*store.StoredProduct, bool) {
		if p, ok := work[id]; ok {
			return p, true
		}
		s, found := stored[id]
		if !found {
			return nil, false
		}
		work[id] = &s
		return &s, true
	}
	for _, m := range res.merges {
		into, ok := load(m.into)
		from, found := stored[m.from]
		if !ok || !found {
			return plan, fmt.Errorf("merge product %d into %d: a product to merge does not exist", m.from, m.into)
		}
		if (into.SourceRetailerID == 0 || !rights.listedSource[into.SourceRetailerID]) && from.SourceRetailerID != 0 && rights.listedSource[from.SourceRetailerID] {
			into.SourceRetailerID, into.SourceItemID = from.SourceRetailerID, from.SourceItemID
			overwrite(&into.Product, from.Product)
			continue
		}
		if into.SourceRetailerID == 0 && into.SourceItemID == "" {
			into.SourceRetailerID, into.SourceItemID = from.SourceRetailerID, from.SourceItemID
		}
		fillEmpty(&into.Product, from.Product)
	}
	for i := range batch {
		l := &batch[i]
		id := res.ids[i]
		if id < 0 {
			p := &plan.creates[-id-1]
			if res.creators[-id-1] == i {
				*p = store.StoredProduct{Product: l.product, SourceRetailerID: retailerID, SourceItemID: l.offer.ItemID}
				p.Key = names[i]
				continue
			}
			fillEmpty(&p.Product, l.product)
			continue
		}
		p, ok := load(id)
		if !ok {
			return plan, fmt.Errorf("item %s (line %d): product %d named by its keys does not exist", l.offer.ItemID, l.line, id)
		}
		switch {
		case !rights.listed && rights.listedOffers[id]:
			// A tracked page never writes a product a listed retailer sells.
		case rights.listed && (p.SourceRetailerID == 0 || !rights.listedSource[p.SourceRetailerID]):
			// A listed offer takes over a product whose words came from an unlisted shop (or
			// from no one). The retailer is listed, so from here on it is the source.
			p.SourceRetailerID, p.SourceItemID = retailerID, l.offer.ItemID
			overwrite(&p.Product, l.product)
		case p.SourceRetailerID == 0 && p.SourceItemID == "":
			p.SourceRetailerID, p.SourceItemID = retailerID, l.offer.ItemID
			overwrite(&p.Product, l.product)
		case p.SourceRetailerID == retailerID && p.SourceItemID == l.offer.ItemID:
			overwrite(&p.Product, l.product)
		default:
			fillEmpty(&p.Product, l.product)
		}
	}
	for id, p := range work {
		old := stored[id]
		switch {
		case !sameProduct(old.Product, p.Product):
			plan.changed[id] = true
			plan.updates = append(plan.updates, *p)
		case old.SourceRetailerID != p.SourceRetailerID || old.SourceItemID != p.SourceItemID:
			plan.updates = append(plan.updates, *p) // bookkeeping only: nothing a shopper sees moved
		}
	}
	// In id order, so that concurrent imports lock rows in the same order.
	slices.SortFunc(plan.updates, func(a, b store.StoredProduct) int { return cmp.Compare(a.ID, b.ID) })
	return plan, nil
}

// overwrite sets every field the item gives.
func overwrite(p *catalog.Product, item catalog.Product) {
	setID(&p.BrandID, item.BrandID, false)
	setID(&p.CategoryID, item.CategoryID, false)
	set(&p.Title, item.Title, false)
	set(&p.Description, item.Description, false)
	if item.Color != "" {
		p.Color, p.ColorFamily = item.Color, item.ColorFamily
	}
	set(&p.Material, item.Material, false)
	set(&p.Gender, item.Gender, false)
	set(&p.ImageURL, item.ImageURL, false)
	set(&p.GTIN, item.GTIN, false)
	set(&p.MPN, item.MPN, false)
}

// fillEmpty sets the fields the product lacks and the item gives.
func fillEmpty(p *catalog.Product, item catalog.Product) {
	setID(&p.BrandID, item.BrandID, true)
	setID(&p.CategoryID, item.CategoryID, true)
	set(&p.Title, item.Title, true)
	set(&p.Description, item.Description, true)
	if p.Color == "" && item.Color != "" {
		p.Color, p.ColorFamily = item.Color, item.ColorFamily
	}
	set(&p.Material, item.Material, true)
	set(&p.Gender, item.Gender, true)
	set(&p.ImageURL, item.ImageURL, true)
	set(&p.GTIN, item.GTIN, true)
	set(&p.MPN, item.MPN, true)
}

func set(field *string, v string, onlyEmpty bool) {
	if v != "" && (!onlyEmpty || *field == "") {
		*field = v
	}
}

func setID(field *int64, v int64, onlyEmpty bool) {
	if v != 0 && (!onlyEmpty || *field == 0) {
		*field = v
	}
}

// sameProduct compares the descriptive fields.
func sameProduct(a, b catalog.Product) bool {
	return a.BrandID == b.BrandID && a.CategoryID == b.CategoryID && a.Title == b.Title && a.Description == b.Description &&
		a.Color == b.Color && a.ColorFamily == b.ColorFamily && a.Material == b.Material && a.Gender == b.Gender &&
		a.ImageURL == b.ImageURL && a.GTIN == b.GTIN && a.MPN == b.MPN
}
