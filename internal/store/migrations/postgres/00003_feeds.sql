-- +goose Up
-- Registered feeds refresh on a schedule: what a refresh needs (currency, on/off) and what the
-- feed health page shows (last success, last error, failures in a row, last run). host is the
-- source URL's host name ('' for a file), so due feeds can be capped per host in one query.
-- Keep this file and sqlite/00003_feeds.sql in step.

ALTER TABLE feeds ADD COLUMN currency TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN enabled BIGINT NOT NULL DEFAULT 1;
ALTER TABLE feeds ADD COLUMN host TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN last_run_id BIGINT REFERENCES feed_runs(id) ON DELETE SET NULL;
ALTER TABLE feeds ADD COLUMN last_success_at BIGINT;
ALTER TABLE feeds ADD COLUMN last_error TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN last_error_at BIGINT;
ALTER TABLE feeds ADD COLUMN failures BIGINT NOT NULL DEFAULT 0;
CREATE INDEX feeds_due ON feeds(next_run_at) WHERE enabled = 1;
CREATE INDEX feed_runs_feed ON feed_runs(feed_id, id);

-- +goose Down
SELECT 'down migrations are not supported';
