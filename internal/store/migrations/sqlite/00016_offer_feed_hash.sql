-- +goose Up
-- feed_hash is a 64-bit hash of the feed record an offer was last applied from, mixed with
-- everything else its normalisation depended on (the normaliser's version, the import's
-- options, the price the record gave at the time it was seen). An import finding the same hash
-- on a live offer knows the record is unchanged and only marks the offer seen, skipping
-- normalising, spooling and comparing it. NULL (every offer written before this migration, and
-- any written without a hash) never matches, so such offers are re-applied once.
-- offers_product (product_id) goes: offers_product_retailer (product_id, retailer_id), from
-- 00004, serves every lookup by product through its first column, and each index an offer
-- carries costs every insert of an import.
-- Keep this file and postgres/00016_offer_feed_hash.sql in step.

ALTER TABLE offers ADD COLUMN feed_hash INTEGER;
DROP INDEX offers_product;

-- +goose Down
SELECT 'down migrations are not supported';
