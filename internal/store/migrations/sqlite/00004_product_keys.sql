-- +goose Up
-- Product identity as a set of keys (catalog.ProductKeys): every GTIN, brand + MPN, the
-- retailer's item group and brand + title of the offers a product has met name it here, so a
-- later offer joins it through any of them. products.product_key stays the product's name.
-- Existing products bring their one key (an old "gtin:" key in the 14-digit form new keys use).
-- A product's descriptive fields belong to the offer that created it (source_retailer_id,
-- source_item_id); other offers only fill what is empty. Existing products take their oldest
-- offer as their source. offers_figures_due_at lets the periodic figures refresh pick due offers
-- of every retailer in due order. Keep this file and postgres/00004_product_keys.sql in step.

-- WITHOUT ROWID: the key is the table's only B-tree, so a lookup or an insert touches one tree.
CREATE TABLE product_keys (
    key           TEXT PRIMARY KEY,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX product_keys_product ON product_keys(product_id);

-- (WHERE true: SQLite needs a WHERE before ON CONFLICT in INSERT … SELECT.)
INSERT INTO product_keys (key, product_id) SELECT product_key, id FROM products WHERE true ON CONFLICT DO NOTHING;
INSERT INTO product_keys (key, product_id)
    SELECT 'gtin:' || substr('000000' || substr(product_key, 6), -14), id FROM products
    WHERE product_key LIKE 'gtin:%' AND length(product_key) - 5 IN (8, 12, 13) AND substr(product_key, 6) NOT GLOB '*[^0-9]*'
    ON CONFLICT DO NOTHING;

ALTER TABLE products ADD COLUMN source_retailer_id INTEGER REFERENCES retailers(id) ON DELETE SET NULL;
ALTER TABLE products ADD COLUMN source_item_id TEXT NOT NULL DEFAULT '';
UPDATE products SET
    source_retailer_id = (SELECT o.retailer_id FROM offers o WHERE o.product_id = products.id ORDER BY o.id LIMIT 1),
    source_item_id = COALESCE((SELECT o.item_id FROM offers o WHERE o.product_id = products.id ORDER BY o.id LIMIT 1), '');

CREATE INDEX offers_figures_due_at ON offers(figures_until, id);
-- A retailer's offers on given products (product identity): without it SQLite walks every offer
-- of the retailer per batch through offers_figures_due, which made a 1M-item import quadratic.
CREATE INDEX offers_product_retailer ON offers(product_id, retailer_id);

-- +goose Down
SELECT 'down migrations are not supported';
