-- +goose Up
-- Love alerts by e-mail (docs/digests.md): each delivery channel records its own delivery of a
-- love alert, so the digest (channel 'email') and web push (love_alerts.delivered_at, set by
-- internal/jobs/push.go) never wait for or hide each other. A row here means the alert was put
-- into a stored digest or love-alert mail, in the same transaction that stored it; the primary
-- key makes a second delivery on the same channel impossible.
-- Keep this file and sqlite/00011_love_alert_deliveries.sql in step.

CREATE TABLE love_alert_deliveries (
    alert_id     BIGINT NOT NULL REFERENCES love_alerts(id) ON DELETE CASCADE,
    channel      TEXT NOT NULL,
    delivered_at BIGINT NOT NULL,
    PRIMARY KEY (alert_id, channel)
);

-- +goose Down
SELECT 'down migrations are not supported';
