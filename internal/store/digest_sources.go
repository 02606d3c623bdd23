package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/tagdrop/tagdrop/internal/account"
	"github.com/tagdrop/tagdrop/internal/alerts"
)

// What a digest run reads besides preferences and sent history: saved searches, when each
// shopper's previous digest was made, and love alerts for e-mail. Each reads a whole batch of
// shoppers in one statement per thousand shoppers.

// LoveChannelEmail is the love_alert_deliveries channel of digests and love-alert mails.
const LoveChannelEmail = "email"

// SavedSearchesOf reads the saved searches of several shoppers, each shopper's by name.
func (db *DB) SavedSearchesOf(ctx context.Context, userIDs []int64) (map[int64][]alerts.SavedSearch, error) {
	out := make(map[int64][]alerts.SavedSearch)
	ph := db.placeholders()
	for start := 0; start < len(userIDs); start += maxRowsPerStatement {
		part := userIDs[start:min(len(userIDs), start+maxRowsPerStatement)]
		err := eachRow(ctx, db.sql, `SELECT id, user_id, name, query FROM saved_searches WHERE user_id IN (`+ph.inList(len(part), 1)+`)
			ORDER BY user_id, name, id`, int64Args(part), func(rows *sql.Rows) error {
			var s alerts.SavedSearch
			if err := rows.Scan(&s.ID, &s.UserID, &s.Name, &s.Query); err != nil {
				return err
			}
			out[s.UserID] = append(out[s.UserID], s)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("saved searches of %d shoppers: %w", len(part), err)
		}
	}
	return out, nil
}

// PreviousDigestsOf reads when each shopper's latest digest was made (stored or empty;
// love-alert mails, whose period keys start with alerts.LoveSlotPrefix, aside).
func (db *DB) PreviousDigestsOf(ctx context.Context, userIDs []int64) (map[int64]time.Time, error) {
	out := make(map[int64]time.Time)
	ph := db.placeholders()
	for start := 0; start < len(userIDs); start += maxRowsPerStatement {
		part := userIDs[start:min(len(userIDs), start+maxRowsPerStatement)]
		args := append(int64Args(part), alerts.LoveSlotPrefix+"%")
		err := eachRow(ctx, db.sql, `SELECT user_id, MAX(created_at) FROM digests WHERE user_id IN (`+ph.inList(len(part), 1)+`)
			AND period_key NOT LIKE `+ph.inList(1, len(part)+1)+` GROUP BY user_id`, args, func(rows *sql.Rows) error {
			var uid, at int64
			if err := rows.Scan(&uid, &at); err != nil {
				return err
			}
			out[uid] = fromMS(at)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("previous digests of %d shoppers: %w", len(part), err)
		}
	}
	return out, nil
}

// LoveNoticesOf reads the shoppers' love alerts created at or after since that e-mail has not
// delivered (no love_alert_deliveries row of channel email), with the product, brand, chosen
// size and the alert offer's retailer; Pushed tells whether push delivered them.
func (db *DB) LoveNoticesOf(ctx context.Context, userIDs []int64, since time.Time) (map[int64][]alerts.LoveNotice, error) {
	out := make(map[int64][]alerts.LoveNotice)
	ph := db.placeholders()
	for start := 0; start < len(userIDs); start += maxRowsPerStatement {
		part := userIDs[start:min(len(userIDs), start+maxRowsPerStatement)]
		n := len(part)
		args := append(int64Args(part), since.UnixMilli(), LoveChannelEmail)
		err := eachRow(ctx, db.sql, `SELECT a.id, a.love_id, a.user_id, l.product_id, p.title, COALESCE(b.name, ''), l.size,
				COALESCE(r.name, ''), p.image_url, a.kind, COALESCE(a.offer_id, 0), a.currency, a.price, a.previous_price,
				a.created_at, CASE WHEN a.delivered_at IS NULL THEN 0 ELSE 1 END
			FROM love_alerts a JOIN loves l ON l.id = a.love_id JOIN products p ON p.id = l.product_id
				LEFT JOIN brands b ON b.id = p.brand_id LEFT JOIN offers o ON o.id = a.offer_id LEFT JOIN retailers r ON r.id = o.retailer_id
			WHERE a.user_id IN (`+ph.inList(n, 1)+`) AND a.created_at >= `+ph.inList(1, n+1)+`
				AND NOT EXISTS (SELECT 1 FROM love_alert_deliveries d WHERE d.alert_id = a.id AND d.channel = `+ph.inList(1, n+2)+`)
			ORDER BY a.user_id, a.id`, args, func(rows *sql.Rows) error {
			var ln alerts.LoveNotice
			var kind string
			var created, pushed int64
			if err := rows.Scan(&ln.AlertID, &ln.LoveID, &ln.UserID, &ln.ProductID, &ln.Title, &ln.Brand, &ln.Size, &ln.Retailer,
				&ln.ImageURL, &kind, &ln.OfferID, &ln.Currency, &ln.Price, &ln.PreviousPrice, &created, &pushed); err != nil {
				return err
			}
			ln.Kind, ln.CreatedAt, ln.Pushed = alerts.LoveAlertKind(kind), fromMS(created), pushed != 0
			out[ln.UserID] = append(out[ln.UserID], ln)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("love alerts of %d shoppers: %w", len(part), err)
		}
	}
	return out, nil
}

// LoveMailRecipients lists shoppers with id > after, by id, at most limit, whose address has
// not bounced, whose digests are not off (off is what one-click unsubscribe sets: it stops
// every mail; shoppers without preferences never chose) and who have a love alert created in [from, to] that neither e-mail nor push
// delivered, with their digest schedule (hour 8, UTC, digests off without preferences). It
// starts from the alerts push has not delivered (the love_alerts_undelivered index), not from
// every user, since a worker asks every few minutes.
func (db *DB) LoveMailRecipients(ctx context.Context, after int64, limit int, from, to time.Time) ([]alerts.Recipient, error) {
	var out []alerts.Recipient
	err := eachRow(ctx, db.sql, `SELECT u.id, u.email, COALESCE(p.frequency, 'off'), COALESCE(p.digest_hour, 8), COALESCE(p.time_zone, 'UTC'),
			CASE WHEN p.user_id IS NULL THEN 0 ELSE 1 END
		FROM users u LEFT JOIN preferences p ON p.user_id = u.id
		WHERE u.bounced_at IS NULL AND u.email_verified_at IS NOT NULL AND (p.user_id IS NULL OR p.frequency <> 'off') AND u.id IN (SELECT a.user_id FROM love_alerts a
			WHERE a.delivered_at IS NULL AND a.user_id > $1 AND a.created_at >= $2 AND a.created_at <= $3
				AND NOT EXISTS (SELECT 1 FROM love_alert_deliveries d WHERE d.alert_id = a.id AND d.channel = $4))
		ORDER BY u.id LIMIT $5`, []any{after, from.UnixMilli(), to.UnixMilli(), LoveChannelEmail, limit}, func(rows *sql.Rows) error {
		var s alerts.Recipient
		var freq string
		var prefs int
		if err := rows.Scan(&s.UserID, &s.Email, &freq, &s.DigestHour, &s.TimeZone, &prefs); err != nil {
			return err
		}
		s.Frequency, s.HasPreferences = account.Frequency(freq), prefs != 0
		out = append(out, s)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("love alert mail shoppers: %w", err)
	}
	return out, nil
}
