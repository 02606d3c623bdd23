-- +goose Up
-- Feeds and webhooks (docs/feeds-webhooks.md).
-- feed_tokens: one private Atom feed token per shopper; only its SHA-256 is kept. Revoking
-- deletes the row; creating a new one replaces it, so the old URL stops working at once.
-- webhooks: URLs a shopper registered, each with its own HMAC secret (kept in clear: tagdrop
-- must sign with it; the page shows it only once).
-- webhook_deliveries: the webhook outbox. One row per webhook and event (event_key, e.g.
-- "digest:12"), so enqueueing twice adds nothing; the payload is frozen at enqueue time. A
-- sender claims due rows with a lease (lease_until, Unix ms; 0 = not claimed) like the mail
-- outbox, so a crash loses none. Keep this file and postgres/00009_feeds_webhooks.sql in step.

CREATE TABLE feed_tokens (
    user_id       INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    token_hash    TEXT NOT NULL UNIQUE,
    created_at    INTEGER NOT NULL
);

CREATE TABLE webhooks (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    url           TEXT NOT NULL,
    secret        TEXT NOT NULL,
    created_at    INTEGER NOT NULL
);
CREATE INDEX webhooks_user ON webhooks(user_id, id);

CREATE TABLE webhook_deliveries (
    id              INTEGER PRIMARY KEY,
    webhook_id      INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event           TEXT NOT NULL,
    event_key       TEXT NOT NULL,
    payload         TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'queued',
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    response_code   INTEGER NOT NULL DEFAULT 0,
    created_at      INTEGER NOT NULL,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    lease_until     INTEGER NOT NULL DEFAULT 0,
    done_at         INTEGER,
    UNIQUE (webhook_id, event_key)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at, id);

-- +goose Down
SELECT 'down migrations are not supported';
