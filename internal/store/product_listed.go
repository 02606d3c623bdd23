package store

import (
	"context"
	"fmt"
)

// Whose words a product shows: the importer lets a tracked page (an unlisted shop's offer) write
// only products that no listed retailer sells, and lets a listed retailer's offer take over a
// product whose fields came from an unlisted shop. These two reads tell it which is which.

// ListedRetailers returns which of the given retailers are listed (part of the public
// catalogue); unlisted and unknown ones are absent.
func (c *CatalogTx) ListedRetailers(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out, err := c.idsWhere(ctx, `SELECT id FROM retailers WHERE listed = 1 AND id IN (`, ids)
	if err != nil {
		return nil, fmt.Errorf("listed retailers: %w", err)
	}
	return out, nil
}

// ProductsWithListedOffers returns which of the given products have an offer, live or gone, of
// a listed retailer; the others are absent.
func (c *CatalogTx) ProductsWithListedOffers(ctx context.Context, ids []int64) (map[int64]bool, error) {
	out, err := c.idsWhere(ctx, `SELECT p.id FROM products p WHERE EXISTS (SELECT 1 FROM offers o
		JOIN retailers r ON r.id = o.retailer_id WHERE o.product_id = p.id AND r.listed = 1) AND p.id IN (`, ids)
	if err != nil {
		return nil, fmt.Errorf("products with listed offers: %w", err)
	}
	return out, nil
}

// idsWhere runs prefix + "<ids>)", a query of one id column, over ids in parts, and returns the
// ids it yields as a set.
func (c *CatalogTx) idsWhere(ctx context.Context, prefix string, ids []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		got, err := queryColumn[int64](ctx, c.tx, prefix+c.ph.inList(len(part), 1)+`)`, int64Args(part)...)
		if err != nil {
			return nil, err
		}
		for _, id := range got {
			out[id] = true
		}
	}
	return out, nil
}
