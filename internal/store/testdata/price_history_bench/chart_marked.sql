-- A product page's price chart with the offers' history marks (migration 00021,
-- store.ProductSince, as tagdrop reads it now): every offer's changes from the month before
-- the chart's start on (:lo), and its history mark. tagdrop takes each offer's change in force
-- at the start (90 days back) from those rows, or else from the mark's stored change; an
-- offer without a mark (new since the maintenance job last ran) costs one more statement that
-- this script leaves out. run.sh writes :lo into the text, as tagdrop does.
\set p random(1, 100000)
WITH a AS MATERIALIZED (
    SELECT o.id AS offer, o.currency AS currency, o.history_mark AS mark, o.history_mark_at AS mark_at,
        o.history_mark_price AS mark_price, o.history_mark_regular_price AS mark_regular,
        o.history_mark_availability AS mark_avail
    FROM offers o WHERE o.product_id = :p)
SELECT a.offer, a.currency, a.mark, a.mark_at, a.mark_price, a.mark_regular, a.mark_avail,
    p.changed_at, p.price, p.regular_price, p.availability
FROM a LEFT JOIN price_changes p ON p.offer_id = a.offer AND p.changed_at >= :lo
ORDER BY a.offer, p.changed_at, p.id;
SELECT o.currency, MIN(o.all_time_low) FROM offers o WHERE o.product_id = :p AND o.all_time_low > 0 GROUP BY o.currency;
