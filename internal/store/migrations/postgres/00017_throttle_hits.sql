-- +goose Up
-- Rate limits shared by every tagdrop process (issue 8: throttles live in the database, not in
-- one process). One row per counted event (a failed sign-in, a mail request, a tracked page) in
-- a scope ("signin", "mail", "track"); key is a hash of what is counted (a client network, an
-- address, a shopper), never the address itself. Rows older than the window are swept.
-- Keep this file and the other dialect's 00017 in step.
CREATE TABLE throttle_hits (
    scope         TEXT NOT NULL,
    key           TEXT NOT NULL,
    at            BIGINT NOT NULL
);
CREATE INDEX throttle_hits_key ON throttle_hits(scope, key, at);
CREATE INDEX throttle_hits_at ON throttle_hits(at);

-- +goose Down
DROP TABLE throttle_hits;
