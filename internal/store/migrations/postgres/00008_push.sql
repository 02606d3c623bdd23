-- +goose Up
-- Web push delivery of love alerts (internal/jobs/push.go): a push sender claims undelivered
-- alerts with a lease (push_lease_until, Unix ms; 0 = not claimed), so several workers share the
-- work and a sender that dies leaves its alerts claimable again when the lease ends; a failed
-- send sets the lease to the retry time. push_attempts counts claims, for backoff and giving up.
-- Keep this file and sqlite/00008_push.sql in step.

ALTER TABLE love_alerts ADD COLUMN push_lease_until BIGINT NOT NULL DEFAULT 0;
ALTER TABLE love_alerts ADD COLUMN push_attempts BIGINT NOT NULL DEFAULT 0;
CREATE INDEX push_subscriptions_user ON push_subscriptions(user_id);

-- +goose Down
SELECT 'down migrations are not supported';
