-- A product page's price chart since issue 8's bounding (store.ProductSince): every offer's
-- last 90 days (store.ProductHistoryWindow, 7,776,000,000 ms) and its change in force before
-- them (looked for first in the 62 days before), plus the lowest price ever from the offers'
-- stored all-time lows. run.sh sets :since and :near.
\set p random(1, 100000)
WITH a AS MATERIALIZED (
    SELECT o.id AS offer, o.currency AS currency,
        COALESCE(COALESCE(
            (SELECT max(b.changed_at) FROM price_changes b WHERE b.offer_id = o.id
                AND b.changed_at >= :near AND b.changed_at < :since),
            (SELECT max(b.changed_at) FROM price_changes b WHERE b.offer_id = o.id
                AND b.changed_at < :near)), :since) AS since
    FROM offers o WHERE o.product_id = :p)
SELECT p.offer_id, p.changed_at, a.currency, p.price, p.regular_price, p.availability
FROM a JOIN price_changes p ON p.offer_id = a.offer AND p.changed_at >= a.since
ORDER BY p.changed_at, p.id;
SELECT o.currency, MIN(o.all_time_low) FROM offers o WHERE o.product_id = :p AND o.all_time_low > 0 GROUP BY o.currency;
