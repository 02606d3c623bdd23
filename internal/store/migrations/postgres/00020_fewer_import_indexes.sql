-- +goose Up
-- Each index on offers costs every insert of an import, and at a million offers each is one
-- more randomly-keyed B-tree whose pages a batch dirties (docs/PERFORMANCE.md, Ingest).
-- offers_figures_due (retailer_id, figures_until) served one statement, the refresh of one
-- retailer's due figures after its import (DB.RefreshOfferFigures); that statement now walks
-- offers_figures_due_at (figures_until, id), which only due offers of any retailer satisfy,
-- and filters by retailer on the rows. Lookups by retailer alone keep the
-- (retailer_id, item_id) unique index.
-- Keep this file and sqlite/00020_fewer_import_indexes.sql in step.
DROP INDEX offers_figures_due;

-- +goose Down
CREATE INDEX offers_figures_due ON offers(retailer_id, figures_until);
