-- +goose Up
-- Where each offer's price history stood at a recent month start (issue 8: the product chart
-- reads only the months it draws). history_mark is a UTC month start (Unix ms); the other four
-- columns are the offer's change in force then (its last price change before the mark, the
-- last by id at that instant), all NULL when it had none. The chart starts 90 days back with
-- the change in force there: the newest change between the mark and that start when there is
-- one, else the one stored here. On PostgreSQL that saves probing every older monthly
-- partition; SQLite's one table needs no help, but keeps the same columns and statements. An
-- offer whose mark is NULL is read the old way.
--
-- The price-history maintenance job (store.AdvanceHistoryMarks) fills the marks: existing
-- offers at its first run after the upgrade, 2,000 offers per transaction, then new offers and
-- the monthly move. This migration only adds the columns.
--
-- Keep this file and the other dialect's 00021 in step.
ALTER TABLE offers ADD COLUMN history_mark INTEGER;
ALTER TABLE offers ADD COLUMN history_mark_at INTEGER;
ALTER TABLE offers ADD COLUMN history_mark_price INTEGER;
ALTER TABLE offers ADD COLUMN history_mark_regular_price INTEGER;
ALTER TABLE offers ADD COLUMN history_mark_availability TEXT;

-- +goose Down
ALTER TABLE offers DROP COLUMN history_mark_availability;
ALTER TABLE offers DROP COLUMN history_mark_regular_price;
ALTER TABLE offers DROP COLUMN history_mark_price;
ALTER TABLE offers DROP COLUMN history_mark_at;
ALTER TABLE offers DROP COLUMN history_mark;
