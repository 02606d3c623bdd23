-- +goose Up
-- What tagdrop derives from each offer's price history, kept beside the offer so pages and alerts
-- read it instead of recomputing it (see pricing.Figures): the lowest price of the last 30 days
-- (the EU Omnibus reference), the all-time low, and whether the claimed discount is questionable.
-- figures_until is when the figures next change with time alone: NULL means "when the history
-- changes", 0 means "never computed", so existing offers (and any offer written without them)
-- are due at the next refresh. feed_runs learn whether a run was a complete feed, which a later
-- complete feed's size is checked against, and why a run failed or was suppressed.
-- Keep this file and postgres/00002_offer_figures.sql in step.

ALTER TABLE offers ADD COLUMN lowest_30d INTEGER;
ALTER TABLE offers ADD COLUMN all_time_low INTEGER;
ALTER TABLE offers ADD COLUMN questionable INTEGER NOT NULL DEFAULT 0;
ALTER TABLE offers ADD COLUMN figures_until INTEGER DEFAULT 0;
CREATE INDEX offers_figures_due ON offers(retailer_id, figures_until);

ALTER TABLE feed_runs ADD COLUMN full_feed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feed_runs ADD COLUMN reason TEXT NOT NULL DEFAULT '';
CREATE INDEX feed_runs_retailer ON feed_runs(retailer_id, status, observed_at);

-- +goose Down
SELECT 'down migrations are not supported';
