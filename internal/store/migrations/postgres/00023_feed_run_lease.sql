-- +goose Up
-- One import of a retailer at a time (store/feedrun_lease.go): a running import holds its
-- retailer while its heartbeat (Unix ms, renewed every store.FeedRunHeartbeat) is fresh; holder
-- names the process ("host pid") so that a run left "running" by a process that died on this
-- host is seen at once for what it is. Runs from before this migration have neither and hold
-- nothing.
-- Keep this file and sqlite/00023_feed_run_lease.sql in step.
ALTER TABLE feed_runs ADD COLUMN heartbeat_at BIGINT;
ALTER TABLE feed_runs ADD COLUMN holder TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE feed_runs DROP COLUMN holder;
ALTER TABLE feed_runs DROP COLUMN heartbeat_at;
