-- +goose Up
-- Loves, tracked product pages and saved searches (issue 5).
-- A love remembers the state its alerts were last decided on (seen_*: the baseline price, its
-- currency, whether the chosen size was in stock, and when that baseline was set), so alerts
-- compare with what the shopper was last told, not with every small wobble. bought_price is
-- what the shopper paid ("I bought it"), the basis of price protection.
-- love_alerts is the durable record of decided alerts, for delivery (push, e-mail) to pick up:
-- one row per love, kind and baseline (basis_at), so a rerun of the evaluation never adds a
-- second row for the same change.
-- tracked_pages are product pages a shopper pasted: the scheduler re-checks them.
-- Keep this file and postgres/00006_loves.sql in step.

ALTER TABLE loves ADD COLUMN bought_price INTEGER;
ALTER TABLE loves ADD COLUMN seen_price INTEGER;
ALTER TABLE loves ADD COLUMN seen_currency TEXT NOT NULL DEFAULT '';
ALTER TABLE loves ADD COLUMN seen_in_stock INTEGER;
ALTER TABLE loves ADD COLUMN seen_at INTEGER;
CREATE INDEX loves_product ON loves(product_id);

CREATE TABLE love_alerts (
    id            INTEGER PRIMARY KEY,
    love_id       INTEGER NOT NULL REFERENCES loves(id) ON DELETE CASCADE,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    offer_id      INTEGER REFERENCES offers(id) ON DELETE SET NULL,
    currency      TEXT NOT NULL,
    price         INTEGER NOT NULL,
    previous_price INTEGER NOT NULL DEFAULT 0,
    basis_at      INTEGER NOT NULL,
    created_at    INTEGER NOT NULL,
    delivered_at  INTEGER,
    UNIQUE (love_id, kind, basis_at)
);
CREATE INDEX love_alerts_user ON love_alerts(user_id, id);
CREATE INDEX love_alerts_undelivered ON love_alerts(id) WHERE delivered_at IS NULL;

CREATE UNIQUE INDEX saved_searches_user_name ON saved_searches(user_id, name);

CREATE TABLE tracked_pages (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    love_id       INTEGER REFERENCES loves(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    checked_at    INTEGER NOT NULL,
    next_check_at INTEGER NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    UNIQUE (user_id, url)
);
CREATE INDEX tracked_pages_due ON tracked_pages(next_check_at);

-- +goose Down
SELECT 'down migrations are not supported';
