-- +goose Up
-- Click-outs (issue 7). Brand affinity reads one shopper's recent clicks (user_id, at); the
-- admin dashboard groups clicks by retailer, brand and product over time; deleting an offer or a
-- product sets its clicks' reference to NULL, which needs an index to find them. Affiliate templates live in
-- retailers.affiliate_template (00001). Keep this file and the other dialect's 00010 in step.
CREATE INDEX clickouts_user_at ON clickouts(user_id, at);
CREATE INDEX clickouts_retailer_at ON clickouts(retailer_id, at);
CREATE INDEX clickouts_brand_at ON clickouts(brand_id, at);
CREATE INDEX clickouts_product ON clickouts(product_id);
CREATE INDEX clickouts_offer ON clickouts(offer_id);

-- +goose Down
DROP INDEX clickouts_offer;
DROP INDEX clickouts_product;
DROP INDEX clickouts_brand_at;
DROP INDEX clickouts_retailer_at;
DROP INDEX clickouts_user_at;
