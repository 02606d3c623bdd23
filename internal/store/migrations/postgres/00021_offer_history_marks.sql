-- +goose Up
-- Where each offer's price history stood at a recent month start (issue 8: the product chart
-- reads only the months it draws). history_mark is a UTC month start (Unix ms); the other four
-- columns are the offer's change in force then (its last price change before the mark, the
-- last by id at that instant), all NULL when it had none. The chart starts 90 days back with
-- the change in force there: the newest change between the mark and that start when there is
-- one (read with the chart's rows, from the month before the start on), else the one stored
-- here, so PostgreSQL reads the partitions of the chart's months and no older one. An offer
-- whose mark is NULL is read the old way.
--
-- The price-history maintenance job (store.AdvanceHistoryMarks) fills the marks: existing
-- offers at its first run after the upgrade, 2,000 offers per transaction, then new offers and
-- the monthly move. This migration only adds the columns, so it takes its lock on offers for
-- an instant: a backfill here would hold every reader of offers for the whole UPDATE (measured:
-- 46 s at 1M offers and 10M price changes).
--
-- Keep this file and the other dialect's 00021 in step.
ALTER TABLE offers ADD COLUMN history_mark BIGINT;
ALTER TABLE offers ADD COLUMN history_mark_at BIGINT;
ALTER TABLE offers ADD COLUMN history_mark_price BIGINT;
ALTER TABLE offers ADD COLUMN history_mark_regular_price BIGINT;
ALTER TABLE offers ADD COLUMN history_mark_availability TEXT;

-- +goose Down
ALTER TABLE offers DROP COLUMN history_mark_availability;
ALTER TABLE offers DROP COLUMN history_mark_regular_price;
ALTER TABLE offers DROP COLUMN history_mark_price;
ALTER TABLE offers DROP COLUMN history_mark_at;
ALTER TABLE offers DROP COLUMN history_mark;
