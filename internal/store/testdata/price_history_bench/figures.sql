-- The figures refresh's read (store.CatalogTx.PriceHistories): the histories of 500 offers.
\set first random(1, 999500)
SELECT offer_id, changed_at, price, regular_price, availability FROM price_changes
    WHERE offer_id BETWEEN :first AND :first + 499 ORDER BY offer_id, changed_at, id;
