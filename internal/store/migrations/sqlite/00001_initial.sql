-- +goose Up
-- tagdrop's first schema. Times are Unix milliseconds (UTC); money is integer minor units
-- beside an ISO 4217 currency code. Keep this file and postgres/00001_initial.sql in step.

CREATE TABLE retailers (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    website       TEXT NOT NULL DEFAULT '',
    currency      TEXT NOT NULL DEFAULT 'EUR',
    affiliate_template TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL
);

CREATE TABLE feeds (
    id            INTEGER PRIMARY KEY,
    retailer_id   INTEGER NOT NULL REFERENCES retailers(id) ON DELETE CASCADE,
    source        TEXT NOT NULL,
    format        TEXT NOT NULL DEFAULT 'auto',
    column_map    TEXT NOT NULL DEFAULT '',
    refresh_minutes INTEGER NOT NULL DEFAULT 360,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    last_run_at   INTEGER,
    next_run_at   INTEGER,
    created_at    INTEGER NOT NULL,
    UNIQUE (retailer_id, source)
);

CREATE TABLE feed_runs (
    id            INTEGER PRIMARY KEY,
    feed_id       INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    retailer_id   INTEGER REFERENCES retailers(id) ON DELETE CASCADE,
    source        TEXT NOT NULL,
    format        TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'running',
    observed_at   INTEGER NOT NULL,
    started_at    INTEGER NOT NULL,
    finished_at   INTEGER,
    read_count    INTEGER NOT NULL DEFAULT 0,
    new_count     INTEGER NOT NULL DEFAULT 0,
    changed_count INTEGER NOT NULL DEFAULT 0,
    unchanged_count INTEGER NOT NULL DEFAULT 0,
    rejected_count INTEGER NOT NULL DEFAULT 0,
    gone_count    INTEGER NOT NULL DEFAULT 0,
    errors        TEXT NOT NULL DEFAULT '[]'
);

CREATE TABLE brands (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE brand_aliases (
    alias         TEXT PRIMARY KEY,
    brand_id      INTEGER NOT NULL REFERENCES brands(id) ON DELETE CASCADE
);

CREATE TABLE categories (
    id            INTEGER PRIMARY KEY,
    parent_id     INTEGER REFERENCES categories(id) ON DELETE CASCADE,
    slug          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    path          TEXT NOT NULL UNIQUE,
    google_id     INTEGER,
    size_kind     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX categories_parent ON categories(parent_id);

CREATE TABLE products (
    id            INTEGER PRIMARY KEY,
    product_key   TEXT NOT NULL UNIQUE,
    brand_id      INTEGER REFERENCES brands(id) ON DELETE SET NULL,
    category_id   INTEGER REFERENCES categories(id) ON DELETE SET NULL,
    title         TEXT NOT NULL,
    description   TEXT NOT NULL DEFAULT '',
    color         TEXT NOT NULL DEFAULT '',
    color_family  TEXT NOT NULL DEFAULT '',
    material      TEXT NOT NULL DEFAULT '',
    gender        TEXT NOT NULL DEFAULT '',
    image_url     TEXT NOT NULL DEFAULT '',
    gtin          TEXT NOT NULL DEFAULT '',
    mpn           TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);
CREATE INDEX products_brand ON products(brand_id);
CREATE INDEX products_category ON products(category_id);

CREATE TABLE offers (
    id            INTEGER PRIMARY KEY,
    retailer_id   INTEGER NOT NULL REFERENCES retailers(id) ON DELETE CASCADE,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    item_id       TEXT NOT NULL,
    url           TEXT NOT NULL DEFAULT '',
    size          TEXT NOT NULL DEFAULT '',
    size_system   TEXT NOT NULL DEFAULT '',
    color         TEXT NOT NULL DEFAULT '',
    currency      TEXT NOT NULL,
    price         INTEGER NOT NULL,
    regular_price INTEGER NOT NULL,
    availability  TEXT NOT NULL DEFAULT 'unknown',
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    gone_at       INTEGER,
    updated_at    INTEGER NOT NULL,
    UNIQUE (retailer_id, item_id)
);
CREATE INDEX offers_product ON offers(product_id);

CREATE TABLE price_changes (
    id            INTEGER PRIMARY KEY,
    offer_id      INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    changed_at    INTEGER NOT NULL,
    price         INTEGER NOT NULL,
    regular_price INTEGER NOT NULL,
    availability  TEXT NOT NULL,
    feed_run_id   INTEGER REFERENCES feed_runs(id) ON DELETE SET NULL
);
CREATE INDEX price_changes_offer ON price_changes(offer_id, changed_at);

CREATE TABLE sale_events (
    id            INTEGER PRIMARY KEY,
    offer_id      INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    at            INTEGER NOT NULL,
    price         INTEGER NOT NULL,
    regular_price INTEGER NOT NULL,
    discount_pct  INTEGER NOT NULL DEFAULT 0,
    questionable  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sale_events_at ON sale_events(at);
CREATE INDEX sale_events_offer ON sale_events(offer_id);

CREATE TABLE changes (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    entity        TEXT NOT NULL,
    entity_id     INTEGER NOT NULL,
    at            INTEGER NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT 'shopper',
    display_name  TEXT NOT NULL DEFAULT '',
    email_verified_at INTEGER,
    bounced_at    INTEGER,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    data          BLOB,
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE preferences (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    currency      TEXT NOT NULL DEFAULT 'EUR',
    max_price     INTEGER,
    min_discount_pct INTEGER NOT NULL DEFAULT 0,
    hide_questionable INTEGER NOT NULL DEFAULT 1,
    frequency     TEXT NOT NULL DEFAULT 'daily',
    digest_hour   INTEGER NOT NULL DEFAULT 8,
    time_zone     TEXT NOT NULL DEFAULT 'UTC',
    updated_at    INTEGER NOT NULL
);

CREATE TABLE preference_brands (
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    brand_id      INTEGER NOT NULL REFERENCES brands(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, brand_id)
);
CREATE INDEX preference_brands_brand ON preference_brands(brand_id);

CREATE TABLE preference_sizes (
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    system        TEXT NOT NULL,
    value         TEXT NOT NULL,
    PRIMARY KEY (user_id, kind, system, value)
);

CREATE TABLE preference_categories (
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    category_id   INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, category_id)
);

CREATE TABLE loves (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    offer_id      INTEGER REFERENCES offers(id) ON DELETE SET NULL,
    size          TEXT NOT NULL DEFAULT '',
    color         TEXT NOT NULL DEFAULT '',
    target_price  INTEGER,
    alert_any_drop INTEGER NOT NULL DEFAULT 1,
    alert_back_in_stock INTEGER NOT NULL DEFAULT 1,
    bought_at     INTEGER,
    protect_days  INTEGER NOT NULL DEFAULT 0,
    created_at    INTEGER NOT NULL,
    UNIQUE (user_id, product_id, size, color)
);

CREATE TABLE saved_searches (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name          TEXT NOT NULL,
    query         TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX saved_searches_user ON saved_searches(user_id);

CREATE TABLE messages (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER REFERENCES users(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,
    message_id    TEXT NOT NULL UNIQUE,
    to_addr       TEXT NOT NULL,
    subject       TEXT NOT NULL,
    text_body     TEXT NOT NULL,
    html_body     TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'queued',
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    sent_at       INTEGER
);
CREATE INDEX messages_status ON messages(status, created_at);

CREATE TABLE digests (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    message_id    INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    period_key    TEXT NOT NULL,
    status        TEXT NOT NULL DEFAULT 'pending',
    created_at    INTEGER NOT NULL,
    UNIQUE (user_id, period_key)
);

CREATE TABLE digest_items (
    digest_id     INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    offer_id      INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    price         INTEGER NOT NULL,
    regular_price INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (digest_id, position)
);

CREATE TABLE sent_items (
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    offer_id      INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,
    price         INTEGER NOT NULL,
    sent_at       INTEGER NOT NULL,
    PRIMARY KEY (user_id, offer_id)
);

CREATE TABLE push_subscriptions (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    endpoint      TEXT NOT NULL UNIQUE,
    p256dh        TEXT NOT NULL,
    auth          TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);

CREATE TABLE clickouts (
    id            INTEGER PRIMARY KEY,
    offer_id      INTEGER REFERENCES offers(id) ON DELETE SET NULL,
    product_id    INTEGER REFERENCES products(id) ON DELETE SET NULL,
    brand_id      INTEGER REFERENCES brands(id) ON DELETE SET NULL,
    retailer_id   INTEGER REFERENCES retailers(id) ON DELETE SET NULL,
    user_id       INTEGER REFERENCES users(id) ON DELETE SET NULL,
    source        TEXT NOT NULL,
    at            INTEGER NOT NULL
);
CREATE INDEX clickouts_at ON clickouts(at);

CREATE TABLE collections (
    id            INTEGER PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    title         TEXT NOT NULL,
    cover_image   TEXT NOT NULL DEFAULT '',
    intro_md      TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'draft',
    publish_at    INTEGER,
    author_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
    created_at    INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL
);

CREATE TABLE collection_items (
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    blurb         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (collection_id, position)
);

CREATE TABLE settings (
    key           TEXT PRIMARY KEY,
    value         TEXT NOT NULL
);

-- +goose Down
SELECT 'down migrations are not supported';
