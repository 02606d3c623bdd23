-- +goose Up
-- When a retailer's complete feed was last applied (Unix ms). A complete feed names every live
-- offer of its retailer (those it lacks are marked gone), so each live offer was seen then: an
-- import no longer rewrites last_seen_at on every unchanged offer, a million row updates for a
-- million-item feed that changed nothing. An offer's last sighting is the later of its own
-- last_seen_at and, while it is live, this (store.offerColumns); marking an offer gone folds
-- this into its own column first.
-- Keep this file and sqlite/00022_full_feed_seen.sql in step.
ALTER TABLE retailers ADD COLUMN full_feed_seen_at BIGINT;

-- +goose Down
ALTER TABLE retailers DROP COLUMN full_feed_seen_at;
