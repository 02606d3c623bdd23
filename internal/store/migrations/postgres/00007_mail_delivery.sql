-- +goose Up
-- Mail delivery (internal/jobs/sender.go): a sender claims queued messages with a lease
-- (lease_until, Unix ms; 0 = not claimed) so several senders can share the outbox and a sender
-- that dies leaves its messages claimable again when the lease ends. next_attempt_at delays a
-- retry after a temporary SMTP failure. list_unsubscribe is the one-click unsubscribe URL the
-- List-Unsubscribe header carries (empty for transactional mail). Keep this file and
-- sqlite/00007_mail_delivery.sql in step.

ALTER TABLE messages ADD COLUMN list_unsubscribe TEXT NOT NULL DEFAULT '';
ALTER TABLE messages ADD COLUMN lease_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE messages ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX messages_due ON messages(status, next_attempt_at, id);

-- +goose Down
SELECT 'down migrations are not supported';
