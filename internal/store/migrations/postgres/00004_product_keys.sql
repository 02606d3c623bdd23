-- +goose Up
-- Product identity as a set of keys (catalog.ProductKeys): every GTIN, brand + MPN, the
-- retailer's item group and brand + title of the offers a product has met name it here, so a
-- later offer joins it through any of them. products.product_key stays the product's name.
-- Existing products bring their one key (an old "gtin:" key in the 14-digit form new keys use).
-- A product's descriptive fields belong to the offer that created it (source_retailer_id,
-- source_item_id); other offers only fill what is empty. Existing products take their oldest
-- offer as their source. offers_figures_due_at lets the periodic figures refresh pick due offers
-- of every retailer in due order. Keep this file and sqlite/00004_product_keys.sql in step.

CREATE TABLE product_keys (
    key           TEXT PRIMARY KEY,
    product_id    BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE
);
CREATE INDEX product_keys_product ON product_keys(product_id);

INSERT INTO product_keys (key, product_id) SELECT product_key, id FROM products ON CONFLICT DO NOTHING;
INSERT INTO product_keys (key, product_id)
    SELECT 'gtin:' || right('000000' || substr(product_key, 6), 14), id FROM products
    WHERE product_key ~ '^gtin:([0-9]{8}|[0-9]{12}|[0-9]{13})$'
    ON CONFLICT DO NOTHING;

ALTER TABLE products ADD COLUMN source_retailer_id BIGINT REFERENCES retailers(id) ON DELETE SET NULL;
ALTER TABLE products ADD COLUMN source_item_id TEXT NOT NULL DEFAULT '';
UPDATE products p SET source_retailer_id = o.retailer_id, source_item_id = o.item_id
    FROM (SELECT DISTINCT ON (product_id) product_id, retailer_id, item_id FROM offers ORDER BY product_id, id) o
    WHERE o.product_id = p.id;

CREATE INDEX offers_figures_due_at ON offers(figures_until, id);
-- A retailer's offers on given products (product identity): without it SQLite walks every offer
-- of the retailer per batch through offers_figures_due, which made a 1M-item import quadratic.
CREATE INDEX offers_product_retailer ON offers(product_id, retailer_id);

-- +goose Down
SELECT 'down migrations are not supported';
