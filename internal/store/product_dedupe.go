package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// Duplicate products: two products that an import would join, left apart. Imports merge two
// products when one offer's keys name both (internal/ingest/identity.go), and only when that
// offer is applied; an unchanged record is skipped (feed hashes), so products that ought to be
// one stay two until a linking offer changes. They arise when two imports running at once each
// create the product of a new GTIN (the second's key registration finds the key taken and keeps
// the product it made), and in data written before a rule existed. DuplicateProducts finds them
// from what is stored: each product's own strong keys (GTIN, brand + MPN + colour, computed
// from its gtin, mpn, brand and colour by catalog.ProductKeys) name the product that owns that
// key in product_keys, or another product whose own fields give the same key. Titles are never
// evidence, and only products whose source is a listed retailer (or that have none) take part,
// on either side: a shopper's pasted page merges nothing, as in imports.

// ProductDuplicate is a product found to be another one: From shares Key with Into, the
// oldest product (smallest id) of those found to be one.
type ProductDuplicate struct {
	From, Into int64
	Key        string
}

// DuplicateProducts returns the products with id above afterID (0: every product) that are
// duplicates, each with the survivor it is to be merged into, by From. The survivor is the
// oldest of the products found to be one and is never itself a From.
func (db *DB) DuplicateProducts(ctx context.Context, afterID int64) ([]ProductDuplicate, error) {
	return db.duplicateProducts(ctx, []productRange{{where: `p.id > $1`, args: []any{afterID}}})
}

// DuplicateProductsOf is DuplicateProducts for the products with the given ids (an import's
// products whose key registration found a key taken, KeyCollision): they are compared with each
// other and with the owners of their keys. No ids, no query.
func (db *DB) DuplicateProductsOf(ctx context.Context, ids []int64) ([]ProductDuplicate, error) {
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var ranges []productRange
	ph := db.placeholders()
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		ranges = append(ranges, productRange{where: `p.id IN (` + ph.inList(len(part), 1) + `)`, args: int64Args(part)})
	}
	return db.duplicateProducts(ctx, ranges)
}

// productRange is a condition on products p (one statement's worth of them), for
// duplicateProducts; ranges come in id order.
type productRange struct {
	where string
	args  []any
}

// duplicateProducts finds the duplicates among the products of ranges and the owners of their
// strong keys (see DuplicateProducts).
func (db *DB) duplicateProducts(ctx context.Context, ranges []productRange) ([]ProductDuplicate, error) {
	if len(ranges) == 0 {
		return nil, nil
	}
	u := newProductUnion()
	claimed := map[string]int64{} // strong key → the first (oldest) product whose fields give it
	for _, r := range ranges {
		if err := db.claimStrongKeys(ctx, r, claimed, u); err != nil {
			return nil, fmt.Errorf("duplicate products: %w", err)
		}
	}
	if err := db.joinKeyOwners(ctx, claimed, u); err != nil {
		return nil, fmt.Errorf("duplicate products: %w", err)
	}
	return u.duplicates(), nil
}

// claimStrongKeys reads the products of r with a listed (or no) source, in id order, and
// records the strong keys their own fields give in claimed; a product whose key an earlier one
// claimed is joined to it.
func (db *DB) claimStrongKeys(ctx context.Context, r productRange, claimed map[string]int64, u *productUnion) error {
	rows, err := db.sql.QueryContext(ctx, `SELECT p.id, p.gtin, p.mpn, p.color, COALESCE(b.name, '')
		FROM products p LEFT JOIN brands b ON b.id = p.brand_id LEFT JOIN retailers r ON r.id = p.source_retailer_id
		WHERE `+r.where+` AND (p.gtin <> '' OR p.mpn <> '') AND (p.source_retailer_id IS NULL OR r.listed = 1)
		ORDER BY p.id`, r.args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var parts catalog.KeyParts
		if err := rows.Scan(&id, &parts.GTIN, &parts.MPN, &parts.Color, &parts.Brand); err != nil {
			return err
		}
		for _, k := range strongKeys(parts) {
			if first, ok := claimed[k]; ok {
				u.join(first, id, k)
			} else {
				claimed[k] = id
			}
		}
	}
	return rows.Err()
}

// joinKeyOwners joins each product of claimed to the product that owns its key in
// product_keys, when that is another product with a listed (or no) source.
func (db *DB) joinKeyOwners(ctx context.Context, claimed map[string]int64, u *productUnion) error {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range claimed {
			if !yield(k) {
				return
			}
		}
	})
	ph := db.placeholders()
	for start := 0; start < len(keys); start += maxRowsPerStatement {
		part := keys[start:min(len(keys), start+maxRowsPerStatement)]
		args := make([]any, len(part))
		for i, k := range part {
			args[i] = k
		}
		// CROSS JOIN keeps SQLite to key lookups first: with a long IN list it would rather scan
		// products. PostgreSQL plans it freely.
		rows, err := db.sql.QueryContext(ctx, `SELECT k.key, k.product_id FROM product_keys k CROSS JOIN products p
			LEFT JOIN retailers r ON r.id = p.source_retailer_id
			WHERE k.key IN (`+ph.inList(len(part), 1)+`) AND p.id = k.product_id AND (p.source_retailer_id IS NULL OR r.listed = 1)`, args...)
		if err != nil {
			return fmt.Errorf("key owners: %w", err)
		}
		for rows.Next() {
			var key string
			var owner int64
			if err := rows.Scan(&key, &owner); err != nil {
				rows.Close()
				return fmt.Errorf("key owners: %w", err)
			}
			if id := claimed[key]; id != owner {
				u.join(owner, id, key)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("key owners: %w", err)
		}
	}
	return nil
}

// strongKeys are the GTIN and brand + MPN keys of a product's own fields.
func strongKeys(p catalog.KeyParts) []string {
	keys := catalog.ProductKeys(p)
	out := keys[:0]
	for _, k := range keys {
		if strings.HasPrefix(k, "gtin:") || strings.HasPrefix(k, "mpn:") {
			out = append(out, k)
		}
	}
	return out
}

// productUnion groups products found to be one; the smallest id of a group is its survivor.
type productUnion struct {
	parent map[int64]int64
	why    map[int64]string // a product → the key that first joined it to another
}

func newProductUnion() *productUnion {
	return &productUnion{parent: map[int64]int64{}, why: map[int64]string{}}
}

func (u *productUnion) find(id int64) int64 {
	for {
		p, ok := u.parent[id]
		if !ok || p == id {
			return id
		}
		if gp, ok := u.parent[p]; ok {
			u.parent[id] = gp // path halving
		}
		id = p
	}
}

func (u *productUnion) join(a, b int64, key string) {
	for _, id := range []int64{a, b} {
		if _, ok := u.why[id]; !ok {
			u.why[id] = key
		}
	}
	ra, rb := u.find(a), u.find(b)
	if ra == rb {
		return
	}
	if rb < ra {
		ra, rb = rb, ra
	}
	u.parent[rb] = ra
}

// duplicates lists every product that is not its group's survivor, by id.
func (u *productUnion) duplicates() []ProductDuplicate {
	var out []ProductDuplicate
	for id := range u.parent {
		if root := u.find(id); root != id {
			out = append(out, ProductDuplicate{From: id, Into: root, Key: u.why[id]})
		}
	}
	slices.SortFunc(out, func(a, b ProductDuplicate) int { return cmp.Compare(a.From, b.From) })
	return out
}

// dedupeBatch is how many merges one transaction of mergeDuplicates makes.
const dedupeBatch = 200

// MergeDuplicateProducts merges the duplicates DuplicateProducts finds among the products with
// id above afterID (0: all) into their survivors (see mergeDuplicates). It returns the merges it
// made.
func (db *DB) MergeDuplicateProducts(ctx context.Context, afterID int64) ([]ProductDuplicate, error) {
	dups, err := db.DuplicateProducts(ctx, afterID)
	if err != nil {
		return nil, err
	}
	return db.mergeDuplicates(ctx, dups)
}

// MergeDuplicateProductsOf is MergeDuplicateProducts for the duplicates DuplicateProductsOf
// finds among the products with the given ids.
func (db *DB) MergeDuplicateProductsOf(ctx context.Context, ids []int64) ([]ProductDuplicate, error) {
	dups, err := db.DuplicateProductsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	return db.mergeDuplicates(ctx, dups)
}

// mergeDuplicates merges dups in transactions of a few hundred merges (CatalogTx.MergeProducts:
// offers, keys, loves, tracked pages, collection places, clicks and trends follow). A pair one
// of whose products is gone by the time its transaction runs (an import merged it meanwhile) is
// skipped. It returns the merges it made.
func (db *DB) mergeDuplicates(ctx context.Context, dups []ProductDuplicate) ([]ProductDuplicate, error) {
	var done []ProductDuplicate
	for start := 0; start < len(dups); start += dedupeBatch {
		part := dups[start:min(len(dups), start+dedupeBatch)]
		var merged []ProductDuplicate
		err := db.InCatalogTx(ctx, func(tx *CatalogTx) error {
			merged = merged[:0]
			ids := make([]int64, 0, 2*len(part))
			for _, d := range part {
				ids = append(ids, d.From, d.Into)
			}
			exist, err := existingProducts(ctx, tx, ids)
			if err != nil {
				return err
			}
			var merges []ProductMerge
			for _, d := range part {
				if exist[d.From] && exist[d.Into] {
					merges = append(merges, ProductMerge{From: d.From, Into: d.Into})
					merged = append(merged, d)
				}
			}
			return tx.MergeProducts(ctx, merges)
		})
		if err != nil {
			return done, fmt.Errorf("merge duplicate products: %w", err)
		}
		done = append(done, merged...)
	}
	return done, nil
}

// existingProducts says which of ids are stored products, in the transaction.
func existingProducts(ctx context.Context, tx *CatalogTx, ids []int64) (map[int64]bool, error) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	out := make(map[int64]bool, len(ids))
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		got, err := queryColumn[int64](ctx, tx.tx, `SELECT id FROM products WHERE id IN (`+tx.ph.inList(len(part), 1)+`)`, int64Args(part)...)
		if err != nil {
			return nil, fmt.Errorf("products still there: %w", err)
		}
		for _, id := range got {
			out[id] = true
		}
	}
	return out, nil
}
