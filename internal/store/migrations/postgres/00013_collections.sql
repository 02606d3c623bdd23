-- +goose Up
-- Collections editor and click-outs by collection (issue 7, docs/collections.md). A click-out
-- made from a collection page carries the collection's id in its token (clicks.Token v2) and is
-- recorded here; the admin dashboard groups clicks by (collection_id, at). Deleting a collection
-- keeps its clicks with a NULL reference. Keep this file and sqlite/00013_collections.sql in step.

ALTER TABLE clickouts ADD COLUMN collection_id BIGINT REFERENCES collections(id) ON DELETE SET NULL;
CREATE INDEX clickouts_collection_at ON clickouts(collection_id, at);

-- The public list and the digest read visible collections newest first.
CREATE INDEX collections_status_publish ON collections(status, publish_at);
-- Deleting a product removes it from collections (ON DELETE CASCADE), which needs this index.
CREATE INDEX collection_items_product ON collection_items(product_id);

-- +goose Down
SELECT 'down migrations are not supported';
