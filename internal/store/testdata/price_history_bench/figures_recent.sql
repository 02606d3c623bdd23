-- The figures refresh's read since issue 8's bounding (store.CatalogTx.RecentPriceHistories):
-- 500 offers' changes of the last 90 days (store.FiguresLookBack, 7,776,000,000 ms) and the
-- change in force before them, looked for in the 62 days before (anchorLookBack,
-- 5,356,800,000 ms), beside the offers' stored figures and current state. run.sh sets :since
-- and :near.
\set first random(1, 999500)
WITH a AS MATERIALIZED (
    SELECT o.id AS offer, COALESCE(o.all_time_low, 0) AS low, o.questionable AS q, COALESCE(o.figures_until, 1) AS until,
        o.price AS price, o.regular_price AS regular, o.availability AS avail,
        (SELECT max(b.changed_at) FROM price_changes b WHERE b.offer_id = o.id AND b.changed_at >= :near AND b.changed_at < :since) AS anchor
    FROM offers o WHERE o.id BETWEEN :first AND :first + 499)
SELECT a.offer, a.low, a.q, a.until, a.price, a.regular, a.avail, CASE WHEN a.anchor IS NULL THEN 0 ELSE 1 END,
    p.changed_at, p.price, p.regular_price, p.availability
FROM a LEFT JOIN price_changes p ON p.offer_id = a.offer
    AND p.changed_at >= COALESCE(a.anchor, :since) AND p.changed_at >= :near
ORDER BY a.offer, p.changed_at, p.id;
