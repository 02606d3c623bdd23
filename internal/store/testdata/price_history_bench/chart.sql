-- A product page's price chart (store.ProductDetail): every offer's history of one product.
\set p random(1, 100000)
SELECT pc.offer_id, pc.changed_at, o.currency, pc.price, pc.regular_price, pc.availability
    FROM price_changes pc JOIN offers o ON o.id = pc.offer_id
    WHERE o.product_id = :p ORDER BY pc.changed_at, pc.id;
