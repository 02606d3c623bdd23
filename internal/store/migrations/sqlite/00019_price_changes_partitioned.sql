-- +goose Up
-- PostgreSQL's 00019 partitions price_changes by month; SQLite keeps one table. Retention
-- (store.CompactPriceHistory) deletes old rows here one UTC day at a time, which needs price
-- changes by time: this index. Times only grow, so it is appended to at its right edge.
-- Keep this file and the other dialect's 00019 in step.
CREATE INDEX price_changes_at ON price_changes(changed_at);

-- +goose Down
DROP INDEX price_changes_at;
