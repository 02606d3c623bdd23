-- The statements store.AdvanceHistoryMarks runs, driven from psql for timing on the benchmark
-- data (docs/OPERATIONS.md, "Price history"): every offer's history mark moved up to :mark
-- (Unix ms, a UTC month start), 2,000 offer ids per transaction. With :mark the marks already
-- hold, it times the job's run that finds nothing to do.
--   mark=$(( $(date -u -d "$(date -u -d @$(( $(date +%s) - 7776000 )) +%Y-%m-01)" +%s) * 1000 ))
--   psql -v mark=$mark -f advance_marks.sql DB      # store.HistoryMark(now), as run.sh does
\set ON_ERROR_STOP on
CREATE TEMP TABLE advance_marks_args AS SELECT :mark::bigint AS mark;
CREATE OR REPLACE PROCEDURE pg_temp.advance_marks() LANGUAGE plpgsql AS $$
DECLARE
    m bigint := (SELECT mark FROM advance_marks_args);
    top bigint := (SELECT max(id) FROM offers);
    lo bigint := 0;
    ids bigint[];
BEGIN
    WHILE lo < top LOOP
        ids := ARRAY(SELECT id FROM offers WHERE id > lo AND id <= lo + 2000
            AND (history_mark IS NULL OR history_mark < m) FOR UPDATE SKIP LOCKED);
        UPDATE offers SET
            (history_mark_at, history_mark_price, history_mark_regular_price, history_mark_availability) = (
                SELECT b.changed_at, b.price, b.regular_price, b.availability FROM price_changes b
                WHERE b.offer_id = offers.id AND b.changed_at >= COALESCE(offers.history_mark, -9223372036854775807) AND b.changed_at < m
                ORDER BY b.changed_at DESC, b.id DESC LIMIT 1)
            WHERE id = ANY(ids) AND EXISTS (
                SELECT 1 FROM price_changes b WHERE b.offer_id = offers.id
                    AND b.changed_at >= COALESCE(offers.history_mark, -9223372036854775807) AND b.changed_at < m);
        UPDATE offers SET history_mark = m WHERE id = ANY(ids);
        COMMIT;
        lo := lo + 2000;
    END LOOP;
END
$$;
\timing on
CALL pg_temp.advance_marks();
