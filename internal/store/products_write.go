package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/tagdrop/tagdrop/internal/catalog"
)

// This file is product identity and the product rows the importer writes. A product is named by
// every key its offers have brought (product_keys, see catalog.ProductKeys); the importer loads
// the keys of a batch in one query, decides in Go which product each item belongs to, then
// creates, updates and registers keys in one multi-row statement each.

// StoredProduct is a product row as the importer reads and writes it: the descriptive fields and
// the offer that owns them (the retailer and item id that created the product; zero for a
// product no offer owns).
type StoredProduct struct {
	catalog.Product
	SourceRetailerID int64
	SourceItemID     string
}

// ProductKeyRow ties an identity key to a product.
type ProductKeyRow struct {
	Key       string
	ProductID int64
}

// ProductsByKey returns the products that own any of keys, by key; keys nobody owns are absent.
func (c *CatalogTx) ProductsByKey(ctx context.Context, keys []string) (map[string]int64, error) {
	out := make(map[string]int64, len(keys))
	for start := 0; start < len(keys); start += maxRowsPerStatement {
		part := keys[start:min(len(keys), start+maxRowsPerStatement)]
		args := make([]any, len(part))
		for i, k := range part {
			args[i] = k
		}
		rows, err := c.query(ctx, len(part) == maxRowsPerStatement, `SELECT product_id, key FROM product_keys WHERE key IN (`+c.ph.inList(len(part), 1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("load product keys: %w", err)
		}
		if err := scanIDs(rows, out); err != nil {
			return nil, fmt.Errorf("load product keys: %w", err)
		}
	}
	return out, nil
}

// RetailerItemsOf returns, for each of the given products, the item ids of the retailer's offers
// on it (gone ones included); products without any are absent.
func (c *CatalogTx) RetailerItemsOf(ctx context.Context, retailerID int64, productIDs []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	for start := 0; start < len(productIDs); start += maxRowsPerStatement {
		part := productIDs[start:min(len(productIDs), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)+1)
		args = append(args, retailerID)
		for _, id := range part {
			args = append(args, id)
		}
		rows, err := c.query(ctx, len(part) == maxRowsPerStatement, c.ph.sql(`SELECT product_id, item_id FROM offers WHERE retailer_id = $1 AND product_id IN (`)+
			c.ph.inList(len(part), 2)+`) ORDER BY product_id, item_id`, args...)
		if err != nil {
			return nil, fmt.Errorf("load retailer's items of products: %w", err)
		}
		for rows.Next() {
			var id int64
			var item string
			if err := rows.Scan(&id, &item); err != nil {
				rows.Close()
				return nil, fmt.Errorf("load retailer's items of products: %w", err)
			}
			out[id] = append(out[id], item)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("load retailer's items of products: %w", err)
		}
	}
	return out, nil
}

const productColumns = `id, product_key, brand_id, category_id, title, description, color, color_family, material, gender,
	image_url, gtin, mpn, source_retailer_id, source_item_id`

// ProductsByID returns the stored products with the given ids, by id.
func (c *CatalogTx) ProductsByID(ctx context.Context, ids []int64) (map[int64]StoredProduct, error) {
	out := make(map[int64]StoredProduct, len(ids))
	for start := 0; start < len(ids); start += maxRowsPerStatement {
		part := ids[start:min(len(ids), start+maxRowsPerStatement)]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := c.query(ctx, len(part) == maxRowsPerStatement, `SELECT `+productColumns+` FROM products WHERE id IN (`+c.ph.inList(len(part), 1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("load products: %w", err)
		}
		for rows.Next() {
			var p StoredProduct
			var brand, category, source sql.NullInt64
			if err := rows.Scan(&p.ID, &p.Key, &brand, &category, &p.Title, &p.Description, &p.Color, &p.ColorFamily,
				&p.Material, &p.Gender, &p.ImageURL, &p.GTIN, &p.MPN, &source, &p.SourceItemID); err != nil {
				rows.Close()
				return nil, fmt.Errorf("load products: %w", err)
			}
			p.BrandID, p.CategoryID, p.SourceRetailerID = brand.Int64, category.Int64, source.Int64
			out[p.ID] = p
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("load products: %w", err)
		}
	}
	return out, nil
}

// CreateProducts inserts new products and returns their ids by product key (ps must not repeat
// a key). A key that already names a product returns that product's id and leaves its row as it
// is: the same key is the same product. The time is bound once per statement (sharedRows); on
// SQLite the ids come without RETURNING (rowidInsert).
func (c *CatalogTx) CreateProducts(ctx context.Context, ps []StoredProduct, at time.Time) (map[string]int64, error) {
	const own = 14
	ids := make(map[string]int64, len(ps))
	for start := 0; start < len(ps); start += maxRowsPerStatement {
		part := ps[start:min(len(ps), start+maxRowsPerStatement)]
		args := make([]any, 0, 1+len(part)*own)
		args = append(args, unixMS(at)) // created_at and updated_at
		for _, p := range part {
			c.noteProductRefs(p)
			args = append(args, p.Key, nullID(p.BrandID), nullID(p.CategoryID), p.Title, p.Description, p.Color, p.ColorFamily,
				p.Material, p.Gender, p.ImageURL, p.GTIN, p.MPN, nullID(p.SourceRetailerID), p.SourceItemID)
		}
		q := `INSERT INTO products (created_at, updated_at, product_key, brand_id, category_id, title, description, color,
			color_family, material, gender, image_url, gtin, mpn, source_retailer_id, source_item_id)
			VALUES ` + c.ph.sharedRows(len(part), []int{1, 1}, own)
		full := len(part) == maxRowsPerStatement
		if c.db.dialect == SQLite {
			// A key that exists is skipped, and rowidInsert reads its owner back.
			got, err := c.productRowids(part).run(ctx, c, full, q+` ON CONFLICT (product_key) DO NOTHING`, args)
			if err != nil {
				return nil, fmt.Errorf("create products: %w", err)
			}
			for i, p := range part {
				ids[p.Key] = got[i]
			}
			continue
		}
		if err := c.queryIDs(ctx, full, q+` ON CONFLICT (product_key) DO UPDATE SET product_key = excluded.product_key
			RETURNING id, product_key`, args, ids); err != nil {
			return nil, fmt.Errorf("create products: %w", err)
		}
	}
	return ids, nil
}

// UpdateProducts writes the descriptive fields and the source of existing products (by id; the
// product key never changes) in multi-row UPDATE … FROM (VALUES …) statements.
func (c *CatalogTx) UpdateProducts(ctx context.Context, ps []StoredProduct, at time.Time) error {
	types := []string{"bigint", "bigint", "bigint", "text", "text", "text", "text", "text", "text", "text", "text", "text",
		"bigint", "text", "bigint"}
	cols := len(types)
	for start := 0; start < len(ps); start += maxRowsPerStatement {
		part := ps[start:min(len(ps), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)*cols)
		for _, p := range part {
			c.noteProductRefs(p)
			args = append(args, p.ID, nullID(p.BrandID), nullID(p.CategoryID), p.Title, p.Description, p.Color, p.ColorFamily,
				p.Material, p.Gender, p.ImageURL, p.GTIN, p.MPN, nullID(p.SourceRetailerID), p.SourceItemID, unixMS(at))
		}
		values := c.ph.valueRows(len(part), cols)
		if !c.ph.positional {
			values = castFirstRow(values, types)
		}
		q := `WITH v (id, brand_id, category_id, title, description, color, color_family, material, gender, image_url, gtin, mpn,
			source_retailer_id, source_item_id, updated_at) AS (VALUES ` + values + `)
			UPDATE products SET brand_id = v.brand_id, category_id = v.category_id, title = v.title, description = v.description,
			color = v.color, color_family = v.color_family, material = v.material, gender = v.gender, image_url = v.image_url,
			gtin = v.gtin, mpn = v.mpn, source_retailer_id = v.source_retailer_id, source_item_id = v.source_item_id,
			updated_at = v.updated_at
			FROM v WHERE products.id = v.id`
		if _, err := c.exec(ctx, len(part) == maxRowsPerStatement, q, args...); err != nil {
			return fmt.Errorf("update products: %w", err)
		}
	}
	return nil
}

// castFirstRow gives the first row of a PostgreSQL VALUES list explicit types ("($1,$2),…" →
// "($1::bigint,$2::text),…"): PostgreSQL cannot infer the types of parameters in a bare VALUES.
func castFirstRow(values string, types []string) string {
	end := strings.Index(values, ")")
	params := strings.Split(values[1:end], ",")
	for i := range params {
		params[i] += "::" + types[i]
	}
	return "(" + strings.Join(params, ",") + values[end:]
}

// KeyCollision is a key AddProductKeys could not register to Product because Owner, another
// product, held it already: what two imports creating the product of one new GTIN at once
// leave (the later one's product is a duplicate of the earlier one's).
type KeyCollision struct {
	Key            string
	Product, Owner int64
}

// AddProductKeys registers keys to products. A key that already names a product keeps it (the
// first product to claim a key owns it); those that named another product are returned. A
// statement that registers every key it was given costs nothing more; only one that registered
// fewer asks who owns its keys.
func (c *CatalogTx) AddProductKeys(ctx context.Context, rows []ProductKeyRow) ([]KeyCollision, error) {
	const cols = 2
	var taken []KeyCollision
	for start := 0; start < len(rows); start += maxRowsPerStatement {
		part := rows[start:min(len(rows), start+maxRowsPerStatement)]
		args := make([]any, 0, len(part)*cols)
		for _, r := range part {
			args = append(args, r.Key, r.ProductID)
		}
		res, err := c.exec(ctx, len(part) == maxRowsPerStatement, `INSERT INTO product_keys (key, product_id) VALUES `+c.ph.valueRows(len(part), cols)+`
			ON CONFLICT (key) DO NOTHING`, args...)
		if err != nil {
			return taken, fmt.Errorf("add product keys: %w", err)
		}
		if n, err := res.RowsAffected(); err == nil && int(n) == len(part) {
			continue
		}
		more, err := c.keyCollisions(ctx, part)
		if err != nil {
			return taken, err
		}
		taken = append(taken, more...)
	}
	return taken, nil
}

// keyCollisions returns the rows whose key another product owns.
func (c *CatalogTx) keyCollisions(ctx context.Context, rows []ProductKeyRow) ([]KeyCollision, error) {
	args := make([]any, len(rows))
	for i, r := range rows {
		args[i] = r.Key
	}
	owners := make(map[string]int64, len(rows))
	q, err := c.query(ctx, false, `SELECT product_id, key FROM product_keys WHERE key IN (`+c.ph.inList(len(rows), 1)+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("owners of keys already taken: %w", err)
	}
	if err := scanIDs(q, owners); err != nil {
		return nil, fmt.Errorf("owners of keys already taken: %w", err)
	}
	var out []KeyCollision
	for _, r := range rows {
		if owner, ok := owners[r.Key]; ok && owner != r.ProductID {
			out = append(out, KeyCollision{Key: r.Key, Product: r.ProductID, Owner: owner})
		}
	}
	return out, nil
}

// ProductKeysOf returns the keys that name a product, sorted (tests and diagnostics).
func (db *DB) ProductKeysOf(ctx context.Context, productID int64) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT key FROM product_keys WHERE product_id = $1 ORDER BY key`, productID)
	if err != nil {
		return nil, fmt.Errorf("keys of product %d: %w", productID, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			return nil, fmt.Errorf("keys of product %d: %w", productID, err)
		}
		out = append(out, k)
	}
	return out, rows.Err()
}
