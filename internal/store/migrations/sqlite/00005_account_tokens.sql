-- +goose Up
-- Single-use tokens for the links tagdrop e-mails: address verification, password reset and
-- password-less sign-in. Only the SHA-256 of a token is kept (like sessions), so a copy of the
-- database cannot be turned into working links. A token works once (used_at), only for its
-- purpose and only before expires_at; it goes with its user. Keep this file and
-- postgres/00005_account_tokens.sql in step.

CREATE TABLE account_tokens (
    token_hash    TEXT PRIMARY KEY,
    user_id       INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    purpose       TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'signin')),
    created_at    INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    used_at       INTEGER
);
CREATE INDEX account_tokens_user ON account_tokens(user_id, purpose);
CREATE INDEX account_tokens_expires ON account_tokens(expires_at);

-- +goose Down
SELECT 'down migrations are not supported';
