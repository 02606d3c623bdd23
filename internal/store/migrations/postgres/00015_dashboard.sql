-- +goose Up
-- The admin dashboard (issue 7, docs/dashboard.md). catalogue_snapshots keeps one row per UTC
-- day (day = Unix ms of its midnight): the catalogue as it stood at the end of that day (or when
-- taken, for today), written by the snapshot job (internal/jobs/snapshot.go), which also
-- backfills missing days from the price history. click_days holds the click-outs of each
-- finished UTC day summed by shop, brand, collection, source and product (dimension, key), so a
-- 90-day window reads a few rows a day instead of every click; the live clickouts table answers
-- only the days not rolled up yet (store/dashboard_rollup.go). The indexes let the dashboard's
-- bounded windows read digests by day, their messages by send time and feed runs by start time.
-- Keep this file and sqlite/00015_dashboard.sql in step.

CREATE TABLE catalogue_snapshots (
    day            BIGINT PRIMARY KEY,
    products       BIGINT NOT NULL,
    offers         BIGINT NOT NULL,
    offers_on_sale BIGINT NOT NULL,
    taken_at       BIGINT NOT NULL
);

CREATE TABLE click_days (
    dimension      TEXT NOT NULL,
    day            BIGINT NOT NULL,
    key_id         BIGINT NOT NULL,
    key_text       TEXT NOT NULL,
    clicks         BIGINT NOT NULL,
    PRIMARY KEY (dimension, day, key_id, key_text)
);

CREATE INDEX digests_created ON digests(created_at);
CREATE INDEX digests_message ON digests(message_id);
CREATE INDEX messages_kind_sent ON messages(kind, sent_at);
CREATE INDEX feed_runs_started ON feed_runs(started_at);

-- +goose Down
SELECT 'down migrations are not supported';
